import type { Evidence, ReplyAssessment } from './rubric.ts';
import { CLASSES, LABEL, replyTokens, VERDICT, withReadings } from './rubric-words.ts';
import { DIMENSIONS, type Dimension } from './types.ts';

/*
 * The rubric's last reading: a calibration against how trainers score. The
 * phrase rules and the word reading give each dimension a sign; a small
 * three-class model per dimension, trained on the labelled replies
 * (rubric-learn.ts, trainCalibration), reads those three scores together
 * with the reply's length and how much of it each word makes up, and says
 * which sign trainers gave replies like it. Replies written by people who
 * never saw the rules are where the rules miss most (README, "first looks"),
 * and the rules' own reading of them is what it corrects, so it is allowed
 * what the word reading is not, and only that:
 * - to turn a sign round (+ to −, − to +), where trainers scored replies
 *   like this the other way more often than not;
 * - to give a sign where the rules found nothing, when it is at least
 *   `fromZero` sure.
 * It never sets a scored dimension to 0: a 0 from it would undo the rules'
 * evidence with no evidence of its own. Every move names the words behind it,
 * and replies shorter than `minWords` are left to the rules.
 */

export interface Calibration {
	/** The words it weighs, lower-cased as `replyTokens` reads them. */
	words: readonly string[];
	/** Mean and spread of each reply-level feature (see `summary`) over the training replies. */
	mean: readonly number[];
	spread: readonly number[];
	/**
	 * Per dimension, in 1/`scale`, three weights (−, 0, +) for: the intercept, each reply-level feature, then each word.
	 */
	weights: Readonly<Record<Dimension, readonly number[]>>;
	scale: number;
	/** A word's value is `share` × its count / the reply's words: its share of the reply. */
	share: number;
	/**
	 * Replies of fewer words are left to the rules. In a short reply each word is a large share, and the labelled
	 * replies are mostly longer (the panels' short ones mostly curt): read anyway, "I apologise for the wait on the
	 * phone today." came out as hostile (README, round twenty-seven).
	 */
	minWords: number;
	/** Where the rules gave 0, a sign is set only when the calibration gives it at least this probability. */
	fromZero: number;
	trainedOn: number;
}

/** How many reply-level features `summary` gives. */
export const SUMMARY_SIZE = 10;

/** The reply-level features: each dimension's score (within ±4), whether it is above 0, below 0, and the length in words. */
export function summary(assessment: Pick<ReplyAssessment, Dimension>, words: number): number[] {
	const scores = DIMENSIONS.map((d) => assessment[d]);
	return [...scores.map((s) => Math.max(-4, Math.min(4, s))), ...scores.map((s) => (s > 0 ? 1 : 0)), ...scores.map((s) => (s < 0 ? 1 : 0)), Math.log1p(words)];
}

/** Each word's count in the reply and where it first appears. */
export function wordCounts(text: string): { counts: Map<string, { count: number; start: number; end: number }>; total: number } {
	const tokens = replyTokens(text);
	const counts = new Map<string, { count: number; start: number; end: number }>();
	for (const t of tokens) {
		const entry = counts.get(t.word);
		if (entry) entry.count++;
		else counts.set(t.word, { count: 1, start: t.start, end: t.end });
	}
	return { counts, total: tokens.length };
}

const indexes = new WeakMap<Calibration, Map<string, number>>();
function indexOf(calibration: Calibration): Map<string, number> {
	let index = indexes.get(calibration);
	if (!index) indexes.set(calibration, (index = new Map(calibration.words.map((w, i) => [w, i]))));
	return index;
}

/** Calibrates an assessment of `text` (the rules' and the word reading's) against the trainers' scores; see above. */
export function calibrate(assessment: ReplyAssessment, text: string, calibration: Calibration): ReplyAssessment {
	const index = indexOf(calibration);
	const { counts, total } = wordCounts(text);
	if (total < calibration.minWords) return assessment;
	const known: { word: number; value: number; start: number; end: number }[] = [];
	for (const [word, { count, start, end }] of counts) {
		const i = index.get(word);
		if (i !== undefined) known.push({ word: i, value: (calibration.share * count) / total, start, end });
	}
	const features = summary(assessment, total).map((x, k) => (x - calibration.mean[k]) / calibration.spread[k]);
	const added: Evidence[] = [];
	const next = { ...assessment };
	for (const dimension of DIMENSIONS) {
		// A dimension an author's cue scored is left as the author wrote it.
		if (assessment.evidence.some((e) => e.dimension === dimension && e.weight !== 0 && e.feature === 'cue')) continue;
		const w = calibration.weights[dimension];
		const z = [w[0], w[1], w[2]];
		features.forEach((x, k) => {
			for (let c = 0; c < 3; c++) z[c] += x * w[(1 + k) * 3 + c];
		});
		for (const { word, value } of known) for (let c = 0; c < 3; c++) z[c] += value * w[(1 + SUMMARY_SIZE + word) * 3 + c];
		const top = Math.max(...z);
		const odds = z.map((v) => Math.exp((v - top) / calibration.scale));
		const best = z.indexOf(top);
		const probability = odds[best] / (odds[0] + odds[1] + odds[2]);
		const now = Math.sign(assessment[dimension]);
		const wanted = CLASSES[best];
		// Turned round only on a majority: "against empathy about 36 times in 100, so −1" would not convince a trainee.
		if (now === 0 ? wanted === 0 || probability < calibration.fromZero : wanted !== -now || probability <= 0.5) continue;
		// The words that pulled most from the rules' sign towards this one; without one, it does not move.
		const pulls = known
			.map((k) => ({ ...k, pull: k.value * (w[(1 + SUMMARY_SIZE + k.word) * 3 + best] - w[(1 + SUMMARY_SIZE + k.word) * 3 + now + 1]) }))
			.filter((p) => p.pull > 0)
			.sort((a, b) => b.pull - a.pull || a.start - b.start)
			.slice(0, 3);
		if (pulls.length === 0) continue;
		const quoted = pulls.map((p) => `"${text.slice(p.start, p.end)}"`).join(', ');
		const counted = assessment.evidence.reduce((sum, e) => sum + (e.dimension === dimension ? e.weight : 0), 0);
		next[dimension] = wanted;
		added.push({
			phrase: text.slice(pulls[0].start, pulls[0].end),
			start: pulls[0].start,
			end: pulls[0].end,
			dimension,
			weight: wanted - counted,
			feature: 'calibration',
			reason:
				`Trainers scored replies like this one (worded with ${quoted}, and scored as above) ${VERDICT[wanted]} ${LABEL[dimension]} ` +
				`about ${Math.round(probability * 100)} times in 100, in ${calibration.trainedOn.toLocaleString('en-GB')} labelled replies, ` +
				`so ${LABEL[dimension]} comes to ${wanted > 0 ? '+1' : '−1'}.`
		});
	}
	return withReadings(assessment, next, added);
}
