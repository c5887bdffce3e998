import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	csatFromMood,
	DAY_MS,
	MAX_ATTEMPT_MS,
	netPromoterScore,
	npsBand,
	npsFromMood,
	outcomeFromMood,
	summariseAttempts,
	type NpsClass,
	type Outcome,
	type ScoredAttempt
} from '../../src/lib/core';

const T0 = Date.UTC(2026, 0, 10, 9);
const MINUTE = 60_000;

let serial = 0;
function attempt(
	scenarioId: string,
	completedAt: number,
	scores: [number | null, number | null, number | null],
	result: { csat?: number; nps?: NpsClass; outcome?: Outcome | null; minutes?: number } = {}
): ScoredAttempt {
	const [empathy, flexibility, ownership] = scores;
	return {
		id: `a${String(++serial).padStart(5, '0')}`,
		scenarioId,
		status: 'completed',
		startedAt: completedAt - (result.minutes ?? 6) * MINUTE,
		completedAt,
		score: {
			dimensions: { empathy: { score: empathy }, flexibility: { score: flexibility }, ownership: { score: ownership } },
			outcome: result.outcome === undefined ? 'resolved' : result.outcome,
			csat: result.csat ?? 4,
			nps: result.nps ?? 'passive'
		}
	};
}

describe('NPS', () => {
	it('is the percentage of promoters minus the percentage of detractors', () => {
		expect(netPromoterScore(3, 1, 1)).toBe(40);
		expect(netPromoterScore(0, 0, 4)).toBe(-100);
		expect(netPromoterScore(2, 0, 0)).toBe(100);
		expect(netPromoterScore(1, 1, 1)).toBe(0);
		expect(netPromoterScore(2, 1, 0)).toBe(67);
		expect(netPromoterScore(0, 0, 0)).toBeNull();
		expect(Object.is(netPromoterScore(0, 2, 0), 0)).toBe(true);
		expect(Object.is(netPromoterScore(1, 200, 2), 0)).toBe(true); // −0.49 rounds to 0, never −0
	});

	it('reads above 50 as excellent, 0 to 50 as average, below 0 as poor', () => {
		expect([npsBand(100), npsBand(51), npsBand(50), npsBand(0), npsBand(-1), npsBand(-100)]).toEqual([
			'excellent',
			'excellent',
			'average',
			'average',
			'poor',
			'poor'
		]);
	});

	it('stays within −100..100 and its band matches the number shown (property)', () => {
		fc.assert(
			fc.property(fc.nat(500), fc.nat(500), fc.nat(500), (p, q, d) => {
				const nps = netPromoterScore(p, q, d);
				// (Not `return expect(…)`: fast-check reads a returned false as a failed property.)
				if (p + q + d === 0) {
					expect(nps).toBeNull();
					return;
				}
				// The share of promoters minus the share of detractors, in whole points, halves rounded up: in integers,
				// floor((2·100·(p − d) + t) / 2t), so no floating-point difference of two shares decides a tie.
				const t = p + q + d;
				expect(nps).toBe(Math.floor((200 * (p - d) + t) / (2 * t)) + 0);
				expect(Math.abs(nps!)).toBeLessThanOrEqual(100);
				expect(npsBand(nps!)).toBe(nps! > 50 ? 'excellent' : nps! >= 0 ? 'average' : 'poor');
			})
		);
	});
});

describe('summariseAttempts', () => {
	it('is empty for a learner with no attempts', () => {
		const summary = summariseAttempts([]);
		expect(summary).toMatchObject({
			completed: 0,
			csat: { average: null, counts: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
			nps: { score: null, band: null, promoters: 0, passives: 0, detractors: 0 },
			outcomes: { resolved: 0, retained: 0, escalated: 0, lost: 0 },
			timeSpentMs: 0,
			trend: { empathy: [], flexibility: [], ownership: [] },
			weakest: null,
			first: null,
			last: null
		});
		expect(summary.scenarios.size).toBe(0);
	});

	it('gives the customer result over completed conversations: average CSAT and NPS with its band', () => {
		const moods = [95, 90, 88, 70, 40];
		const attempts = moods.map((mood, i) =>
			attempt('s', T0 + i * DAY_MS, [80, 80, 80], { csat: csatFromMood(mood), nps: npsFromMood(mood), outcome: outcomeFromMood(mood) })
		);
		const summary = summariseAttempts(attempts);
		// CSAT 5, 5, 5, 4, 3; promoters 95, 90, 88 (recommend 10, 9, 9); passive 70; detractor 40.
		expect(summary.csat.average).toBeCloseTo(22 / 5);
		expect(summary.csat.counts).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1, 5: 3 });
		expect(summary.nps).toEqual({ score: 40, band: 'average', promoters: 3, passives: 1, detractors: 1 });
		expect(summary.outcomes).toEqual({ resolved: 4, retained: 0, escalated: 1, lost: 0 });
	});

	it('leaves unfinished and abandoned attempts out of the figures, but counts their time', () => {
		const done = attempt('s', T0, [80, 80, 80], { minutes: 7 });
		const open: ScoredAttempt = { id: 'open', scenarioId: 's', status: 'in-progress', startedAt: T0, updatedAt: T0 + 4 * MINUTE };
		const gone: ScoredAttempt = { id: 'gone', scenarioId: 't', status: 'abandoned', startedAt: T0, updatedAt: T0 + 2 * MINUTE };
		const never: ScoredAttempt = { id: 'never', scenarioId: 't', status: 'in-progress', startedAt: T0 };
		const summary = summariseAttempts([done, open, gone, never]);
		expect(summary.completed).toBe(1);
		expect(summary.scenarios.has('t')).toBe(false);
		expect(summary.timeSpentMs).toBe(13 * MINUTE);
	});

	it('counts at most an hour for one attempt', () => {
		const overnight = attempt('s', T0, [80, 80, 80], { minutes: 600 });
		const quick = attempt('s', T0 + DAY_MS, [80, 80, 80], { minutes: 5 });
		expect(summariseAttempts([overnight, quick]).timeSpentMs).toBe(MAX_ATTEMPT_MS + 5 * MINUTE);
	});

	it('draws one trend point per attempt on each dimension it assessed, oldest first', () => {
		const a = attempt('s', T0 + 2 * DAY_MS, [60, null, 70]);
		const b = attempt('t', T0, [50, 40, 30]);
		const c = attempt('s', T0 + DAY_MS, [90, 85, null]);
		const summary = summariseAttempts([a, b, c]);
		expect(summary.trend.empathy.map((point) => [point.score, point.attemptId, point.scenarioId])).toEqual([
			[50, b.id, 't'],
			[90, c.id, 's'],
			[60, a.id, 's']
		]);
		expect(summary.trend.flexibility.map((point) => point.score)).toEqual([40, 85]);
		expect(summary.trend.ownership.map((point) => point.at)).toEqual([T0, T0 + 2 * DAY_MS]);
		expect([summary.first, summary.last]).toEqual([T0, T0 + 2 * DAY_MS]);
	});

	it('keeps per scenario the best score on each dimension and the latest attempt', () => {
		const a = attempt('s', T0, [60, null, 95], { outcome: 'lost', csat: 1 });
		const b = attempt('s', T0 + DAY_MS, [90, 40, 70], { outcome: 'retained', csat: 3 });
		const c = attempt('s', T0 + 2 * DAY_MS, [70, 50, null], { outcome: null, csat: 4 });
		const summary = summariseAttempts([b, c, a]);
		expect(summary.scenarios.get('s')).toEqual({
			scenarioId: 's',
			attempts: 3,
			best: { empathy: 90, flexibility: 50, ownership: 95 },
			latest: { attemptId: c.id, at: T0 + 2 * DAY_MS, scores: { empathy: 70, flexibility: 50, ownership: null }, outcome: null, csat: 4 }
		});
		expect(summary.outcomes).toEqual({ resolved: 0, retained: 1, escalated: 0, lost: 1 });
	});

	it('names the weakest dimension from each scenario\'s latest scores', () => {
		const summary = summariseAttempts([
			attempt('s', T0, [20, 90, 90]),
			attempt('s', T0 + DAY_MS, [90, 90, 60]),
			attempt('t', T0, [80, 75, 50])
		]);
		expect(summary.weakest).toMatchObject({ dimension: 'ownership', average: 55, scenarios: 2 });
	});

	it('leaves out attempts completed after now', () => {
		const summary = summariseAttempts([attempt('s', T0, [80, 80, 80]), attempt('s', T0 + DAY_MS, [10, 10, 10])], T0 + 1);
		expect(summary.completed).toBe(1);
		expect(summary.scenarios.get('s')?.latest.scores.empathy).toBe(80);
	});

	it('gives the same summary whatever order the attempts come in (property)', () => {
		const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
		const generated = fc.array(
			fc.record({
				scenario: fc.constantFrom('s', 't', 'u'),
				minute: fc.integer({ min: 0, max: 100_000 }),
				scores: fc.tuple(score, score, score),
				mood: fc.integer({ min: 0, max: 100 })
			}),
			{ maxLength: 40 }
		);
		fc.assert(
			fc.property(generated, fc.integer(), (rows, seed) => {
				const attempts = rows.map((row) =>
					attempt(row.scenario, T0 + row.minute * MINUTE, row.scores, { csat: csatFromMood(row.mood), nps: npsFromMood(row.mood) })
				);
				const shuffled = [...attempts].sort((a, b) => ((a.id.charCodeAt(5) * 31 + seed) % 7) - ((b.id.charCodeAt(5) * 31 + seed) % 7));
				const one = summariseAttempts(attempts);
				const other = summariseAttempts(shuffled);
				expect({ ...other, scenarios: [...other.scenarios.entries()].sort() }).toEqual({ ...one, scenarios: [...one.scenarios.entries()].sort() });
				expect(one.completed).toBe(attempts.length);
				for (const points of Object.values(one.trend)) {
					for (let i = 1; i < points.length; i++) expect(points[i].at).toBeGreaterThanOrEqual(points[i - 1].at);
				}
			})
		);
	});
});
