import { describe, expect, it } from 'vitest';
import { assessFindings, collectFindings, scoreReply, settleFindings, type ReplyAssessment } from '../../src/lib/core/rubric';
import { trainWordModel, type LabelledSet } from '../../src/lib/core/rubric-learn';
import { contextTerms, knownTerms, packTerms, packWeights, readWhole, replyTerms, unpackTerms, unpackWeights, type WordModel } from '../../src/lib/core/rubric-words';
import { WORD_MODEL } from '../../src/lib/core/rubric-word-model';
import { loadAuthorSets } from '../bench/rubric-sets';
import { DIMENSIONS } from '../../src/lib/core/types';

/** A hand-made model: each term's weights (−, 0, +) per dimension; terms not given weigh nothing. */
function model(weights: Record<string, Partial<Record<'empathy' | 'flexibility' | 'ownership', [number, number, number]>>>, margin = 0): WordModel {
	const terms = Object.keys(weights);
	const per = (d: 'empathy' | 'flexibility' | 'ownership') => terms.flatMap((t) => weights[t][d] ?? [0, 0, 0]);
	return { terms, weights: { empathy: per('empathy'), flexibility: per('flexibility'), ownership: per('ownership') }, scale: 20, trainedOn: 1234, margin };
}

const CUSTOMER = { customer: 'Morgan Ellery' };
const rulesOnly = (reply: string, context = {}) => settleFindings(collectFindings(reply, { ...CUSTOMER, ...context }), {});
const evidenceSum = (a: ReplyAssessment, d: 'empathy' | 'flexibility' | 'ownership') => a.evidence.filter((e) => e.dimension === d).reduce((s, e) => s + e.weight, 0);

describe('the reply\'s words and word pairs', () => {
	it('lists each word and each adjacent pair once, lower-cased, at its first place in the reply', () => {
		const text = 'Lake’s SHUT today. Shut!';
		const terms = replyTerms(text);
		expect(terms.map((t) => t.term)).toEqual(["w:lake's", "b:lake's_shut", 'w:shut', 'b:shut_today', 'w:today', 'b:today_shut', 'b:shut_!', 'w:!']);
		for (const t of terms) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
		expect(text.slice(terms[1].start, terms[1].end)).toBe('Lake’s SHUT');
	});

	it('keeps letters beyond ASCII whole', () => {
		expect(replyTerms('Zoë, ça va?').map((t) => t.term)).toEqual(['w:zoë', 'b:zoë_ça', 'w:ça', 'b:ça_va', 'w:va', 'b:va_?', 'w:?']);
	});
});

describe('finding the model\'s terms in a reply', () => {
	it('finds exactly the words and pairs the training read, at the same places, on every labelled reply', () => {
		const index = new Map(WORD_MODEL.terms.map((t, i) => [t, i]));
		for (const set of loadAuthorSets()) {
			for (const { reply } of set.items) {
				const expected = replyTerms(reply).flatMap((w) => (index.has(w.term) ? [{ term: index.get(w.term)!, start: w.start, end: w.end }] : []));
				expect(knownTerms(WORD_MODEL, reply), reply).toEqual(expected);
			}
		}
	});
});

describe('what the reply does with its context', () => {
	const line = 'My daughter broke her wrist at the rink and I want the lesson fees back for the term.';
	const terms = (reply: string, context: object) => contextTerms(reply, { customer: 'Ada Ng', ...context }).map((t) => ({ term: t.term, words: reply.slice(t.start, t.end) }));

	it("notes when the reply picks up two of the customer's own words (not their name), and when it picks up none", () => {
		expect(terms("Oh no, a broken wrist! I'll refund the lessons she misses.", { customerLine: line })).toEqual([{ term: 'c:their-words', words: 'broken' }]);
		expect(terms('Please see our terms and conditions.', { customerLine: line })).toEqual([{ term: 'c:none-of-their-words', words: '' }]);
		// One word in common is often only the product: neither.
		expect(terms('Fees are reviewed every month.', { customerLine: line })).toEqual([]);
		expect(terms('Ada, Ada Ng: noted.', { customerLine: 'Ada Ng here, Ada Ng again, please call back.' })).toEqual([{ term: 'c:none-of-their-words', words: '' }]);
		expect(terms('Anything at all.', {})).toEqual([]);
	});

	it("notes a reply that repeats the rule's wording, at the words it repeats", () => {
		const policy = 'Lesson fees are non-refundable once the term has started.';
		expect(terms('Sorry, lesson fees are non-refundable after the start.', { policy })).toEqual([{ term: 'c:rule-words', words: 'lesson fees are non-refundable' }]);
		expect(terms('I will ring the coach this afternoon.', { policy })).toEqual([]);
	});

	it('reads them like words, and says so in the reason', () => {
		// Worded differently from the policy, so the rules' policy-quote check does not see it.
		const reply = 'Blocks are paid for at the start, lessons included.';
		const context = { customer: 'Ada Ng', policy: 'Lessons run in blocks of ten, paid at the start of each block.' };
		const points = settleFindings(collectFindings(reply, context), {});
		expect(points.flexibility).toBe(0);
		const read = readWhole(points, reply, model({ 'c:rule-words': { flexibility: [30, 0, -30] } }), context);
		expect(read.flexibility).toBe(-1);
		const reading = read.evidence.find((e) => e.feature === 'word-reading');
		expect(reading?.phrase).toBe('Blocks are paid for at the start, lessons');
		expect(reading?.reason).toMatch(/^Read as a whole \(it repeats the rule's own wording\), /);
		// Without the context there is nothing to read.
		expect(readWhole(points, reply, model({ 'c:rule-words': { flexibility: [30, 0, -30] } })).flexibility).toBe(0);
	});
});

describe('reading the reply as a whole', () => {
	it('gives a sign where the rules found nothing, with the words that moved it and why', () => {
		const reply = 'Lake is shut today.';
		const points = rulesOnly(reply);
		expect(points.flexibility).toBe(0);
		const read = readWhole(points, reply, model({ 'w:shut': { flexibility: [30, 0, -30] } }));
		expect(read.flexibility).toBe(-1);
		const reading = read.evidence.find((e) => e.feature === 'word-reading');
		expect(reading).toMatchObject({ dimension: 'flexibility', weight: -1, phrase: 'shut', start: 8, end: 12 });
		expect(reading?.reason).toMatch(/"shut"/);
		expect(reading?.reason).toMatch(/against policy flexibility in 1,234 labelled replies, so policy flexibility comes to −1/);
		expect(read.mood).toBe(points.mood - 4);
	});

	it('does not move a score when no word of the reply pulls it: the rules\' own verdict is not weighed twice (round sixteen)', () => {
		const reply = 'My apologies, that should never have happened.';
		const points = rulesOnly(reply);
		expect(points.empathy).toBeGreaterThan(0);
		// The verdict alone pulls towards 0; the reply's words pull nowhere.
		const read = readWhole(points, reply, model({ 'f:apology': { empathy: [0, 40, -40] }, 'w:never': { empathy: [0, -1, 1] } }));
		expect(read.empathy).toBe(points.empathy);
		expect(read.evidence.filter((e) => e.feature === 'word-reading')).toEqual([]);
	});

	it("does not cancel a rule with words from the rule's own phrase, only with words outside it (round nineteen)", () => {
		const reply = 'I have waived the fee for you.';
		const points = rulesOnly(reply);
		expect(points.flexibility).toBeGreaterThan(0);
		const inside = readWhole(points, reply, model({ 'w:waived': { flexibility: [0, 40, -40] } }));
		expect(inside.flexibility).toBe(points.flexibility);
		const outside = readWhole(points, reply + ' Anyway.', model({ 'w:anyway': { flexibility: [0, 40, -40] } }));
		expect(outside.flexibility).toBe(0);
	});

	it('every word reading of a labelled reply names the words or what the reply does that moved it', () => {
		const unnamed: string[] = [];
		for (const set of loadAuthorSets()) {
			for (const item of set.items) {
				for (const e of scoreReply(item.reply, item.context).evidence) if (e.feature === 'word-reading' && !/^Read as a whole \(/.test(e.reason)) unnamed.push(item.id);
			}
		}
		expect(unnamed).toEqual([]);
	});

	it('can set a dimension the rules scored to 0, and the evidence still adds up to the score', () => {
		// (The pulling words lie outside the apology's own phrase: since round nineteen a rule is not cancelled with its own words.)
		const reply = "I'm so sorry, Morgan. Anyway, moving on.";
		const points = rulesOnly(reply);
		expect(points.empathy).toBeGreaterThan(0);
		const read = readWhole(points, reply, model({ 'b:moving_on': { empathy: [0, 40, -40] } }));
		expect(read.empathy).toBe(0);
		for (const d of DIMENSIONS) expect(Math.max(-3, Math.min(3, evidenceSum(read, d)))).toBe(read[d]);
	});

	it('never turns the rules\' + into − (or − into +)', () => {
		const reply = "I'm so sorry, Morgan.";
		const points = rulesOnly(reply);
		const read = readWhole(points, reply, model({ 'w:sorry': { empathy: [90, 0, -90] } }));
		expect(read).toEqual(points);
	});

	it('moves only when the model leads the rules\' sign by its margin', () => {
		const reply = 'Lake is shut today.';
		const points = rulesOnly(reply);
		const weights = { 'w:shut': { flexibility: [10, 0, -10] as [number, number, number] } };
		expect(readWhole(points, reply, model(weights, 10)).flexibility).toBe(0);
		expect(readWhole(points, reply, model(weights, 9)).flexibility).toBe(-1);
		// A tie is no reading: a model that knows none of the words moves nothing.
		expect(readWhole(points, reply, model({}, 0))).toEqual(points);
	});

	it('leaves a dimension an author\'s cue scored as the author wrote it', () => {
		const context = { ...CUSTOMER, cues: [{ kind: 'look-for' as const, phrases: ['shut'], effects: { flexibility: 1 }, line: 3 }] };
		const reply = 'Lake is shut today.';
		const points = settleFindings(collectFindings(reply, context), {});
		expect(points.flexibility).toBe(1);
		expect(readWhole(points, reply, model({ 'w:shut': { flexibility: [0, 50, -50] } })).flexibility).toBe(1);
	});

	it('does not read a reply the rules declined to score', () => {
		const collected = collectFindings("Je suis désolé, c'est fermé aujourd'hui.", CUSTOMER);
		expect(collected.unscored).toBe(true);
		const read = assessFindings(collected, "Je suis désolé, c'est fermé aujourd'hui.", {}, model({ 'w:fermé': { empathy: [50, 0, -50] } }));
		expect(read).toMatchObject({ empathy: 0, flexibility: 0, ownership: 0, evidence: [] });
	});

	it('is part of every shipped score, and every point of it has a phrase and a reason', () => {
		const result = scoreReply('Rides close sometimes. Nothing to be done.', { ...CUSTOMER, customerLine: 'The ride was shut all afternoon. I want my money back.' });
		for (const e of result.evidence) {
			expect(e.reason.length).toBeGreaterThan(20);
			expect(e.end).toBeGreaterThan(e.start);
		}
	});
});

describe('training the word model', () => {
	const reply = (text: string, e: '+' | '0' | '-') => ({ id: text, reply: text, context: { customer: 'Sam Reyes', customerLine: 'Can you help?' }, expected: { empathy: e, flexibility: '0' as const, ownership: '0' as const } });
	/** Five small sets: 'zorbly' marks a reply trainers scored − on empathy, in every set; 'quixel' appears in one set only. */
	const sets: LabelledSet[] = [0, 1, 2, 3, 4].map((n) => ({
		name: `set-${n}`,
		items: [
			reply(`Well that is zorbly, number ${n}.`, '-'),
			reply(`The parcel left the depot, number ${n}.`, '0'),
			reply(`Zorbly again, the order, number ${n}.`, '-'),
			reply(n === 0 ? 'A quixel reply about the order.' : `The order is on its way, number ${n}.`, '0')
		]
	}));

	it('learns a word that trainers scored the same way in several sets, and reads a new reply with it', () => {
		const trained = trainWordModel(sets, {});
		expect(trained.terms).toContain('w:zorbly');
		const text = 'That sounds zorbly to me.';
		const read = assessFindings(collectFindings(text, { customer: 'Sam Reyes' }), text, {}, trained);
		expect(read.empathy).toBe(-1);
		expect(read.evidence.find((e) => e.feature === 'word-reading')?.phrase).toBe('zorbly');
	});

	it('leaves out words fewer than three sets use and function words on their own; it weighs only words, pairs, the rules’ verdict and the context terms', () => {
		const trained = trainWordModel(sets, {});
		expect(trained.terms).not.toContain('w:quixel');
		expect(trained.terms).not.toContain('w:the');
		expect(trained.terms.every((t) => /^[wbsf]:|^c:(?:their-words|none-of-their-words|rule-words)$/.test(t))).toBe(true);
	});

	it('packs into the shipped form and back without loss', () => {
		const trained = trainWordModel(sets, {});
		expect(unpackTerms(packTerms(trained.terms))).toEqual(trained.terms);
		for (const d of DIMENSIONS) expect(unpackWeights(packWeights(trained.weights[d]))).toEqual(trained.weights[d]);
		expect(unpackTerms(packTerms(["w:can't", 'b:as_per', 's:-', 'f:flex-offer', 'c:rule-words', 'w:?']))).toEqual(["w:can't", 'b:as_per', 's:-', 'f:flex-offer', 'c:rule-words', 'w:?']);
		expect(() => packWeights([46])).toThrow(/does not fit/);
	});

	it('is deterministic: the same sets give the same model', () => {
		expect(trainWordModel(sets, {})).toEqual(trainWordModel(sets, {}));
	});
});
