/**
 * The public API of the Service Drill core: pure TypeScript, no Svelte, DOM or storage.
 * Parse and lint scenarios, run them, score runs and typed replies.
 */
export { parseScenario, MAX_NODES, MAX_SOURCE_CHARS, type ParseResult } from './parse.ts';
export { slugify, plainInline } from './slug.ts';
export { splitSegments, isCustomerSpeaker, lastCustomerLine, type Segment } from './segments.ts';
export { hashSource } from './hash.ts';
export { compileScenario, markdownPieces, renderText } from './compile.ts';
export {
	RECORD_VERSION,
	cardOf,
	readScenarioRecord,
	type MarkdownRenderer,
	type RenderedText,
	type ScenarioRecord,
	type ScenarioCard
} from './record.ts';
export {
	RUN_SAVE_VERSION,
	MIN_COMPATIBLE_RUN_VERSION,
	startRun,
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
export * from './types.ts';
