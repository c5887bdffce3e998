/*
 * Building a backup file from records already read, and checking it before it
 * is offered: the text is read back with the importer's own checks (schema,
 * checksum, counts, references) and its counts compared with what was read
 * from the database. Any difference is an error; a file is never offered cut short.
 */
import { canonicalJson, checksumOf, writeCanonical } from './canonical';
import {
	BACKUP_FORMAT,
	BACKUP_FORMAT_VERSION,
	BACKUP_TABLES,
	backupFileName,
	countOf,
	countsOf,
	MAX_BACKUP_BYTES,
	type BackupComputed,
	type BackupCounts,
	type BackupData,
	type BackupScope,
	type FileStepRow,
	type StepRow
} from './format';
import { readBackupText } from './read';

/** The file could not be made or did not check out: nothing is offered. */
export class BackupCheckError extends Error {
	override name = 'BackupCheckError';
}

export interface BuiltBackup {
	text: string;
	fileName: string;
	counts: BackupCounts;
	checksum: string;
	bytes: number;
	createdAt: string;
}

export interface BuildInput {
	data: BackupData;
	scope: BackupScope;
	appVersion: string;
	schemaVersion: number;
	createdAt: Date;
	computed?: BackupComputed;
}

/** A decision as written: without its step when the attempt's run state holds the same one (see FileStepRow). */
function fileRow(row: StepRow, inState: StepRow['step'] | undefined): FileStepRow {
	if (inState === undefined || canonicalJson(inState) !== canonicalJson(row.step)) return row;
	const { step: _step, ...rest } = row;
	return rest;
}

/** 0–1 and what is being done, for the progress bar. */
export type ProgressReport = (fraction: number, what: string) => void;

/** Records written between two chances for the page to paint the progress bar. */
const BATCH = 500;
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The backup file's text, checked. `progress` runs from 0 to 1 over writing
 * (most of the time), the checksum and the check.
 */
export async function buildBackup(input: BuildInput, progress: ProgressReport = () => {}): Promise<BuiltBackup> {
	const { data, scope, appVersion, schemaVersion, computed } = input;
	const createdAt = input.createdAt.toISOString();
	const counts = countsOf(data);
	const total = BACKUP_TABLES.reduce((sum, table) => sum + counts[table], 0);

	// The data, written once in canonical form (tables in key order), in batches so the page can repaint.
	const out: string[] = ['{'];
	let written = 0;
	const tables = [...BACKUP_TABLES].sort();
	const states = new Map(data.attempts.map((attempt) => [attempt.id, attempt.state.steps]));
	for (const [t, table] of tables.entries()) {
		out.push(t > 0 ? ',' : '', JSON.stringify(table), ':[');
		const rows: readonly unknown[] = table === 'steps' ? data.steps.map((row) => fileRow(row, states.get(row.attemptId)?.[row.index])) : data[table];
		for (let i = 0; i < rows.length; i++) {
			if (i > 0) out.push(',');
			writeCanonical(rows[i], out);
			if (++written % BATCH === 0) {
				progress((0.8 * written) / Math.max(total, 1), 'Writing the file');
				await nextFrame();
			}
		}
		out.push(']');
	}
	out.push('}');
	const dataText = out.join('');
	progress(0.8, 'Computing the checksum');
	await nextFrame();

	// Everything but the checksum, in canonical (sorted) order: the checksum's input.
	const header: Record<string, string> = {
		appVersion: canonicalJson(appVersion),
		...(computed ? { computed: canonicalJson(computed) } : {}),
		counts: canonicalJson(counts),
		createdAt: canonicalJson(createdAt),
		data: dataText,
		format: canonicalJson(BACKUP_FORMAT),
		formatVersion: canonicalJson(BACKUP_FORMAT_VERSION),
		schemaVersion: canonicalJson(schemaVersion),
		scope: canonicalJson(scope)
	};
	const members = (keys: string[]) => keys.filter((key) => key in header).map((key) => `${JSON.stringify(key)}:${header[key]}`);
	const checksum = await checksumOf(`{${members(Object.keys(header).sort()).join(',')}}`);

	// The file puts what it is first, so a person opening it sees that before the data.
	header.checksum = canonicalJson({ algorithm: 'SHA-256', value: checksum });
	const text = `{${members(['format', 'formatVersion', 'appVersion', 'schemaVersion', 'createdAt', 'scope', 'counts', 'checksum', 'computed', 'data']).join(',')}}\n`;

	progress(0.85, 'Checking the file');
	await nextFrame();
	const reading = await readBackupText(text, schemaVersion);
	if (!reading.ok && reading.problem.code === 'too-large') {
		const megabytes = Math.ceil(new Blob([text]).size / 1024 / 1024);
		throw new BackupCheckError(`This backup would be ${megabytes} MB, more than the ${MAX_BACKUP_BYTES / 1024 / 1024} MB a backup may be. Export one learner at a time instead.`);
	}
	if (!reading.ok) throw new BackupCheckError(`The backup did not pass its own check, so it was not offered: ${reading.problem.message}`);
	const reread = countsOf(reading.backup.data);
	for (const table of BACKUP_TABLES) {
		if (reread[table] !== counts[table]) {
			throw new BackupCheckError(`The backup holds ${countOf(table, reread[table])} where ${counts[table]} were read, so it was not offered.`);
		}
	}
	if (reading.backup.checksum.value !== checksum) throw new BackupCheckError('The backup’s checksum changed when it was read back, so it was not offered.');
	progress(1, 'Checked');
	return { text, fileName: backupFileName(scope, createdAt), counts, checksum, bytes: reading.bytes, createdAt };
}
