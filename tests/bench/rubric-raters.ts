/**
 * npm run rubric:raters [-- --review file.json] — how far trainers agree with each other, and with the rubric, on
 * the labelled sets. With --review, also writes every reply whose panel label differs from its author's, in the
 * labelled-set format (expected = the panel's signs; note = the three raters' signs and notes), for a trainer to
 * review (the agreement test holds the panel's signs).
 * Each set's author and two more trainers who labelled every reply blind from the one-page guide
 * (tests/fixtures/replies/LABELLING-GUIDE.md, ratings in guide-raters.json); the panel label is their median.
 * Prints, per set and dimension: agreement between the three raters, and leave-one-set-out agreement of the
 * rubric with the author and with the panel (weights trained on the other sets' panel labels, as shipped), and
 * with the author when trained on the other authors' labels (the standard before the panel).
 */
import { collectFindings } from '../../src/lib/core/rubric.ts';
import { agreementOn, trainCalibration, trainWeights, trainWordModel, type LabelledSet } from '../../src/lib/core/rubric-learn.ts';
import { writeFileSync } from 'node:fs';
import { DIMENSIONS, type Dimension } from '../../src/lib/core/types.ts';
import { loadAuthorSets, loadGuideRatings, panelSets, SETS } from './rubric-sets.ts';

const sets = loadAuthorSets();
const ratings = loadGuideRatings();
const panel = panelSets(sets, ratings, (item) => collectFindings(item.reply, item.context).unscored);
type Tally = Record<Dimension, { agree: number; total: number }>;
const tally = (): Tally => Object.fromEntries(DIMENSIONS.map((d) => [d, { agree: 0, total: 0 }])) as Tally;
const add = (into: Tally, from: Tally) => DIMENSIONS.forEach((d) => ((into[d].agree += from[d].agree), (into[d].total += from[d].total)));
const cell = (t: Tally) => DIMENSIONS.map((d) => `${((100 * t[d].agree) / t[d].total).toFixed(1)}`.padStart(5)).join(' ');

function pairwise(set: LabelledSet, a: (id: string, i: number, d: Dimension) => string, b: (id: string, i: number, d: Dimension) => string): Tally {
	const t = tally();
	set.items.forEach((item, i) => DIMENSIONS.forEach((d) => ((t[d].total += 1), (t[d].agree += a(item.id, i, d) === b(item.id, i, d) ? 1 : 0))));
	return t;
}

const columns = ['author~second', 'author~third', 'second~third', 'rubric~author', 'rubric~panel', 'author-trained~author'];
console.log(`${''.padEnd(20)} ${columns.map((c) => c.padEnd(18)).join(' ')}  (empathy flexibility ownership, %)`);
const pooled = { scored: columns.map(tally), development: columns.map(tally) };
sets.forEach((set, i) => {
	const rated = ratings[set.name];
	const author = (_: string, j: number, d: Dimension) => set.items[j].expected[d];
	const rater = (who: 'second' | 'third') => (id: string, _: number, d: Dimension) => rated[id][who][DIMENSIONS.indexOf(d)];
	const panelOthers = panel.filter((_, j) => j !== i);
	const authorOthers = sets.filter((_, j) => j !== i);
	const shippedWeights = trainWeights(panelOthers);
	const shippedModel = trainWordModel(panelOthers, shippedWeights);
	const shippedCalibration = trainCalibration(panelOthers, shippedWeights, shippedModel);
	const authorWeights = trainWeights(authorOthers);
	const authorModel = trainWordModel(authorOthers, authorWeights);
	const authorCalibration = trainCalibration(authorOthers, authorWeights, authorModel);
	const row = [
		pairwise(set, author, rater('second')),
		pairwise(set, author, rater('third')),
		pairwise(set, rater('second'), rater('third')),
		agreementOn(set.items, shippedWeights, shippedModel, shippedCalibration),
		agreementOn(panel[i].items, shippedWeights, shippedModel, shippedCalibration),
		agreementOn(set.items, authorWeights, authorModel, authorCalibration)
	];
	row.forEach((t, k) => add(pooled[SETS[i].scored ? 'scored' : 'development'][k], t));
	console.log(`${set.name.padEnd(20)} ${row.map((t) => cell(t).padEnd(18)).join(' ')}`);
});
for (const [name, row] of Object.entries(pooled)) console.log(`${('all ' + name).padEnd(20)} ${row.map((t) => cell(t).padEnd(18)).join(' ')}`);

const reviewAt = process.argv.indexOf('--review');
if (reviewAt >= 0) {
	const file = process.argv[reviewAt + 1];
	if (!file) throw new Error('--review needs a file name, e.g. npm run rubric:raters -- --review panel-review.json');
	const review = sets.flatMap((set, i) =>
		set.items.flatMap((item, j) => {
			const panelled = panel[i].items[j];
			const differs = DIMENSIONS.filter((d) => panelled.expected[d] !== item.expected[d]);
			if (differs.length === 0) return [];
			const rated = ratings[set.name][item.id];
			const signs = (who: string, s: readonly string[]) => `${who} ${DIMENSIONS.map((d, k) => `${d[0]}${s[k]}`).join(' ')}`;
			const note = [
				`${set.name}: panel differs from the author on ${differs.join(', ')}.`,
				`${signs('author', DIMENSIONS.map((d) => item.expected[d]))} (${item.note ?? 'no note'})`,
				`${signs('second', rated.second)} (${rated.second[3]})`,
				`${signs('third', rated.third)} (${rated.third[3]})`
			].join(' | ');
			return [{ id: item.id, reply: item.reply, context: item.context, expected: panelled.expected, note }];
		})
	);
	writeFileSync(file, JSON.stringify(review, null, 1) + '\n');
	console.log(`wrote ${file}: ${review.length} replies whose panel label differs from the author's`);
}
