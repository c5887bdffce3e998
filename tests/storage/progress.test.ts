import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	availableChoices,
	choose,
	hashSource,
	parseScenario,
	readRunState,
	scoreRun,
	startRun,
	submitReply,
	type RunState,
	type Scenario
} from '$lib/core';
import { ServiceDrillDatabase, useDatabase, type Attempt } from '$lib/storage/db';
import { describeStorageError, isQuotaError, StaleAttemptError } from '$lib/storage/errors';
import {
	abandonAttempt,
	attemptsOf,
	createProfile,
	currentProfileId,
	getAttempt,
	listProfiles,
	MAX_PROFILE_NAME,
	openAttempt,
	ProfileNameError,
	recordStep,
	selectProfile,
	setCoachMode,
	shouldAskToPersist,
	startAttempt
} from '$lib/storage/progress';
import { summariseProgress } from '$lib/storage/summary';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = readFileSync(join(ROOT, 'scenarios', 'the-third-call.md'), 'utf8');
const SCENARIO_ID = 'the-third-call';
const HASH = hashSource(SOURCE);
const parsed = parseScenario(SOURCE);
const scenario = parsed.scenario as Scenario;
const TITLE = 'The Third Call';

/** The same run state as plain JSON, the way it must survive storage. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));

let db: ServiceDrillDatabase;

beforeEach(async () => {
	db = new ServiceDrillDatabase('test-' + Math.random().toString(36).slice(2) + Date.now());
	useDatabase(db);
	await db.open();
});

afterEach(async () => {
	vi.restoreAllMocks();
	db.close();
	await Dexie.delete(db.name);
});

function fresh(): RunState {
	return startRun(scenario, { scenarioId: SCENARIO_ID, scenarioHash: HASH });
}

/** Index of the first listed (non-free) reply whose text starts with `prefix`. */
function pick(state: RunState, prefix: string): number {
	const option = availableChoices(scenario, state).find((o) => !o.choice.free && o.choice.text.startsWith(prefix));
	if (!option) throw new Error(`No available reply starting "${prefix}" at ${state.node}`);
	return option.index;
}

/** The best path through the call, by reply text. */
const GOOD_PATH = ["I'm sorry you've had to call three times", "That's awful timing", "I'm sending you a replacement", "You don't need to send anything back", "You'll have a tracking link"];
/** A path that ends badly. */
const POOR_PATH = ['I can see the notes', 'I completely understand your frustration'];

async function begin(profileId: string, mode: Attempt['mode'] = 'coach'): Promise<Attempt> {
	return startAttempt({ profileId, scenarioId: SCENARIO_ID, scenarioTitle: TITLE, mode, state: fresh() });
}

/** Plays and records a whole path; returns the final stored attempt. */
async function playPath(profileId: string, path: string[]): Promise<Attempt> {
	let attempt = await begin(profileId);
	let state = attempt.state;
	for (const prefix of path) {
		state = choose(scenario, state, pick(state, prefix));
		attempt = await recordStep(attempt.id, scenario, state);
	}
	expect(state.ended).toBe(true);
	return attempt;
}

describe('the scenario under test', () => {
	it('parses without errors', () => {
		expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(scenario).not.toBeNull();
		expect(scenario.start).toBe('start');
	});
});

describe('profiles', () => {
	it('creates a profile with a trimmed name, coach mode on, and makes it current', async () => {
		const profile = await createProfile('   Ana    Maria \t ');
		expect(profile.name).toBe('Ana Maria');
		expect(profile.coachMode).toBe(true);
		expect(profile.id).toMatch(/^[0-9a-f]{32}$/);
		expect(await currentProfileId()).toBe(profile.id);
		expect(await listProfiles()).toEqual([profile]);
		expect(await db.profiles.get(profile.id)).toEqual(profile);
	});

	it('rejects an empty or blank name', async () => {
		await expect(createProfile('')).rejects.toBeInstanceOf(ProfileNameError);
		await expect(createProfile('   \t\n ')).rejects.toBeInstanceOf(ProfileNameError);
		expect(await listProfiles()).toEqual([]);
		expect(await currentProfileId()).toBeUndefined();
	});

	it('rejects a name that is too long, but takes one at the limit', async () => {
		const error = await createProfile('x'.repeat(MAX_PROFILE_NAME + 1)).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ProfileNameError);
		expect((error as Error).name).toBe('ProfileNameError');
		expect((error as Error).message).toContain(String(MAX_PROFILE_NAME));
		expect(await listProfiles()).toEqual([]);
		const atLimit = await createProfile('y'.repeat(MAX_PROFILE_NAME));
		expect(atLimit.name).toHaveLength(MAX_PROFILE_NAME);
		// Surrounding spaces do not count towards the limit.
		const padded = await createProfile(`   ${'z'.repeat(MAX_PROFILE_NAME)}   `);
		expect(padded.name).toBe('z'.repeat(MAX_PROFILE_NAME));
	});

	it('rejects a duplicate name, ignoring case and spacing, and leaves the current profile alone', async () => {
		const first = await createProfile('Ana Maria');
		for (const duplicate of ['Ana Maria', 'ana maria', '  ANA   MARIA  ']) {
			const error = await createProfile(duplicate).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(ProfileNameError);
			expect((error as Error).message).toMatch(/already/);
		}
		expect(await listProfiles()).toEqual([first]);
		expect(await currentProfileId()).toBe(first.id);
	});

	it('makes each new profile current, lists profiles oldest first, and switches', async () => {
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(1_000);
		const ana = await createProfile('Ana');
		now.mockReturnValue(2_000);
		const ben = await createProfile('Ben');
		expect(await currentProfileId()).toBe(ben.id);
		expect((await listProfiles()).map((p) => p.name)).toEqual(['Ana', 'Ben']);
		await selectProfile(ana.id);
		expect(await currentProfileId()).toBe(ana.id);
		await setCoachMode(ana.id, false);
		expect((await db.profiles.get(ana.id))?.coachMode).toBe(false);
		expect((await db.profiles.get(ben.id))?.coachMode).toBe(true);
	});
});

describe('attempts', () => {
	it('are kept per profile', async () => {
		const ana = await createProfile('Ana');
		const ben = await createProfile('Ben');
		const anaAttempt = await begin(ana.id);
		const benAttempt = await begin(ben.id, 'exam');

		// Ben starting the same scenario does not abandon Ana's attempt.
		expect((await getAttempt(anaAttempt.id))?.status).toBe('in-progress');
		expect((await openAttempt(ana.id, SCENARIO_ID))?.id).toBe(anaAttempt.id);
		expect((await openAttempt(ben.id, SCENARIO_ID))?.id).toBe(benAttempt.id);
		expect((await attemptsOf(ana.id)).map((a) => a.id)).toEqual([anaAttempt.id]);
		expect((await attemptsOf(ben.id)).map((a) => a.id)).toEqual([benAttempt.id]);
		expect(benAttempt.mode).toBe('exam');

		// Ana's progress moves on; Ben's does not.
		const next = choose(scenario, anaAttempt.state, 0);
		await recordStep(anaAttempt.id, scenario, next);
		expect((await getAttempt(anaAttempt.id))?.state.steps).toHaveLength(1);
		expect((await getAttempt(benAttempt.id))?.state.steps).toHaveLength(0);
		expect(await openAttempt(ana.id, 'some-other-scenario')).toBeUndefined();
	});

	it('starts in progress with the run state, hash and title', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		expect(attempt).toMatchObject({
			profileId: ana.id,
			scenarioId: SCENARIO_ID,
			scenarioHash: HASH,
			scenarioTitle: TITLE,
			mode: 'coach',
			status: 'in-progress'
		});
		expect(attempt.score).toBeUndefined();
		expect(attempt.completedAt).toBeUndefined();
		expect(await getAttempt(attempt.id)).toEqual(attempt);
	});

	it('startAttempt abandons an older in-progress attempt at the same scenario only', async () => {
		const ana = await createProfile('Ana');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(10_000);
		const other = await startAttempt({
			profileId: ana.id,
			scenarioId: 'another-scenario',
			scenarioTitle: 'Another',
			mode: 'coach',
			state: { ...fresh(), scenarioId: 'another-scenario' }
		});
		const completed = await playPath(ana.id, POOR_PATH);
		now.mockReturnValue(20_000);
		const older = await begin(ana.id);
		now.mockReturnValue(30_000);
		const newer = await begin(ana.id);

		const olderNow = await getAttempt(older.id);
		expect(olderNow?.status).toBe('abandoned');
		expect(olderNow?.updatedAt).toBe(30_000);
		expect((await getAttempt(newer.id))?.status).toBe('in-progress');
		expect((await getAttempt(other.id))?.status).toBe('in-progress');
		expect((await getAttempt(completed.id))?.status).toBe('completed');
		expect((await openAttempt(ana.id, SCENARIO_ID))?.id).toBe(newer.id);

		// The abandoned attempt takes no more steps.
		await expect(recordStep(older.id, scenario, choose(scenario, older.state, 0))).rejects.toBeInstanceOf(StaleAttemptError);
	});

	it('abandonAttempt closes an attempt', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		await abandonAttempt(attempt.id);
		expect((await getAttempt(attempt.id))?.status).toBe('abandoned');
		expect(await openAttempt(ana.id, SCENARIO_ID)).toBeUndefined();
	});
});

describe('recordStep', () => {
	it('commits steps in order: state, step rows, updatedAt', async () => {
		const ana = await createProfile('Ana');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(100_000);
		const attempt = await begin(ana.id);

		now.mockReturnValue(101_000);
		const s1 = choose(scenario, attempt.state, pick(attempt.state, "I'm sorry you've had to call three times"));
		const a1 = await recordStep(attempt.id, scenario, s1);
		expect(a1.status).toBe('in-progress');
		expect(a1.updatedAt).toBe(101_000);
		expect(a1.startedAt).toBe(100_000);
		expect(a1.score).toBeUndefined();
		expect(a1.completedAt).toBeUndefined();
		expect(a1.state).toEqual(s1);

		now.mockReturnValue(102_000);
		const s2 = choose(scenario, s1, pick(s1, "That's awful timing"));
		await recordStep(attempt.id, scenario, s2);

		const stored = await getAttempt(attempt.id);
		expect(stored?.updatedAt).toBe(102_000);
		expect(json(stored?.state)).toEqual(json(s2));
		expect(stored?.state.node).toBe('what-happens-now');

		const rows = await db.steps.where('attemptId').equals(attempt.id).sortBy('index');
		expect(rows.map((row) => row.index)).toEqual([0, 1]);
		expect(rows.map((row) => row.at)).toEqual([101_000, 102_000]);
		expect(json(rows.map((row) => row.step))).toEqual(json(s2.steps));
		expect(rows.every((row) => row.attemptId === attempt.id)).toBe(true);
	});

	it('completes the attempt with a score when the run ends', async () => {
		const ana = await createProfile('Ana');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(500_000);
		let attempt = await begin(ana.id);
		let state = attempt.state;
		for (const [i, prefix] of GOOD_PATH.entries()) {
			now.mockReturnValue(500_000 + (i + 1) * 1000);
			state = choose(scenario, state, pick(state, prefix));
			attempt = await recordStep(attempt.id, scenario, state);
			expect(attempt.status).toBe(state.ended ? 'completed' : 'in-progress');
		}
		expect(state.ended).toBe(true);
		expect(state.outcome).toBe('resolved');

		const stored = (await getAttempt(attempt.id))!;
		expect(stored.status).toBe('completed');
		expect(stored.completedAt).toBe(500_000 + GOOD_PATH.length * 1000);
		expect(stored.updatedAt).toBe(stored.completedAt);
		expect(json(stored.score)).toEqual(json(scoreRun(scenario, state)));
		expect(stored.score?.outcome).toBe('resolved');
		expect(stored.score?.dimensions.ownership.score).toBe(100);
		expect(await db.steps.where('attemptId').equals(attempt.id).count()).toBe(GOOD_PATH.length);
		expect(await openAttempt(ana.id, SCENARIO_ID)).toBeUndefined();

		// A finished attempt takes no more steps.
		const extra: RunState = { ...state, steps: [...state.steps, state.steps[0]] };
		await expect(recordStep(attempt.id, scenario, extra)).rejects.toBeInstanceOf(StaleAttemptError);
	});

	it('rejects a stale write from a second tab and leaves the stored data unchanged', async () => {
		const ana = await createProfile('Ana');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(1_000);
		const attempt = await begin(ana.id);
		// Both tabs loaded the attempt at the same state.
		const tabA = (await getAttempt(attempt.id))!.state;
		const tabB = (await getAttempt(attempt.id))!.state;

		now.mockReturnValue(2_000);
		const nextA = choose(scenario, tabA, 0);
		await recordStep(attempt.id, scenario, nextA);
		const afterA = await getAttempt(attempt.id);
		const rowsAfterA = await db.steps.toArray();

		now.mockReturnValue(3_000);
		const nextB = choose(scenario, tabB, 2);
		const error = await recordStep(attempt.id, scenario, nextB).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StaleAttemptError);
		expect((error as Error).name).toBe('StaleAttemptError');
		expect(describeStorageError(error)).toMatch(/another tab/);

		expect(await getAttempt(attempt.id)).toEqual(afterA);
		expect((await getAttempt(attempt.id))?.updatedAt).toBe(2_000);
		expect(await db.steps.toArray()).toEqual(rowsAfterA);
		expect(rowsAfterA).toHaveLength(1);
		expect(rowsAfterA[0].step.choice).toBe(0);
	});

	it('lets exactly one of two simultaneous writes of the same step win', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		const nextA = choose(scenario, attempt.state, 0);
		const nextB = choose(scenario, attempt.state, 1);
		const results = await Promise.allSettled([recordStep(attempt.id, scenario, nextA), recordStep(attempt.id, scenario, nextB)]);
		const won = results.filter((r) => r.status === 'fulfilled');
		const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(won).toHaveLength(1);
		expect(lost).toHaveLength(1);
		expect(lost[0].reason).toBeInstanceOf(StaleAttemptError);

		const winner = (won[0] as PromiseFulfilledResult<Attempt>).value;
		const stored = await getAttempt(attempt.id);
		expect(stored).toEqual(winner);
		const rows = await db.steps.toArray();
		expect(rows).toHaveLength(1);
		expect(json(rows[0].step)).toEqual(json(stored!.state.steps[0]));
	});

	it('rejects a step that skips ahead, and an unknown attempt', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		const s1 = choose(scenario, attempt.state, 0);
		const s2 = choose(scenario, s1, pick(s1, "That's awful timing"));
		await expect(recordStep(attempt.id, scenario, s2)).rejects.toBeInstanceOf(StaleAttemptError);
		await expect(recordStep('no-such-attempt', scenario, s1)).rejects.toBeInstanceOf(StaleAttemptError);
		expect((await getAttempt(attempt.id))?.state.steps).toHaveLength(0);
		expect(await db.steps.count()).toBe(0);
	});

	it('reads back the run state exactly as written, typed replies included', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		let state = attempt.state;
		for (const prefix of ["I'm sorry you've had to call three times", "That's awful timing"]) {
			state = choose(scenario, state, pick(state, prefix));
			await recordStep(attempt.id, scenario, state);
		}
		expect(state.node).toBe('what-happens-now');
		state = submitReply(
			scenario,
			state,
			"I'm not passing this on, Dana. I'll send a replacement by express today so it's with you tomorrow, and I'll log the claim myself."
		);
		expect(state.steps[2].reply).toBeDefined();
		expect(state.steps[2].assessment).toBeDefined();
		await recordStep(attempt.id, scenario, state);

		const stored = (await getAttempt(attempt.id))!;
		expect(json(stored.state)).toEqual(json(state));
		expect(readRunState(stored.state)).not.toBeNull();
		const rows = await db.steps.where('attemptId').equals(attempt.id).sortBy('index');
		expect(json(rows.map((r) => r.step))).toEqual(json(state.steps));

		// The stored state is a working run: play on from it.
		const resumed = readRunState(stored.state)!;
		const next = choose(scenario, resumed, availableChoices(scenario, resumed).find((o) => !o.choice.free)!.index);
		const after = await recordStep(attempt.id, scenario, next);
		expect(after.state.steps).toHaveLength(4);
	});

	it('reports a quota failure during the write, and the stored data stays as it was', async () => {
		const ana = await createProfile('Ana');
		const attempt = await begin(ana.id);
		const before = await getAttempt(attempt.id);
		vi.spyOn(db.steps, 'add').mockImplementation(() => Dexie.Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) as never);
		const error = await recordStep(attempt.id, scenario, choose(scenario, attempt.state, 0)).catch((e: unknown) => e);
		expect(error).toBeDefined();
		expect(isQuotaError(error)).toBe(true);
		expect(describeStorageError(error)).toMatch(/out of storage space/);
		expect(await getAttempt(attempt.id)).toEqual(before);
		expect(await db.steps.count()).toBe(0);
	});
});

describe('summariseProgress', () => {
	function synthetic(overrides: Partial<Attempt>): Attempt {
		return {
			id: Math.random().toString(36).slice(2),
			profileId: 'p',
			scenarioId: 'a',
			scenarioHash: 'h',
			scenarioTitle: 'A',
			mode: 'coach',
			status: 'in-progress',
			startedAt: 0,
			updatedAt: 0,
			state: fresh(),
			...overrides
		};
	}

	it('is empty without attempts', () => {
		expect(summariseProgress([]).size).toBe(0);
	});

	it('reports new, in-progress and completed from real attempts, with best scores', async () => {
		const ana = await createProfile('Ana');
		const now = vi.spyOn(Date, 'now');
		now.mockReturnValue(1_000);
		const poor = await playPath(ana.id, POOR_PATH);
		now.mockReturnValue(2_000);
		const good = await playPath(ana.id, GOOD_PATH);
		now.mockReturnValue(3_000);
		const poorAgain = await playPath(ana.id, POOR_PATH);

		let progress = summariseProgress(await attemptsOf(ana.id)).get(SCENARIO_ID)!;
		expect(progress.status).toBe('completed');
		expect(progress.attempts).toBe(3);
		expect(progress.completed).toBe(3);
		// Latest is the newest completed attempt; best is the best of each dimension over all of them.
		expect(progress.latest?.id).toBe(poorAgain.id);
		expect(progress.lastPlayed).toBe(poorAgain.updatedAt);
		for (const dimension of ['empathy', 'flexibility', 'ownership'] as const) {
			const values = [poor, good, poorAgain].map((a) => a.score!.dimensions[dimension].score).filter((v): v is number => v !== null);
			expect(progress.best[dimension]).toBe(values.length ? Math.max(...values) : null);
		}
		expect(progress.best.ownership).toBe(100);
		expect(good.score!.dimensions.ownership.score).toBeGreaterThan(poor.score!.dimensions.ownership.score!);

		// A new attempt in progress shows as in progress; the best scores remain.
		now.mockReturnValue(4_000);
		await begin(ana.id);
		progress = summariseProgress(await attemptsOf(ana.id)).get(SCENARIO_ID)!;
		expect(progress.status).toBe('in-progress');
		expect(progress.attempts).toBe(4);
		expect(progress.completed).toBe(3);
		expect(progress.best.ownership).toBe(100);

		// Another learner has nothing yet.
		const ben = await createProfile('Ben');
		expect(summariseProgress(await attemptsOf(ben.id)).get(SCENARIO_ID)?.status ?? 'new').toBe('new');
	});

	it('ignores abandoned attempts', async () => {
		const ana = await createProfile('Ana');
		const first = await begin(ana.id);
		await begin(ana.id); // abandons the first
		const second = await openAttempt(ana.id, SCENARIO_ID);
		await abandonAttempt(second!.id);
		expect((await getAttempt(first.id))?.status).toBe('abandoned');

		const progress = summariseProgress(await attemptsOf(ana.id)).get(SCENARIO_ID);
		expect(progress?.status ?? 'new').toBe('new');
		expect(progress?.attempts ?? 0).toBe(0);
		expect(progress?.completed ?? 0).toBe(0);
		expect(progress?.best ?? { empathy: null, flexibility: null, ownership: null }).toEqual({ empathy: null, flexibility: null, ownership: null });
	});

	it('does not take best scores from abandoned attempts, and works in any order', () => {
		const score = (empathy: number | null, ownership: number | null) => ({
			...scoreRun(scenario, fresh()),
			dimensions: {
				empathy: { score: empathy, band: null, decisions: 1 },
				flexibility: { score: null, band: null, decisions: 0 },
				ownership: { score: ownership, band: null, decisions: 1 }
			}
		});
		const attempts = [
			synthetic({ scenarioId: 'a', status: 'completed', updatedAt: 10, score: score(40, 60) }),
			synthetic({ scenarioId: 'a', status: 'abandoned', updatedAt: 30, score: score(100, 100) }),
			synthetic({ scenarioId: 'a', status: 'completed', updatedAt: 20, score: score(80, 20) }),
			synthetic({ scenarioId: 'b', status: 'in-progress', updatedAt: 5 }),
			synthetic({ scenarioId: 'c', status: 'abandoned', updatedAt: 7 })
		];
		for (const order of [attempts, [...attempts].reverse()]) {
			const progress = summariseProgress(order);
			const a = progress.get('a')!;
			expect(a.status).toBe('completed');
			expect(a.attempts).toBe(2);
			expect(a.completed).toBe(2);
			expect(a.best).toEqual({ empathy: 80, flexibility: null, ownership: 60 });
			expect(a.latest?.updatedAt).toBe(20);
			const b = progress.get('b')!;
			expect(b.status).toBe('in-progress');
			expect(b.attempts).toBe(1);
			expect(b.completed).toBe(0);
			expect(b.best).toEqual({ empathy: null, flexibility: null, ownership: null });
			expect(progress.get('c')?.status ?? 'new').toBe('new');
			expect(progress.get('c')?.attempts ?? 0).toBe(0);
		}
	});
});

describe('shouldAskToPersist', () => {
	it('is true once, then false', async () => {
		expect(await shouldAskToPersist()).toBe(true);
		expect(await shouldAskToPersist()).toBe(false);
		expect(await shouldAskToPersist()).toBe(false);
	});

	it('is remembered across a reopen of the database', async () => {
		expect(await shouldAskToPersist()).toBe(true);
		db.close();
		const reopened = new ServiceDrillDatabase(db.name);
		useDatabase(reopened);
		expect(await shouldAskToPersist()).toBe(false);
		reopened.close();
	});
});

describe('storage errors', () => {
	const quotaCases: [string, unknown][] = [
		['a DOMException QuotaExceededError', new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
		['a plain QuotaExceededError object', { name: 'QuotaExceededError', message: '' }],
		['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full')],
		['a Dexie AbortError with inner QuotaExceededError', new Dexie.AbortError('Transaction aborted', new DOMException('', 'QuotaExceededError'))],
		['a Dexie-style AbortError object with inner', { name: 'AbortError', message: 'Transaction aborted', inner: { name: 'QuotaExceededError', message: '' } }],
		['an error with a QuotaExceededError cause', new Error('write failed', { cause: new DOMException('', 'QuotaExceededError') })],
		["Firefox's NS_ERROR_DOM_QUOTA_REACHED", { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }],
		['old WebKit code 22', Object.assign(new Error('The operation failed.'), { name: 'QUOTA_EXCEEDED_ERR', code: 22 })],
		['a bare code 22', { code: 22 }]
	];

	for (const [label, error] of quotaCases) {
		it(`recognises ${label} as out of space`, () => {
			expect(isQuotaError(error)).toBe(true);
			expect(describeStorageError(error)).toMatch(/out of storage space/);
		});
	}

	const otherCases: [string, unknown, RegExp][] = [
		['an ordinary error', new Error('disk on fire'), /could not be saved: disk on fire/],
		['a string', 'something odd', /could not be saved: something odd/],
		['a stale attempt', new StaleAttemptError('moved on'), /another tab/],
		['a version change', { name: 'VersionError', message: 'v' }, /updated in another tab/],
		['a closed database', new Dexie.DatabaseClosedError('closed'), /updated in another tab/],
		['blocked storage', new Dexie.MissingAPIError('no indexedDB'), /not letting Service Drill store data/],
		['an AbortError without a quota cause', new Dexie.AbortError('Transaction aborted', new Error('constraint')), /could not be saved: /],
		['a ConstraintError', new DOMException('Key already exists', 'ConstraintError'), /could not be saved: Key already exists/]
	];

	for (const [label, error, message] of otherCases) {
		it(`gives a useful message for ${label}`, () => {
			expect(isQuotaError(error)).toBe(false);
			const text = describeStorageError(error);
			expect(text).toMatch(message);
			expect(text).not.toMatch(/out of storage space/);
		});
	}

	it('copes with null, undefined and numbers', () => {
		for (const value of [null, undefined, 0, 22]) {
			expect(isQuotaError(value)).toBe(false);
			expect(typeof describeStorageError(value)).toBe('string');
		}
	});

	it('does not loop on an error whose inner is itself', () => {
		const error: { name: string; message: string; inner?: unknown } = { name: 'AbortError', message: 'x' };
		error.inner = error;
		expect(isQuotaError(error)).toBe(false);
	});
});

describe('a version 1 database', () => {
	/** The version 1 schema, frozen: later versions of db.ts must still open what this wrote. */
	const V1_SCHEMA = {
		profiles: 'id, name, createdAt',
		attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt',
		steps: '[attemptId+index], attemptId, at',
		settings: 'key'
	};

	it('keeps its data when closed and reopened by name', async () => {
		const name = db.name;
		const ana = await createProfile('Ana');
		const ben = await createProfile('Ben');
		await selectProfile(ana.id);
		await setCoachMode(ben.id, false);
		const finished = await playPath(ana.id, GOOD_PATH);
		const open = await begin(ana.id);
		const s1 = choose(scenario, open.state, 0);
		await recordStep(open.id, scenario, s1);
		const benAttempt = await begin(ben.id, 'exam');
		expect(await shouldAskToPersist()).toBe(true);

		const snapshot = {
			profiles: await db.profiles.toArray(),
			attempts: await db.attempts.toArray(),
			steps: await db.steps.toArray(),
			settings: await db.settings.toArray()
		};
		expect(db.verno).toBe(3);
		db.close();

		const reopened = new ServiceDrillDatabase(name);
		useDatabase(reopened);
		expect(await reopened.profiles.toArray()).toEqual(snapshot.profiles);
		expect(await reopened.attempts.toArray()).toEqual(snapshot.attempts);
		expect(await reopened.steps.toArray()).toEqual(snapshot.steps);
		expect(await reopened.settings.toArray()).toEqual(snapshot.settings);

		expect((await listProfiles()).map((p) => p.name)).toEqual(['Ana', 'Ben']);
		expect(await currentProfileId()).toBe(ana.id);
		expect((await reopened.profiles.get(ben.id))?.coachMode).toBe(false);
		expect((await getAttempt(finished.id))?.status).toBe('completed');
		expect(json((await getAttempt(finished.id))?.score)).toEqual(json(finished.score));
		expect(json((await openAttempt(ana.id, SCENARIO_ID))?.state)).toEqual(json(s1));
		expect((await openAttempt(ben.id, SCENARIO_ID))?.id).toBe(benAttempt.id);
		expect(await shouldAskToPersist()).toBe(false);

		// Play continues on the reopened database.
		const s2 = choose(scenario, s1, availableChoices(scenario, s1).find((o) => !o.choice.free)!.index);
		expect((await recordStep(open.id, scenario, s2)).state.steps).toHaveLength(2);
		reopened.close();
		db = reopened;
	});

	it('written with the frozen version 1 schema, opens with the current code', async () => {
		const name = db.name;
		db.close();
		await Dexie.delete(name);

		const v1 = new Dexie(name);
		v1.version(1).stores(V1_SCHEMA);
		const state = choose(scenario, fresh(), 0);
		const attempt: Attempt = {
			id: 'attempt-1',
			profileId: 'profile-1',
			scenarioId: SCENARIO_ID,
			scenarioHash: HASH,
			scenarioTitle: TITLE,
			mode: 'coach',
			status: 'in-progress',
			startedAt: 1,
			updatedAt: 2,
			state
		};
		await v1.table('profiles').add({ id: 'profile-1', name: 'Ana', createdAt: 1, coachMode: true });
		await v1.table('attempts').add(attempt);
		await v1.table('steps').add({ attemptId: 'attempt-1', index: 0, at: 2, step: state.steps[0] });
		await v1.table('settings').bulkPut([
			{ key: 'currentProfileId', value: 'profile-1' },
			{ key: 'persistAsked', value: 3 }
		]);
		v1.close();

		db = new ServiceDrillDatabase(name);
		useDatabase(db);
		expect(await listProfiles()).toEqual([{ id: 'profile-1', name: 'Ana', createdAt: 1, coachMode: true }]);
		expect(await currentProfileId()).toBe('profile-1');
		expect(await getAttempt('attempt-1')).toEqual(attempt);
		expect((await openAttempt('profile-1', SCENARIO_ID))?.id).toBe('attempt-1');
		expect(await db.steps.get(['attempt-1', 0])).toEqual({ attemptId: 'attempt-1', index: 0, at: 2, step: state.steps[0] });
		expect(await shouldAskToPersist()).toBe(false);
		const s2 = choose(scenario, state, availableChoices(scenario, state).find((o) => !o.choice.free)!.index);
		expect((await recordStep('attempt-1', scenario, s2)).state.steps).toHaveLength(2);
	});
});
