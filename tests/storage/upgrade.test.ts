import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ServiceDrillDatabase } from '../../src/lib/storage/db';

/** Every released schema, frozen: the current code must open what each wrote, with all data intact. */
const V1 = {
	profiles: 'id, name, createdAt',
	attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt',
	steps: '[attemptId+index], attemptId, at',
	settings: 'key'
};
const V2 = {
	authored: 'id, updatedAt, deletedAt',
	authoredRevisions: '++seq, scenarioId, [scenarioId+revision]',
	publishedVersions: '[scenarioId+hash], scenarioId',
	disputes: 'id, profileId, attemptId, [attemptId+stepIndex], createdAt'
};

const profile = { id: 'p1', name: 'Ana', createdAt: 1, coachMode: true };
const completedWithoutDate = {
	id: 'a1',
	profileId: 'p1',
	scenarioId: 'the-third-call',
	scenarioHash: 'h',
	scenarioTitle: 'The Third Call',
	mode: 'coach',
	status: 'completed',
	startedAt: 10,
	updatedAt: 20,
	state: { saveVersion: 1 },
	score: { dimensions: {} }
};
const inProgress = { ...completedWithoutDate, id: 'a2', status: 'in-progress', score: undefined };
const step = { attemptId: 'a1', index: 0, at: 15, step: { node: 'start', choice: 0 } };

async function write(name: string, versions: Record<string, string>[], fill: (db: Dexie) => Promise<void>) {
	const old = new Dexie(name);
	versions.forEach((stores, i) => old.version(i + 1).stores(stores));
	await old.open();
	await fill(old);
	old.close();
}

describe('opening a database written by an earlier version', () => {
	it('version 1: profiles, attempts, steps and settings intact; completed attempts get their completion date', async () => {
		const name = `v1-${Math.random()}`;
		await write(name, [V1], async (db) => {
			await db.table('profiles').add(profile);
			await db.table('attempts').bulkAdd([completedWithoutDate, inProgress]);
			await db.table('steps').add(step);
			await db.table('settings').add({ key: 'currentProfileId', value: 'p1' });
		});
		const db = new ServiceDrillDatabase(name);
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.profiles.toArray()).toEqual([profile]);
		expect(await db.attempts.get('a1')).toEqual({ ...completedWithoutDate, completedAt: 20 });
		expect(await db.attempts.get('a2')).toEqual(inProgress);
		expect(await db.steps.toArray()).toEqual([step]);
		expect(await db.settings.get('currentProfileId')).toEqual({ key: 'currentProfileId', value: 'p1' });
		// The new index answers the dashboard's query.
		expect((await db.attempts.where('[profileId+completedAt]').between(['p1', 0], ['p1', Infinity]).toArray()).map((a) => a.id)).toEqual(['a1']);
		expect(await db.enrolments.count()).toBe(0);
		db.close();
	});

	it('version 2: authored scenarios, their versions and disputes intact', async () => {
		const name = `v2-${Math.random()}`;
		const authored = { id: '~mine', source: 'text', revision: 2, title: 'Mine', errors: 0, warnings: 0, createdAt: 1, updatedAt: 2 };
		const dispute = { id: 'd1', profileId: 'p1', attemptId: 'a1', stepIndex: 0, createdAt: 3 };
		await write(name, [V1, V2], async (db) => {
			await db.table('profiles').add(profile);
			await db.table('attempts').add({ ...completedWithoutDate, completedAt: 19 });
			await db.table('authored').add(authored);
			await db.table('authoredRevisions').bulkAdd([
				{ scenarioId: '~mine', revision: 1, source: 'tex', savedAt: 1 },
				{ scenarioId: '~mine', revision: 2, source: 'text', savedAt: 2 }
			]);
			await db.table('publishedVersions').add({ scenarioId: '~mine', hash: 'h', source: 'text', publishedAt: 2 });
			await db.table('disputes').add(dispute);
		});
		const db = new ServiceDrillDatabase(name);
		await db.open();
		expect(db.verno).toBe(3);
		expect(await db.authored.toArray()).toEqual([authored]);
		expect((await db.authoredRevisions.toArray()).map((r) => r.source)).toEqual(['tex', 'text']);
		expect(await db.publishedVersions.get(['~mine', 'h'])).toMatchObject({ source: 'text' });
		expect(await db.disputes.toArray()).toEqual([dispute]);
		expect((await db.attempts.get('a1'))?.completedAt).toBe(19); // already set: left alone
		db.close();
	});
});
