/**
 * npx tsx tests/bench/rubric-compare.ts: one compact table for comparing rubric versions:
 * LOSO per scored set, the development set sealed-2 scored with weights trained on the scored sets,
 * and LOSO with sealed-2 as an eleventh set.
 */
import { readFileSync } from 'node:fs';
import { agreementOn, leaveOneSetOut, trainWeights } from '../../src/lib/core/rubric-learn.ts';
import { DIMENSIONS } from '../../src/lib/core/types.ts';
import { loadSets } from './rubric-sets.ts';

const sets = loadSets();
const extra = ['sealed-2.json'].filter((f) => !sets.some((s) => s.name === f)).map((f) => ({ name: f, items: JSON.parse(readFileSync(`tests/fixtures/replies/${f}`, 'utf8')) }));
const p = (a: { agree: number; total: number }) => ((100 * a.agree) / a.total).toFixed(1).padStart(6);
const row = (name: string, a: Record<string, { agree: number; total: number }>) => console.log(`  ${name.padEnd(20)} ${DIMENSIONS.map((d) => p(a[d])).join(' ')}`);
console.log('LOSO (scored sets):              emp   flex    own');
for (const fold of leaveOneSetOut(sets)) row(fold.name, fold.agreement);
const w = trainWeights(sets);
for (const e of extra) row(`${e.name} (trained on scored)`, agreementOn(e.items, w));
if (extra.length) {
	console.log('LOSO with the development sets added:');
	for (const fold of leaveOneSetOut([...sets, ...extra])) row(fold.name, fold.agreement);
}
