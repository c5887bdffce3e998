import { describe, expect, it } from 'vitest';
import { collectFindings, scoreReply, settleFindings, type ReplyAssessment } from '../../src/lib/core/rubric';
import { calibrate, SUMMARY_SIZE, wordCounts, type Calibration } from '../../src/lib/core/rubric-calibration';
import { CALIBRATION } from '../../src/lib/core/rubric-calibration-model';
import { loadSets } from '../bench/rubric-sets';
import { DIMENSIONS, type Dimension } from '../../src/lib/core/types';

type Weights = Partial<Record<Dimension, [number, number, number]>>;

/** A hand-made calibration: each word's weights (−, 0, +) per dimension, an intercept; the rules' scores weigh nothing. */
function calibration(words: Record<string, Weights>, intercept: Weights = {}, options: Partial<Calibration> = {}): Calibration {
	const list = Object.keys(words);
	const per = (d: Dimension) => [...(intercept[d] ?? [0, 0, 0]), ...Array(3 * SUMMARY_SIZE).fill(0), ...list.flatMap((w) => words[w][d] ?? [0, 0, 0])];
	return {
		words: list,
		mean: Array(SUMMARY_SIZE).fill(0),
		spread: Array(SUMMARY_SIZE).fill(1),
		weights: { empathy: per('empathy'), flexibility: per('flexibility'), ownership: per('ownership') },
		scale: 1,
		share: 10,
		minWords: 0,
		fromZero: 0.9,
		trainedOn: 4321,
		...options
	};
}

const CUSTOMER = { customer: 'Morgan Ellery' };
const rulesOnly = (reply: string, context = {}) => settleFindings(collectFindings(reply, { ...CUSTOMER, ...context }), {});
const evidenceSum = (a: ReplyAssessment, d: Dimension) => a.evidence.filter((e) => e.dimension === d).reduce((s, e) => s + e.weight, 0);

describe('the calibration against trainers\' scores', () => {
	const sorry = "I'm so sorry, Morgan, what a week you've had. Tough.";

	it('turns a sign round where trainers scored replies like it the other way, naming the words, and the evidence adds up', () => {
		const rules = rulesOnly(sorry);
		expect(rules.empathy).toBeGreaterThan(0);
		const read = calibrate(rules, sorry, calibration({ tough: { empathy: [3, 0, -3] } }));
		expect(read.empathy).toBe(-1);
		const moved = read.evidence.find((e) => e.feature === 'calibration')!;
		expect(moved).toMatchObject({ dimension: 'empathy', phrase: 'Tough', start: sorry.indexOf('Tough') });
		expect(moved.reason).toContain('"Tough"');
		expect(moved.reason).toContain('4,321 labelled replies');
		expect(evidenceSum(read, 'empathy')).toBe(-1);
		expect(read.mood).toBeLessThan(rules.mood);
		// The rules' own evidence stays where the trainee can see it.
		for (const e of rules.evidence) expect(read.evidence).toContainEqual(e);
	});

	it('turns a sign round only where trainers scored replies like it the other way more often than not', () => {
		const rules = rulesOnly(sorry);
		// "tough" is 1/10 of the words, × 10: its weights are the logits. 0 leads both signs:
		expect(calibrate(rules, sorry, calibration({ tough: { empathy: [0.3, 0.6, 0] } }))).toEqual(rules);
		// − leads, but at 0.41 it is no majority:
		expect(calibrate(rules, sorry, calibration({ tough: { empathy: [0.5, 0.3, 0] } }))).toEqual(rules);
		// − at 0.79:
		const turned = calibrate(rules, sorry, calibration({ tough: { empathy: [2, 0, 0] } }));
		expect(turned.empathy).toBe(-1);
		expect(turned.evidence.find((e) => e.feature === 'calibration')!.reason).toContain('about 79 times in 100');
	});

	it('never sets a scored dimension to 0, however sure', () => {
		const rules = rulesOnly(sorry);
		expect(calibrate(rules, sorry, calibration({ tough: { empathy: [0, 9, 0] } }))).toEqual(rules);
	});

	it('gives a sign where the rules found none only when at least fromZero sure', () => {
		const reply = 'The van comes on Tuesdays.';
		const rules = rulesOnly(reply);
		expect(rules.ownership).toBe(0);
		const sure = calibrate(rules, reply, calibration({ van: { ownership: [0, 0, 2] } }));
		expect(sure.ownership).toBe(1);
		expect(sure.evidence.find((e) => e.feature === 'calibration')).toMatchObject({ dimension: 'ownership', phrase: 'van', weight: 1 });
		expect(sure.evidence.find((e) => e.feature === 'calibration')!.reason).toMatch(/about 9\d times in 100/);
		// 10 × 0.5 / 5 words = 1 logit for +: about 0.58, below 0.9.
		expect(calibrate(rules, reply, calibration({ van: { ownership: [0, 0, 0.5] } }))).toEqual(rules);
	});

	it('does not move a score without a word of the reply behind the move', () => {
		const rules = rulesOnly(sorry);
		expect(calibrate(rules, sorry, calibration({}, { empathy: [9, 0, -9] }))).toEqual(rules);
		// A word that pulls the other way is no reason either.
		expect(calibrate(rules, sorry, calibration({ tough: { empathy: [0, 0, 1] } }, { empathy: [9, 0, -9] }))).toEqual(rules);
	});

	it('leaves replies shorter than minWords to the rules', () => {
		const rules = rulesOnly(sorry);
		const strong = calibration({ tough: { empathy: [3, 0, -3] } });
		expect(calibrate(rules, sorry, { ...strong, minWords: 10 }).empathy).toBe(-1);
		expect(calibrate(rules, sorry, { ...strong, minWords: 11 })).toEqual(rules);
	});

	it('leaves a dimension an author\'s cue scored as the author wrote it', () => {
		const context = { cues: [{ kind: 'look-for' as const, phrases: ['what a week'], effects: { empathy: 1 }, line: 3 }] };
		const rules = rulesOnly(sorry, context);
		expect(rules.empathy).toBeGreaterThan(0);
		expect(calibrate(rules, sorry, calibration({ tough: { empathy: [9, 0, -9] } }))).toEqual(rules);
	});

	it('counts each word once per place, lower-cased, from where it first appears', () => {
		const { counts, total } = wordCounts('Sorry, SORRY! Zoë’s here.');
		expect(total).toBe(5);
		expect(counts.get('sorry')).toEqual({ count: 2, start: 0, end: 5 });
		expect(counts.get("zoë's")).toMatchObject({ count: 1 });
	});
});

describe('the shipped calibration', () => {
	it('knows only words it was trained on, with three weights each per dimension', () => {
		const seen = new Set(loadSets().flatMap((set) => set.items.flatMap((item) => [...wordCounts(item.reply).counts.keys()])));
		for (const word of CALIBRATION.words) expect(seen.has(word), word).toBe(true);
		// Function words, greetings and titles are not weighed: a move explained by "and" or "Mr" would explain nothing.
		for (const word of ['the', 'and', 'i', 'you', 'we', 'it', 'hi', 'mr', 'ms']) expect(CALIBRATION.words).not.toContain(word);
		for (const d of DIMENSIONS) expect(CALIBRATION.weights[d]).toHaveLength(3 * (1 + SUMMARY_SIZE + CALIBRATION.words.length));
	});

	it.each([
		['One moment.', { empathy: 0 }],
		['OK, let me check.', { empathy: 0 }],
		['Sure.', { empathy: 0 }],
		['I\'m so sorry, Morgan, that sounds like an awful week.', { empathy: 1 }],
		['That must have been really frightening for you, Morgan.', { empathy: 1 }],
		['I\'ll ring you back by five today with the answer.', { ownership: 1 }]
	])('leaves short replies to the rules: %s', (reply, expected) => {
		const a = scoreReply(reply, CUSTOMER);
		for (const [d, sign] of Object.entries(expected)) expect(Math.sign(a[d as Dimension]), d).toBe(sign);
		expect(a.evidence.filter((e) => e.feature === 'calibration')).toEqual([]);
	});

	const RETURN = { customer: 'Dana Whitfield', policy: 'Refunds within 14 days with a receipt.', customerLine: 'I lost the receipt and it broke after a week!' };
	it.each([
		"I understand how stressful moving house can be, Dana. I have waived the fee for you today, and I'll email you the confirmation this afternoon.",
		"I'm really sorry it broke after only a week, Dana, that's so annoying. I'll refund it now without the receipt, and you'll see it on your card by Friday.",
		"Oh no, Dana, a week is nowhere near long enough. Don't worry about the receipt, I can find the sale on your card and I'll sort the refund myself today.",
		"That's really disappointing, I'm sorry. Bring it in whenever suits you, no receipt needed, and I'll make sure the refund goes through while you wait."
	])('does not read warm replies that solve the problem as cold: %s', (reply) => {
		const a = scoreReply(reply, RETURN);
		for (const d of DIMENSIONS) expect(a[d], d).toBeGreaterThan(0);
	});

	it('still reads a form letter as cold', () => {
		const a = scoreReply('We regret any inconvenience caused and thank you for your patience while we look into your request. A member of the team will be in touch in due course.', RETURN);
		expect(a.empathy).toBeLessThan(0);
		expect(a.ownership).toBeLessThan(0);
	});
});
