import { describe, expect, it } from 'vitest';
import {
	BAND_LABEL,
	bandFor,
	choose,
	csatFromMood,
	moodBand,
	outcomeFromMood,
	npsFromMood,
	parseScenario,
	recommendFromMood,
	reviewRun,
	scoreDimension,
	scoreRun,
	startRun,
	submitReply,
	type RunState,
	type Scenario,
	type ScoredDecision,
	type Step
} from '../../src/lib/core';

/*
 * Decisions and their values (empathy, ownership); flexibility never varies.
 *   start:  0 Warm  (+2, +1)   1 Cold (−1, +1)   2 Flat (0, +1)
 *   two:    0 Mine  (+1, +3)   1 Theirs (+1, −3)
 *   three:  0 Blunt (−2, 0)    1 Kind (+2, 0)
 *   typed:  0 Fixed (+1, +2)   1 free
 */
const SCORING = `---
title: Scoring
customer: Sam Lee
summary: Hand-computed scores.
mood: 50
---

## Start

- [Warm](#two) empathy +2, ownership +1, mood +10
  > Warm.
- [Cold](#two) empathy -1, ownership +1, mood -10
  > Cold.
- [Flat](#two) ownership +1
  > Flat.

## Two

- [Mine](#three) empathy +1, ownership +3, mood +10
  > Mine.
- [Theirs](#three) empathy +1, ownership -3, mood -10
  > Theirs.

## Three

- [Blunt](#typed) empathy -2, mood -5
  > Blunt.
- [Kind](#typed) empathy +2, mood +5
  > Kind.

## Typed

- [Fixed](#end) empathy +1, ownership +2
  > Fixed.
- [Write your own reply](#end) free
  > Your own words.

## End
`;

const parsed = parseScenario(SCORING);
const scenario = parsed.scenario as Scenario;
const start = () => startRun(scenario, { scenarioId: 'scoring', scenarioHash: 'h' });
const play = (picks: number[], state = start()) => picks.reduce((current, pick) => choose(scenario, current, pick), state);

/** Replaces the last step's node with a typed reply that scored `effects`. */
function typed(state: RunState, effects: Step['effects']): RunState {
	const step: Step = {
		node: 'typed',
		choice: 1,
		available: [0, 1],
		effects,
		reply: 'typed',
		moodBefore: state.mood,
		moodAfter: state.mood
	};
	return { ...state, node: 'end', ended: true, outcome: 'resolved', steps: [...state.steps, step] };
}

describe('the scoring scenario', () => {
	it('parses with no diagnostics (a free reply counts as changing every dimension)', () => {
		expect(parsed.diagnostics).toEqual([]);
	});
});

describe('scoreRun', () => {
	it('scores 100 × Σ(picked − worst) / Σ(best − worst) over the decisions that vary', () => {
		// Cold, Mine, Kind, Fixed
		const run = play([1, 0, 1, 0]);
		expect(run.ended).toBe(true);
		const score = scoreRun(scenario, run);
		// empathy: start (−1 − −1)/(2 − −1) = 0/3 (the worst picked), two does not vary, three 4/4,
		// typed: the untyped free reply is not on offer, so only Fixed: no variation → 4/7 = 57
		expect(score.dimensions.empathy).toEqual({ score: 57, band: 'needs-work', decisions: 2 });
		// ownership: start all +1, two (3 − −3)/(3 − −3) = 6/6, three all 0, typed only Fixed → 100
		expect(score.dimensions.ownership).toEqual({ score: 100, band: 'excellent', decisions: 1 });
		// flexibility never varies: not assessed
		expect(score.dimensions.flexibility).toEqual({ score: null, band: null, decisions: 0 });
	});

	it('scores 0 when every pick is the worst and 100 when every pick is the best', () => {
		const worst = scoreRun(scenario, play([1, 1, 0, 0]));
		expect(worst.dimensions.empathy).toEqual({ score: 0, band: 'needs-work', decisions: 2 });
		expect(worst.dimensions.ownership).toEqual({ score: 0, band: 'needs-work', decisions: 1 });
		const best = scoreRun(scenario, play([0, 0, 1, 0]));
		expect(best.dimensions.empathy).toEqual({ score: 100, band: 'excellent', decisions: 2 });
		expect(best.dimensions.ownership).toEqual({ score: 100, band: 'excellent', decisions: 1 });
	});

	it('weighs a decision by its spread: Flat at the start and Blunt after', () => {
		// empathy: start (0 − −1)/3 = 1/3, three (−2 − −2)/4 = 0/4 → 1/7 = 14
		const score = scoreRun(scenario, play([2, 0, 0, 0]));
		expect(score.dimensions.empathy.score).toBe(14);
		expect(score.dimensions.empathy.decisions).toBe(2);
	});

	it("includes a typed reply's own value among the values on offer", () => {
		// Cold, Mine, Kind, then a typed reply scoring empathy +3, ownership −1 against Fixed (+1, +2):
		// empathy: 0/3 + 4/4 + (3 − 1)/(3 − 1) = 6/9 = 66.7 → 67
		// ownership: 6/6 + (−1 − −1)/(2 − −1) = 6/9 → 67
		const run = typed(play([1, 0, 1]), { empathy: 3, ownership: -1, mood: 10 });
		const score = scoreRun(scenario, run);
		expect(score.dimensions.empathy).toEqual({ score: 67, band: 'needs-work', decisions: 3 });
		expect(score.dimensions.ownership).toEqual({ score: 67, band: 'needs-work', decisions: 2 });
		// flexibility: the typed reply scored 0 like Fixed: still not assessed
		expect(score.dimensions.flexibility.score).toBeNull();
	});

	it('assesses a dimension on a typed reply alone when it differs from the listed reply', () => {
		const run = typed(play([1, 0, 1]), { flexibility: 2 });
		// flexibility: typed 2 against Fixed 0 → (2 − 0)/(2 − 0) = 100 over one decision
		expect(scoreRun(scenario, run).dimensions.flexibility).toEqual({ score: 100, band: 'excellent', decisions: 1 });
		const low = typed(play([1, 0, 1]), { flexibility: -1 });
		expect(scoreRun(scenario, low).dimensions.flexibility).toEqual({ score: 0, band: 'needs-work', decisions: 1 });
	});

	it('scores a typed reply made through the engine from its recorded effects', () => {
		const before = play([1, 0, 1]);
		const run = submitReply(scenario, before, "I'm sorry, Sam. I'll sort this out myself today.");
		const picked = run.steps[3].effects;
		// the typed decision against Fixed (+1, +2): [picked − worst, best − worst]
		const against = (value: number, fixed: number) => [value - Math.min(value, fixed), Math.max(value, fixed) - Math.min(value, fixed)];
		const [empathyGained, empathySpread] = against(picked.empathy ?? 0, 1);
		const [ownershipGained, ownershipSpread] = against(picked.ownership ?? 0, 2);
		const score = scoreRun(scenario, run);
		// earlier decisions: empathy 0/3 + 4/4, ownership 6/6
		expect(score.dimensions.empathy.score).toBe(Math.round((100 * (0 + 4 + empathyGained)) / (3 + 4 + empathySpread)));
		expect(score.dimensions.ownership.score).toBe(Math.round((100 * (6 + ownershipGained)) / (6 + ownershipSpread)));
	});

	it('scores an unfinished run, with no outcome yet', () => {
		const score = scoreRun(scenario, play([1]));
		expect(score.outcome).toBeNull();
		expect(score.dimensions.empathy).toEqual({ score: 0, band: 'needs-work', decisions: 1 });
		expect(score.dimensions.ownership).toEqual({ score: null, band: null, decisions: 0 });
		expect(score.finalMood).toBe(40);
		const none = scoreRun(scenario, start());
		for (const dimension of ['empathy', 'flexibility', 'ownership'] as const) {
			expect(none.dimensions[dimension]).toEqual({ score: null, band: null, decisions: 0 });
		}
	});

	it('reports the outcome and the simulated customer result from the final mood', () => {
		const run = play([0, 0, 1, 0]); // 50 + 10 + 10 + 5 = 75
		expect(scoreRun(scenario, run)).toMatchObject({ outcome: 'resolved', finalMood: 75, csat: 4, recommend: 8, nps: 'passive' });
		const bad = play([1, 1, 0, 0]); // 50 − 10 − 10 − 5 = 25
		expect(scoreRun(scenario, bad)).toMatchObject({ outcome: 'escalated', finalMood: 25, csat: 2, recommend: 3, nps: 'detractor' });
	});
});

describe('scoreDimension', () => {
	const decision = (picked: number, ...offered: number[]): ScoredDecision => ({
		picked: { empathy: picked, flexibility: 0, ownership: 0 },
		offered: offered.map((empathy) => ({ empathy, flexibility: 0, ownership: 0 }))
	});

	it('gives "not assessed" when nothing varies', () => {
		expect(scoreDimension([], 'empathy')).toEqual({ score: null, band: null, decisions: 0 });
		expect(scoreDimension([decision(1, 1, 1), decision(0)], 'empathy')).toEqual({ score: null, band: null, decisions: 0 });
	});

	it('rounds to the nearest whole number', () => {
		expect(scoreDimension([decision(1, 0, 3)], 'empathy').score).toBe(33);
		expect(scoreDimension([decision(2, 0, 3)], 'empathy').score).toBe(67);
		expect(scoreDimension([decision(1, 0, 8)], 'empathy').score).toBe(13); // 12.5 rounds up
	});

	it.each([
		[69, 'needs-work'],
		[70, 'good'],
		[89, 'good'],
		[90, 'excellent']
	] as const)('bands %i as %s', (score, band) => {
		expect(bandFor(score)).toBe(band);
		expect(scoreDimension([decision(score, 0, 100)], 'empathy')).toEqual({ score, band, decisions: 1 });
	});

	it('bands the extremes and labels every band', () => {
		expect(bandFor(0)).toBe('needs-work');
		expect(bandFor(100)).toBe('excellent');
		expect(BAND_LABEL).toEqual({ excellent: 'Excellent', good: 'Good', 'needs-work': 'Needs work' });
	});
});

describe('CSAT, recommend and NPS', () => {
	it.each([
		[0, 1],
		[19, 1],
		[20, 2],
		[39, 2],
		[40, 3],
		[59, 3],
		[60, 4],
		[79, 4],
		[80, 5],
		[99, 5],
		[100, 5]
	] as const)('CSAT at mood %i is %i', (mood, csat) => {
		expect(csatFromMood(mood)).toBe(csat);
		expect(csat).toBe(Math.min(5, Math.floor(mood / 20) + 1));
	});

	it.each([
		[0, 0, 'detractor'],
		[4, 0, 'detractor'],
		[5, 1, 'detractor'],
		[64, 6, 'detractor'],
		[65, 7, 'passive'],
		[74, 7, 'passive'],
		[84, 8, 'passive'],
		[85, 9, 'promoter'],
		[94, 9, 'promoter'],
		[95, 10, 'promoter'],
		[100, 10, 'promoter']
	] as const)('at mood %i, recommend is %i and NPS %s', (mood, recommend, nps) => {
		expect(recommendFromMood(mood)).toBe(recommend);
		expect(recommend).toBe(Math.round(mood / 10));
		expect(npsFromMood(mood)).toBe(nps);
	});
});

describe('reviewRun', () => {
	it('names, per dimension, the best reply on offer when it beats the one picked', () => {
		const run = play([1, 1, 0, 0]); // Cold, Theirs, Blunt, Fixed
		const review = reviewRun(scenario, run);
		expect(review.map((decision) => decision.choice.text)).toEqual(['Cold', 'Theirs', 'Blunt', 'Fixed']);
		expect(review.map((decision) => decision.node.id)).toEqual(['start', 'two', 'three', 'typed']);
		expect(review[0].step).toBe(run.steps[0]);
		// start: Warm (+2) beats Flat (0) and Cold (−1) on empathy; ownership is +1 everywhere
		expect(review[0].better).toEqual({ empathy: { index: 0, text: 'Warm', value: 2 } });
		// two: empathy ties, so only ownership
		expect(review[1].better).toEqual({ ownership: { index: 0, text: 'Mine', value: 3 } });
		expect(review[2].better).toEqual({ empathy: { index: 1, text: 'Kind', value: 2 } });
		// typed: the free reply is not a "better" reply
		expect(review[3].better).toEqual({});
	});

	it('names nothing when the best was picked', () => {
		const review = reviewRun(scenario, play([0, 0, 1, 0]));
		expect(review.map((decision) => decision.better)).toEqual([{}, {}, {}, {}]);
	});

	it('names listed replies that beat a typed reply', () => {
		const run = typed(play([0, 0, 1]), { empathy: -1, ownership: 3 });
		const review = reviewRun(scenario, run);
		expect(review[3].choice.free).toBe(true);
		expect(review[3].better).toEqual({ empathy: { index: 0, text: 'Fixed', value: 1 } });
	});

	it('skips steps at nodes the scenario no longer has', () => {
		const run = play([0]);
		const stale = { ...run, steps: [{ ...run.steps[0], node: 'gone' }] };
		expect(reviewRun(scenario, stale)).toEqual([]);
	});
});

describe('the mood bands', () => {
	it('give the meter word and the ending outcome from one table', () => {
		for (const [mood, word, outcome] of [
			[100, 'satisfied', 'resolved'],
			[70, 'satisfied', 'resolved'],
			[69, 'uneasy', 'retained'],
			[45, 'uneasy', 'retained'],
			[44, 'upset', 'escalated'],
			[25, 'upset', 'escalated'],
			[24, 'furious', 'lost'],
			[0, 'furious', 'lost']
		] as const) {
			expect(moodBand(mood)).toMatchObject({ word, outcome });
			expect(outcomeFromMood(mood)).toBe(outcome);
		}
	});
});
