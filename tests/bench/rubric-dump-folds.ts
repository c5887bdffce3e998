/**
 * npx tsx tests/bench/rubric-dump-folds.ts [out.jsonl]: as rubric-dump.ts, and for each leave-one-set-out fold also
 * the rubric's scores on the sets it was trained on (in-sample). A model on top of the rubric that is trained at build
 * time sees only in-sample scores; this file lets tests/bench/in-sample-probe.py measure what that costs.
 * One line per labelled reply: its set, panel, reply and `folds`, the rubric's scores under each fold's training.
 */
import { writeFileSync } from 'node:fs';
import { findingsOf, leaveOut } from '../../src/lib/core/rubric-learn.ts';
import { assessFindings } from '../../src/lib/core/rubric.ts';
import { DIMENSIONS } from '../../src/lib/core/types.ts';
import { loadSets, SETS } from './rubric-sets.ts';

const out = process.argv[2] ?? 'rubric-dump-folds.jsonl';
const sets = loadSets();
const folds: number[][][][] = sets.map((set) => set.items.map(() => []));
sets.forEach((_, left) => {
	const { weights, model, calibration } = leaveOut(sets, left);
	sets.forEach((set, s) =>
		set.items.forEach((item, k) => {
			const assessment = assessFindings(findingsOf(item), item.reply, weights, model, calibration);
			folds[s][k][left] = DIMENSIONS.map((d) => assessment[d]);
		})
	);
	console.error(`fold ${left + 1} of ${sets.length}`);
});
const lines = sets.flatMap((set, s) =>
	set.items.map((item, k) =>
		JSON.stringify({ set: set.name, scored: SETS[s].scored, id: item.id, reply: item.reply, unscored: findingsOf(item).unscored, panel: DIMENSIONS.map((d) => item.expected[d]), folds: folds[s][k] })
	)
);
writeFileSync(out, lines.join('\n') + '\n');
console.error(`wrote ${out}: ${lines.length} replies × ${sets.length} folds`);
