import { hashSource } from '$lib/core/hash';
import { cardOf } from '$lib/core/card';
import type { ScenarioRecord } from '$lib/core/record';
import { slugify } from '$lib/core/slug';
import { database, type AuthoredRevision, type AuthoredScenario } from './db';
import { AUTHORED_PREFIX, getAuthored } from './published';
import { newId } from './progress';


/** Autosaved versions kept per scenario. */
export const HISTORY_LIMIT = 20;
/** A scenario is a conversation, not a book: larger files are refused on import, with nothing lost. */
export const MAX_AUTHORED_CHARS = 1_000_000;


/** What a save knows about the text it saves (from the studio's inspection). */
export interface SourceSummary {
	title: string;
	errors: number;
	warnings: number;
}

/** Another tab saved this scenario since this copy was loaded: nothing was written. */
export class SaveConflictError extends Error {
	override name = 'SaveConflictError';
	constructor(readonly current: AuthoredScenario) {
		super(`“${current.title}” was saved in another tab or window since you opened it.`);
	}
}

export class AuthoredNotFoundError extends Error {
	override name = 'AuthoredNotFoundError';
}

/** `~the-angry-caller-3fa2`: readable, and never the name of a bundled file. */
export function authoredIdFor(title: string): string {
	const slug = slugify(title).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'scenario';
	return `${AUTHORED_PREFIX}${slug}-${newId().slice(0, 4)}`;
}

export async function createAuthored(source: string, summary: SourceSummary, id = authoredIdFor(summary.title)): Promise<AuthoredScenario> {
	const db = database();
	const now = Date.now();
	const scenario: AuthoredScenario = { id, source, revision: 1, ...summary, createdAt: now, updatedAt: now };
	await db.transaction('rw', db.authored, db.authoredRevisions, async () => {
		await db.authored.add(scenario);
		await db.authoredRevisions.add({ scenarioId: id, revision: 1, source, savedAt: now });
	});
	return scenario;
}

/** The scenarios written on this device, most recently edited first; deleted ones only with `deleted`. */
export async function listAuthored(options: { deleted?: boolean } = {}): Promise<AuthoredScenario[]> {
	const all = await database().authored.orderBy('updatedAt').reverse().toArray();
	return all.filter((scenario) => (scenario.deletedAt !== undefined) === (options.deleted ?? false));
}

/**
 * Saves a new version of the text. `baseRevision` is the revision this copy
 * was loaded or last saved as: when another tab saved since, nothing is
 * written and SaveConflictError carries the newer version.
 */
export async function saveAuthored(
	id: string,
	source: string,
	baseRevision: number,
	summary: SourceSummary,
	cursor?: AuthoredScenario['cursor']
): Promise<AuthoredScenario> {
	const db = database();
	return db.transaction('rw', db.authored, db.authoredRevisions, async () => {
		const current = await db.authored.get(id);
		if (!current) throw new AuthoredNotFoundError(`No scenario ${id} on this device.`);
		if (current.revision !== baseRevision) throw new SaveConflictError(current);
		const now = Date.now();
		const saved: AuthoredScenario = { ...current, source, ...summary, revision: current.revision + 1, updatedAt: now, ...(cursor ? { cursor } : {}) };
		await db.authored.put(saved);
		await db.authoredRevisions.add({ scenarioId: id, revision: saved.revision, source, savedAt: now });
		const kept = await db.authoredRevisions.where('scenarioId').equals(id).primaryKeys();
		if (kept.length > HISTORY_LIMIT) await db.authoredRevisions.bulkDelete(kept.slice(0, kept.length - HISTORY_LIMIT));
		return saved;
	});
}

/** Remembers where the editor's selection is, without making a new version. */
export async function saveCursor(id: string, cursor: NonNullable<AuthoredScenario['cursor']>): Promise<void> {
	await database().authored.update(id, { cursor });
}

/** The kept versions, newest first. */
export async function historyOf(id: string): Promise<AuthoredRevision[]> {
	const revisions = await database().authoredRevisions.where('scenarioId').equals(id).toArray();
	return revisions.sort((a, b) => b.revision - a.revision);
}

/** Deleted softly: the scenario leaves the studio list and the library, and can be restored. */
export async function deleteAuthored(id: string): Promise<void> {
	await database().authored.update(id, { deletedAt: Date.now() });
}

export async function restoreAuthored(id: string): Promise<void> {
	const db = database();
	await db.transaction('rw', db.authored, async () => {
		const scenario = await db.authored.get(id);
		if (!scenario) throw new AuthoredNotFoundError(`No scenario ${id} on this device.`);
		const { deletedAt: _deleted, ...restored } = scenario;
		await db.authored.put({ ...restored, updatedAt: Date.now() });
	});
}

/** Gone for good: the scenario and its autosaved versions (published versions stay, for old debriefs). */
export async function purgeAuthored(id: string): Promise<void> {
	const db = database();
	await db.transaction('rw', db.authored, db.authoredRevisions, async () => {
		await db.authored.delete(id);
		await db.authoredRevisions.where('scenarioId').equals(id).delete();
	});
}

/**
 * Puts the scenario's current text in the library. `record` is that text
 * compiled; it must be playable and match the saved text, so what trainees
 * play is exactly what was checked.
 */
export async function publishAuthored(id: string, record: ScenarioRecord): Promise<AuthoredScenario> {
	if (!record.scenario) throw new Error('A scenario with errors cannot be published.');
	const db = database();
	return db.transaction('rw', db.authored, db.publishedVersions, async () => {
		const current = await db.authored.get(id);
		if (!current) throw new AuthoredNotFoundError(`No scenario ${id} on this device.`);
		if (hashSource(current.source) !== record.hash) throw new Error('The text changed while it was being published; publish again.');
		const now = Date.now();
		await db.publishedVersions.put({ scenarioId: id, hash: record.hash, source: current.source, publishedAt: now });
		const published: AuthoredScenario = { ...current, publishedHash: record.hash, publishedCard: cardOf(record) };
		await db.authored.put(published);
		return published;
	});
}

/** Takes the scenario out of the library; its published versions stay for old debriefs. */
export async function unpublishAuthored(id: string): Promise<void> {
	const db = database();
	await db.transaction('rw', db.authored, async () => {
		const current = await db.authored.get(id);
		if (!current) return;
		const { publishedHash: _hash, publishedCard: _card, ...draft } = current;
		await db.authored.put(draft);
	});
}
