/*
 * Reading a backup file: every check a file must pass before anything is
 * shown as a preview, in the order a person would want to hear about them
 * (too big, not JSON, cut off, not ours, too new, malformed, damaged,
 * inconsistent). Nothing here touches the database; a file that fails any
 * check is refused with one plain sentence and a code tests can match.
 */
import * as v from 'valibot';
import { disputeId } from '$lib/core/disputes';
import { hashSource } from '$lib/core/hash';
import { canonicalJson, checksumOf } from './canonical';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, MAX_BACKUP_BYTES, MAX_DEPTH, countOf, type BackupFile, type BackupFileText } from './format';
import { backupSchema } from './schema';

export type BackupProblemCode =
	| 'too-large'
	| 'empty'
	| 'truncated'
	| 'not-json'
	| 'forbidden-key'
	| 'too-deep'
	| 'not-a-backup'
	| 'newer-format'
	| 'newer-schema'
	| 'invalid'
	| 'bad-checksum'
	| 'bad-counts'
	| 'duplicate'
	| 'dangling'
	| 'unreadable';

export interface BackupProblem {
	code: BackupProblemCode;
	/** One or two sentences for the person importing. */
	message: string;
}

export type BackupReading = { ok: true; backup: BackupFile; bytes: number } | { ok: false; problem: BackupProblem };

/** Keys that mean something to JavaScript objects: never data of ours, refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

const refuse = (code: BackupProblemCode, message: string): BackupReading => ({ ok: false, problem: { code, message } });

/**
 * Reads a picked file. Its size is checked before a byte of it is read, so a
 * huge file is refused at once instead of filling the memory.
 */
export async function readBackupBlob(blob: Blob, currentSchemaVersion: number): Promise<BackupReading> {
	if (blob.size > MAX_BACKUP_BYTES) return tooLarge(blob.size);
	let text: string;
	try {
		text = await blob.text();
	} catch (error) {
		return refuse('unreadable', `The file could not be read: ${(error as Error).message}`);
	}
	return readBackupText(text, currentSchemaVersion);
}

const tooLarge = (bytes: number) =>
	refuse(
		'too-large',
		`This file is ${megabytes(bytes)}; backups larger than ${megabytes(MAX_BACKUP_BYTES)} are refused. A Service Drill backup is much smaller: check that you picked the right file.`
	);

/** Checks a backup's text. `currentSchemaVersion` is this app's Dexie version: files from a newer one are refused. */
export async function readBackupText(raw: string, currentSchemaVersion: number): Promise<BackupReading> {
	const bytes = new TextEncoder().encode(raw).length;
	if (bytes > MAX_BACKUP_BYTES) return tooLarge(bytes);
	const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	if (text.trim() === '') return refuse('empty', 'The file is empty.');

	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		// A cut-off file fails at its end; anything else fails somewhere inside.
		const end = text.trimEnd();
		if (end.startsWith('{') && !end.endsWith('}')) {
			return refuse('truncated', 'The file ends too early: it was probably cut off while being copied or downloaded. Export it again from the other device.');
		}
		return refuse('not-json', `This is not a Service Drill backup: it is not JSON (${(error as Error).message}).`);
	}

	const shape = checkKeys(parsed);
	if (shape) return shape;

	const header = parsed as Record<string, unknown> | null;
	if (!header || typeof header !== 'object' || Array.isArray(header) || header.format !== BACKUP_FORMAT) {
		return refuse('not-a-backup', 'This JSON file is not a Service Drill backup.');
	}
	if (typeof header.formatVersion === 'number' && header.formatVersion > BACKUP_FORMAT_VERSION) {
		return refuse(
			'newer-format',
			`This backup was made by a newer version of Service Drill (backup format ${header.formatVersion}; this app reads format ${BACKUP_FORMAT_VERSION}). Update the app on this device (reload it while online), then import again.`
		);
	}
	if (typeof header.schemaVersion === 'number' && header.schemaVersion > currentSchemaVersion) {
		return refuse(
			'newer-schema',
			`This backup comes from a newer version of Service Drill (database version ${header.schemaVersion}; this app has version ${currentSchemaVersion}). Update the app on this device (reload it while online), then import again.`
		);
	}

	const result = v.safeParse(backupSchema, parsed, { abortEarly: true });
	if (!result.success) return refuse('invalid', `This backup is damaged or was edited by hand, so nothing was imported: ${describeIssue(result.issues[0])}.`);
	// The parsed JSON itself, not valibot's copy: what is stored is exactly what the file holds.
	const backup = parsed as BackupFileText;

	const { checksum, ...rest } = backup;
	if ((await checksumOf(canonicalJson(rest))) !== checksum.value) {
		return refuse('bad-checksum', 'This backup was changed or damaged after it was made (its checksum does not match its contents), so nothing was imported.');
	}

	for (const table of BACKUP_TABLES) {
		if (backup.counts[table] !== backup.data[table].length) {
			return refuse(
				'bad-counts',
				`This backup says it holds ${countOf(table, backup.counts[table])} but holds ${backup.data[table].length}, so nothing was imported.`
			);
		}
	}

	const integrity = checkIntegrity(backup);
	if (integrity) return integrity;
	return { ok: true, backup: withSteps(backup), bytes };
}

/** Puts back each decision's step that the file left out (it is the attempt's own; checkIntegrity made sure it exists). */
function withSteps(backup: BackupFileText): BackupFile {
	const states = new Map(backup.data.attempts.map((attempt) => [attempt.id, attempt.state.steps]));
	for (const row of backup.data.steps) row.step ??= states.get(row.attemptId)![row.index];
	return backup as BackupFile;
}

/** Refuses keys that mean something to JavaScript objects, and nesting deeper than any backup of ours. Iterative: a hostile depth cannot overflow the stack. */
function checkKeys(root: unknown): BackupReading | null {
	const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
	while (stack.length > 0) {
		const { value, depth } = stack.pop()!;
		if (value === null || typeof value !== 'object') continue;
		if (depth > MAX_DEPTH) return refuse('too-deep', 'This file nests deeper than any Service Drill backup does, so it was not read further.');
		if (Array.isArray(value)) {
			for (const item of value) if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1 });
			continue;
		}
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) {
				return refuse('forbidden-key', `This file contains a key named “${key}”, which no Service Drill backup has; it was refused to keep the app safe.`);
			}
			const child = (value as Record<string, unknown>)[key];
			if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
		}
	}
	return null;
}

/** `data.attempts[3].score.csat: expected 1 | 2 | 3 | 4 | 5, got 7` */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
	let path = '';
	for (const item of issue.path ?? []) {
		const key = (item as { key: unknown }).key;
		path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
	}
	if (issue.type === 'strict_object' && issue.kind === 'schema' && issue.path?.length) {
		return `${path} is not part of the backup format`;
	}
	return `${path || 'the file'}: ${issue.message}`;
}

/** Each record once, and every reference to a learner, an attempt or a published version inside the file. */
function checkIntegrity(backup: BackupFileText): BackupReading | null {
	const { data, scope } = backup;
	const duplicate = (what: string, key: string) =>
		refuse('duplicate', `This backup lists ${what} ${key} twice, so nothing was imported (a backup made by the app never does).`);
	const dangling = (what: string) => refuse('dangling', `This backup is inconsistent: ${what}. Nothing was imported.`);

	const profiles = new Set<string>();
	const names = new Set<string>();
	for (const profile of data.profiles) {
		if (profiles.has(profile.id)) return duplicate('the learner', profile.id);
		profiles.add(profile.id);
		const name = profile.name.toLowerCase();
		if (names.has(name)) return duplicate('a learner called', `“${profile.name}”`);
		names.add(name);
	}
	if (scope.kind === 'learner' && (data.profiles.length !== 1 || data.profiles[0].id !== scope.profileId || data.profiles[0].name !== scope.name)) {
		return dangling(`it says it holds ${scope.name}'s progress but holds other learners`);
	}

	const attempts = new Map<string, number>();
	for (const attempt of data.attempts) {
		if (attempts.has(attempt.id)) return duplicate('the attempt', attempt.id);
		attempts.set(attempt.id, attempt.state.steps.length);
		if (!profiles.has(attempt.profileId)) return dangling(`attempt ${attempt.id} belongs to a learner the file does not hold`);
	}
	const steps = new Set<string>();
	for (const row of data.steps) {
		const key = `${row.attemptId}\u0000${row.index}`;
		if (steps.has(key)) return duplicate('decision', `${row.index} of attempt ${row.attemptId}`);
		steps.add(key);
		const taken = attempts.get(row.attemptId);
		if (taken === undefined) return dangling(`a decision belongs to attempt ${row.attemptId}, which the file does not hold`);
		if (row.step === undefined && row.index >= taken) return dangling(`decision ${row.index} of attempt ${row.attemptId} has no step, and the attempt has none there either`);
	}
	const enrolments = new Set<string>();
	for (const enrolment of data.enrolments) {
		if (enrolments.has(enrolment.id)) return duplicate('the enrolment', enrolment.id);
		enrolments.add(enrolment.id);
		if (!profiles.has(enrolment.profileId)) return dangling(`enrolment ${enrolment.id} belongs to a learner the file does not hold`);
	}
	const disputes = new Set<string>();
	for (const dispute of data.disputes) {
		if (disputes.has(dispute.id)) return duplicate('the disputed score', dispute.id);
		disputes.add(dispute.id);
		if (!profiles.has(dispute.profileId) || !attempts.has(dispute.attemptId)) return dangling(`disputed score ${dispute.id} belongs to an attempt the file does not hold`);
		if (dispute.id !== disputeId(dispute.attemptId, dispute.stepIndex, dispute.dimension)) return dangling(`disputed score ${dispute.id} does not match its reply`);
	}
	const published = new Set<string>();
	for (const version of data.publishedVersions) {
		const key = `${version.scenarioId}\u0000${version.hash}`;
		if (published.has(key)) return duplicate('published version', `${version.hash} of ${version.scenarioId}`);
		published.add(key);
		if (hashSource(version.source) !== version.hash) return dangling(`published version ${version.hash} of ${version.scenarioId} does not match its text`);
	}
	const authored = new Set<string>();
	for (const scenario of data.authored) {
		if (authored.has(scenario.id)) return duplicate('the scenario', scenario.id);
		authored.add(scenario.id);
		if (scenario.publishedHash !== undefined) {
			if (!published.has(`${scenario.id}\u0000${scenario.publishedHash}`)) return dangling(`scenario ${scenario.id} is published as a version the file does not hold`);
			if (!scenario.publishedCard || scenario.publishedCard.id !== scenario.id || scenario.publishedCard.hash !== scenario.publishedHash) {
				return dangling(`the library card of scenario ${scenario.id} is not the one of its published version`);
			}
		} else if (scenario.publishedCard) {
			return dangling(`scenario ${scenario.id} has a library card but is not published`);
		}
	}
	const revisions = new Set<string>();
	const seqs = new Set<number>();
	for (const revision of data.authoredRevisions) {
		const key = `${revision.scenarioId}\u0000${revision.revision}`;
		if (revisions.has(key)) return duplicate('version', `${revision.revision} of ${revision.scenarioId}`);
		revisions.add(key);
		if (revision.seq !== undefined) {
			if (seqs.has(revision.seq)) return duplicate('autosaved version number', String(revision.seq));
			seqs.add(revision.seq);
		}
		if (!authored.has(revision.scenarioId)) return dangling(`an autosaved version belongs to scenario ${revision.scenarioId}, which the file does not hold`);
	}
	for (const setting of data.settings) {
		if (data.settings.filter((other) => other.key === setting.key).length > 1) return duplicate('the setting', setting.key);
		if (setting.key === 'currentProfileId' && !(typeof setting.value === 'string' && profiles.has(setting.value))) return dangling('the selected learner is not in the file');
	}
	return null;
}
