import { describe, expect, it } from 'vitest';
import { DIMENSIONS, summariseAttempts, type ScoredAttempt } from '$lib/core';
import {
	conversationOrder,
	dashboardData,
	describeTrend,
	formatDuration,
	formatNps,
	MAX_TREND_POINTS,
	outcomeBars,
	trendSeries
} from '$lib/dashboard/chart-data';
import { completed, day, MINUTE } from './fixtures';

describe('trend series', () => {
	it('puts every completed conversation on a shared x axis, oldest first, each dimension only where assessed', () => {
		const attempts = [
			completed('a', day(0), [40, 80, null]),
			completed('b', day(1), [75, null, 60]),
			{ id: 'open', scenarioId: 'a', status: 'in-progress', startedAt: day(1) + 1 } satisfies ScoredAttempt,
			completed('a', day(2), [90, 65, 70])
		];
		const data = dashboardData(summariseAttempts(attempts), attempts, 70);
		expect(data.total).toBe(3);
		const empathy = data.trends.empathy;
		expect(empathy.kind).toBe('points');
		if (empathy.kind !== 'points') return;
		expect(empathy.points.map((point) => [point.n, point.score, point.passed])).toEqual([
			[1, 40, false],
			[2, 75, true],
			[3, 90, true]
		]);
		expect(empathy).toMatchObject({ total: 3, assessed: 3, first: 40, latest: 90, best: 90, passed: 2, passMark: 70 });
		expect(empathy.mean).toBeCloseTo(205 / 3);
		const flexibility = data.trends.flexibility;
		if (flexibility.kind !== 'points') throw new Error('points expected');
		expect(flexibility.points.map((point) => point.n)).toEqual([1, 3]);
		// A score exactly at the pass mark passes.
		const ownership = data.trends.ownership;
		if (ownership.kind !== 'points') throw new Error('points expected');
		expect(ownership.points.map((point) => point.passed)).toEqual([false, true]);
	});

	it('numbers conversations in the order given, skipping unfinished, unscored and future ones', () => {
		const order = conversationOrder([
			{ id: 'x', status: 'completed', completedAt: 1, score: {} },
			{ id: 'y', status: 'abandoned' },
			{ id: 'z', status: 'completed', completedAt: 2 },
			{ id: 'w', status: 'completed', completedAt: 3, score: {} },
			{ id: 'v', status: 'completed', completedAt: 10, score: {} }
		], 5);
		expect([...order]).toEqual([
			['x', 1],
			['w', 2]
		]);
	});

	it('groups a long history into runs of consecutive conversations: mean, lowest, highest, every attempt counted once', () => {
		const attempts = Array.from({ length: 10_000 }, (_, i) => completed('s', day(0) + i * MINUTE, [i % 101, i % 3 === 0 ? null : 50, 70]));
		const summary = summariseAttempts(attempts);
		const data = dashboardData(summary, attempts, 70);
		const empathy = data.trends.empathy;
		expect(empathy.kind).toBe('groups');
		if (empathy.kind !== 'groups') return;
		expect(empathy.groupSize).toBe(200);
		expect(empathy.groups).toHaveLength(50);
		expect(empathy.groups.reduce((sum, group) => sum + group.count, 0)).toBe(10_000);
		expect(empathy.groups[0]).toMatchObject({ from: 1, to: 200, count: 200, min: 0, max: 100 });
		const first = attempts.slice(0, 200).map((attempt) => attempt.score!.dimensions.empathy.score!);
		expect(empathy.groups[0].mean).toBeCloseTo(first.reduce((a, b) => a + b) / 200);
		expect(empathy.groups[0].passed).toBe(first.filter((score) => score >= 70).length);
		expect(empathy.groups[49]).toMatchObject({ from: 9801, to: 10_000 });
		// A dimension assessed in two conversations of three: groups still cover the same conversation numbers.
		const flexibility = data.trends.flexibility;
		if (flexibility.kind !== 'groups') throw new Error('groups expected');
		expect(flexibility.groups.map((group) => group.from)).toEqual(empathy.groups.map((group) => group.from));
		expect(flexibility.groups.reduce((sum, group) => sum + group.count, 0)).toBe(summary.trend.flexibility.length);
	});

	it(`draws each conversation up to ${MAX_TREND_POINTS}, then groups`, () => {
		const make = (count: number) => {
			const attempts = Array.from({ length: count }, (_, i) => completed('s', day(i), [60, 60, 60]));
			return dashboardData(summariseAttempts(attempts), attempts, 70).trends.empathy.kind;
		};
		expect(make(MAX_TREND_POINTS)).toBe('points');
		expect(make(MAX_TREND_POINTS + 1)).toBe('groups');
	});

	it('has a text alternative with the span, the figures and the pass mark', () => {
		const attempts = [completed('a', Date.UTC(2027, 2, 3, 12), [40, null, null]), completed('a', Date.UTC(2027, 3, 5, 12), [82, null, null])];
		const data = dashboardData(summariseAttempts(attempts), attempts, 70);
		const text = describeTrend(data.trends.empathy, 'Empathy');
		expect(text).toMatch(/^Empathy over 2 conversations, from .*2027 to .*2027: first 40, latest 82, best 82, average 61\. 1 of 2 reached the pass mark of 70\.$/);
		expect(describeTrend(data.trends.flexibility, 'Policy flexibility')).toBe('Policy flexibility: not assessed in any completed conversation yet.');
		const one = [completed('a', Date.UTC(2027, 2, 3, 12), [55, null, null])];
		expect(describeTrend(dashboardData(summariseAttempts(one), one, 70).trends.empathy, 'Empathy')).toMatch(/^Empathy over 1 conversation, on .*: scored 55\. 0 of 1 reached/);
		const many = Array.from({ length: 500 }, (_, i) => completed('s', day(i), [60, 60, 60]));
		expect(describeTrend(dashboardData(summariseAttempts(many), many, 70).trends.ownership, 'Ownership')).toContain(
			'Drawn as 50 groups of up to 10 conversations'
		);
	});

	it('keeps every dimension in the data', () => {
		const data = dashboardData(summariseAttempts([]), [], 70);
		expect(Object.keys(data.trends)).toEqual([...DIMENSIONS]);
		expect(data.total).toBe(0);
		for (const dimension of DIMENSIONS) expect(data.trends[dimension]).toMatchObject({ kind: 'points', assessed: 0, latest: null });
	});

	it('ignores a point whose attempt it cannot place', () => {
		const series = trendSeries('empathy', [{ at: 1, score: 50, attemptId: 'ghost', scenarioId: 's' }], new Map(), 0, 70);
		expect(series.kind === 'points' && series.points).toEqual([]);
	});
});

describe('figures', () => {
	it('formats time spent in hours and minutes', () => {
		expect(formatDuration(0)).toBe('none yet');
		expect(formatDuration(30_000)).toBe('under a minute');
		expect(formatDuration(12 * MINUTE + 59_000)).toBe('12 min');
		expect(formatDuration(185 * MINUTE)).toBe('3 h 05 min');
		expect(formatDuration(1000 * 60 * MINUTE)).toBe('1,000 h 00 min');
	});

	it('signs NPS with a plus or a real minus', () => {
		expect([formatNps(40), formatNps(0), formatNps(-20)]).toEqual(['+40', '0', '−20']);
	});

	it('lists the four outcomes best first, with their shares', () => {
		expect(outcomeBars({ resolved: 3, retained: 1, escalated: 0, lost: 1 })).toEqual([
			{ outcome: 'resolved', count: 3, percent: 60 },
			{ outcome: 'retained', count: 1, percent: 20 },
			{ outcome: 'escalated', count: 0, percent: 0 },
			{ outcome: 'lost', count: 1, percent: 20 }
		]);
		expect(outcomeBars({ resolved: 0, retained: 0, escalated: 0, lost: 0 }).every((bar) => bar.percent === 0)).toBe(true);
	});
});
