/**
 * npx tsx tests/bench/rubric-loso.ts: leave-one-set-out agreement per set (scored and development sets) and
 * dimension, then agreement of weights and word model trained on every set (what
 * `npm run rubric:train` would ship), without the agreement test's thresholds.
 */
import { agreementOn, leaveOneSetOut, trainWeights, trainWordModel } from '../../src/lib/core/rubric-learn.ts';
import { DIMENSIONS } from '../../src/lib/core/types.ts';
import { loadSets, SETS } from './rubric-sets.ts';

const sets = loadSets();
const percent = (a: { agree: number; total: number }) => `${((100 * a.agree) / a.total).toFixed(1)}%`.padStart(7);
console.log('leave-one-set-out (weights and word model trained on the other sets):');
const folds = leaveOneSetOut(sets);
folds.forEach((fold, i) => console.log(`  ${fold.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(fold.agreement[d])}`).join('  ')}  rules ${SETS[i].rules}${SETS[i].scored ? '' : ', reported only'}`));
const weights = trainWeights(sets);
const model = trainWordModel(sets, weights);
console.log('trained on every set:');
for (const set of sets) {
	const result = agreementOn(set.items, weights, model);
	console.log(`  ${set.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(result[d])}`).join('  ')}`);
}
