/*
 * What the progress dashboard draws, worked out once from the core's summary
 * (`summariseAttempts`): per dimension the series a trend chart plots, its
 * text alternative, and the figures around it. Pure: no DOM or Svelte, so it
 * is tested in Node and the charts only map these numbers through d3 scales.
 */
import { summariseAttempts, type ProgressSummary, type TrendPoint } from '$lib/core/programme-dashboard';
import type { ScoredAttempt } from '$lib/core/programme-progress';
import { OUTCOMES, perDimension, type Dimension, type Outcome } from '$lib/core/types';

/** A trend chart shows each conversation as its own point up to this many; above, conversations are grouped. */
export const MAX_TREND_POINTS = 100;
/** How many groups a long history is drawn as (each a run of consecutive conversations). */
export const TREND_GROUPS = 50;

/** One conversation on a trend chart. */
export interface TrendDot {
	/** 1-based position among the learner's completed conversations, oldest first: the x axis, shared by every dimension. */
	n: number;
	at: number;
	score: number;
	attemptId: string;
	scenarioId: string;
	/** At or above the pass mark. */
	passed: boolean;
}

/** A run of consecutive conversations drawn as one: the line goes through the mean, the band spans lowest to highest. */
export interface TrendGroup {
	/** First and last conversation numbers the group covers (whether or not each assessed this dimension). */
	from: number;
	to: number;
	fromAt: number;
	toAt: number;
	/** Conversations in the group that assessed this dimension. */
	count: number;
	mean: number;
	min: number;
	max: number;
	/** How many of them reached the pass mark. */
	passed: number;
}

interface SeriesBase {
	dimension: Dimension;
	passMark: number;
	/** Completed conversations: the x axis runs from 1 to this, the same on every dimension's chart. */
	total: number;
	/** Conversations that assessed this dimension. */
	assessed: number;
	/** When the first and the last of those were completed; null when none. */
	firstAt: number | null;
	lastAt: number | null;
	first: number | null;
	latest: number | null;
	best: number | null;
	/** Mean of every assessed score, unrounded. */
	mean: number | null;
	/** How many reached the pass mark. */
	passed: number;
}

export type TrendSeries =
	| (SeriesBase & { kind: 'points'; points: TrendDot[] })
	| (SeriesBase & { kind: 'groups'; groups: TrendGroup[]; groupSize: number });

/**
 * One dimension's series: every conversation as a point, or, past
 * `maxPoints`, consecutive conversations grouped into about `groups` runs (so a
 * 10,000-attempt history draws 50 shapes, not 10,000, and stays readable on a phone).
 * `order` maps an attempt id to its conversation number (see `conversationOrder`).
 */
export function trendSeries(
	dimension: Dimension,
	points: readonly TrendPoint[],
	order: ReadonlyMap<string, number>,
	total: number,
	passMark: number,
	{ maxPoints = MAX_TREND_POINTS, groups = TREND_GROUPS }: { maxPoints?: number; groups?: number } = {}
): TrendSeries {
	let sum = 0;
	let best: number | null = null;
	let passed = 0;
	for (const point of points) {
		sum += point.score;
		if (best === null || point.score > best) best = point.score;
		if (point.score >= passMark) passed++;
	}
	const assessed = points.length;
	const base: SeriesBase = {
		dimension,
		passMark,
		total,
		assessed,
		firstAt: assessed > 0 ? points[0].at : null,
		lastAt: assessed > 0 ? points[assessed - 1].at : null,
		first: assessed > 0 ? points[0].score : null,
		latest: assessed > 0 ? points[assessed - 1].score : null,
		best,
		mean: assessed > 0 ? sum / assessed : null,
		passed
	};
	// A point whose attempt is not in the order cannot be placed; the caller builds both from the same attempts.
	const numbered = points.filter((point) => order.has(point.attemptId));
	if (total <= maxPoints) {
		return {
			...base,
			kind: 'points',
			points: numbered.map((point) => ({
				n: order.get(point.attemptId)!,
				at: point.at,
				score: point.score,
				attemptId: point.attemptId,
				scenarioId: point.scenarioId,
				passed: point.score >= passMark
			}))
		};
	}
	const groupSize = Math.ceil(total / groups);
	const built: TrendGroup[] = [];
	let current: TrendGroup | null = null;
	for (const point of numbered) {
		const n = order.get(point.attemptId)!;
		const index = Math.floor((n - 1) / groupSize);
		const from = index * groupSize + 1;
		if (!current || current.from !== from) {
			current = { from, to: Math.min(total, from + groupSize - 1), fromAt: point.at, toAt: point.at, count: 0, mean: 0, min: point.score, max: point.score, passed: 0 };
			built.push(current);
		}
		current.count++;
		current.mean += point.score; // the sum until the loop ends
		current.toAt = point.at;
		if (point.score < current.min) current.min = point.score;
		if (point.score > current.max) current.max = point.score;
		if (point.score >= passMark) current.passed++;
	}
	for (const group of built) group.mean /= group.count;
	return { ...base, kind: 'groups', groups: built, groupSize };
}

/**
 * Conversation numbers (1-based, oldest first) for the completed, scored
 * attempts among `completed`, which must be in time order (as the
 * `[profileId+completedAt]` index reads them; ties by id, as IndexedDB orders them).
 */
export function conversationOrder(completed: Iterable<{ id: string; status: string; completedAt?: number; score?: unknown }>, now = Infinity): Map<string, number> {
	const order = new Map<string, number>();
	for (const attempt of completed) {
		if (attempt.status !== 'completed' || !attempt.score || attempt.completedAt === undefined || attempt.completedAt > now) continue;
		order.set(attempt.id, order.size + 1);
	}
	return order;
}

// One formatter each: `toLocaleDateString` builds a new one per call, which cost 40 ms for a long history's tables.
let longFormat: Intl.DateTimeFormat | undefined;
let shortFormat: Intl.DateTimeFormat | undefined;

/** "12 March 2027" (the device's language); what the text alternatives say. */
export function longDate(at: number): string {
	longFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
	return longFormat.format(at);
}

/** "12 Mar 2027": chart axis ends and table cells. */
export function shortDate(at: number): string {
	shortFormat ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
	return shortFormat.format(at);
}

let numberFormat: Intl.NumberFormat | undefined;

/** "10,000": counts in the charts and their tables. */
export function formatCount(n: number): string {
	numberFormat ??= new Intl.NumberFormat('en');
	return numberFormat.format(n);
}

const plural = (n: number, word: string, many = `${word}s`) => `${formatCount(n)} ${n === 1 ? word : many}`;

/**
 * The chart's text alternative, e.g. "Empathy over 12 conversations, from 3 March 2027 to 5 April 2027:
 * first 40, latest 82, best 95, average 74. 8 of 12 reached the pass mark of 70."
 */
export function describeTrend(series: TrendSeries, label: string): string {
	if (series.assessed === 0) return `${label}: not assessed in any completed conversation yet.`;
	const span =
		series.firstAt === series.lastAt || series.firstAt === null || series.lastAt === null
			? `on ${longDate(series.firstAt!)}`
			: `from ${longDate(series.firstAt)} to ${longDate(series.lastAt)}`;
	const figures =
		series.assessed === 1
			? `scored ${series.latest}`
			: `first ${series.first}, latest ${series.latest}, best ${series.best}, average ${Math.round(series.mean!)}`;
	const pass = `${formatCount(series.passed)} of ${formatCount(series.assessed)} reached the pass mark of ${series.passMark}.`;
	const grouped =
		series.kind === 'groups'
			? ` Drawn as ${plural(series.groups.length, 'group')} of up to ${plural(series.groupSize, 'conversation')}: the line is each group's average, the band its lowest to highest score.`
			: '';
	return `${label} over ${plural(series.assessed, 'conversation')}, ${span}: ${figures}. ${pass}${grouped}`;
}

/** "3 h 05 min", "12 min", "under a minute". */
export function formatDuration(ms: number): string {
	const minutes = Math.floor(ms / 60_000);
	if (minutes < 1) return ms > 0 ? 'under a minute' : 'none yet';
	const hours = Math.floor(minutes / 60);
	if (hours === 0) return `${minutes} min`;
	return `${formatCount(hours)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** NPS as a manager reads it: "+40", "0", "−20" (a real minus sign). */
export function formatNps(score: number): string {
	return score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0';
}

/** Share of `part` in `whole` as a whole percentage (0 when there is nothing). */
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((100 * part) / whole));

export interface OutcomeBar {
	outcome: Outcome;
	count: number;
	percent: number;
}

/** The four outcomes in their fixed order (best first), with counts and shares. */
export function outcomeBars(outcomes: Record<Outcome, number>): OutcomeBar[] {
	const total = OUTCOMES.reduce((sum, outcome) => sum + outcomes[outcome], 0);
	return OUTCOMES.map((outcome) => ({ outcome, count: outcomes[outcome], percent: percent(outcomes[outcome], total) }));
}

/** Everything the dashboard shows, computed once when the page loads. */
export interface DashboardData {
	summary: ProgressSummary;
	trends: Record<Dimension, TrendSeries>;
	outcomes: OutcomeBar[];
	/** Conversations completed and scored. */
	total: number;
}

/** The dashboard's data from the summary and the completed attempts in time order (the same ones the summary saw). */
export function dashboardData(
	summary: ProgressSummary,
	completedInOrder: Iterable<{ id: string; status: string; completedAt?: number; score?: unknown }>,
	passMark: number,
	now = Infinity
): DashboardData {
	const order = conversationOrder(completedInOrder, now);
	const total = order.size;
	return {
		summary,
		trends: perDimension((dimension) => trendSeries(dimension, summary.trend[dimension], order, total, passMark)),
		outcomes: outcomeBars(summary.outcomes),
		total
	};
}

/**
 * The dashboard of one learner, from their completed attempts (oldest first,
 * as the index reads them) and their unfinished ones: the summary in one pass,
 * then the series the charts draw. Attempts after `now` are left out.
 */
export function learnerDashboard(
	completed: readonly ScoredAttempt[],
	unfinished: readonly ScoredAttempt[],
	passMark: number,
	now: number
): DashboardData {
	return dashboardData(summariseAttempts([...completed, ...unfinished], now), completed, passMark, now);
}
