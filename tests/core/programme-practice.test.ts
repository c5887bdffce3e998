import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DAY_MS,
	PRACTISE_LIMIT,
	practiseToday,
	programmeProgress,
	summariseAttempts,
	type Dimension,
	type Enrolled,
	type Programme,
	type ScoredAttempt
} from '../../src/lib/core';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 0, 10, 9);
const day = (n: number) => T0 + n * DAY_MS;

function makeProgramme(title: string, audience: Programme['audience'], ids: string[]): Programme {
	return {
		title,
		summary: '',
		audience,
		passMark: { empathy: 70, flexibility: 70, ownership: 70 },
		renewal: audience === 'refresher' ? { amount: 12, unit: 'months' } : null,
		description: '',
		steps: ids.map((scenarioId, i) => ({ scenarioId, label: scenarioId, notes: '', line: i + 6 }))
	};
}

let serial = 0;
function attempt(scenarioId: string, completedAt: number, scores: [number | null, number | null, number | null]): ScoredAttempt {
	const [empathy, flexibility, ownership] = scores;
	return {
		id: `p${++serial}`,
		scenarioId,
		status: 'completed',
		startedAt: completedAt - 5 * 60_000,
		completedAt,
		score: {
			dimensions: { empathy: { score: empathy }, flexibility: { score: flexibility }, ownership: { score: ownership } },
			outcome: 'resolved',
			csat: 4,
			nps: 'passive'
		}
	};
}
const pass = (id: string, at: number) => attempt(id, at, [90, 85, 80]);
const fail = (id: string, at: number) => attempt(id, at, [90, 85, 58]);

const BOOT = makeProgramme('New-hire boot camp', 'boot-camp', ['b1', 'b2', 'b3', 'b4']);
const REFRESH = makeProgramme('Annual refresher', 'refresher', ['r1', 'r2', 'r3']);

/** The library: how much each scenario tests each dimension. */
const EMPHASIS = new Map<string, Record<Dimension, number>>([
	['b1', { empathy: 4, flexibility: 3, ownership: 4 }],
	['b2', { empathy: 5, flexibility: 3, ownership: 6 }],
	['b3', { empathy: 5, flexibility: 6, ownership: 3 }],
	['b4', { empathy: 7, flexibility: 3, ownership: 9 }],
	['r1', { empathy: 6, flexibility: 4, ownership: 5 }],
	['r2', { empathy: 5, flexibility: 8, ownership: 12 }],
	['r3', { empathy: 6, flexibility: 5, ownership: 7 }],
	['x1', { empathy: 3, flexibility: 9, ownership: 11 }],
	['x2', { empathy: 3, flexibility: 2, ownership: 0 }]
]);

function today(attempts: ScoredAttempt[], now: number, programmes: { id: string; programme: Programme; enrolledAt: number }[], limit?: number) {
	const enrolled: Enrolled[] = programmes.map(({ id, programme, enrolledAt }) => ({
		programmeId: id,
		programme,
		progress: programmeProgress(programme, attempts, { enrolledAt, now, emphasis: EMPHASIS })
	}));
	return practiseToday({ now, enrolled, summary: summariseAttempts(attempts, now), emphasis: EMPHASIS, limit });
}

describe('practiseToday', () => {
	it('is empty for a new learner in no programme', () => {
		expect(today([], day(0), [])).toEqual([]);
	});

	it('offers the next step of a programme in progress', () => {
		expect(today([], day(0), [{ id: 'boot', programme: BOOT, enrolledAt: day(0) }])).toEqual([
			{ scenarioId: 'b1', kind: 'next-step', programmeId: 'boot', reason: 'Step 1 of 4 in your New-hire boot camp.' }
		]);
	});

	it('brings a failed step back once its spaced-practice gap is over, before the next step', () => {
		const attempts = [fail('b1', day(1))];
		const programmes = [{ id: 'boot', programme: BOOT, enrolledAt: day(0) }];
		expect(today(attempts, day(1) + HOUR, programmes).map((item) => [item.scenarioId, item.kind])).toEqual([
			['b2', 'next-step'],
			['r2', 'weakest'],
			['x1', 'weakest']
		]);
		const due = today(attempts, day(2), programmes);
		expect(due[0]).toEqual({
			scenarioId: 'b1',
			kind: 'retry',
			programmeId: 'boot',
			reason: 'Not passed yet in your New-hire boot camp (ownership 58 of 70); it comes back a day after your last try.'
		});
		expect(due[1]).toMatchObject({ scenarioId: 'b2', kind: 'next-step', reason: 'Step 2 of 4 in your New-hire boot camp.' });
	});

	it('says the longer gap after a retry made when due, and lists the longest-waiting retry first', () => {
		const attempts = [fail('b1', day(1)), fail('b1', day(2) + HOUR), fail('b2', day(3))];
		const items = today(attempts, day(6), [{ id: 'boot', programme: BOOT, enrolledAt: day(0) }]);
		expect(items.slice(0, 2).map((item) => [item.scenarioId, item.reason])).toEqual([
			['b2', 'Not passed yet in your New-hire boot camp (ownership 58 of 70); it comes back a day after your last try.'],
			['b1', 'Not passed yet in your New-hire boot camp (ownership 58 of 70); it comes back 3 days after your last try.']
		]);
	});

	it('puts an overdue refresher first, then a due one, each with its next step', () => {
		const certified = [pass('r1', day(1)), pass('r2', day(1)), pass('r3', day(1))];
		const otherRefresher = makeProgramme('Complaints refresher', 'refresher', ['x1', 'x2']);
		const attempts = [...certified, pass('x1', day(40)), pass('x2', day(40)), attempt('b1', day(-2), [90, 90, 40])];
		// The Annual refresher expires on day 366 (12 months after day 1), the Complaints refresher on day 405 (after day 40).
		const now = day(380);
		const items = today(attempts, now, [
			{ id: 'complaints', programme: otherRefresher, enrolledAt: day(30) },
			{ id: 'annual', programme: REFRESH, enrolledAt: day(0) },
			{ id: 'boot', programme: BOOT, enrolledAt: day(0) }
		]);
		expect(items.map((item) => [item.scenarioId, item.kind, item.programmeId])).toEqual([
			['r2', 'refresher', 'annual'],
			['x1', 'refresher', 'complaints'],
			['b1', 'next-step', 'boot'],
			['b4', 'weakest', null],
			['r3', 'weakest', null]
		]);
		expect(items[0].reason).toBe('Your Annual refresher is 14 days overdue; this is its next step.');
		expect(items[1].reason).toBe('Your Complaints refresher is due in 25 days; this is its next step.');
	});

	it('adds at most two weakest-dimension scenarios, the ones that test it most, skipping any played in the last day', () => {
		const attempts = [attempt('b3', day(0), [95, 90, 40]), attempt('x1', day(1) - HOUR, [95, 90, 60])];
		const items = today(attempts, day(1), []);
		expect(items).toEqual([
			{
				scenarioId: 'r2',
				kind: 'weakest',
				programmeId: null,
				reason: 'It tests ownership more than most, and that is your weakest dimension (average 50).'
			},
			{
				scenarioId: 'b4',
				kind: 'weakest',
				programmeId: null,
				reason: 'It tests ownership more than most, and that is your weakest dimension (average 50).'
			}
		]);
		// A day and more later, x1 (which tests ownership second most) is back in the list.
		expect(today(attempts, day(2), []).map((item) => item.scenarioId)).toEqual(['r2', 'x1']);
	});

	it('never lists a scenario twice, and keeps to the limit (property)', () => {
		const ids = ['b1', 'b2', 'b3', 'b4', 'r1', 'r2', 'r3', 'x1', 'x2'];
		const play = fc.record({
			id: fc.constantFrom(...ids),
			day: fc.integer({ min: -5, max: 500 }),
			scores: fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
		});
		fc.assert(
			fc.property(fc.array(play, { maxLength: 30 }), fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 8 }), (plays, now, limit) => {
				const attempts = plays.map((p) => attempt(p.id, day(p.day) + HOUR, p.scores));
				const items = today(
					attempts,
					day(now),
					[
						{ id: 'boot', programme: BOOT, enrolledAt: day(0) },
						{ id: 'annual', programme: REFRESH, enrolledAt: day(0) }
					],
					limit
				);
				expect(items.length).toBeLessThanOrEqual(Math.min(limit, PRACTISE_LIMIT + 3));
				expect(new Set(items.map((item) => item.scenarioId)).size).toBe(items.length);
				expect(items.filter((item) => item.kind === 'weakest').length).toBeLessThanOrEqual(2);
				for (const item of items) expect(item.reason).toMatch(/^[A-Z].*\.$/);
			})
		);
	});

	it('keeps to five by default', () => {
		const many = makeProgramme('Big', 'boot-camp', ['b1', 'b2', 'b3', 'b4', 'r1', 'r2', 'r3']);
		const attempts = ['b1', 'b2', 'b3', 'b4', 'r1', 'r2'].map((id, i) => fail(id, day(1) + i * HOUR));
		expect(today(attempts, day(5), [{ id: 'big', programme: many, enrolledAt: day(0) }])).toHaveLength(PRACTISE_LIMIT);
	});
});
