/*
 * Where a learner stands in a programme, worked out from their attempts and a
 * clock: which steps are passed, what is next, when a failed step comes back
 * (spaced practice), certification and when it falls due again, and the order
 * of a refresher (weakest dimension first). Pure functions of their inputs:
 * `now` is always a parameter, so tests run on a fake clock and the app can
 * store what it derives (certifications) without the rules depending on it.
 */
import type { ScenarioAnalysis } from './analyse.ts';
import type { Audience, Programme, ProgrammeStep, RenewalPeriod } from './programme.ts';
import type { NpsClass } from './scoring.ts';
import { DIMENSIONS, perDimension, type Dimension, type Outcome } from './types.ts';

export const DAY_MS = 86_400_000;

/**
 * An attempt as the rules read it. The storage's `Attempt` fits as it is
 * (its `score` is a full RunScore); only completed attempts with a score count
 * as played, and an in-progress one is noted so a step can offer "Resume".
 */
export interface ScoredAttempt {
	id: string;
	scenarioId: string;
	status: 'in-progress' | 'completed' | 'abandoned';
	startedAt: number;
	/** Last write; used for time spent on attempts that never completed. */
	updatedAt?: number;
	completedAt?: number;
	score?: {
		dimensions: Record<Dimension, { score: number | null }>;
		outcome: Outcome | null;
		csat: number;
		nps: NpsClass;
	};
}

/** One attempt's score per dimension, 0–100, or null where the run did not assess it. */
export type DimensionScores = Record<Dimension, number | null>;

/** What the learner reads for each dimension inside a sentence (the labels of `src/lib/labels.ts`, lower case). */
export const DIMENSION_NAME: Record<Dimension, string> = {
	empathy: 'empathy',
	flexibility: 'policy flexibility',
	ownership: 'ownership'
};

export function scoresOf(attempt: ScoredAttempt): DimensionScores {
	const dimensions = attempt.score?.dimensions;
	return perDimension((dimension) => dimensions?.[dimension]?.score ?? null);
}

/** Completed, scored and finished by `now`: an attempt that counts. */
const counts = (attempt: ScoredAttempt, now: number): attempt is ScoredAttempt & { completedAt: number } =>
	attempt.status === 'completed' && attempt.score !== undefined && typeof attempt.completedAt === 'number' && attempt.completedAt <= now;

/**
 * A step's attempt passes when every dimension the run assessed reaches its
 * pass mark. Dimensions the run did not assess (null) don't count, but an
 * attempt that assessed nothing at all does not pass.
 */
export function attemptPasses(scores: DimensionScores, passMark: Record<Dimension, number>): boolean {
	let assessed = 0;
	for (const dimension of DIMENSIONS) {
		const score = scores[dimension];
		if (score === null) continue;
		if (score < passMark[dimension]) return false;
		assessed++;
	}
	return assessed > 0;
}

/** `attemptPasses(scoresOf(attempt), passMark)` without building the scores: run over every attempt of a long history. */
function passesDirect(attempt: ScoredAttempt, passMark: Record<Dimension, number>): boolean {
	const dimensions = attempt.score!.dimensions;
	let assessed = 0;
	for (const dimension of DIMENSIONS) {
		const score = dimensions[dimension]?.score ?? null;
		if (score === null) continue;
		if (score < passMark[dimension]) return false;
		assessed++;
	}
	return assessed > 0;
}

/** The assessed dimensions below their pass mark, in DIMENSIONS order. */
export function belowPassMark(scores: DimensionScores, passMark: Record<Dimension, number>): Dimension[] {
	return DIMENSIONS.filter((dimension) => scores[dimension] !== null && scores[dimension]! < passMark[dimension]);
}

/**
 * `at` plus a renewal period. Days and weeks are 24-hour days; months and
 * years are calendar months in UTC, clamped to the month's last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addPeriod(at: number, { amount, unit }: RenewalPeriod): number {
	if (unit === 'days' || unit === 'weeks') return at + amount * (unit === 'weeks' ? 7 : 1) * DAY_MS;
	const date = new Date(at);
	const month = date.getUTCMonth() + amount * (unit === 'years' ? 12 : 1);
	const year = date.getUTCFullYear() + Math.floor(month / 12);
	const inYear = month % 12;
	const lastDay = new Date(Date.UTC(year, inYear + 1, 0)).getUTCDate();
	return Date.UTC(
		year,
		inYear,
		Math.min(date.getUTCDate(), lastDay),
		date.getUTCHours(),
		date.getUTCMinutes(),
		date.getUTCSeconds(),
		date.getUTCMilliseconds()
	);
}

/** A refresher falls due this many days before its certification expires (at most halfway through a short renewal period). */
export const DUE_WINDOW_DAYS = 30;

/** When a certification valid from `certifiedAt` to `expiresAt` falls due: 30 days before expiry, never earlier than halfway. */
export function dueFrom(certifiedAt: number, expiresAt: number): number {
	const window = Math.min(DUE_WINDOW_DAYS * DAY_MS, Math.floor((expiresAt - certifiedAt) / 2));
	return Math.max(certifiedAt + 1, expiresAt - window);
}

/** Spaced practice: a step not yet passed comes back this many days after a failed attempt, the gap growing with each try made when due. */
export const SPACING_DAYS = [1, 3, 7] as const;

export interface RetrySchedule {
	/** Failed attempts so far (this cycle). */
	failures: number;
	/** The gap now in force: 1, 3 or 7 days. */
	gapDays: (typeof SPACING_DAYS)[number];
	/** When the step comes back: the last failed attempt's end plus the gap. */
	dueAt: number;
}

/**
 * The spaced-practice rule, from the end times of a step's failed attempts
 * (any order). The first failure brings the step back 1 day later. A failed
 * retry made when the step was due moves it on to the next gap (3, then 7
 * days); a failed retry made before then keeps the gap, counted again from
 * that attempt. After the 7-day gap it stays at 7 days until the step is
 * passed. Null when nothing failed.
 */
export function retrySchedule(failedAt: readonly number[]): RetrySchedule | null {
	if (failedAt.length === 0) return null;
	const times = [...failedAt].sort((a, b) => a - b);
	let level = 0;
	let dueAt = -Infinity;
	for (const at of times) {
		if (at >= dueAt) level = Math.min(level + 1, SPACING_DAYS.length);
		dueAt = at + SPACING_DAYS[level - 1] * DAY_MS;
	}
	return { failures: times.length, gapDays: SPACING_DAYS[level - 1], dueAt };
}

/**
 * How much a scenario tests each dimension: the spread between the highest
 * and the lowest total a trainee can end with (`analyseScenario`'s totals).
 * A scenario where ownership can end anywhere from −6 to +8 tests it more
 * than one where it ends between 0 and +2.
 */
export function dimensionEmphasis(analysis: Pick<ScenarioAnalysis, 'totals'>): Record<Dimension, number> {
	return perDimension((dimension) => analysis.totals[dimension].best - analysis.totals[dimension].worst);
}

export interface WeakestDimension {
	dimension: Dimension;
	/** The weakest dimension's mean score, rounded. */
	average: number;
	/** Every dimension's mean score (unrounded), null where no scenario assessed it. */
	averages: Record<Dimension, number | null>;
	/** How many scenarios the means are taken over. */
	scenarios: number;
}

/**
 * The learner's weakest dimension from the latest scores of each scenario they
 * played: per dimension the mean of the assessed scores; the lowest mean wins.
 * Null when nothing was assessed, or when two dimensions share the lowest mean
 * (no honest "you scored lowest on …").
 */
export function weakestOf(latestScores: Iterable<DimensionScores>): WeakestDimension | null {
	const sum = perDimension(() => 0);
	const count = perDimension(() => 0);
	let scenarios = 0;
	for (const scores of latestScores) {
		scenarios++;
		for (const dimension of DIMENSIONS) {
			const score = scores[dimension];
			if (score === null) continue;
			sum[dimension] += score;
			count[dimension]++;
		}
	}
	const averages = perDimension((dimension) => (count[dimension] > 0 ? sum[dimension] / count[dimension] : null));
	let lowest: Dimension | null = null;
	let tied = false;
	for (const dimension of DIMENSIONS) {
		const average = averages[dimension];
		if (average === null) continue;
		if (lowest === null || average < averages[lowest]!) {
			lowest = dimension;
			tied = false;
		} else if (average === averages[lowest]) tied = true;
	}
	if (lowest === null || tied) return null;
	return { dimension: lowest, average: Math.round(averages[lowest]!), averages, scenarios };
}

/** `weakestOf` over the latest counted attempt of each scenario among `attempts` completed before `before`. */
export function weakestDimension(attempts: readonly ScoredAttempt[], before: number): WeakestDimension | null {
	const latest = new Map<string, ScoredAttempt & { completedAt: number }>();
	for (const attempt of attempts) {
		if (!counts(attempt, before) || attempt.completedAt >= before) continue;
		const seen = latest.get(attempt.scenarioId);
		if (!seen || attempt.completedAt > seen.completedAt) latest.set(attempt.scenarioId, attempt);
	}
	return weakestOf([...latest.values()].map(scoresOf));
}

/** "You scored lowest on ownership last time, so the scenarios that test it most come first." */
export function weakestFirstReason(dimension: Dimension): string {
	return `You scored lowest on ${DIMENSION_NAME[dimension]} last time, so the scenarios that test it most come first.`;
}

/** The steps, those whose scenario tests `dimension` most first; equal ones (and unknown scenarios) keep the written order. */
export function weakestFirst(
	steps: readonly ProgrammeStep[],
	dimension: Dimension,
	emphasis: ReadonlyMap<string, Record<Dimension, number>>
): ProgrammeStep[] {
	const weight = (step: ProgrammeStep) => emphasis.get(step.scenarioId)?.[dimension] ?? 0;
	return steps
		.map((step, index) => ({ step, index, weight: weight(step) }))
		.sort((a, b) => b.weight - a.weight || a.index - b.index)
		.map(({ step }) => step);
}

export type StepStatus = 'locked' | 'next' | 'passed' | 'failed';

export interface StepAttempt {
	attemptId: string;
	/** When it was completed. */
	at: number;
	scores: DimensionScores;
}

export interface StepProgress {
	step: ProgrammeStep;
	/** 0-based position in the programme as written (a refresher may be played in another order). */
	writtenIndex: number;
	/**
	 * `passed`: an attempt this cycle passed. `failed`: played this cycle, not
	 * passed yet (retry). `next`: the first step not played yet this cycle.
	 * `locked`: a later step not played yet; it opens once every step before
	 * it has been played (passed or not).
	 */
	status: StepStatus;
	/** Completed attempts this cycle. */
	attempts: number;
	/** The first passing attempt this cycle: its time is when the step was passed. */
	passed?: StepAttempt;
	/** The latest completed attempt this cycle. */
	latest?: StepAttempt;
	/** Failed steps: the latest attempt's dimensions below the pass mark. */
	below: Dimension[];
	/** Failed steps: when it comes back (spaced practice), and whether that is now. */
	retry?: RetrySchedule & { due: boolean };
	/** An unfinished attempt at this scenario started this cycle (newest), to resume. */
	inProgress?: string;
}

export interface Certification {
	/** When the last step was passed. */
	certifiedAt: number;
	/** Refreshers: `certifiedAt` plus the renewal period. Null for boot camps, which never expire. */
	expiresAt: number | null;
}

export type RenewalState =
	| { state: 'not-certified' }
	| { state: 'certified'; certifiedAt: number; expiresAt: number | null; daysLeft: number | null }
	| { state: 'due'; certifiedAt: number; expiresAt: number; daysLeft: number }
	| { state: 'overdue'; certifiedAt: number; expiresAt: number; daysOverdue: number };

export interface ProgrammeProgress {
	audience: Audience;
	/** 1 for the first time through; a refresher starts a new cycle each time it falls due. */
	cycle: number;
	/** Attempts completed from here on count for this cycle's steps. */
	cycleStart: number;
	/** In the order to play them: as written, or a refresher's weakest dimension first. */
	steps: StepProgress[];
	/** Refreshers: the weakest dimension before this cycle began, and the sentence saying why the order is what it is. */
	order: { weakest: WeakestDimension | null; reason: string | null };
	passed: number;
	total: number;
	/** Passed steps as a whole percentage, rounded down (100 only when every step is passed). */
	percent: number;
	/** The step to play next, when there is one. */
	next: StepProgress | null;
	/** Every certification so far, oldest first; the last is the current one. */
	certifications: Certification[];
	renewal: RenewalState;
}

export interface ProgressOptions {
	/** When the learner enrolled: only attempts completed from then on count. */
	enrolledAt: number;
	now: number;
	/** How much each scenario tests each dimension (`dimensionEmphasis`); without it a refresher keeps its written order. */
	emphasis?: ReadonlyMap<string, Record<Dimension, number>>;
}

/**
 * Where a learner stands in a programme at `now`, from all their attempts
 * (any order; other scenarios' attempts are used for the weakest dimension).
 *
 * Cycles: the first starts at enrolment. When every step has a passing attempt
 * in the cycle, the learner is certified on the date the last step was passed.
 * A boot camp stays certified. A refresher's certification expires after its
 * renewal period and falls due `DUE_WINDOW_DAYS` before that; from then on a
 * new cycle runs, in which every step must be passed again (attempts from
 * earlier cycles don't count), and finishing it certifies anew from its own date.
 */
export function programmeProgress(programme: Programme, attempts: readonly ScoredAttempt[], options: ProgressOptions): ProgrammeProgress {
	const { enrolledAt, now, emphasis } = options;
	const ids = new Set(programme.steps.map((step) => step.scenarioId));
	const played: (ScoredAttempt & { completedAt: number })[] = [];
	let inOrder = true;
	for (const attempt of attempts) {
		if (!ids.has(attempt.scenarioId) || !counts(attempt, now) || attempt.completedAt < enrolledAt) continue;
		if (played.length > 0 && attempt.completedAt < played[played.length - 1].completedAt) inOrder = false;
		played.push(attempt);
	}
	// Storage usually hands attempts over in time order already; sort only when it did not.
	if (!inOrder) played.sort((a, b) => a.completedAt - b.completedAt);
	const passes = played.map((attempt) => passesDirect(attempt, programme.passMark));

	const certifications: Certification[] = [];
	let cycle = 1;
	let cycleStart = enrolledAt;
	let from = 0; // first index of `played` in the cycle
	for (;;) {
		while (from < played.length && played[from].completedAt < cycleStart) from++;
		const firstPass = new Map<string, number>();
		for (let i = from; i < played.length && firstPass.size < ids.size; i++) {
			if (passes[i] && !firstPass.has(played[i].scenarioId)) firstPass.set(played[i].scenarioId, played[i].completedAt);
		}
		if (firstPass.size < ids.size || ids.size === 0) break;
		const certifiedAt = Math.max(...firstPass.values());
		const expiresAt = programme.renewal ? addPeriod(certifiedAt, programme.renewal) : null;
		certifications.push({ certifiedAt, expiresAt });
		if (expiresAt === null) break;
		const due = dueFrom(certifiedAt, expiresAt);
		if (now < due) break;
		cycle++;
		cycleStart = due;
	}

	let order: ProgrammeProgress['order'] = { weakest: null, reason: null };
	let steps = programme.steps;
	if (programme.audience === 'refresher') {
		const weakest = weakestDimension(attempts, cycleStart);
		order = { weakest, reason: weakest && emphasis ? weakestFirstReason(weakest.dimension) : null };
		if (weakest && emphasis) steps = weakestFirst(steps, weakest.dimension, emphasis);
	}

	const inCycle = new Map<string, (ScoredAttempt & { completedAt: number })[]>();
	const passedIn = new Map<string, boolean[]>();
	for (let i = from; i < played.length; i++) {
		const id = played[i].scenarioId;
		if (!inCycle.has(id)) {
			inCycle.set(id, []);
			passedIn.set(id, []);
		}
		inCycle.get(id)!.push(played[i]);
		passedIn.get(id)!.push(passes[i]);
	}
	const unfinished = new Map<string, ScoredAttempt>();
	for (const attempt of attempts) {
		if (attempt.status !== 'in-progress' || !ids.has(attempt.scenarioId) || attempt.startedAt < cycleStart || attempt.startedAt > now) continue;
		const seen = unfinished.get(attempt.scenarioId);
		if (!seen || attempt.startedAt > seen.startedAt) unfinished.set(attempt.scenarioId, attempt);
	}

	const written = new Map(programme.steps.map((step, index) => [step, index]));
	let nextGiven = false;
	const progress: StepProgress[] = steps.map((step) => {
		const list = inCycle.get(step.scenarioId) ?? [];
		const flags = passedIn.get(step.scenarioId) ?? [];
		const stepAttempt = (attempt: ScoredAttempt & { completedAt: number }): StepAttempt => ({
			attemptId: attempt.id,
			at: attempt.completedAt,
			scores: scoresOf(attempt)
		});
		const firstPassIndex = flags.indexOf(true);
		const latest = list.length > 0 ? stepAttempt(list[list.length - 1]) : undefined;
		const entry: StepProgress = {
			step,
			writtenIndex: written.get(step)!,
			status: 'locked',
			attempts: list.length,
			below: [],
			...(latest ? { latest } : {}),
			...(unfinished.has(step.scenarioId) ? { inProgress: unfinished.get(step.scenarioId)!.id } : {})
		};
		if (firstPassIndex >= 0) {
			entry.status = 'passed';
			entry.passed = stepAttempt(list[firstPassIndex]);
		} else if (list.length > 0) {
			entry.status = 'failed';
			entry.below = belowPassMark(latest!.scores, programme.passMark);
			const schedule = retrySchedule(list.map((attempt) => attempt.completedAt))!;
			entry.retry = { ...schedule, due: now >= schedule.dueAt };
		} else if (!nextGiven) {
			entry.status = 'next';
			nextGiven = true;
		}
		return entry;
	});

	const passed = progress.filter((entry) => entry.status === 'passed').length;
	const total = progress.length;
	return {
		audience: programme.audience,
		cycle,
		cycleStart,
		steps: progress,
		order,
		passed,
		total,
		percent: total === 0 ? 0 : Math.floor((100 * passed) / total),
		next: progress.find((entry) => entry.status === 'next') ?? null,
		certifications,
		renewal: renewalState(certifications, cycle, now)
	};
}

function renewalState(certifications: Certification[], cycle: number, now: number): RenewalState {
	const last = certifications[certifications.length - 1];
	if (!last) return { state: 'not-certified' };
	const { certifiedAt, expiresAt } = last;
	if (expiresAt === null) return { state: 'certified', certifiedAt, expiresAt, daysLeft: null };
	const daysLeft = Math.ceil((expiresAt - now) / DAY_MS);
	// The current cycle is certified until it falls due; after that a new cycle runs.
	if (cycle === certifications.length) return { state: 'certified', certifiedAt, expiresAt, daysLeft };
	if (now < expiresAt) return { state: 'due', certifiedAt, expiresAt, daysLeft };
	return { state: 'overdue', certifiedAt, expiresAt, daysOverdue: Math.floor((now - expiresAt) / DAY_MS) };
}

/** What the home screen says about a programme's renewal: "Due in 12 days", "Overdue by 3 days"; null when nothing is due. */
export function renewalLabel(renewal: RenewalState): string | null {
	const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
	if (renewal.state === 'due') return `Due in ${days(renewal.daysLeft)}`;
	if (renewal.state === 'overdue') return renewal.daysOverdue === 0 ? 'Overdue' : `Overdue by ${days(renewal.daysOverdue)}`;
	return null;
}
