import type { Dimension, Outcome } from './types.ts';

export type Band = 'excellent' | 'good' | 'needs-work';
export type NpsClass = 'promoter' | 'passive' | 'detractor';

/** ≥ 90 excellent, 70–89 good, < 70 needs work. */
export function bandFor(score: number): Band {
	if (score >= 90) return 'excellent';
	if (score >= 70) return 'good';
	return 'needs-work';
}

export const BAND_LABEL: Record<Band, string> = { excellent: 'Excellent', good: 'Good', 'needs-work': 'Needs work' };

/**
 * The mood scale in four bands, highest first: the word the mood meter says,
 * and the outcome of an ending without an `Outcome:` line.
 */
export const MOOD_BANDS = [
	{ from: 70, word: 'satisfied', outcome: 'resolved' },
	{ from: 45, word: 'uneasy', outcome: 'retained' },
	{ from: 25, word: 'upset', outcome: 'escalated' },
	{ from: 0, word: 'furious', outcome: 'lost' }
] as const satisfies readonly { from: number; word: string; outcome: Outcome }[];
export type MoodBand = (typeof MOOD_BANDS)[number];

export function moodBand(mood: number): MoodBand {
	return MOOD_BANDS.find((band) => mood >= band.from) ?? MOOD_BANDS[MOOD_BANDS.length - 1];
}

/** The outcome of an ending without an `Outcome:` line: ≥ 70 resolved, 45–69 retained, 25–44 escalated, < 25 lost. */
export function outcomeFromMood(mood: number): Outcome {
	return moodBand(mood).outcome;
}

/** Simulated CSAT from the final mood: 0–19 → 1, 20–39 → 2, 40–59 → 3, 60–79 → 4, 80–100 → 5. */
export function csatFromMood(mood: number): 1 | 2 | 3 | 4 | 5 {
	return Math.min(5, Math.max(1, Math.floor(mood / 20) + 1)) as 1 | 2 | 3 | 4 | 5;
}

/** Likelihood to recommend, 0–10: the final mood divided by ten, rounded. */
export function recommendFromMood(mood: number): number {
	return Math.round(Math.min(100, Math.max(0, mood)) / 10);
}

/** NPS class from the likelihood to recommend: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsFromMood(mood: number): NpsClass {
	const likelihood = recommendFromMood(mood);
	if (likelihood >= 9) return 'promoter';
	if (likelihood >= 7) return 'passive';
	return 'detractor';
}

export interface DimensionScore {
	/** 0–100, or null when no decision in the run varied on this dimension ("not assessed"). */
	score: number | null;
	band: Band | null;
	/** Decisions at which the dimension varied. */
	decisions: number;
}

/** One decision as the scoring sees it: the value picked and the values that were on offer. */
export interface ScoredDecision {
	picked: Record<Dimension, number>;
	offered: Record<Dimension, number>[];
}

/**
 * Per dimension: 100 × Σ(picked − worst) / Σ(best − worst), summed over the
 * decisions where the values on offer differ on that dimension. A decision
 * with a wider spread weighs more.
 */
export function scoreDimension(decisions: ScoredDecision[], dimension: Dimension): DimensionScore {
	let gained = 0;
	let possible = 0;
	let counted = 0;
	for (const decision of decisions) {
		let best = decision.picked[dimension];
		let worst = best;
		for (const values of decision.offered) {
			best = Math.max(best, values[dimension]);
			worst = Math.min(worst, values[dimension]);
		}
		if (best === worst) continue;
		gained += decision.picked[dimension] - worst;
		possible += best - worst;
		counted++;
	}
	if (possible === 0) return { score: null, band: null, decisions: 0 };
	const score = Math.round((100 * gained) / possible);
	return { score, band: bandFor(score), decisions: counted };
}
