/**
 * npx tsx tests/bench/rubric-loso.ts: leave-one-set-out agreement per set (scored and development sets) and
 * dimension, pooled over the scored sets and over the development sets (the figures the README quotes), then
 * agreement of weights, word model and calibration trained on every set (what `npm run rubric:train` would ship), without the
 * agreement test's thresholds.
 */
import { agreementOn, leaveOneSetOut, trainCalibration, trainWeights, trainWordModel } from '../../src/lib/core/rubric-learn.ts';
import { DIMENSIONS } from '../../src/lib/core/types.ts';
import { loadSets, SETS } from './rubric-sets.ts';

const sets = loadSets();
const percent = (a: { agree: number; total: number }) => `${((100 * a.agree) / a.total).toFixed(1)}%`.padStart(7);
console.log('leave-one-set-out (weights, word model and calibration trained on the other sets):');
const folds = leaveOneSetOut(sets);
folds.forEach((fold, i) => console.log(`  ${fold.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(fold.agreement[d])}`).join('  ')}  rules ${SETS[i].rules}${SETS[i].scored ? '' : ', reported only'}`));
for (const scored of [true, false]) {
	const chosen = folds.filter((_, i) => SETS[i].scored === scored);
	const pooled = (d: (typeof DIMENSIONS)[number]) => {
		const agree = chosen.reduce((sum, fold) => sum + fold.agreement[d].agree, 0);
		const total = chosen.reduce((sum, fold) => sum + fold.agreement[d].total, 0);
		return `${percent({ agree, total })} (${agree.toLocaleString('en')}/${total.toLocaleString('en')})`;
	};
	const label = `pooled, ${chosen.length} ${scored ? 'scored' : 'development'} sets`;
	console.log(`  ${label.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${pooled(d)}`).join('  ')}`);
}
const weights = trainWeights(sets);
const model = trainWordModel(sets, weights);
const calibration = trainCalibration(sets, weights, model);
console.log('trained on every set:');
for (const set of sets) {
	const result = agreementOn(set.items, weights, model, calibration);
	console.log(`  ${set.name.padEnd(20)} ${DIMENSIONS.map((d) => `${d} ${percent(result[d])}`).join('  ')}`);
}
