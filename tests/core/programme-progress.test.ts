import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addPeriod,
	analyseScenario,
	attemptPasses,
	belowPassMark,
	DAY_MS,
	DIMENSION_NAME,
	DIMENSIONS,
	dimensionEmphasis,
	dueFrom,
	parseScenario,
	programmeProgress,
	renewalLabel,
	retrySchedule,
	weakestDimension,
	weakestOf,
	type Dimension,
	type DimensionScores,
	type Programme,
	type RenewalPeriod,
	type ScoredAttempt
} from '../../src/lib/core';
import { SUBJECT_LABEL } from '../../src/lib/labels';
import type { Attempt } from '../../src/lib/storage/db';
import { readFileSync } from 'node:fs';

// The storage's Attempt goes into the rules as it is.
type Fits = Attempt extends ScoredAttempt ? true : false;
const fits: Fits = true;

const HOUR = 3_600_000;
/** The fake clock starts here: Saturday 10 January 2026, 09:00 UTC. */
const T0 = Date.UTC(2026, 0, 10, 9);
const day = (n: number) => T0 + n * DAY_MS;

const MARK70 = { empathy: 70, flexibility: 70, ownership: 70 };

function makeProgramme(audience: Programme['audience'], ids: string[], options: { passMark?: Programme['passMark']; renewal?: RenewalPeriod } = {}): Programme {
	return {
		title: audience === 'boot-camp' ? 'Boot camp' : 'Refresher',
		summary: '',
		audience,
		passMark: options.passMark ?? MARK70,
		renewal: audience === 'refresher' ? (options.renewal ?? { amount: 12, unit: 'months' }) : null,
		description: '',
		steps: ids.map((scenarioId, i) => ({ scenarioId, label: scenarioId, notes: '', line: i + 6 }))
	};
}

let serial = 0;
/** A completed attempt; `scores` as [empathy, flexibility, ownership], null for "not assessed". */
function attempt(scenarioId: string, completedAt: number, scores: [number | null, number | null, number | null], extra: Partial<ScoredAttempt> = {}): ScoredAttempt {
	const [empathy, flexibility, ownership] = scores;
	return {
		id: `a${++serial}`,
		scenarioId,
		status: 'completed',
		startedAt: completedAt - 6 * 60_000,
		completedAt,
		score: {
			dimensions: { empathy: { score: empathy }, flexibility: { score: flexibility }, ownership: { score: ownership } },
			outcome: 'resolved',
			csat: 4,
			nps: 'passive'
		},
		...extra
	};
}
const pass = (scenarioId: string, at: number) => attempt(scenarioId, at, [90, 80, 75]);
const fail = (scenarioId: string, at: number) => attempt(scenarioId, at, [90, 80, 58]);

const BOOT = makeProgramme('boot-camp', ['s1', 's2', 's3', 's4']);

describe('attemptPasses', () => {
	it('passes when every assessed dimension reaches its pass mark, ignoring dimensions not assessed', () => {
		expect(attemptPasses({ empathy: 70, flexibility: 70, ownership: 70 }, MARK70)).toBe(true);
		expect(attemptPasses({ empathy: 100, flexibility: 69, ownership: 100 }, MARK70)).toBe(false);
		expect(attemptPasses({ empathy: 80, flexibility: null, ownership: 75 }, MARK70)).toBe(true);
		expect(attemptPasses({ empathy: null, flexibility: null, ownership: 12 }, MARK70)).toBe(false);
		expect(attemptPasses({ empathy: 85, flexibility: 60, ownership: 70 }, { empathy: 80, flexibility: 60, ownership: 70 })).toBe(true);
	});

	it('does not pass an attempt that assessed nothing', () => {
		expect(attemptPasses({ empathy: null, flexibility: null, ownership: null }, MARK70)).toBe(false);
	});

	it('agrees with belowPassMark: it passes exactly when nothing assessed is below the mark and something was assessed', () => {
		const score = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
		const mark = fc.integer({ min: 1, max: 100 });
		fc.assert(
			fc.property(fc.tuple(score, score, score), fc.tuple(mark, mark, mark), ([e, f, o], [me, mf, mo]) => {
				const scores: DimensionScores = { empathy: e, flexibility: f, ownership: o };
				const passMark = { empathy: me, flexibility: mf, ownership: mo };
				const assessed = [e, f, o].some((value) => value !== null);
				expect(attemptPasses(scores, passMark)).toBe(assessed && belowPassMark(scores, passMark).length === 0);
			})
		);
	});
});

describe('addPeriod', () => {
	it('adds calendar months and years in UTC, keeping the time of day', () => {
		expect(new Date(addPeriod(T0, { amount: 12, unit: 'months' })).toISOString()).toBe('2027-01-10T09:00:00.000Z');
		expect(new Date(addPeriod(T0, { amount: 1, unit: 'years' })).toISOString()).toBe('2027-01-10T09:00:00.000Z');
		expect(new Date(addPeriod(T0, { amount: 14, unit: 'months' })).toISOString()).toBe('2027-03-10T09:00:00.000Z');
	});

	it('clamps to the last day of a shorter month', () => {
		expect(new Date(addPeriod(Date.UTC(2026, 0, 31, 12), { amount: 1, unit: 'months' })).toISOString()).toBe('2026-02-28T12:00:00.000Z');
		expect(new Date(addPeriod(Date.UTC(2028, 0, 31), { amount: 1, unit: 'months' })).toISOString()).toBe('2028-02-29T00:00:00.000Z');
		expect(new Date(addPeriod(Date.UTC(2028, 1, 29), { amount: 1, unit: 'years' })).toISOString()).toBe('2029-02-28T00:00:00.000Z');
	});

	it('adds days and weeks as 24-hour days', () => {
		expect(addPeriod(T0, { amount: 90, unit: 'days' })).toBe(T0 + 90 * DAY_MS);
		expect(addPeriod(T0, { amount: 2, unit: 'weeks' })).toBe(T0 + 14 * DAY_MS);
	});

	it('moves forward by at least 28 and at most 31 days a month', () => {
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 1, max: 120 }), (at, months) => {
				const later = addPeriod(at, { amount: months, unit: 'months' });
				expect(later - at).toBeGreaterThanOrEqual(months * 28 * DAY_MS - HOUR);
				expect(later - at).toBeLessThanOrEqual(months * 31 * DAY_MS);
			})
		);
	});
});

describe('retrySchedule (spaced practice)', () => {
	it('has nothing to schedule before a failure', () => {
		expect(retrySchedule([])).toBeNull();
	});

	it('brings a failed step back after 1 day, then 3, then 7, for retries made when due', () => {
		const first = T0;
		expect(retrySchedule([first])).toEqual({ failures: 1, gapDays: 1, dueAt: first + DAY_MS });
		const second = first + DAY_MS + HOUR; // retried once due
		expect(retrySchedule([first, second])).toEqual({ failures: 2, gapDays: 3, dueAt: second + 3 * DAY_MS });
		const third = second + 3 * DAY_MS;
		expect(retrySchedule([first, second, third])).toEqual({ failures: 3, gapDays: 7, dueAt: third + 7 * DAY_MS });
		const fourth = third + 8 * DAY_MS;
		expect(retrySchedule([first, second, third, fourth])).toEqual({ failures: 4, gapDays: 7, dueAt: fourth + 7 * DAY_MS });
	});

	it('keeps the gap for a retry made early, counted again from that retry', () => {
		const first = T0;
		const early = first + 2 * HOUR;
		expect(retrySchedule([first, early])).toEqual({ failures: 2, gapDays: 1, dueAt: early + DAY_MS });
		const onTime = early + DAY_MS;
		const earlyAgain = onTime + DAY_MS;
		expect(retrySchedule([first, early, onTime, earlyAgain])).toEqual({ failures: 4, gapDays: 3, dueAt: earlyAgain + 3 * DAY_MS });
	});

	it('reads the failures in any order; the gap only grows and is always 1, 3 or 7 days after the last failure', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 60 * 24 }), { minLength: 1, maxLength: 12 }), (offsetsInMinutes) => {
				const times = offsetsInMinutes.map((minutes) => T0 + minutes * 60_000 * 30);
				const schedule = retrySchedule(times)!;
				expect(retrySchedule([...times].reverse())).toEqual(schedule);
				expect([1, 3, 7]).toContain(schedule.gapDays);
				expect(schedule.dueAt).toBe(Math.max(...times) + schedule.gapDays * DAY_MS);
				const sorted = [...times].sort((a, b) => a - b);
				let previous = 0;
				for (let n = 1; n <= sorted.length; n++) {
					const gap = retrySchedule(sorted.slice(0, n))!.gapDays;
					expect(gap).toBeGreaterThanOrEqual(previous);
					previous = gap;
				}
			})
		);
	});
});

describe('programmeProgress: a boot camp', () => {
	const enrolledAt = day(0);

	it('opens with the first step next and the rest locked', () => {
		const progress = programmeProgress(BOOT, [], { enrolledAt, now: day(0) });
		expect(progress.steps.map((entry) => entry.status)).toEqual(['next', 'locked', 'locked', 'locked']);
		expect(progress.next?.step.scenarioId).toBe('s1');
		expect([progress.passed, progress.total, progress.percent]).toEqual([0, 4, 0]);
		expect(progress.renewal).toEqual({ state: 'not-certified' });
		expect(progress.certifications).toEqual([]);
		expect(progress.cycle).toBe(1);
		expect(progress.order).toEqual({ weakest: null, reason: null });
	});

	it('ignores attempts completed before enrolment, and after now', () => {
		const progress = programmeProgress(BOOT, [pass('s1', day(-1)), pass('s2', day(3))], { enrolledAt, now: day(2) });
		expect(progress.steps.map((entry) => entry.status)).toEqual(['next', 'locked', 'locked', 'locked']);
	});

	it('marks a failed step "not yet passed" with what fell short, opens the next one, and schedules the retry', () => {
		const failed = fail('s1', day(1));
		const progress = programmeProgress(BOOT, [failed], { enrolledAt, now: day(1) + HOUR });
		const [first, second] = progress.steps;
		expect(first.status).toBe('failed');
		expect(first.below).toEqual(['ownership']);
		expect(first.latest).toEqual({ attemptId: failed.id, at: day(1), scores: { empathy: 90, flexibility: 80, ownership: 58 } });
		expect(first.retry).toEqual({ failures: 1, gapDays: 1, dueAt: day(2), due: false });
		expect(second.status).toBe('next');
		expect(progress.steps[2].status).toBe('locked');
		// A day later the retry is due.
		expect(programmeProgress(BOOT, [failed], { enrolledAt, now: day(2) }).steps[0].retry?.due).toBe(true);
	});

	it('shows a passed step with the scores of the attempt that passed it first', () => {
		const first = pass('s1', day(1));
		const later = attempt('s1', day(2), [100, 100, 100]);
		const progress = programmeProgress(BOOT, [later, fail('s1', day(0) + HOUR), first], { enrolledAt, now: day(3) });
		expect(progress.steps[0].status).toBe('passed');
		expect(progress.steps[0].passed).toEqual({ attemptId: first.id, at: day(1), scores: { empathy: 90, flexibility: 80, ownership: 75 } });
		expect(progress.steps[0].latest?.attemptId).toBe(later.id);
		expect(progress.steps[0].attempts).toBe(3);
		expect(progress.steps[0].retry).toBeUndefined();
	});

	it('does not hold a step back for a dimension the attempt did not assess', () => {
		const progress = programmeProgress(BOOT, [attempt('s1', day(1), [90, null, 80])], { enrolledAt, now: day(2) });
		expect(progress.steps[0].status).toBe('passed');
	});

	it('counts a locked step played from the library', () => {
		const progress = programmeProgress(BOOT, [pass('s1', day(1)), pass('s4', day(1) + HOUR)], { enrolledAt, now: day(2) });
		expect(progress.steps.map((entry) => entry.status)).toEqual(['passed', 'next', 'locked', 'passed']);
		expect([progress.passed, progress.percent]).toEqual([2, 50]);
	});

	it('notes an unfinished attempt so the step can offer to resume it', () => {
		const unfinished: ScoredAttempt = { id: 'open', scenarioId: 's1', status: 'in-progress', startedAt: day(1) };
		const abandoned: ScoredAttempt = { id: 'gone', scenarioId: 's2', status: 'abandoned', startedAt: day(1) };
		const progress = programmeProgress(BOOT, [unfinished, abandoned], { enrolledAt, now: day(2) });
		expect(progress.steps[0]).toMatchObject({ status: 'next', inProgress: 'open' });
		expect(progress.steps[1].inProgress).toBeUndefined();
	});

	it('certifies on the date the last step was passed, and stays certified', () => {
		const attempts = [pass('s1', day(1)), pass('s3', day(2)), fail('s2', day(3)), pass('s2', day(5)), pass('s4', day(4)), fail('s4', day(6))];
		const progress = programmeProgress(BOOT, attempts, { enrolledAt, now: day(7) });
		expect(progress.steps.every((entry) => entry.status === 'passed')).toBe(true);
		expect(progress.percent).toBe(100);
		expect(progress.next).toBeNull();
		expect(progress.certifications).toEqual([{ certifiedAt: day(5), expiresAt: null }]);
		expect(progress.renewal).toEqual({ state: 'certified', certifiedAt: day(5), expiresAt: null, daysLeft: null });
		const tenYearsOn = programmeProgress(BOOT, attempts, { enrolledAt, now: day(3650) });
		expect(tenYearsOn.renewal.state).toBe('certified');
		expect(tenYearsOn.cycle).toBe(1);
		expect(renewalLabel(tenYearsOn.renewal)).toBeNull();
	});

	it('is never reordered, whatever the weakest dimension', () => {
		const emphasis = new Map([['s4', { empathy: 0, flexibility: 0, ownership: 9 }]]);
		const history = [attempt('other', day(-5), [90, 90, 20])];
		const progress = programmeProgress(BOOT, history, { enrolledAt, now: day(0), emphasis });
		expect(progress.steps.map((entry) => entry.step.scenarioId)).toEqual(['s1', 's2', 's3', 's4']);
		expect(progress.order).toEqual({ weakest: null, reason: null });
	});

	it('gives a step at most one status and exactly one "next" while any step is unplayed (property)', () => {
		const play = fc.record({ step: fc.integer({ min: 0, max: 3 }), day: fc.integer({ min: -2, max: 20 }), passes: fc.boolean() });
		fc.assert(
			fc.property(fc.array(play, { maxLength: 20 }), fc.integer({ min: 0, max: 25 }), (plays, today) => {
				const attempts = plays.map((p) => (p.passes ? pass : fail)(`s${p.step + 1}`, day(p.day) + HOUR));
				const progress = programmeProgress(BOOT, attempts, { enrolledAt, now: day(today) });
				const statuses = progress.steps.map((entry) => entry.status);
				const unplayed = progress.steps.filter((entry) => entry.attempts === 0).length;
				expect(statuses.filter((s) => s === 'next').length).toBe(unplayed > 0 ? 1 : 0);
				// Everything before the next step has been played; everything after it that is unplayed is locked.
				const next = statuses.indexOf('next');
				if (next >= 0) {
					for (const [i, entry] of progress.steps.entries()) {
						if (i < next) expect(entry.attempts).toBeGreaterThan(0);
						if (i > next && entry.attempts === 0) expect(entry.status).toBe('locked');
					}
				}
				expect(progress.passed).toBe(statuses.filter((s) => s === 'passed').length);
				expect(progress.certifications.length).toBe(progress.passed === 4 ? 1 : 0);
			})
		);
	});
});

describe('programmeProgress: a refresher falls due', () => {
	const REFRESH = makeProgramme('refresher', ['r1', 'r2', 'r3']);
	const enrolledAt = day(0);
	const firstRound = [pass('r1', day(1)), pass('r2', day(2)), pass('r3', day(3))];
	const certifiedAt = day(3);
	const expiresAt = Date.UTC(2027, 0, 13, 9); // 12 calendar months after 13 January 2026

	it('certifies with an expiry one renewal period after the last pass', () => {
		const progress = programmeProgress(REFRESH, firstRound, { enrolledAt, now: day(4) });
		expect(progress.certifications).toEqual([{ certifiedAt, expiresAt }]);
		expect(progress.renewal).toEqual({ state: 'certified', certifiedAt, expiresAt, daysLeft: 364 });
		expect(renewalLabel(progress.renewal)).toBeNull();
		expect(progress.steps.every((entry) => entry.status === 'passed')).toBe(true);
	});

	it('falls due 30 days before expiry: a new round with every step to pass again', () => {
		const justBefore = programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt - 30 * DAY_MS - 1 });
		expect(justBefore.renewal.state).toBe('certified');
		expect(justBefore.cycle).toBe(1);
		const due = programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt - 30 * DAY_MS });
		expect(due.renewal).toEqual({ state: 'due', certifiedAt, expiresAt, daysLeft: 30 });
		expect(renewalLabel(due.renewal)).toBe('Due in 30 days');
		expect(due.cycle).toBe(2);
		expect(due.cycleStart).toBe(expiresAt - 30 * DAY_MS);
		expect(due.steps.map((entry) => entry.status)).toEqual(['next', 'locked', 'locked']);
		expect(due.passed).toBe(0);
		expect(renewalLabel(programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt - 1 }).renewal)).toBe('Due in 1 day');
	});

	it('is overdue from the moment it expires, counting whole days', () => {
		const progress = programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt });
		expect(progress.renewal).toEqual({ state: 'overdue', certifiedAt, expiresAt, daysOverdue: 0 });
		expect(renewalLabel(progress.renewal)).toBe('Overdue');
		const later = programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt + 3 * DAY_MS + HOUR });
		expect(renewalLabel(later.renewal)).toBe('Overdue by 3 days');
		expect(renewalLabel(programmeProgress(REFRESH, firstRound, { enrolledAt, now: expiresAt + DAY_MS }).renewal)).toBe('Overdue by 1 day');
	});

	it('does not count passes made while the certification was not yet due', () => {
		const early = [...firstRound, pass('r1', day(100)), pass('r2', day(100)), pass('r3', day(100))];
		const progress = programmeProgress(REFRESH, early, { enrolledAt, now: expiresAt + DAY_MS });
		expect(progress.renewal.state).toBe('overdue');
		expect(progress.passed).toBe(0);
		expect(progress.certifications).toHaveLength(1);
	});

	it('certifies again when the new round is passed, with the expiry counted from the new date', () => {
		const roundTwo = [pass('r2', expiresAt - 10 * DAY_MS), pass('r1', expiresAt + 2 * DAY_MS), pass('r3', expiresAt + 5 * DAY_MS)];
		const now = expiresAt + 6 * DAY_MS;
		const progress = programmeProgress(REFRESH, [...firstRound, ...roundTwo], { enrolledAt, now });
		const recertified = expiresAt + 5 * DAY_MS;
		const nextExpiry = addPeriod(recertified, { amount: 12, unit: 'months' });
		expect(progress.certifications).toEqual([
			{ certifiedAt, expiresAt },
			{ certifiedAt: recertified, expiresAt: nextExpiry }
		]);
		expect(progress.renewal).toEqual({ state: 'certified', certifiedAt: recertified, expiresAt: nextExpiry, daysLeft: 364 });
		expect(progress.cycle).toBe(2);
		expect(progress.steps.every((entry) => entry.status === 'passed')).toBe(true);
		// And it falls due again a year on: round three.
		const third = programmeProgress(REFRESH, [...firstRound, ...roundTwo], { enrolledAt, now: nextExpiry });
		expect([third.cycle, third.renewal.state, third.passed]).toEqual([3, 'overdue', 0]);
	});

	it('falls due halfway through a renewal period shorter than 60 days', () => {
		const fortnight = makeProgramme('refresher', ['r1'], { renewal: { amount: 14, unit: 'days' } });
		const progress = programmeProgress(fortnight, [pass('r1', day(1))], { enrolledAt, now: day(8) });
		expect(progress.renewal).toEqual({ state: 'due', certifiedAt: day(1), expiresAt: day(15), daysLeft: 7 });
		expect(dueFrom(day(1), day(15))).toBe(day(8));
		expect(programmeProgress(fortnight, [pass('r1', day(1))], { enrolledAt, now: day(8) - 1 }).renewal.state).toBe('certified');
	});

	it('runs through many rounds on a long history without losing count', () => {
		const daily = makeProgramme('refresher', ['r1'], { renewal: { amount: 2, unit: 'days' } });
		// Passed every day for 100 days: each pass after the due moment certifies a new round.
		const attempts = Array.from({ length: 100 }, (_, i) => pass('r1', day(i) + HOUR));
		const progress = programmeProgress(daily, attempts, { enrolledAt, now: day(100) });
		expect(progress.certifications.length).toBeGreaterThan(40);
		for (const [i, certification] of progress.certifications.entries()) {
			expect(certification.expiresAt).toBe(certification.certifiedAt + 2 * DAY_MS);
			if (i > 0) expect(certification.certifiedAt).toBeGreaterThanOrEqual(dueFrom(progress.certifications[i - 1].certifiedAt, progress.certifications[i - 1].expiresAt!));
		}
	});
});

describe('programmeProgress: refresher invariants (property)', () => {
	it('keeps certifications, rounds and the renewal state consistent with the clock', () => {
		const programme = makeProgramme('refresher', ['r1', 'r2'], { renewal: { amount: 3, unit: 'months' } });
		const play = fc.record({ step: fc.constantFrom('r1', 'r2'), day: fc.integer({ min: 0, max: 400 }), passes: fc.boolean() });
		fc.assert(
			fc.property(fc.array(play, { maxLength: 40 }), fc.integer({ min: 0, max: 500 }), (plays, today) => {
				const now = day(today);
				const attempts = plays.map((p) => (p.passes ? pass : fail)(p.step, day(p.day) + HOUR));
				const progress = programmeProgress(programme, attempts, { enrolledAt: day(0), now });
				const certifications = progress.certifications;
				expect([certifications.length, certifications.length + 1]).toContain(progress.cycle);
				for (const [i, certification] of certifications.entries()) {
					expect(certification.certifiedAt).toBeLessThanOrEqual(now);
					expect(certification.expiresAt).toBe(addPeriod(certification.certifiedAt, { amount: 3, unit: 'months' }));
					if (i > 0) {
						const previous = certifications[i - 1];
						expect(certification.certifiedAt).toBeGreaterThanOrEqual(dueFrom(previous.certifiedAt, previous.expiresAt!));
					}
				}
				const renewal = progress.renewal;
				const last = certifications[certifications.length - 1];
				if (renewal.state === 'not-certified') expect(certifications).toEqual([]);
				else expect(renewal.certifiedAt).toBe(last.certifiedAt);
				if (renewal.state === 'certified') expect(now).toBeLessThan(dueFrom(last.certifiedAt, last.expiresAt!));
				if (renewal.state === 'due') {
					expect(now).toBeGreaterThanOrEqual(dueFrom(last.certifiedAt, last.expiresAt!));
					expect(now).toBeLessThan(last.expiresAt!);
					expect(renewal.daysLeft).toBeGreaterThanOrEqual(1);
				}
				if (renewal.state === 'overdue') expect(now).toBeGreaterThanOrEqual(last.expiresAt!);
				// A round in progress has something left to pass; a certified round has nothing.
				expect(progress.passed === progress.total).toBe(progress.cycle === certifications.length);
			})
		);
	});
});

describe('programmeProgress: a refresher puts the weakest dimension first', () => {
	const REFRESH = makeProgramme('refresher', ['r1', 'r2', 'r3', 'r4']);
	const emphasis = new Map<string, Record<Dimension, number>>([
		['r1', { empathy: 8, flexibility: 2, ownership: 3 }],
		['r2', { empathy: 3, flexibility: 9, ownership: 6 }],
		['r3', { empathy: 4, flexibility: 4, ownership: 10 }],
		['r4', { empathy: 5, flexibility: 1, ownership: 6 }]
	]);
	// Before enrolling: ownership lowest on the latest attempt at each scenario (an older, worse empathy score is superseded).
	const history = [
		attempt('x', day(-20), [20, 80, 90]),
		attempt('x', day(-10), [85, 80, 60]),
		attempt('y', day(-9), [75, null, 50])
	];

	it('orders the steps by how much they test ownership, and says why', () => {
		const progress = programmeProgress(REFRESH, history, { enrolledAt: day(0), now: day(0), emphasis });
		expect(progress.order.weakest).toMatchObject({ dimension: 'ownership', average: 55, scenarios: 2 });
		expect(progress.order.reason).toBe('You scored lowest on ownership last time, so the scenarios that test it most come first.');
		// r4 and r2 test ownership equally (6): the written order settles it.
		expect(progress.steps.map((entry) => entry.step.scenarioId)).toEqual(['r3', 'r2', 'r4', 'r1']);
		expect(progress.steps.map((entry) => entry.writtenIndex)).toEqual([2, 1, 3, 0]);
		expect(progress.steps.map((entry) => entry.status)).toEqual(['next', 'locked', 'locked', 'locked']);
	});

	it('keeps the order fixed for the round, whatever is played during it', () => {
		const during = [attempt('r3', day(1), [10, 90, 95]), attempt('z', day(2), [5, 90, 95])];
		const progress = programmeProgress(REFRESH, [...history, ...during], { enrolledAt: day(0), now: day(3), emphasis });
		expect(progress.order.weakest?.dimension).toBe('ownership');
		expect(progress.steps.map((entry) => entry.step.scenarioId)).toEqual(['r3', 'r2', 'r4', 'r1']);
		expect(progress.steps.map((entry) => entry.status)).toEqual(['failed', 'next', 'locked', 'locked']);
	});

	it('keeps the written order with no history, without emphasis, or with a tie for lowest', () => {
		const none = programmeProgress(REFRESH, [], { enrolledAt: day(0), now: day(0), emphasis });
		expect(none.order).toEqual({ weakest: null, reason: null });
		expect(none.steps.map((entry) => entry.step.scenarioId)).toEqual(['r1', 'r2', 'r3', 'r4']);
		const noEmphasis = programmeProgress(REFRESH, history, { enrolledAt: day(0), now: day(0) });
		expect(noEmphasis.order.weakest?.dimension).toBe('ownership');
		expect(noEmphasis.order.reason).toBeNull();
		expect(noEmphasis.steps.map((entry) => entry.step.scenarioId)).toEqual(['r1', 'r2', 'r3', 'r4']);
		const tie = programmeProgress(REFRESH, [attempt('x', day(-1), [60, 60, 90])], { enrolledAt: day(0), now: day(0), emphasis });
		expect(tie.order).toEqual({ weakest: null, reason: null });
	});

	it('takes "last time" afresh for each round', () => {
		const roundOne = [
			attempt('r1', day(1), [72, 95, 95]),
			attempt('r2', day(1), [71, 95, 95]),
			attempt('r3', day(1), [74, 95, 95]),
			attempt('r4', day(1), [73, 95, 95])
		];
		const due = programmeProgress(REFRESH, [...history, ...roundOne], { enrolledAt: day(0), now: day(400), emphasis });
		expect(due.cycle).toBe(2);
		expect(due.order.weakest?.dimension).toBe('empathy');
		expect(due.order.reason).toBe('You scored lowest on empathy last time, so the scenarios that test it most come first.');
		expect(due.steps.map((entry) => entry.step.scenarioId)).toEqual(['r1', 'r4', 'r3', 'r2']);
	});
});

describe('weakestOf and weakestDimension', () => {
	it('averages each dimension over the scores assessed and names the lowest', () => {
		const weakest = weakestOf([
			{ empathy: 80, flexibility: null, ownership: 60 },
			{ empathy: 70, flexibility: 40, ownership: 61 }
		]);
		expect(weakest).toEqual({ dimension: 'flexibility', average: 40, averages: { empathy: 75, flexibility: 40, ownership: 60.5 }, scenarios: 2 });
	});

	it('has no weakest with nothing assessed or a shared lowest average', () => {
		expect(weakestOf([])).toBeNull();
		expect(weakestOf([{ empathy: null, flexibility: null, ownership: null }])).toBeNull();
		expect(weakestOf([{ empathy: 50, flexibility: 50, ownership: 90 }])).toBeNull();
		expect(weakestOf([{ empathy: 90, flexibility: 50, ownership: 50 }])).toBeNull();
	});

	it('reads only completed attempts before the given moment, the latest per scenario', () => {
		const attempts = [
			attempt('a', day(1), [90, 90, 10]),
			attempt('a', day(2), [90, 20, 90]),
			attempt('b', day(5), [10, 90, 90]),
			{ ...attempt('c', day(1), [0, 0, 0]), status: 'abandoned' as const }
		];
		expect(weakestDimension(attempts, day(3))?.dimension).toBe('flexibility');
		expect(weakestDimension(attempts, day(2))?.dimension).toBe('ownership');
		expect(weakestDimension(attempts, day(6))?.dimension).toBe('empathy');
	});
});

describe('dimensionEmphasis', () => {
	it('is the spread of achievable totals on each dimension', () => {
		const { scenario } = parseScenario(readFileSync('scenarios/the-third-call.md', 'utf8'));
		const analysis = analyseScenario(scenario!);
		const emphasis = dimensionEmphasis(analysis);
		for (const dimension of DIMENSIONS) {
			expect(emphasis[dimension]).toBe(analysis.totals[dimension].best - analysis.totals[dimension].worst);
			expect(emphasis[dimension]).toBeGreaterThanOrEqual(3);
		}
	});
});

describe('wording', () => {
	it('names each dimension as the screens label it', () => {
		expect(fits).toBe(true);
		for (const dimension of DIMENSIONS) expect(DIMENSION_NAME[dimension]).toBe(SUBJECT_LABEL[dimension].toLowerCase());
	});
});
