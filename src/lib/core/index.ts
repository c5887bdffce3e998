/**
 * The public API of the Service Drill core: pure TypeScript, no Svelte, DOM or storage.
 * Parse and lint scenarios, run them, score runs and typed replies; parse programmes and
 * work out progress, certification, spaced practice and the progress dashboard.
 */
export { parseScenario, MAX_NODES, MAX_SOURCE_CHARS, type ParseResult } from './parse.ts';
export { slugify, plainInline } from './slug.ts';
export { splitSegments, isCustomerSpeaker, lastCustomerLine, replyContextAt, type Segment } from './segments.ts';
export { hashSource } from './hash.ts';
export { cardOf } from './card.ts';
export { compileScenario, markdownPieces, renderText } from './compile.ts';
export {
	RECORD_VERSION,
	readScenarioRecord,
	type MarkdownRenderer,
	type RenderedText,
	type ScenarioRecord,
	type ScenarioCard,
	type ProgrammeEntry
} from './record.ts';
export {
	RUN_SAVE_VERSION,
	MIN_COMPATIBLE_RUN_VERSION,
	startRun,
	type RunStart,
	displayOrder,
	replyOrderAt,
	newRunSeed,
	availableChoices,
	choose,
	freeReplyPrompt,
	findNode,
	scoreRun,
	reviewRun,
	betterReplies,
	type BetterReplyGroup,
	readRunState,
	type RunState,
	type Step,
	type Totals,
	type AvailableChoice,
	type RunScore,
	type DecisionReview,
	type BetterReply
} from './engine.ts';
export {
	bandFor,
	BAND_LABEL,
	outcomeFromMood,
	moodBand,
	MOOD_BANDS,
	type MoodBand,
	csatFromMood,
	npsFromMood,
	recommendFromMood,
	scoreDimension,
	type Band,
	type NpsClass,
	type DimensionScore,
	type ScoredDecision
} from './scoring.ts';
export { submitReply, assessReplyHere } from './free-reply.ts';
export { scoreReply, type ReplyContext, type ReplyAssessment, type Evidence } from './rubric.ts';
export { signOf, type ExpectedSign, type LabelledReply } from './labelled.ts';
export { disputeId, disputesToLabelled, MAX_DISPUTE_WHY, type Dispute } from './disputes.ts';
export { analyseScenario, type ScenarioAnalysis } from './analyse.ts';
export {
	analysePaths,
	LOOPS_BACK,
	PATH_COUNT_CAP,
	type PathAnalysis,
	type DimensionPaths,
	type EndingPaths,
	type NodePaths,
	type ExamplePath,
	type PathStep,
	type PathWarning,
	type PathWarningCode
} from './paths.ts';
export { moodTimeline, type MoodTimeline } from './timeline.ts';
export { inspectScenario, type ScenarioInspection } from './inspect.ts';
export {
	MAX_CHECKS,
	MAX_CHECK_STEPS,
	type CheckResult,
	type CheckPathStep,
	type CheckExpectationResult,
	type CheckOutcome,
	type CheckSubject
} from './checks.ts';
export {
	parseProgramme,
	passMarkText,
	renewalText,
	AUDIENCES,
	DEFAULT_PASS_MARK,
	DEFAULT_RENEWAL,
	PROGRAMME_DIAGNOSTIC_CODES,
	RENEWAL_UNITS,
	type Audience,
	type Programme,
	type ProgrammeParseResult,
	type ProgrammeStep,
	type RenewalPeriod,
	type RenewalUnit
} from './programme.ts';
export {
	addPeriod,
	attemptPasses,
	belowPassMark,
	dimensionEmphasis,
	dueFrom,
	programmeProgress,
	renewalLabel,
	retrySchedule,
	scoresOf,
	weakestDimension,
	weakestFirst,
	weakestFirstReason,
	weakestOf,
	DAY_MS,
	DIMENSION_NAME,
	DUE_WINDOW_DAYS,
	SPACING_DAYS,
	type Certification,
	type DimensionScores,
	type ProgrammeProgress,
	type ProgressOptions,
	type RenewalState,
	type RetrySchedule,
	type ScoredAttempt,
	type StepAttempt,
	type StepProgress,
	type StepStatus,
	type WeakestDimension
} from './programme-progress.ts';
export {
	summariseAttempts,
	netPromoterScore,
	npsBand,
	MAX_ATTEMPT_MS,
	type NpsBand,
	type ProgressSummary,
	type ScenarioResult,
	type TrendPoint
} from './programme-dashboard.ts';
export {
	practiseToday,
	PRACTISE_LIMIT,
	WEAKEST_PICKS,
	type Enrolled,
	type PractiseInput,
	type PractiseItem,
	type PractiseKind
} from './programme-practice.ts';
export * from './types.ts';
