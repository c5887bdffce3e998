import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServiceDrillDatabase, useDatabase, type Attempt } from '$lib/storage/db';
import { allLearners, completedAttempts, learnerAttempts, unfinishedAttempts } from '$lib/storage/dashboard';
import { completed, day } from './fixtures';

let db: ServiceDrillDatabase;

beforeEach(async () => {
	db = new ServiceDrillDatabase('dashboard-' + Math.random().toString(36).slice(2) + Date.now());
	useDatabase(db);
	await db.open();
});

afterEach(async () => {
	vi.restoreAllMocks();
	db.close();
	await Dexie.delete(db.name);
});

/** A stored attempt (the storage's shape) for `profileId`. */
function stored(profileId: string, id: string, completedAt: number | undefined, status: Attempt['status'] = 'completed'): Attempt {
	const base = completed('s', completedAt ?? day(0), [50, 50, 50], { id });
	return {
		...(base as unknown as Attempt),
		profileId,
		scenarioHash: 'h',
		scenarioTitle: 'S',
		mode: 'coach',
		status,
		updatedAt: completedAt ?? day(0),
		...(status === 'completed' ? {} : { completedAt: undefined, score: undefined }),
		state: { saveVersion: 2, scenarioId: 's', scenarioHash: 'h', node: 'start', mood: 50, totals: { empathy: 0, flexibility: 0, ownership: 0 }, steps: [], ended: status === 'completed' }
	};
}

describe('reading a learner for the dashboard', () => {
	it('returns every completed attempt oldest first, across pages, with ties in time at page boundaries neither lost nor doubled', async () => {
		const attempts: Attempt[] = [];
		// 23 attempts: runs of equal completion times that straddle pages of 4.
		for (let i = 0; i < 23; i++) attempts.push(stored('p1', `a${String(i).padStart(2, '0')}`, day(Math.floor(i / 3))));
		for (let i = 0; i < 9; i++) attempts.push(stored('p1', `same${i}`, day(50)));
		attempts.push(stored('p2', 'other', day(1)), stored('p1', 'open', undefined, 'in-progress'), stored('p1', 'gave-up', undefined, 'abandoned'));
		await db.attempts.bulkPut([...attempts].reverse());

		for (const pageSize of [1, 2, 4, 250]) {
			const read = await completedAttempts('p1', pageSize);
			expect(read.map((attempt) => attempt.id)).toEqual([
				...Array.from({ length: 23 }, (_, i) => `a${String(i).padStart(2, '0')}`),
				...Array.from({ length: 9 }, (_, i) => `same${i}`)
			]);
		}
		expect((await unfinishedAttempts('p1')).map((attempt) => attempt.id).sort()).toEqual(['gave-up', 'open']);
		// No transcripts: the dashboard never reads them, and 10,000 of them are most of the bytes.
		const [first] = await completedAttempts('p1');
		expect('state' in first).toBe(false);
		expect(first).toMatchObject({ id: 'a00', profileId: 'p1', status: 'completed', score: { csat: 4 } });
		expect((await unfinishedAttempts('p1')).every((attempt) => !('state' in attempt))).toBe(true);
		expect(await completedAttempts('nobody')).toEqual([]);
	});

	it('reads through the [profileId+completedAt] and [profileId+status] indexes, never the whole attempts table', async () => {
		await db.attempts.bulkPut(Array.from({ length: 30 }, (_, i) => stored(i % 2 ? 'p1' : 'p2', `x${i}`, day(i))));
		const tableReads: string[] = [];
		const indexReads: string[] = [];
		const store = globalThis.IDBObjectStore.prototype;
		const index = globalThis.IDBIndex.prototype;
		for (const method of ['getAll', 'openCursor', 'getAllKeys', 'openKeyCursor', 'count'] as const) {
			const original = store[method] as (...args: unknown[]) => IDBRequest;
			vi.spyOn(store, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
				tableReads.push(`${this.name}.${method}`);
				return original.apply(this, args);
			});
			const originalIndex = index[method] as (...args: unknown[]) => IDBRequest;
			vi.spyOn(index, method).mockImplementation(function (this: IDBIndex, ...args: unknown[]) {
				indexReads.push(this.name);
				return originalIndex.apply(this, args);
			});
		}
		const { completed: done, unfinished } = await learnerAttempts('p1');
		expect(done).toHaveLength(15);
		expect(unfinished).toHaveLength(0);
		expect(tableReads.filter((read) => read.startsWith('attempts.'))).toEqual([]);
		expect(new Set(indexReads)).toEqual(new Set(['[profileId+completedAt]', '[profileId+status]']));
	});

	it('lists every learner with their enrolments and attempts, in the order they were added', async () => {
		await db.profiles.bulkPut([
			{ id: 'p2', name: 'Bo', createdAt: 2, coachMode: true },
			{ id: 'p1', name: 'Ada', createdAt: 1, coachMode: true },
			{ id: 'p3', name: 'Cy', createdAt: 3, coachMode: false }
		]);
		await db.enrolments.bulkPut([
			{ id: 'e1', profileId: 'p1', programmeId: 'boot', enrolledAt: day(0) },
			{ id: 'e2', profileId: 'p1', programmeId: 'refresh', enrolledAt: day(1) },
			{ id: 'e3', profileId: 'p2', programmeId: 'boot', enrolledAt: day(2) }
		]);
		await db.attempts.bulkPut([stored('p1', 'x1', day(3)), stored('p2', 'x2', day(4)), stored('p2', 'x3', undefined, 'in-progress')]);
		const learners = await allLearners();
		expect(learners.map((learner) => [learner.profile.name, learner.enrolments.map((e) => e.id), learner.completed.map((a) => a.id), learner.unfinished.map((a) => a.id)])).toEqual([
			['Ada', ['e1', 'e2'], ['x1'], []],
			['Bo', ['e3'], ['x2'], ['x3']],
			['Cy', [], [], []]
		]);
	});
});
