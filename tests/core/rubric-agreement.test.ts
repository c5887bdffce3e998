import { describe, expect, it } from 'vitest';
import { agreementOn, trainCalibration, trainWeights, trainWordModel } from '../../src/lib/core/rubric-learn';
import { LEARNED_WEIGHTS } from '../../src/lib/core/rubric-weights';
import { WORD_MODEL } from '../../src/lib/core/rubric-word-model';
import { CALIBRATION } from '../../src/lib/core/rubric-calibration-model';
import { DIMENSIONS } from '../../src/lib/core';
import { SETS } from '../bench/rubric-sets';
import { calibrationModule, weightsModule, wordModelModule } from '../bench/rubric-train';
import { confusion, minimum, percent, sets } from './agreement';

// Leave-one-set-out, the figure to quote, is in rubric-loso-1.test.ts and rubric-loso-2.test.ts (agreement.ts).
describe('the shipped rubric against labelled replies', () => {
	it('ships exactly the weights that training on every labelled set gives (npm run rubric:train)', () => {
		const trained = trainWeights(sets);
		expect(LEARNED_WEIGHTS).toEqual(trained);
		expect(weightsModule(trained)).toContain('export const LEARNED_WEIGHTS');
	});

	it('ships exactly the word model that training on every labelled set gives (npm run rubric:train)', () => {
		const trained = trainWordModel(sets, trainWeights(sets));
		expect(WORD_MODEL).toEqual(trained);
		expect(wordModelModule(trained)).toContain('export const WORD_MODEL');
	});

	it('ships exactly the calibration that training on every labelled set gives (npm run rubric:train)', () => {
		const trained = trainCalibration(sets, LEARNED_WEIGHTS, WORD_MODEL);
		expect(CALIBRATION).toEqual(trained);
		expect(calibrationModule(trained)).toContain('export const CALIBRATION');
	});

	for (const set of sets.filter((_, i) => SETS[i].scored)) {
		const result = agreementOn(set.items, LEARNED_WEIGHTS, WORD_MODEL, CALIBRATION);
		for (const d of DIMENSIONS) {
			it(`agrees with the human sign on ${d} for at least ${minimum(set.name, d) * 100}% of ${set.name}`, () => {
				console.log(`${set.name} ${d}: ${result[d].agree}/${result[d].total} = ${percent(result[d]).toFixed(1)}% sign agreement; ${confusion(result[d])}`);
				if (set.name === 'labelled.json') expect(set.items.length).toBeGreaterThanOrEqual(200);
				expect(result[d].agree / result[d].total).toBeGreaterThanOrEqual(minimum(set.name, d));
			});
		}
	}
});
