/*
 * The backup file's schema (valibot). Every object is strict: a key the
 * format does not define is refused, so a hand-edited or hostile file cannot
 * carry extra data (or a `__proto__` key) into the database. The run state,
 * steps, scores and typed-reply assessments are the core's plain JSON, checked
 * to the same depth: a change to their shape in the core fails
 * tests/backup/schema.test.ts, which builds them with the core, until the
 * schema (and, if old files can no longer be read, BACKUP_FORMAT_VERSION) follows.
 */
import * as v from 'valibot';
import { RUN_SAVE_VERSION, MIN_COMPATIBLE_RUN_VERSION } from '$lib/core/engine';
import { DIMENSIONS, OUTCOMES, type DiagnosticCode, type Dimension } from '$lib/core/types';
import { MAX_DISPUTE_WHY } from '$lib/core/disputes';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, MAX_NAME, type BackupFileText } from './format';

/** Longest id, name or hash the format accepts: ours are 32 characters or less. */
const MAX_ID = 200;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));
const text = v.string();
/** Milliseconds since 1970, as Date.now() gives them. */
const time = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const authoredId = v.pipe(id, v.startsWith('~', 'a scenario made on a device has an id starting with ~'));
const sourceHash = v.pipe(v.string(), v.regex(/^[0-9a-f]{14}$/, 'a scenario hash is 14 hex digits'));

const perDimension = <T extends v.GenericSchema>(value: T) =>
	v.strictObject(Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, value])) as Record<Dimension, T>);

const effects = v.strictObject({
	empathy: v.optional(finite),
	flexibility: v.optional(finite),
	ownership: v.optional(finite),
	mood: v.optional(finite)
});

const evidence = v.strictObject({
	phrase: text,
	start: count,
	end: count,
	dimension: v.picklist([...DIMENSIONS, 'mood']),
	weight: finite,
	reason: text,
	feature: v.optional(text)
});

const assessment = v.strictObject({
	empathy: finite,
	flexibility: finite,
	ownership: finite,
	mood: finite,
	evidence: v.array(evidence),
	notes: v.array(text)
});

const step = v.strictObject({
	node: text,
	choice: count,
	available: v.array(count),
	effects,
	reply: v.optional(text),
	assessment: v.optional(assessment),
	moodBefore: finite,
	moodAfter: finite
});

const runState = v.strictObject({
	saveVersion: v.pipe(v.number(), v.integer(), v.minValue(MIN_COMPATIBLE_RUN_VERSION), v.maxValue(RUN_SAVE_VERSION)),
	scenarioId: id,
	scenarioHash: text,
	seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(4294967295))),
	node: text,
	mood: finite,
	totals: perDimension(finite),
	steps: v.array(step),
	ended: v.boolean(),
	outcome: v.optional(v.picklist(OUTCOMES))
});

const runScore = v.strictObject({
	dimensions: perDimension(
		v.strictObject({
			score: v.nullable(finite),
			band: v.nullable(v.picklist(['excellent', 'good', 'needs-work'])),
			decisions: count
		})
	),
	outcome: v.nullable(v.picklist(OUTCOMES)),
	finalMood: finite,
	csat: v.picklist([1, 2, 3, 4, 5]),
	recommend: finite,
	nps: v.picklist(['promoter', 'passive', 'detractor'])
});

const diagnostic = v.strictObject({
	severity: v.picklist(['error', 'warning']),
	// A code's shape, not the list of codes: that list would join the player's JavaScript (it shares core/types.ts).
	code: v.custom<DiagnosticCode>((value) => typeof value === 'string' && /^[a-z][a-z0-9-]{0,80}$/.test(value), 'a diagnostic code is lower-case words and hyphens'),
	message: text,
	hint: text,
	line: count,
	column: count,
	endLine: v.optional(count),
	endColumn: v.optional(count)
});

const card = v.strictObject({
	id: authoredId,
	hash: sourceHash,
	title: text,
	customer: text,
	summary: text,
	difficulty: v.picklist([1, 2, 3]),
	minutes: v.optional(finite),
	tags: v.array(text),
	errors: count,
	warnings: count,
	problems: v.array(diagnostic),
	origin: v.optional(v.literal('device')),
	emphasis: perDimension(finite)
});

const cue = v.strictObject({
	kind: v.picklist(['look-for', 'avoid']),
	phrases: v.array(text),
	effects,
	line: count
});

const profile = v.strictObject({
	id,
	name: v.pipe(
		v.string(),
		v.minLength(1),
		v.maxLength(MAX_NAME),
		v.check((name) => name === name.replace(/\s+/g, ' ').trim(), 'a learner name has no leading, trailing or double spaces')
	),
	createdAt: time,
	coachMode: v.boolean()
});

const attempt = v.strictObject({
	id,
	profileId: id,
	scenarioId: id,
	scenarioHash: text,
	scenarioTitle: text,
	mode: v.picklist(['coach', 'exam']),
	status: v.picklist(['in-progress', 'completed', 'abandoned']),
	startedAt: time,
	updatedAt: time,
	completedAt: v.optional(time),
	state: runState,
	score: v.optional(runScore)
});

const stepRow = v.strictObject({ attemptId: id, index: count, at: time, step: v.optional(step) });

const enrolment = v.strictObject({ id, profileId: id, programmeId: id, enrolledAt: time });

const dispute = v.strictObject({
	id: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID * 2)),
	profileId: id,
	attemptId: id,
	stepIndex: count,
	scenarioId: id,
	reply: text,
	context: v.strictObject({
		customer: text,
		policy: v.optional(text),
		customerLine: v.optional(text),
		previousReplies: v.optional(v.array(text)),
		cues: v.optional(v.array(cue))
	}),
	assessment,
	dimension: v.picklist(DIMENSIONS),
	expected: v.picklist(['+', '0', '-']),
	why: v.pipe(v.string(), v.maxLength(MAX_DISPUTE_WHY)),
	createdAt: time
});

const authored = v.strictObject({
	id: authoredId,
	source: text,
	revision: v.pipe(count, v.minValue(1)),
	title: text,
	errors: count,
	warnings: count,
	createdAt: time,
	updatedAt: time,
	cursor: v.optional(v.strictObject({ anchor: count, head: count })),
	deletedAt: v.optional(time),
	publishedHash: v.optional(sourceHash),
	publishedCard: v.optional(card)
});

const authoredRevision = v.strictObject({
	seq: v.optional(v.pipe(count, v.minValue(1))),
	scenarioId: authoredId,
	revision: v.pipe(count, v.minValue(1)),
	source: text,
	savedAt: time
});

const publishedVersion = v.strictObject({ scenarioId: authoredId, hash: sourceHash, source: text, publishedAt: time });

const setting = v.variant('key', [v.strictObject({ key: v.literal('currentProfileId'), value: id })]);

const data = v.strictObject({
	profiles: v.array(profile),
	attempts: v.array(attempt),
	steps: v.array(stepRow),
	enrolments: v.array(enrolment),
	disputes: v.array(dispute),
	authored: v.array(authored),
	authoredRevisions: v.array(authoredRevision),
	publishedVersions: v.array(publishedVersion),
	settings: v.array(setting)
});

export const backupSchema = v.strictObject({
	format: v.literal(BACKUP_FORMAT),
	formatVersion: v.literal(BACKUP_FORMAT_VERSION),
	appVersion: v.pipe(v.string(), v.maxLength(MAX_ID)),
	schemaVersion: v.pipe(count, v.minValue(1)),
	createdAt: v.pipe(v.string(), v.isoTimestamp()),
	scope: v.variant('kind', [
		v.strictObject({ kind: v.literal('device') }),
		v.strictObject({ kind: v.literal('learner'), profileId: id, name: v.pipe(v.string(), v.maxLength(MAX_NAME)) })
	]),
	counts: v.strictObject(Object.fromEntries(BACKUP_TABLES.map((table) => [table, count])) as Record<(typeof BACKUP_TABLES)[number], typeof count>),
	data,
	computed: v.optional(
		v.strictObject({
			certifications: v.array(v.strictObject({ profileId: id, programmeId: id, certifiedAt: time, expiresAt: v.nullable(time) }))
		})
	),
	checksum: v.strictObject({ algorithm: v.literal('SHA-256'), value: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)) })
});

/** What the schema accepts is a backup file as typed (checked by `npm run check`): the storage layer writes it as such. */
export type ParsedBackup = v.InferOutput<typeof backupSchema>;
const _accepted: (parsed: ParsedBackup) => BackupFileText = (parsed) => parsed;
void _accepted;
