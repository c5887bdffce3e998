/*
 * The progress dashboard's figures, from a learner's attempts in one pass:
 * the customer result as a service manager reads it (average CSAT, NPS),
 * outcomes, time spent, score trends per dimension, and per-scenario best and
 * latest scores. Built to run once over a long history (10,000 attempts).
 */
import { scoresOf, weakestOf, type DimensionScores, type ScoredAttempt, type WeakestDimension } from './programme-progress.ts';
import { DIMENSIONS, OUTCOMES, perDimension, type Dimension, type Outcome } from './types.ts';

/** How NPS reads in our sources: above 50 excellent, 0 to 50 average, below 0 poor. */
export type NpsBand = 'excellent' | 'average' | 'poor';

export function npsBand(nps: number): NpsBand {
	if (nps > 50) return 'excellent';
	if (nps >= 0) return 'average';
	return 'poor';
}

/** NPS: the percentage of promoters minus the percentage of detractors, rounded to a whole number (−100..+100); null with no answers. */
export function netPromoterScore(promoters: number, passives: number, detractors: number): number | null {
	const total = promoters + passives + detractors;
	if (total === 0) return null;
	// Rounded once, from the exact difference, so the band matches the number shown (+0 for a tie, never −0).
	return Math.round((100 * (promoters - detractors)) / total) + 0;
}

type Counted = ScoredAttempt & { completedAt: number; score: NonNullable<ScoredAttempt['score']> };

/** An attempt's time counts up to this much: a conversation left open overnight is not eight hours of practice. */
export const MAX_ATTEMPT_MS = 60 * 60 * 1000;

export interface TrendPoint {
	/** When the attempt was completed. */
	at: number;
	score: number;
	attemptId: string;
	scenarioId: string;
}

export interface ScenarioResult {
	scenarioId: string;
	/** Completed attempts. */
	attempts: number;
	/** Highest score per dimension over the completed attempts (each may come from a different attempt); null where never assessed. */
	best: DimensionScores;
	latest: { attemptId: string; at: number; scores: DimensionScores; outcome: Outcome | null; csat: number };
}

export interface ProgressSummary {
	/** Completed, scored attempts: every figure below is over these (time spent is over every attempt). */
	completed: number;
	/** Mean CSAT (1–5), unrounded; null with no completed attempt. `counts[n]` is how many attempts scored n stars. */
	csat: { average: number | null; counts: Record<1 | 2 | 3 | 4 | 5, number> };
	nps: { score: number | null; band: NpsBand | null; promoters: number; passives: number; detractors: number };
	outcomes: Record<Outcome, number>;
	/** Summed over every attempt (completed, unfinished or abandoned): its end minus its start, each capped at MAX_ATTEMPT_MS. */
	timeSpentMs: number;
	/** Per dimension, one point per completed attempt that assessed it, oldest first. */
	trend: Record<Dimension, TrendPoint[]>;
	/** Per scenario played to the end. */
	scenarios: Map<string, ScenarioResult>;
	/** From each scenario's latest scores (see `weakestOf`). */
	weakest: WeakestDimension | null;
	/** First and last completion, or null. */
	first: number | null;
	last: number | null;
}

/**
 * Every dashboard figure in one pass over a learner's attempts (any order;
 * points come out oldest first, sorted only if the input was not).
 * Attempts completed after `now`, when given, are left out.
 */
export function summariseAttempts(attempts: Iterable<ScoredAttempt>, now = Infinity): ProgressSummary {
	const csatCounts: ProgressSummary['csat']['counts'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
	let csatSum = 0;
	let promoters = 0;
	let passives = 0;
	let detractors = 0;
	const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
	let timeSpentMs = 0;
	const trend = perDimension((): TrendPoint[] => []);
	let sorted = true;
	let last = -Infinity;
	let lastId = '';
	let first = Infinity;
	let completed = 0;
	const perScenario = new Map<string, { attempts: number; latest: Counted } & DimensionScores>();

	for (const attempt of attempts) {
		const end = attempt.completedAt ?? attempt.updatedAt ?? attempt.startedAt;
		if (end > now) continue;
		if (end > attempt.startedAt) timeSpentMs += Math.min(end - attempt.startedAt, MAX_ATTEMPT_MS);
		if (attempt.status !== 'completed' || !attempt.score || attempt.completedAt === undefined) continue;

		const at = attempt.completedAt;
		const score = attempt.score;
		completed++;
		const stars = Math.min(5, Math.max(1, Math.round(score.csat))) as 1 | 2 | 3 | 4 | 5;
		csatCounts[stars]++;
		csatSum += score.csat;
		if (score.nps === 'promoter') promoters++;
		else if (score.nps === 'passive') passives++;
		else detractors++;
		if (score.outcome) outcomes[score.outcome]++;
		if (at < last || (at === last && attempt.id < lastId)) sorted = false;
		else {
			last = at;
			lastId = attempt.id;
		}
		if (at < first) first = at;

		const dimensions = score.dimensions;
		const empathy = dimensions.empathy?.score ?? null;
		const flexibility = dimensions.flexibility?.score ?? null;
		const ownership = dimensions.ownership?.score ?? null;
		if (empathy !== null) trend.empathy.push({ at, score: empathy, attemptId: attempt.id, scenarioId: attempt.scenarioId });
		if (flexibility !== null) trend.flexibility.push({ at, score: flexibility, attemptId: attempt.id, scenarioId: attempt.scenarioId });
		if (ownership !== null) trend.ownership.push({ at, score: ownership, attemptId: attempt.id, scenarioId: attempt.scenarioId });

		// Per scenario only numbers and a reference are kept here; the results are built once at the end.
		const entry = perScenario.get(attempt.scenarioId);
		if (!entry) {
			perScenario.set(attempt.scenarioId, { attempts: 1, empathy, flexibility, ownership, latest: attempt as Counted });
			continue;
		}
		entry.attempts++;
		if (empathy !== null && (entry.empathy === null || empathy > entry.empathy)) entry.empathy = empathy;
		if (flexibility !== null && (entry.flexibility === null || flexibility > entry.flexibility)) entry.flexibility = flexibility;
		if (ownership !== null && (entry.ownership === null || ownership > entry.ownership)) entry.ownership = ownership;
		// Ties on time go to the greater id, so the result does not depend on the input's order.
		const latest = entry.latest;
		if (at > latest.completedAt || (at === latest.completedAt && attempt.id > latest.id)) entry.latest = attempt as Counted;
	}

	const scenarios = new Map<string, ScenarioResult>();
	for (const [scenarioId, entry] of perScenario) {
		const latest = entry.latest;
		scenarios.set(scenarioId, {
			scenarioId,
			attempts: entry.attempts,
			best: { empathy: entry.empathy, flexibility: entry.flexibility, ownership: entry.ownership },
			latest: { attemptId: latest.id, at: latest.completedAt, scores: scoresOf(latest), outcome: latest.score.outcome, csat: latest.score.csat }
		});
	}

	if (!sorted) for (const dimension of DIMENSIONS) trend[dimension].sort((a, b) => a.at - b.at || (a.attemptId < b.attemptId ? -1 : 1));
	const nps = netPromoterScore(promoters, passives, detractors);
	return {
		completed,
		csat: { average: completed > 0 ? csatSum / completed : null, counts: csatCounts },
		nps: { score: nps, band: nps === null ? null : npsBand(nps), promoters, passives, detractors },
		outcomes,
		timeSpentMs,
		trend,
		scenarios,
		weakest: weakestOf([...scenarios.values()].map((result) => result.latest.scores)),
		first: completed > 0 ? first : null,
		last: completed > 0 ? last : null
	};
}
