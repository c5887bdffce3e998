/**
 * npx tsx tests/bench/rubric-dump.ts [out.jsonl]: every labelled reply with the panel's signs and the rubric's
 * leave-one-set-out assessment (weights, word model and calibration trained on the other sets, as in rubric-loso.ts), one JSON
 * object per line, for reading the disagreements or trying another model on top of the rubric without retraining it
 * (tests/bench/bag-of-words-probe.py reads this file). Default output: rubric-dump.jsonl in the working directory.
 */
import { writeFileSync } from 'node:fs';
import { leaveOneSetOut } from '../../src/lib/core/rubric-learn.ts';
import { assessFindings, collectFindings } from '../../src/lib/core/rubric.ts';
import { DIMENSIONS } from '../../src/lib/core/types.ts';
import { loadSets, SETS } from './rubric-sets.ts';

const out = process.argv[2] ?? 'rubric-dump.jsonl';
const sets = loadSets();
const lines: string[] = [];
leaveOneSetOut(sets).forEach(({ weights, model, calibration }, i) => {
	const left = sets[i];
	for (const item of left.items) {
		const findings = collectFindings(item.reply, item.context);
		const assessment = assessFindings(findings, item.reply, weights, model, calibration);
		lines.push(
			JSON.stringify({
				set: left.name,
				scored: SETS[i].scored,
				id: item.id,
				reply: item.reply,
				context: item.context,
				unscored: findings.unscored,
				panel: DIMENSIONS.map((d) => item.expected[d]),
				rubric: DIMENSIONS.map((d) => assessment[d])
			})
		);
	}
});
writeFileSync(out, lines.join('\n') + '\n');
console.error(`wrote ${out}: ${lines.length} replies`);
