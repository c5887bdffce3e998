import { signOf, type ExpectedSign, type LabelledReply } from './labelled.ts';
import { collectFindings, settleFindings, type FeatureWeights, type Findings } from './rubric.ts';
import { GROUP_CAP, LEARNED_SIGN, LEAST_WEIGHT } from './rubric-rules.ts';
import { DIMENSIONS, type Dimension } from './types.ts';

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
			const findings = collectFindings(item.reply, item.context);
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

/** Sign agreement of the rubric, with the given weights, on a labelled set. */
export function agreementOn(items: LabelledReply[], weights: FeatureWeights): Agreement {
	const result = Object.fromEntries(DIMENSIONS.map((d) => [d, { agree: 0, total: 0, confusion: {} }])) as Agreement;
	for (const item of items) {
		const assessment = settleFindings(collectFindings(item.reply, item.context), weights);
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

/**
 * Leave-one-set-out: for each set in turn, train on all the others and
 * measure on the one left out.
 */
export function leaveOneSetOut(sets: LabelledSet[]): { name: string; weights: Record<string, number>; agreement: Agreement }[] {
	return sets.map((left, i) => {
		const weights = trainWeights(sets.filter((_, j) => j !== i));
		return { name: left.name, weights, agreement: agreementOn(left.items, weights) };
	});
}
