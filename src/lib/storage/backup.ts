import Dexie, { type Table } from 'dexie';
import {
	BACKUP_TABLES,
	emptyData,
	type BackupData,
	type BackupFile,
	type BackupScope,
	type BackupTable,
	type SettingRecord
} from '$lib/backup/format';
import { localKeysOf, planFingerprint, planImport, type ImportPlan, type LearnerChoice, type LocalRecords } from '$lib/backup/merge';
import { LAST_EXPORT_KEY, learnerExportKey } from '$lib/backup/reminder';
import { database, type ServiceDrillDatabase } from './db';
import { isAuthoredId } from './published';

/*
 * The database side of backups: one read transaction for an export (a
 * consistent snapshot), one read-write transaction for an import (all of it
 * or nothing), and when the last export was. (What the layout's reminder
 * reads is in backup-reminder.ts, so every page does not load this file.)
 *
 * dexie-export-import is not used: our records are plain JSON (no Dates,
 * Blobs or typed arrays for its typeson layer to carry), and an import here
 * merges record by record (learners remapped, the later attempt winning),
 * which its whole-table import with `overwriteValues` cannot express; the
 * merge is a pure function (src/lib/backup/merge.ts) whose writes are a few
 * `bulkPut`s inside our own transaction. Nothing is ever cleared first, so
 * its `clearTablesBeforeImport` pitfall (tables emptied outside the import's
 * transaction) cannot happen.
 */

/** Every table a backup touches. */
const tablesOf = (db: ServiceDrillDatabase) => BACKUP_TABLES.map((table) => db.table(table));

/** The database version this app writes: backups from a newer one are refused. */
export function schemaVersion(): number {
	return database().verno;
}

/** 0–1 while records are read or written. */
export type Progress = (fraction: number) => void;

/** Records read per request, so the progress bar moves during a large export. */
const PAGE = 1000;

/** Every row of a table in primary-key order, a page at a time. */
async function readAll<T>(table: Table<T, unknown>, onRows: (count: number) => void): Promise<T[]> {
	const keyPath = table.schema.primKey.keyPath;
	const keyOf = (row: T): unknown =>
		Array.isArray(keyPath) ? keyPath.map((path) => Dexie.getByKeyPath(row as object, path)) : Dexie.getByKeyPath(row as object, keyPath as string);
	const rows: T[] = [];
	let page = await table.toCollection().limit(PAGE).toArray();
	while (page.length > 0) {
		rows.push(...page);
		onRows(page.length);
		if (page.length < PAGE) break;
		page = await table.where(':id').above(keyOf(page[page.length - 1])).limit(PAGE).toArray();
	}
	return rows;
}

/**
 * Reads what a backup of `scope` holds, in one read transaction (a snapshot:
 * a decision written meanwhile in another tab is either wholly in or wholly out).
 */
export async function readForExport(scope: { kind: 'device' } | { kind: 'learner'; profileId: string }, progress: Progress = () => {}): Promise<{ data: BackupData; scope: BackupScope }> {
	const db = database();
	return db.transaction('r', tablesOf(db), async () => {
		const data = emptyData();
		if (scope.kind === 'device') {
			const counts = await Promise.all(BACKUP_TABLES.map((table) => db.table(table).count()));
			const total = Math.max(1, counts.reduce((sum, count) => sum + count, 0));
			let read = 0;
			const tick = (count: number) => progress((read += count) / total);
			for (const table of BACKUP_TABLES) (data as Record<BackupTable, unknown[]>)[table] = await readAll(db.table(table), tick);
			// Only settings worth moving (see PORTABLE_SETTINGS).
			const current = data.settings.find((setting) => setting.key === 'currentProfileId');
			data.settings = current && data.profiles.some((profile) => profile.id === current.value) ? [current] : [];
			return { data, scope: { kind: 'device' } };
		}
		const profile = await db.profiles.get(scope.profileId);
		if (!profile) throw new Error('This learner is no longer on this device.');
		data.profiles = [profile];
		data.attempts = await db.attempts.where('profileId').equals(profile.id).toArray();
		progress(0.3);
		data.steps = await db.steps.where('attemptId').anyOf(data.attempts.map((attempt) => attempt.id)).toArray();
		progress(0.8);
		data.enrolments = await db.enrolments.where('profileId').equals(profile.id).toArray();
		data.disputes = await db.disputes.where('profileId').equals(profile.id).toArray();
		// Their debriefs replay against the version they played: scenarios made on this device travel as those versions.
		const played = new Map(data.attempts.filter((attempt) => isAuthoredId(attempt.scenarioId)).map((attempt) => [`${attempt.scenarioId}\u0000${attempt.scenarioHash}`, [attempt.scenarioId, attempt.scenarioHash] as [string, string]]));
		data.publishedVersions = (await db.publishedVersions.bulkGet([...played.values()])).filter((version) => version !== undefined);
		progress(1);
		return { data, scope: { kind: 'learner', profileId: profile.id, name: profile.name } };
	});
}

/** The device's records that share a key with the file's (what `planImport` needs). Call inside a transaction for a consistent view. */
async function readLocal(db: ServiceDrillDatabase, data: BackupData): Promise<LocalRecords> {
	const keys = localKeysOf(data);
	const defined = <T>(rows: (T | undefined)[]) => rows.filter((row): row is T => row !== undefined);
	const attempts = defined(await db.attempts.bulkGet(keys.attemptIds));
	const scenarioIds = [...new Set(data.authoredRevisions.map((revision) => revision.scenarioId))];
	const [byScenario, bySeq] = await Promise.all([
		db.authoredRevisions.where('scenarioId').anyOf(scenarioIds).toArray(),
		db.authoredRevisions.bulkGet(keys.revisionSeqs)
	]);
	const revisions = new Map(byScenario.map((revision) => [revision.seq, revision]));
	for (const revision of defined(bySeq)) revisions.set(revision.seq, revision);
	const current = await db.settings.get('currentProfileId');
	return {
		profiles: await db.profiles.toArray(),
		attempts,
		steps: attempts.length > 0 ? await db.steps.where('attemptId').anyOf(attempts.map((attempt) => attempt.id)).toArray() : [],
		// A learner has an enrolment per programme: few, so all of them.
		enrolments: await db.enrolments.toArray(),
		disputes: defined(await db.disputes.bulkGet(keys.disputeIds)),
		authored: defined(await db.authored.bulkGet(keys.authoredIds)),
		authoredRevisions: [...revisions.values()],
		publishedVersions: defined(await db.publishedVersions.bulkGet(keys.publishedKeys)),
		currentProfileId: typeof current?.value === 'string' ? current.value : undefined
	};
}

/** What importing `backup` would do, and the device's records it was worked out from (so the preview can re-plan as choices change). */
export async function previewImport(backup: BackupFile, choices: Readonly<Record<string, LearnerChoice>> = {}): Promise<{ local: LocalRecords; plan: ImportPlan }> {
	const db = database();
	const local = await db.transaction('r', tablesOf(db), () => readLocal(db, backup.data));
	return { local, plan: planImport(backup.data, local, choices) };
}

/** A same-name learner has no choice yet. */
export class ImportChoiceError extends Error {
	override name = 'ImportChoiceError';
}

/** The device changed between the preview and the import: nothing was written. */
export class ImportChangedError extends Error {
	override name = 'ImportChangedError';
}

/** Rows written per `bulkPut`, with progress reported between them. */
const WRITE_BATCH = 2000;

/**
 * Applies a previewed import in one read-write transaction: the plan is
 * worked out again inside it and must match the preview's (`fingerprint`);
 * any failure (a refused write, a full disk, a closed tab) aborts the
 * transaction and IndexedDB leaves every table exactly as it was.
 */
export async function applyImport(
	backup: BackupFile,
	choices: Readonly<Record<string, LearnerChoice>>,
	fingerprint: string,
	progress: Progress = () => {}
): Promise<ImportPlan> {
	const db = database();
	return db.transaction('rw', tablesOf(db), async () => {
		const plan = planImport(backup.data, await readLocal(db, backup.data), choices);
		if (planFingerprint(plan) !== fingerprint) {
			throw new ImportChangedError('The progress on this device changed since the preview (in another tab?). Nothing was imported; look at the preview again.');
		}
		if (plan.undecided.length > 0) throw new ImportChoiceError('Choose what to do with each learner who has the same name as one on this device.');
		// Learners made by this import: every result of theirs is in the file, so the backup reminder counts them as exported then.
		const exportedAt = Date.parse(backup.createdAt);
		const settings: SettingRecord[] = [...plan.put.settings, ...plan.newLearners.map((id) => ({ key: learnerExportKey(id), value: exportedAt }))];
		const writes: [BackupTable, unknown[]][] = BACKUP_TABLES.map((table) => [table, table === 'settings' ? settings : plan.put[table]]);
		const total = Math.max(1, plan.deleteSteps.length + writes.reduce((sum, [, rows]) => sum + rows.length, 0));
		let written = 0;
		if (plan.deleteSteps.length > 0) await db.steps.bulkDelete(plan.deleteSteps);
		written += plan.deleteSteps.length;
		for (const [table, rows] of writes) {
			for (let i = 0; i < rows.length; i += WRITE_BATCH) {
				const batch = rows.slice(i, i + WRITE_BATCH);
				// Autosaved versions are only ever added (some numbered by the database): adding can never overwrite one.
				if (table === 'authoredRevisions') await db.table(table).bulkAdd(batch);
				else await db.table(table).bulkPut(batch);
				progress((written += batch.length) / total);
			}
		}
		return plan;
	});
}

/** Remembers when a backup of `scope` was offered: the reminder counts results up to then as exported. */
export async function markExported(scope: BackupScope, at: number): Promise<void> {
	await database().settings.put({ key: scope.kind === 'device' ? LAST_EXPORT_KEY : learnerExportKey(scope.profileId), value: at });
}

/** When this device last exported everything, if ever. */
export async function lastDeviceExport(): Promise<number | undefined> {
	const setting = await database().settings.get(LAST_EXPORT_KEY);
	return typeof setting?.value === 'number' ? setting.value : undefined;
}
