import { signOf, type ExpectedSign, type LabelledReply } from './labelled.ts';
import { assessFindings, collectFindings, settleFindings, type FeatureWeights, type Findings } from './rubric.ts';
import { GROUP_CAP, LEARNED_SIGN, LEAST_WEIGHT } from './rubric-rules.ts';
import { SUMMARY_SIZE, summary, wordCounts, type Calibration } from './rubric-calibration.ts';
import { contextTerms, modelTerms, replyTerms, type WordModel } from './rubric-words.ts';
import { DIMENSIONS, MAX_REPLY_CHARS, type Dimension } from './types.ts';

/*
 * The rubric's learned part: one integer weight per feature (a rule, the
 * name check, the unanswered question …), trained on the labelled sets.
 * It is a points model, like a clinical scoring sheet: a reply's score on a
 * dimension is still the sum of the weights of the phrases found, so every
 * point keeps its phrase and its reason; training only decides how many
 * points each kind of phrase is worth (0 to 3, never the other sign).
 * Training runs at build and test time; the player ships the weights only.
 */

export { signOf, type ExpectedSign, type LabelledReply };

export interface LabelledSet {
	name: string;
	items: LabelledReply[];
}

/** Per dimension: agreements, items, and counts of `expected X got Y`. */
export type Agreement = Record<Dimension, { agree: number; total: number; confusion: Record<string, number> }>;

/** How much a weight may move away from its rule's hand-set value for one reply's worth of agreement. */
const MOVE_COST = 2;
const MAX_PASSES = 8;

/*
 * Training reads the same labelled replies again and again (leave-one-set-out trains once per set, and the weights,
 * the word model and the agreement each read every reply), and reading is most of the cost. What the rules find in
 * a reply depends only on the reply and its context, so each labelled reply is read once and remembered.
 */
const readings = new WeakMap<
	LabelledReply,
	{ findings: Findings; words?: ReturnType<typeof replyTerms>; context?: ReturnType<typeof contextTerms>; counts?: ReturnType<typeof wordCounts> }
>();

function read(item: LabelledReply) {
	let reading = readings.get(item);
	if (!reading) readings.set(item, (reading = { findings: collectFindings(item.reply, item.context) }));
	return reading;
}

/** What the rules find in a labelled reply (read once; see `readings`). */
export function findingsOf(item: LabelledReply): Findings {
	return read(item).findings;
}

/** The reply's words and what it does with its context, as the word model reads them (read once). */
function wordsOf(item: LabelledReply) {
	const reading = read(item);
	const text = item.reply.slice(0, MAX_REPLY_CHARS);
	reading.words ??= replyTerms(text);
	reading.context ??= contextTerms(text, reading.findings.context);
	return { words: reading.words, context: reading.context };
}

/** Each word's count in the reply, as the calibration reads it (read once). */
function countsOf(item: LabelledReply) {
	const reading = read(item);
	reading.counts ??= wordCounts(item.reply.slice(0, MAX_REPLY_CHARS));
	return reading.counts;
}

/** A labelled reply read once: its findings, ready to be weighed many times. */
interface Prepared {
	findings: Findings;
	expected: Record<Dimension, ExpectedSign>;
	/** Each set counts the same however many replies it has. */
	weight: number;
	/** Per dimension: the author's fixed points, and the learned findings as [feature, group, count]. */
	terms: Record<Dimension, { fixed: number; counts: Map<string, { group: string; count: number }> }>;
}

function prepare(sets: LabelledSet[]): Prepared[] {
	const mean = sets.reduce((sum, set) => sum + set.items.length, 0) / Math.max(1, sets.length);
	return sets.flatMap((set) =>
		set.items.map((item) => {
			const findings = findingsOf(item);
			const terms = Object.fromEntries(DIMENSIONS.map((d) => [d, { fixed: 0, counts: new Map() }])) as Prepared['terms'];
			if (!findings.unscored) {
				for (const f of findings.findings) {
					if (f.dimension === 'mood' || f.zeroed) continue;
					const term = terms[f.dimension];
					if (f.fixed) term.fixed += f.prior;
					else if (f.prior !== 0 || LEARNED_SIGN[f.feature]) {
						const entry = term.counts.get(f.feature) ?? { group: f.group, count: 0 };
						entry.count++;
						term.counts.set(f.feature, entry);
					}
				}
			}
			return { findings, expected: item.expected, weight: mean / set.items.length, terms };
		})
	);
}

/** The features training may weigh, per dimension, each with its hand-set weight and its sign. */
function learnable(prepared: Prepared[]): Record<Dimension, Map<string, { prior: number; sign: 1 | -1 }>> {
	const result = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map()])) as Record<Dimension, Map<string, { prior: number; sign: 1 | -1 }>>;
	for (const item of prepared) {
		for (const f of item.findings.findings) {
			if (f.dimension === 'mood' || f.fixed || result[f.dimension].has(f.feature)) continue;
			const sign = f.prior > 0 ? 1 : f.prior < 0 ? -1 : LEARNED_SIGN[f.feature];
			if (sign) result[f.dimension].set(f.feature, { prior: f.prior, sign });
		}
	}
	return result;
}

/** The sign `settleFindings` gives one dimension of a prepared reply, computed without building evidence. */
function signWith(item: Prepared, dimension: Dimension, weights: Record<string, number>): ExpectedSign {
	if (item.findings.unscored) return '0';
	const term = item.terms[dimension];
	let total = term.fixed;
	const groups = new Map<string, number>();
	for (const [feature, { group, count }] of term.counts) {
		const points = (weights[feature] ?? 0) * count;
		if (group) groups.set(group, (groups.get(group) ?? 0) + points);
		else total += points;
	}
	// Groups hold one sign each, so capping finding by finding is the same as capping the sum.
	for (const [group, points] of groups) {
		const cap = GROUP_CAP[group] ?? 3;
		total += Math.max(-cap, Math.min(cap, points));
	}
	return signOf(total);
}

/**
 * Trains the feature weights on labelled sets: for each dimension, coordinate
 * ascent on sign agreement (each set weighted equally), starting from the
 * hand-set weights, moving a weight only when it buys more agreement than
 * `MOVE_COST` replies per point moved. Deterministic: same sets, same weights.
 */
export function trainWeights(sets: LabelledSet[]): Record<string, number> {
	const prepared = prepare(sets);
	const features = learnable(prepared);
	const weights: Record<string, number> = {};
	for (const dimension of DIMENSIONS) {
		const mine = [...features[dimension]].sort(([a], [b]) => a.localeCompare(b));
		for (const [feature, { prior }] of mine) weights[feature] = prior;
		const relevant = prepared.filter((item) => item.terms[dimension].counts.size > 0);
		const baseline = prepared
			.filter((item) => item.terms[dimension].counts.size === 0)
			.reduce((sum, item) => sum + (signWith(item, dimension, weights) === item.expected[dimension] ? item.weight : 0), 0);
		const objective = () => {
			let score = baseline;
			for (const item of relevant) if (signWith(item, dimension, weights) === item.expected[dimension]) score += item.weight;
			for (const [feature, { prior }] of mine) score -= MOVE_COST * Math.abs(weights[feature] - prior);
			return score;
		};
		let best = objective();
		for (let pass = 0; pass < MAX_PASSES; pass++) {
			let moved = false;
			for (const [feature, { sign }] of mine) {
				const start = weights[feature];
				let chosen = start;
				for (let magnitude = LEAST_WEIGHT[feature] ?? 0; magnitude <= 3; magnitude++) {
					// (|| 0: a weight of 0 is 0, never -0)
					const candidate = sign * magnitude || 0;
					if (candidate === chosen) continue;
					weights[feature] = candidate;
					const score = objective();
					// Strictly better only, so ties keep the weight it had (the hand-set one to begin with).
					if (score > best + 1e-9) {
						best = score;
						chosen = candidate;
					}
				}
				weights[feature] = chosen;
				if (chosen !== start) moved = true;
			}
			if (!moved) break;
		}
	}
	return Object.fromEntries(Object.entries(weights).sort(([a], [b]) => a.localeCompare(b)));
}

/*
 * The word model (rubric-words.ts): multinomial logistic regression per
 * dimension over the reply's words and word pairs and the rules' verdict,
 * full-batch Adam from zero (deterministic), L2-regularised. A word or pair
 * is in the vocabulary only when replies in at least `minSets` different sets
 * use it, so it cannot learn one author's or one situation's vocabulary.
 * Each set counts the same, however many replies it has. Words are held
 * back harder (`wordLambda`) than the rules' verdict (`lambda`). There is no
 * bias or length term, and no function word on its own: with them the model
 * learned each set's base rate and read "That sounds miserable, a week without
 * hot water." as hostile (README, "The word reading", has the settings measured).
 */
export const WORD_TRAINING = {
	minSets: 3,
	lambda: 0.001,
	wordLambda: 0.01,
	iterations: 300,
	learningRate: 0.05,
	scale: 20,
	/** Terms whose weights all round below this (in 1/scale) are dropped from the shipped model. */
	prune: 2,
	/**
	 * A reading moves the rules' sign only when it leads by more than this (in 1/scale): 8/20 of a logit, about one and
	 * a half times as likely. Near-ties are noise: at 5, each new set's shift of the rules' own sign term let one topic
	 * word in a short reply ("Hello Lukasz, the refund is done.") cancel a name the guide counts (README, round twenty-one).
	 */
	margin: 8,
	functionWords: false,
	/** Weigh what the reply does with the customer's line and the rule (contextTerms) beside its words. */
	context: true
};

/** Greetings and titles: how the customer is addressed, which the name check reads; the calibration leaves them out. */
const FORMS_OF_ADDRESS = new Set('hi hello hey dear mr mrs ms miss mx dr sir madam'.split(' '));

/** Words that carry the set's base rate, not the reply's meaning: left out of the vocabulary on their own (their pairs stay). */
const FUNCTION_WORDS = new Set(
	"the a an and or but i i'm i've i'll i'd you you're you've you'll we we're we've we'll it it's is are was were be been to of in on at for with this that these those my your our me us him her his their them they he she have has had do does did so if as by from then than there here just also".split(' ')
);

export function trainWordModel(sets: LabelledSet[], weights: FeatureWeights, options = WORD_TRAINING): WordModel {
	const rows: { terms: Record<Dimension, string[]>; expected: Record<Dimension, ExpectedSign>; weight: number }[] = [];
	const setsUsing = new Map<string, Set<number>>();
	sets.forEach((set, setIndex) => {
		for (const item of set.items) {
			const collected = findingsOf(item);
			if (collected.unscored) continue;
			const points = settleFindings(collected, weights);
			const { words, context } = wordsOf(item);
			for (const { term } of words) (setsUsing.get(term) ?? setsUsing.set(term, new Set()).get(term)!).add(setIndex);
			const wording = options.context ? [...words, ...context] : words;
			const terms = Object.fromEntries(DIMENSIONS.map((d) => [d, modelTerms(wording, points, d)])) as Record<Dimension, string[]>;
			rows.push({ terms, expected: item.expected, weight: 1 / set.items.length });
		}
	});
	const kept = (term: string) => {
		if (!/^[wb]:/.test(term)) return true;
		if (!options.functionWords && term.startsWith('w:') && FUNCTION_WORDS.has(term.slice(2))) return false;
		return (setsUsing.get(term)?.size ?? 0) >= options.minSets;
	};
	const vocabulary = [...new Set(rows.flatMap((row) => DIMENSIONS.flatMap((d) => row.terms[d])))].filter(kept).sort();
	const index = new Map(vocabulary.map((term, i) => [term, i]));
	const total = rows.reduce((sum, row) => sum + row.weight, 0);
	const learned = {} as Record<Dimension, Float64Array>;
	for (const dimension of DIMENSIONS) {
		const features = rows.map((row) => Int32Array.from(row.terms[dimension].flatMap((t) => (index.has(t) ? [index.get(t)!] : []))));
		const target = rows.map((row) => ({ '-': 0, '0': 1, '+': 2 })[row.expected[dimension]]);
		const lambdas = Float64Array.from(vocabulary, (term) => (/^[wb]:/.test(term) ? options.wordLambda : options.lambda));
		learned[dimension] = fitSoftmax(features, target, rows.map((row) => row.weight / total), lambdas, options);
	}
	// Softmax is unchanged by adding one number to a term's three weights: centre them, round, drop terms that weigh (next to) nothing.
	// A weight is kept within ±45/scale so that it packs into one character (a few made-up replies can push a term further).
	const rounded = Object.fromEntries(
		DIMENSIONS.map((d) => {
			const w = learned[d];
			return [d, vocabulary.map((_, i) => { const mean = (w[i * 3] + w[i * 3 + 1] + w[i * 3 + 2]) / 3; return [0, 1, 2].map((c) => Math.max(-45, Math.min(45, Math.round((w[i * 3 + c] - mean) * options.scale))) || 0); })];
		})
	) as Record<Dimension, number[][]>;
	const live = vocabulary.map((_, i) => DIMENSIONS.some((d) => rounded[d][i].some((v) => Math.abs(v) >= options.prune)));
	return {
		terms: vocabulary.filter((_, i) => live[i]),
		weights: Object.fromEntries(DIMENSIONS.map((d) => [d, rounded[d].filter((_, i) => live[i]).flat()])) as Record<Dimension, number[]>,
		scale: options.scale,
		trainedOn: rows.length,
		margin: options.margin
	};
}

/**
 * Fits a three-class softmax regression with Adam: `features[r]` lists the row's features (value 1, or `values[r]`),
 * `lambdas` each feature's L2 penalty, `rowWeight` each row's share of the loss.
 */
function fitSoftmax(
	features: Int32Array[],
	target: number[],
	rowWeight: number[],
	lambdas: Float64Array,
	options: { iterations: number; learningRate: number },
	values?: Float64Array[]
): Float64Array {
	const size = lambdas.length;
	const w = new Float64Array(size * 3);
	const m = new Float64Array(size * 3);
	const v = new Float64Array(size * 3);
	const grad = new Float64Array(size * 3);
	for (let step = 1; step <= options.iterations; step++) {
		grad.fill(0);
		for (let r = 0; r < features.length; r++) {
			const f = features[r];
			const x = values?.[r];
			let z0 = 0;
			let z1 = 0;
			let z2 = 0;
			if (x) {
				for (let k = 0; k < f.length; k++) {
					const j = f[k] * 3;
					z0 += w[j] * x[k];
					z1 += w[j + 1] * x[k];
					z2 += w[j + 2] * x[k];
				}
			} else {
				for (let k = 0; k < f.length; k++) {
					const j = f[k] * 3;
					z0 += w[j];
					z1 += w[j + 1];
					z2 += w[j + 2];
				}
			}
			const top = Math.max(z0, z1, z2);
			const e0 = Math.exp(z0 - top);
			const e1 = Math.exp(z1 - top);
			const e2 = Math.exp(z2 - top);
			const sum = e0 + e1 + e2;
			const t = target[r];
			const g0 = (e0 / sum - (t === 0 ? 1 : 0)) * rowWeight[r];
			const g1 = (e1 / sum - (t === 1 ? 1 : 0)) * rowWeight[r];
			const g2 = (e2 / sum - (t === 2 ? 1 : 0)) * rowWeight[r];
			if (x) {
				for (let k = 0; k < f.length; k++) {
					const j = f[k] * 3;
					grad[j] += g0 * x[k];
					grad[j + 1] += g1 * x[k];
					grad[j + 2] += g2 * x[k];
				}
			} else {
				for (let k = 0; k < f.length; k++) {
					const j = f[k] * 3;
					grad[j] += g0;
					grad[j + 1] += g1;
					grad[j + 2] += g2;
				}
			}
		}
		const correct1 = 1 - 0.9 ** step;
		const correct2 = 1 - 0.999 ** step;
		for (let j = 0; j < w.length; j++) {
			const g = grad[j] + lambdas[(j / 3) | 0] * w[j];
			m[j] = 0.9 * m[j] + 0.1 * g;
			v[j] = 0.999 * v[j] + 0.001 * g * g;
			w[j] -= (options.learningRate * (m[j] / correct1)) / (Math.sqrt(v[j] / correct2) + 1e-8);
		}
	}
	return w;
}

/*
 * The calibration (rubric-calibration.ts): a three-class logistic regression per dimension over the rubric's three
 * scores, their signs, the reply's length and each word's share of it, with an intercept, fitted to the panels' signs
 * of every labelled reply alike. Measured first in tests/bench/bag-of-words-probe.py (README, round twenty-six): the
 * same model fitted by scikit-learn on the rubric's leave-one-set-out scores or on its scores on the sets it was
 * trained on agreed with the development sets equally (+1.8 / +1.2 / +0.6 points), so it trains on the latter and
 * needs no nested folds.
 */
export const CALIBRATION_TRAINING = {
	/** Inverse strength of the L2 penalty (scikit-learn's C): the penalty per weight is 1 / (C × replies). */
	C: 0.3,
	/** A word's value is this × its share of the reply's words. */
	share: 10,
	/** Replies of fewer words are left to the rules (see Calibration). */
	minWords: 20,
	/**
	 * Words in fewer replies than this are not weighed, nor are function words ("the", "and", "I" …) or greetings and
	 * titles ("Hi", "Mr" …): with them its moves were explained by "and", "can", "them" or "Mr", which tells a trainee
	 * nothing (the name check already reads how the customer is addressed).
	 */
	minReplies: 3,
	fromZero: 0.9,
	iterations: 300,
	learningRate: 0.05,
	/** Weights ship as integers in 1/scale, within ±45 (one character each, as the word model's). */
	scale: 20,
	/** Words whose weights all round below this (in 1/scale) are left out of the shipped calibration. */
	prune: 6
};

const fourPlaces = (x: number) => Math.round(x * 1e4) / 1e4;

export function trainCalibration(sets: LabelledSet[], weights: FeatureWeights, model: WordModel, options = CALIBRATION_TRAINING): Calibration {
	const rows: { summary: number[]; counts: ReturnType<typeof wordCounts>; expected: Record<Dimension, ExpectedSign> }[] = [];
	for (const set of sets) {
		for (const item of set.items) {
			const findings = findingsOf(item);
			if (findings.unscored) continue;
			const counts = countsOf(item);
			rows.push({ summary: summary(assessFindings(findings, item.reply, weights, model), counts.total), counts, expected: item.expected });
		}
	}
	const replies = new Map<string, number>();
	for (const row of rows) for (const word of row.counts.counts.keys()) replies.set(word, (replies.get(word) ?? 0) + 1);
	const vocabulary = [...replies].filter(([word, n]) => n >= options.minReplies && !FUNCTION_WORDS.has(word) && !FORMS_OF_ADDRESS.has(word)).map(([word]) => word).sort();
	const index = new Map(vocabulary.map((word, i) => [word, 1 + SUMMARY_SIZE + i]));
	const mean = Array.from({ length: SUMMARY_SIZE }, (_, k) => fourPlaces(rows.reduce((sum, row) => sum + row.summary[k], 0) / rows.length));
	const spread = mean.map((mu, k) => fourPlaces(Math.sqrt(rows.reduce((sum, row) => sum + (row.summary[k] - mu) ** 2, 0) / rows.length)) || 1);
	const features: Int32Array[] = [];
	const values: Float64Array[] = [];
	for (const row of rows) {
		const ids = [0, ...row.summary.map((_, k) => 1 + k)];
		const xs = [1, ...row.summary.map((x, k) => (x - mean[k]) / spread[k])];
		for (const [word, { count }] of row.counts.counts) {
			const id = index.get(word);
			if (id === undefined) continue;
			ids.push(id);
			xs.push((options.share * count) / Math.max(1, row.counts.total));
		}
		features.push(Int32Array.from(ids));
		values.push(Float64Array.from(xs));
	}
	const size = 1 + SUMMARY_SIZE + vocabulary.length;
	// The intercept is not penalised; every other weight alike.
	const lambdas = new Float64Array(size).fill(1 / (options.C * rows.length));
	lambdas[0] = 0;
	const rowWeight = rows.map(() => 1 / rows.length);
	const rounded = {} as Record<Dimension, number[][]>;
	for (const dimension of DIMENSIONS) {
		const target = rows.map((row) => ({ '-': 0, '0': 1, '+': 2 })[row.expected[dimension]]);
		const w = fitSoftmax(features, target, rowWeight, lambdas, options, values);
		// Softmax is unchanged by adding one number to a feature's three weights: centre them, then round.
		rounded[dimension] = Array.from({ length: size }, (_, i) => {
			const centre = (w[i * 3] + w[i * 3 + 1] + w[i * 3 + 2]) / 3;
			return [0, 1, 2].map((c) => Math.max(-45, Math.min(45, Math.round((w[i * 3 + c] - centre) * options.scale))) || 0);
		});
	}
	// A word that weighs (next to) nothing is left out: its value does not depend on which other words are kept.
	const live = Array.from({ length: size }, (_, i) => i <= SUMMARY_SIZE || DIMENSIONS.some((d) => rounded[d][i].some((x) => Math.abs(x) >= options.prune)));
	return {
		words: vocabulary.filter((_, i) => live[1 + SUMMARY_SIZE + i]),
		mean,
		spread,
		weights: Object.fromEntries(DIMENSIONS.map((d) => [d, rounded[d].filter((_, i) => live[i]).flat()])) as Record<Dimension, number[]>,
		scale: options.scale,
		share: options.share,
		minWords: options.minWords,
		fromZero: options.fromZero,
		trainedOn: rows.length
	};
}

/** Sign agreement of the rubric, with the given weights (and word model, when given), on a labelled set. */
export function agreementOn(items: LabelledReply[], weights: FeatureWeights, model?: WordModel, calibration?: Calibration): Agreement {
	const result = Object.fromEntries(DIMENSIONS.map((d) => [d, { agree: 0, total: 0, confusion: {} }])) as Agreement;
	for (const item of items) {
		const assessment = assessFindings(findingsOf(item), item.reply, weights, model, calibration);
		for (const d of DIMENSIONS) {
			const got = signOf(assessment[d]);
			const want = item.expected[d];
			const entry = result[d];
			entry.total++;
			const key = `expected ${want} got ${got}`;
			entry.confusion[key] = (entry.confusion[key] ?? 0) + 1;
			if (got === want) entry.agree++;
		}
	}
	return result;
}

/** One fold of leave-one-set-out: trained on every set but `sets[left]`, measured on that one. */
export function leaveOut(
	sets: LabelledSet[],
	left: number
): { name: string; weights: Record<string, number>; model: WordModel; calibration: Calibration; agreement: Agreement } {
	const others = sets.filter((_, j) => j !== left);
	const weights = trainWeights(others);
	const model = trainWordModel(others, weights);
	const calibration = trainCalibration(others, weights, model);
	return { name: sets[left].name, weights, model, calibration, agreement: agreementOn(sets[left].items, weights, model, calibration) };
}

/**
 * Leave-one-set-out: for each set in turn, train on all the others and
 * measure on the one left out.
 */
export function leaveOneSetOut(sets: LabelledSet[]): ReturnType<typeof leaveOut>[] {
	return sets.map((_, i) => leaveOut(sets, i));
}
