import { describe, expect, it } from 'vitest';
import { leaveOut, type Agreement } from '../../src/lib/core/rubric-learn';
import { DIMENSIONS } from '../../src/lib/core';
import { loadSets, SETS } from '../bench/rubric-sets';

/*
 * The agreement test's leave-one-set-out half lives here, run from two test files (rubric-loso-*.test.ts), each
 * training half of the folds: one fold trains a model on every other set, and 36 of them in one file kept one core
 * busy for minutes while the other had finished.
 */

export const sets = loadSets();
export const percent = (a: { agree: number; total: number }) => (100 * a.agree) / a.total;
export const confusion = (a: Agreement[keyof Agreement]) =>
	Object.entries(a.confusion)
		.sort()
		.map(([k, v]) => `${k}: ${v}`)
		.join(', ');

// The labels are the panel's (the median of each set's author and two trainers labelling blind from the guide;
// README, "Second and third raters"). Three honest weak spots guard against regressions below 85 % (see README):
// empathy on dev-3 (84.7 %), final-blind-3 (80.0 %) and final-blind-4 (80.8 %), where the panel splits on cold
// hand-offs to a customer in distress (0 here, − in the sealed sets) and on the name used in a refusal.
// (sealed-1 empathy, held at 75 % under its author's labels, is above 85 % under the panel's.)
export const WEAK_SPOTS: Record<string, number> = { 'dev-3.json empathy': 0.8, 'final-blind-3.json empathy': 0.75, 'final-blind-4.json empathy': 0.75 };
export const minimum = (file: string, dimension: string) => WEAK_SPOTS[`${file} ${dimension}`] ?? 0.85;

export function describeLeaveOneSetOut(part: number, parts: number) {
	describe(`the reply rubric against labelled replies, leave one set out (folds ${part + 1} of every ${parts})`, () => {
		// For each set in turn, the feature weights and the word model are trained on all the others and scored on the one left out.
		// Each set was written by a different author who never saw the rubric. The hand-written rules were written
		// from the first six sets, from sealed-1 and, in later rounds, from the sealed sets after their first looks,
		// which are then development data: they train the weights and their agreement is printed, but they are not
		// held to the thresholds (README). No set here is unseen: the next sealed set is the first look.
		const folds = sets.flatMap((_, i) => (i % parts === part ? [{ index: i, ...leaveOut(sets, i) }] : []));
		console.log(
			'leave-one-set-out sign agreement (weights trained on the other sets):\n' +
				folds
					.map((fold) => `  ${fold.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(fold.agreement[d]).toFixed(1)}%`.padEnd(20)).join('')} rules ${SETS[fold.index].rules}${SETS[fold.index].scored ? '' : ', reported only'}`)
					.join('\n')
		);
		folds.forEach((fold) => {
			if (!SETS[fold.index].scored) return;
			for (const d of DIMENSIONS) {
				it(`agrees with the human sign on ${d} for at least ${minimum(fold.name, d) * 100}% of ${fold.name} when trained without it`, () => {
					const result = fold.agreement[d];
					console.log(`LOSO ${fold.name} ${d}: ${result.agree}/${result.total} = ${percent(result).toFixed(1)}%; ${confusion(result)}`);
					expect(result.agree / result.total).toBeGreaterThanOrEqual(minimum(fold.name, d));
				});
			}
		});
	});
}
