import type { Evidence, ReplyAssessment, ReplyContext } from './rubric.ts';
import { normalise, remembered } from './rubric-names.ts';
import { DIMENSIONS, type Dimension } from './types.ts';

/*
 * The rubric's second reading: the reply's wording as a whole. The phrase
 * rules find what they were written for; replies worded in ways no rule lists
 * ("Lake's shut today.", "slugs happen") slip past them. A small linear model,
 * trained on the labelled replies (rubric-learn.ts, trainWordModel), reads the
 * rules' verdict (the sign, the features that counted) together with the
 * reply's words and word pairs, and where it reads another sign it says so
 * as one more piece of evidence: the words that moved it, and why. It also
 * weighs what the reply does with what it answers (contextTerms): the
 * customer's own words picked up or not, the rule's wording repeated. The points
 * from the rules stay visible; the reading can set a dimension the rules
 * scored to 0, or give a sign where they found nothing, never turn + into −.
 */

/** Classes in weight order: a dimension's −, 0, +. */
export const CLASSES = [-1, 0, 1] as const;

export interface WordModel {
	/**
	 * The terms the model weighs: `w:word`, `b:word_word`, the rules' sign `s:+`, each feature that counted,
	 * `f:<rubric feature>`, and what the reply does with its context, `c:…` (CONTEXT_SAYS).
	 */
	terms: readonly string[];
	/** Per dimension, three integers per term (−, 0, +), in units of 1/`scale`. */
	weights: Readonly<Record<Dimension, readonly number[]>>;
	scale: number;
	/** How many labelled replies it was trained on (quoted in its reasons). */
	trainedOn: number;
	/** How far (in weight units) the model's sign must lead the rules' sign, at least, before it moves them (a tie never moves them). */
	margin: number;
}

/** A word or word pair in the reply, where it is. */
export interface WordTerm {
	term: string;
	start: number;
	end: number;
}

/*
 * The shipped model is stored compactly (it travels in the player's rubric chunk and the studio's checker):
 * terms as one string, a word bare and a pair as "word_word" (tokens hold neither ':' nor '_'), and each
 * dimension's weights as one character per weight, offset by WEIGHT_ZERO.
 */
const WEIGHT_ZERO = 77;

export function packTerms(terms: readonly string[]): string {
	return terms.map((t) => (t.startsWith('w:') || t.startsWith('b:') ? t.slice(2) : t)).join('|');
}

export function unpackTerms(packed: string): string[] {
	return packed === '' ? [] : packed.split('|').map((t) => (t.includes(':') ? t : t.includes('_') ? `b:${t}` : `w:${t}`));
}

export function packWeights(weights: readonly number[]): string {
	return String.fromCharCode(...weights.map((w) => {
		if (!Number.isInteger(w) || Math.abs(w) > 45) throw new Error(`A word-model weight of ${w} does not fit one character.`);
		return WEIGHT_ZERO + w;
	}));
}

export function unpackWeights(packed: string): number[] {
	return Array.from(packed, (c) => c.charCodeAt(0) - WEIGHT_ZERO);
}

const TOKEN = /[\p{L}\p{N}£']+|[?!]/gu;

/** The reply's words (and ? and !) in order, lower-cased, with their offsets in the reply. */
export function replyTokens(text: string, lower = normalise(text)): { word: string; start: number; end: number }[] {
	const tokens: { word: string; start: number; end: number }[] = [];
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
		const word = match[0].replace(/^'+|'+$/g, '');
		if (word) tokens.push({ word, start: match.index, end: match.index + match[0].length });
	}
	return tokens;
}

/** The reply's words and adjacent word pairs, lower-cased, with their offsets in the reply (each term once, first place). */
export function replyTerms(text: string): WordTerm[] {
	const tokens = replyTokens(text);
	const terms: WordTerm[] = [];
	const seen = new Set<string>();
	const add = (term: string, start: number, end: number) => {
		if (seen.has(term)) return;
		seen.add(term);
		terms.push({ term, start, end });
	};
	tokens.forEach((token, i) => {
		add(`w:${token.word}`, token.start, token.end);
		const next = tokens[i + 1];
		if (next) add(`b:${token.word}_${next.word}`, token.start, next.end);
	});
	return terms;
}

/** Everything the model weighs for one dimension of one reply: the words, then the rules' verdict. */
export function modelTerms(words: readonly WordTerm[], assessment: ReplyAssessment, dimension: Dimension): string[] {
	return [...words.map((w) => w.term), ...verdictTerms(assessment, dimension)];
}

/** The rules' verdict on a dimension, as terms: its sign and each feature that counted. */
function verdictTerms(assessment: ReplyAssessment, dimension: Dimension): string[] {
	const value = assessment[dimension];
	const terms = [`s:${value > 0 ? '+' : value < 0 ? '-' : '0'}`];
	for (const e of assessment.evidence) if (e.dimension === dimension && e.weight !== 0 && e.feature) terms.push(`f:${e.feature}`);
	return terms;
}

/*
 * What the reply does with what it answers. A reply that picks up the customer's own words has heard them; one
 * that picks up none of a long complaint may not have; one that repeats the rule's wording tends to hide behind
 * it. Words compare by their first five letters ("charged" and "charges" are one word here); short and common words
 * do not count.
 */
const CONTEXT_SAYS: Record<string, string> = {
	'c:their-words': "it picks up the customer's own words",
	'c:none-of-their-words': "it picks up none of the customer's words",
	'c:rule-words': "it repeats the rule's own wording"
};

const COMMON = new Set(
	'that this these those with from your yours have will been they them their there what when where which would could should about just only also very really please thanks thank sorry here into than then were does done make made know take sure okay today hello dear best regards kind'.split(' ')
);

interface Token {
	stem: string;
	start: number;
	end: number;
}

/** A token without the apostrophes around it (most have none: checked before the expression runs, on every token). */
const trimQuotes = (token: string) => (token.charCodeAt(0) === 39 || token.charCodeAt(token.length - 1) === 39 ? token.replace(/^'+|'+$/g, '') : token);

/** The words of a text that carry its subject, by stem, with their offsets. */
function contentWords(lower: string): Token[] {
	const out: Token[] = [];
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
		let word = trimQuotes(match[0]);
		if (word.endsWith("'s")) word = word.slice(0, -2);
		if (word.length < 4 || COMMON.has(word) || /^\d+$/.test(word)) continue;
		out.push({ stem: word.slice(0, 5), start: match.index, end: match.index + match[0].length });
	}
	return out;
}

const lineCache = new Map<string, Set<string>>();
const ruleCache = new Map<string, Set<string>>();

/** The customer's subject words, their name left out. */
const lineStems = (line: string, customer: string) =>
	remembered(lineCache, `${customer}\n${line}`, () => {
		const name = new Set(contentWords(normalise(customer)).map((t) => t.stem));
		return new Set(contentWords(normalise(line)).map((t) => t.stem).filter((s) => !name.has(s)));
	});

const ruleStems = (policy: string) => remembered(ruleCache, policy, () => new Set(contentWords(normalise(policy)).map((t) => t.stem)));

/** What the reply does with its context, as terms (`c:…`), each where it shows in the reply (an empty span where nothing does). */
export function contextTerms(text: string, context: Pick<ReplyContext, 'customer' | 'policy' | 'customerLine'>, lower = normalise(text)): WordTerm[] {
	if (!context.customerLine && !context.policy) return [];
	const words = contentWords(lower);
	const terms: WordTerm[] = [];
	if (context.customerLine) {
		const theirs = lineStems(context.customerLine, context.customer ?? '');
		const shared = words.filter((w) => theirs.has(w.stem));
		// Two of their words at least (one is often the product or the shop's name).
		if (new Set(shared.map((w) => w.stem)).size >= 2) terms.push({ term: 'c:their-words', start: shared[0].start, end: shared[0].end });
		else if (shared.length === 0 && theirs.size >= 3) terms.push({ term: 'c:none-of-their-words', start: 0, end: 0 });
	}
	if (context.policy) {
		const rule = ruleStems(context.policy);
		// The longest run of the reply's subject words that are all the rule's.
		let best = { length: 0, from: 0, to: 0 };
		let length = 0;
		words.forEach((w, i) => {
			length = rule.has(w.stem) ? length + 1 : 0;
			if (length > best.length) best = { length, from: i - length + 1, to: i };
		});
		const share = words.length ? words.filter((w) => rule.has(w.stem)).length / words.length : 0;
		if (best.length >= 3 || (words.length >= 2 && share >= 0.5)) terms.push({ term: 'c:rule-words', start: words[best.from].start, end: words[best.to].end });
	}
	return terms;
}

/** A model's terms, indexed for reading: words by id, pairs by their two ids, the rest by name. */
interface Lookup {
	index: Map<string, number>;
	wordIds: Map<string, number>;
	/** Per word id, the term index of the word on its own, or −1. */
	single: number[];
	/** Per pair of word ids (first × PAIR_SPAN + second), the term index of the pair. */
	pairs: Map<number, number>;
}

const PAIR_SPAN = 1 << 20;
const lookups = new WeakMap<WordModel, Lookup>();

function lookupOf(model: WordModel): Lookup {
	let lookup = lookups.get(model);
	if (lookup) return lookup;
	const index = new Map(model.terms.map((term, i) => [term, i]));
	const wordIds = new Map<string, number>();
	const single: number[] = [];
	const pairs = new Map<number, number>();
	const idOf = (word: string) => {
		let id = wordIds.get(word);
		if (id === undefined) {
			id = wordIds.size;
			wordIds.set(word, id);
			single.push(-1);
		}
		return id;
	};
	model.terms.forEach((term, i) => {
		if (term.startsWith('w:')) single[idOf(term.slice(2))] = i;
		else if (term.startsWith('b:')) {
			const [first, second] = term.slice(2).split('_');
			pairs.set(idOf(first) * PAIR_SPAN + idOf(second), i);
		}
	});
	lookup = { index, wordIds, single, pairs };
	lookups.set(model, lookup);
	return lookup;
}

/** A term of the model found in the reply: its index, and where it first is. */
interface Found {
	term: number;
	start: number;
	end: number;
}

/**
 * The model's word and pair terms in a reply, each once, at its first place: what `replyTerms` gives, filtered to
 * the model's vocabulary, without building a string per pair (scoring stays fast).
 */
export function knownTerms(model: WordModel, text: string, lower = normalise(text)): Found[] {
	const { wordIds, single, pairs } = lookupOf(model);
	const found: Found[] = [];
	const seen = new Set<number>();
	const add = (term: number | undefined, start: number, end: number) => {
		if (term === undefined || term < 0 || seen.has(term)) return;
		seen.add(term);
		found.push({ term, start, end });
	};
	let previous = -1;
	let previousStart = 0;
	TOKEN.lastIndex = 0;
	for (let match = TOKEN.exec(lower); match; match = TOKEN.exec(lower)) {
		const word = trimQuotes(match[0]);
		if (!word) continue;
		const start = match.index;
		const end = start + match[0].length;
		const id = wordIds.get(word) ?? -1;
		if (previous >= 0 && id >= 0) add(pairs.get(previous * PAIR_SPAN + id), previousStart, end);
		if (id >= 0) add(single[id], start, end);
		previous = id;
		previousStart = start;
	}
	return found;
}

/** The model's logits (−, 0, +) for a dimension: the words found, then the rules' verdict (indices into `model.terms`). */
function logits(model: WordModel, words: readonly Found[], verdict: readonly number[], dimension: Dimension): [number, number, number] {
	const w = model.weights[dimension];
	const z: [number, number, number] = [0, 0, 0];
	const add = (i: number) => {
		z[0] += w[i * 3];
		z[1] += w[i * 3 + 1];
		z[2] += w[i * 3 + 2];
	};
	for (const word of words) add(word.term);
	for (const i of verdict) add(i);
	return z;
}

export const LABEL: Record<Dimension, string> = { empathy: 'empathy', flexibility: 'policy flexibility', ownership: 'ownership' };
export const VERDICT = { [-1]: 'against', 0: 'neither for nor against', 1: 'for' } as Record<number, string>;

/**
 * The reply read as a whole: where the model gives a dimension another sign
 * than the phrase rules did (0 where they gave a sign, a sign where they gave 0),
 * one piece of evidence moves it there, naming the words that weighed most. A dimension an author's cue scored is
 * left as the author wrote it. Only for replies the rules scored (not empty, English).
 */
export function readWhole(assessment: ReplyAssessment, text: string, model: WordModel, context?: ReplyContext): ReplyAssessment {
	const { index } = lookupOf(model);
	// The words (and what the reply does with its context) are the same for every dimension: found once.
	const lower = normalise(text);
	const words = knownTerms(model, text, lower);
	if (context) {
		for (const found of contextTerms(text, context, lower)) {
			const term = index.get(found.term);
			if (term !== undefined) words.push({ term, start: found.start, end: found.end });
		}
	}
	const added: Evidence[] = [];
	const next = { ...assessment };
	for (const dimension of DIMENSIONS) {
		if (assessment.evidence.some((e) => e.dimension === dimension && e.weight !== 0 && e.feature === 'cue')) continue;
		const verdict: number[] = [];
		for (const term of verdictTerms(assessment, dimension)) {
			const i = index.get(term);
			if (i !== undefined) verdict.push(i);
		}
		const z = logits(model, words, verdict, dimension);
		const best = z.indexOf(Math.max(...z));
		const now = Math.sign(assessment[dimension]);
		const wanted = CLASSES[best];
		// Never + for − or − for +: turned round, the rules' phrases would be read against what they say
		// ("I understand how worrying a frozen card is, but…" as hostile); the reading can only neutralise them or speak where they are silent.
		if (wanted === now || wanted === -now || z[best] - z[now + 1] <= model.margin) continue;
		// The words that pulled most from the rules' sign towards this one.
		const from = now + 1;
		const w = model.weights[dimension];
		const pulls = words
			.map((word) => ({ word, pull: w[word.term * 3 + best] - w[word.term * 3 + from] }))
			.filter((p) => p.pull > 0)
			.sort((a, b) => b.pull - a.pull || a.word.start - b.word.start)
			.slice(0, 3);
		// A reading with no word of the reply behind it would only be the rules' own verdict weighed again: the
		// customer is told which words moved the score, or it does not move.
		if (pulls.length === 0) continue;
		// Words the rules read in their clause are not read again against them: a reading that would cancel a rule's
		// verdict only with words inside that rule's own phrase ("The lost tag will be in tomorrow's post": "will be")
		// weighs the same words twice, without the clause around them.
		if (wanted === 0 && pulls.every((p) => p.word.end > p.word.start && assessment.evidence.some((e) => e.dimension === dimension && Math.sign(e.weight) === now && e.start <= p.word.start && p.word.end <= e.end))) continue;
		const lead = pulls.find((p) => p.word.end > p.word.start)?.word ?? { start: 0, end: text.trimEnd().length };
		const said = pulls.map((p) => CONTEXT_SAYS[model.terms[p.word.term]]).filter(Boolean);
		const quoted = pulls
			.filter((p) => !CONTEXT_SAYS[model.terms[p.word.term]])
			.map((p) => `"${text.slice(p.word.start, p.word.end)}"`)
			.join(', ');
		const why = [quoted && `words like ${quoted}`, ...said].filter(Boolean).join('; ');
		// Evidence adds up to the score: the reading makes up the difference from the rules' own (unclamped) sum.
		const counted = assessment.evidence.reduce((sum, e) => sum + (e.dimension === dimension ? e.weight : 0), 0);
		const weight = wanted - counted;
		next[dimension] = wanted;
		added.push({
			phrase: text.slice(lead.start, lead.end),
			start: lead.start,
			end: lead.end,
			dimension,
			weight,
			feature: 'word-reading',
			reason:
				`Read as a whole${why ? ` (${why})` : ''}, this reply is worded the way trainers scored ${VERDICT[wanted]} ${LABEL[dimension]} ` +
				`in ${model.trainedOn.toLocaleString('en-GB')} labelled replies, so ${LABEL[dimension]} comes to ${wanted > 0 ? '+1' : wanted < 0 ? '−1' : '0'}.`
		});
	}
	return withReadings(assessment, next, added);
}

/** An assessment with a later reading's scores and evidence: the mood follows the scores it moved. */
export function withReadings(assessment: ReplyAssessment, next: Pick<ReplyAssessment, Dimension>, added: Evidence[]): ReplyAssessment {
	if (added.length === 0) return assessment;
	const mood = Math.min(100, Math.max(-100, assessment.mood + 6 * (next.empathy - assessment.empathy) + 4 * (next.ownership - assessment.ownership) + 4 * (next.flexibility - assessment.flexibility)));
	const evidence = [...assessment.evidence, ...added].sort((a, b) => a.start - b.start);
	return { ...assessment, ...next, mood, evidence, notes: assessment.notes };
}
