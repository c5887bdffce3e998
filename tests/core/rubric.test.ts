import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreReply, type ReplyAssessment, type ReplyContext } from '../../src/lib/core/rubric';
import { RULES } from '../../src/lib/core/rubric-rules';
import { MAX_REPLY_CHARS, type Cue, type Effects, type Subject } from '../../src/lib/core/types';

const CUSTOMER = 'Dana Whitfield';
const SUBJECTS: Subject[] = ['empathy', 'flexibility', 'ownership', 'mood'];

/** Every reply scored in this file, so the evidence invariants are checked on all of them. */
const scored: { reply: string; context: ReplyContext; result: ReplyAssessment }[] = [];

function score(reply: string, extra: Partial<ReplyContext> = {}): ReplyAssessment {
	const context: ReplyContext = { customer: CUSTOMER, ...extra };
	const result = scoreReply(reply, context);
	scored.push({ reply, context, result });
	return result;
}

const positive = (result: ReplyAssessment, dimension: Subject) => result.evidence.filter((e) => e.dimension === dimension && e.weight > 0);
const negative = (result: ReplyAssessment, dimension: Subject) => result.evidence.filter((e) => e.dimension === dimension && e.weight < 0);

/** The hard invariants of every assessment; returns the broken ones (empty when all hold). */
function brokenInvariants(reply: string, result: ReplyAssessment): string[] {
	const broken: string[] = [];
	for (const d of ['empathy', 'flexibility', 'ownership'] as const) {
		if (!Number.isInteger(result[d]) || result[d] < -3 || result[d] > 3) broken.push(`${d} = ${result[d]}`);
	}
	if (!Number.isInteger(result.mood) || result.mood < -100 || result.mood > 100) broken.push(`mood = ${result.mood}`);
	if (!Array.isArray(result.notes) || result.notes.some((n) => typeof n !== 'string' || n.trim() === '')) broken.push('notes');
	for (const e of result.evidence) {
		const where = `evidence ${JSON.stringify(e)}`;
		if (!SUBJECTS.includes(e.dimension)) broken.push(`${where}: dimension`);
		if (!Number.isInteger(e.weight)) broken.push(`${where}: weight not an integer`);
		if (e.dimension !== 'mood' && Math.abs(e.weight) > 3) broken.push(`${where}: weight out of -3..3`);
		if (typeof e.reason !== 'string' || e.reason.trim() === '') broken.push(`${where}: empty reason`);
		if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > reply.length) {
			broken.push(`${where}: offsets`);
		}
		if (e.phrase !== '' && reply.slice(e.start, e.end) !== e.phrase) {
			broken.push(`${where}: reply.slice(start, end) is ${JSON.stringify(reply.slice(e.start, e.end))}`);
		}
	}
	return broken;
}

/** Reasons the rules give when a phrase counts; a zero weight must say why it earned nothing instead. */
const COUNTING_REASONS = new Set(RULES.filter((rule) => rule.weight !== 0).map((rule) => rule.reason));
const unexplainedZeros = (result: ReplyAssessment) =>
	result.evidence.filter((e) => e.weight === 0 && COUNTING_REASONS.has(e.reason)).map((e) => `${e.dimension} 0 "${e.phrase}": ${e.reason}`);

/** Realistic replies in three contexts, plus every reply the tests above scored (when they ran). */
const SAMPLES = [
	"I'm so sorry, Dana. I'll email you a prepaid label today.",
	"I'll call you back by 3pm with an update.",
	"I'm afraid it won't make it before Saturday.",
	"I'm sorry, Ms Whitfield, that sounds exhausting. Let me see what I can do.",
	'Our policy says 30 days, but what I can offer instead is store credit.',
	"You'll need to call the courier, it's their fault.",
	'Someone will get back to you within 48 hours.',
	"Rules are rules, I'm afraid. There's nothing I can do.",
	"Calm down. As I already said, that's not true.",
	'Oh great, another broken vase.',
	'I HAVE ALREADY TOLD YOU THIS THREE TIMES.',
	'Hi Diana, thanks for waiting. The ETA for BUG-4412 is Friday.',
	"I won't transfer you. I'll stay on the line while we sort this.",
	"Normally we can't refund sale items, but I can make an exception.",
	"Thank you for your patience. I understand why you're upset, and I'm going to book the engineer for tomorrow morning.",
	"I'm not sorry, you dropped it.",
	"I can't help with that, it's not my department.",
	'Please bear with me while I check, I can see why that would be worrying.',
	'Leave it with me, I’ll chase the warehouse this afternoon.',
	'That’s the warehouse’s problem, not mine.'
];
const SAMPLE_CONTEXTS: ReplyContext[] = [
	{ customer: CUSTOMER },
	{ customer: CUSTOMER, customerLine: 'Will it arrive before Saturday?', previousReplies: ["I'm so sorry, Dana."] },
	{ customer: CUSTOMER, cues: [{ kind: 'look-for', phrases: ['prepaid label', 'store credit'], effects: { ownership: 2, mood: 5 }, line: 4 }] }
];
const corpus = () => [
	...SAMPLES.flatMap((reply) => SAMPLE_CONTEXTS.map((context) => ({ reply, context, result: scoreReply(reply, context) }))),
	...scored
];

beforeAll(() => {
	// Compile the rule expressions once, so per-reply timings measure scoring, not start-up.
	scoreReply("I'm so sorry, Dana. I'll email you a label today, but policy says 30 days. Hi Karen, ETA?", {
		customer: CUSTOMER,
		customerLine: 'When will it come?',
		previousReplies: ['Thanks for waiting.'],
		cues: [{ kind: 'look-for', phrases: ['label'], effects: { ownership: 1 }, line: 1 }]
	});
});

describe('empathy: what raises it', () => {
	it.each([
		"I'm sorry your order arrived damaged.",
		"I'm so sorry about the mix-up with your booking.",
		'I apologise for the wait on the phone today.',
		'My apologies, that should never have happened.'
	])('counts an apology as empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		expect(positive(result, 'empathy').some((e) => /sorry|apolog/i.test(e.phrase))).toBe(true);
	});

	it.each([
		'That sounds exhausting, three calls in one week.',
		'That must be really frustrating after waiting all morning.',
		"I understand why you're upset about the charge.",
		'I can see why that would be worrying.'
	])('counts acknowledging the feeling as empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		expect(positive(result, 'empathy').length).toBeGreaterThan(0);
	});

	it.each([
		["Dana, I've found your order.", 'Dana'],
		['Hi Dana, I have found your booking.', 'Dana'],
		['Thanks for holding, Ms Whitfield.', 'Whitfield'],
		['Good afternoon Ms Whitfield, your refund has gone through.', 'Whitfield']
	])("counts the customer's name spelled right as empathy: %s", (reply, name) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		const named = positive(result, 'empathy').find((e) => e.phrase === name);
		expect(named, JSON.stringify(result.evidence)).toBeDefined();
		expect(named!.reason).toMatch(/name/i);
	});

	// The guide: a bare please or thanks is neutral and businesslike (0), neither warm nor cold: it fits any
	// customer. Sympathy in words that fit this one is what counts.
	it.each(['Please bear with me while I check.', 'Thanks, I have everything I need.', 'Thank you for waiting.'])('counts a bare please or thanks as neutral on empathy: %s', (reply) => {
		expect(score(reply).empathy).toBe(0);
	});

	it('says why thanks alone earn nothing', () => {
		const thanks = score('Thank you for waiting.').evidence.find((e) => e.feature === 'thanks');
		expect(thanks?.weight).toBe(0);
		expect(thanks?.reason).toMatch(/understand their situation/);
		expect(score('Thank you for waiting, I know how stressful a missed delivery is.').empathy).toBeGreaterThan(0);
	});
});

describe('empathy: what lowers it', () => {
	it.each([
		"Calm down, it's only a parcel.",
		'You need to calm down and listen.',
		'You should have read the delivery terms.',
		'As I already said, the refund takes five days.',
		"That's not true, we never received it."
	])('counts dismissive words against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(negative(result, 'empathy').length).toBeGreaterThan(0);
	});

	it.each([
		'Oh great, another broken vase.',
		'Oh wonderful, a complaint about the soup.',
		'Yeah right, the parcel just vanished.',
		'What a surprise, the printer is broken again.'
	])('counts sarcasm against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(negative(result, 'empathy').some((e) => /sarcasm/i.test(e.reason))).toBe(true);
	});

	it.each(['I HAVE ALREADY TOLD YOU THIS THREE TIMES.', 'WE DO NOT ISSUE REFUNDS ON SALE ITEMS', 'PLEASE STOP CALLING THIS NUMBER.'])(
		'counts shouting in capitals against empathy: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(negative(result, 'empathy').some((e) => /capital|shout/i.test(e.reason))).toBe(true);
		}
	);

	it.each([
		'The ETA for your parcel is Friday.',
		'Ticket BUG-4412 is fixed and the patch goes out at 5pm.',
		'Your order ID is ORD-55123, and UPS have it now.',
		'I am VERY sorry about this.',
		'The IMEI, SKU and RMA numbers are all on the PDF.'
	])('does not take acronyms, ids or one emphasised word for shouting: %s', (reply) => {
		const result = score(reply);
		expect(result.evidence.filter((e) => /capital|shout/i.test(e.reason))).toEqual([]);
		expect(result.empathy).toBeGreaterThanOrEqual(0);
	});

	it.each([
		["Hi Diana, I've found your order.", 'Diana'],
		['Mrs Whitefield, your refund is on its way.', 'Whitefield'],
		["Dayna, I've found your order.", 'Dayna'],
		['Hi Karen, your refund is on its way.', 'Karen'],
		["Hello Marcus, I've found your booking.", 'Marcus'],
		["Thanks Karen, I'll sort it today.", 'Karen']
	])('counts a wrong or misspelt name against empathy: %s', (reply, wrong) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		const named = negative(result, 'empathy').find((e) => e.phrase === wrong);
		expect(named, JSON.stringify(result.evidence)).toBeDefined();
		expect(named!.reason).toContain(CUSTOMER);
	});

	it.each(["Sorry, I'm checking that now.", "Thanks, I'll sort it today.", "Thank you, I've found it.", "Hello, I'd like to help."])(
		'does not take "I\'m" or "I\'ll" after a greeting for a wrong name: %s',
		(reply) => {
			const result = score(reply);
			expect(negative(result, 'empathy').filter((e) => /name/i.test(e.reason))).toEqual([]);
			expect(result.empathy).toBeGreaterThanOrEqual(0);
		}
	);

	it.each([
		"Data protection rules mean I can't read it out, but I'll email it to you today.",
		'Data protection means I have to check a couple of details first.'
	])('does not take a common word that looks like the name for a misspelt name: %s', (reply) => {
		const result = score(reply);
		expect(negative(result, 'empathy').filter((e) => /name/i.test(e.reason))).toEqual([]);
	});
});

describe('ownership', () => {
	it.each([
		"I'll email you a prepaid label today.",
		"I'll call you back by 3pm with an update.",
		"I'll stay on the line while the refund goes through.",
		"I'm going to book the engineer for tomorrow morning.",
		"Leave it with me, I'll chase the warehouse this afternoon."
	])('counts a first-person promise as ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeGreaterThan(0);
		expect(positive(result, 'ownership').length).toBeGreaterThan(0);
	});

	it.each([
		"That's not my department.",
		"You'll need to call the courier about that.",
		"You'll have to contact head office.",
		"That's the courier's fault, not ours.",
		"That's the warehouse's problem, not mine.",
		'Someone will get back to you.'
	])('counts passing on or blaming against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(negative(result, 'ownership').length).toBeGreaterThan(0);
	});
});

describe('policy flexibility', () => {
	it.each([
		'Let me see what I can do about the fee.',
		'I can make an exception this time.',
		'What I can offer instead is a replacement next week.',
		'How about store credit for the full amount?'
	])('counts looking for a way as flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(positive(result, 'flexibility').length).toBeGreaterThan(0);
	});

	it.each([
		'Policy says no refunds after 30 days.',
		"Rules are rules, I'm afraid.",
		"There's nothing I can do about that.",
		"I can't change the booking.",
		"That's not allowed under our terms.",
		"Sorry, I can't.",
		"I can't, it's policy."
	])('counts hiding behind the rule against flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(negative(result, 'flexibility').length).toBeGreaterThan(0);
	});
});

describe('negation and context', () => {
	it('tells "I can\'t help" from "I can help"', () => {
		const cannot = score("I can't help with that.");
		const can = score('I can help with that.');
		expect(cannot.flexibility).toBeLessThan(0);
		expect(can.flexibility).toBeGreaterThan(0);
	});

	it.each(["I'm not sorry.", "I'm not sorry, you dropped it.", "Honestly I'm not sorry at all."])(
		'does not count "not sorry" as an apology: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(positive(result, 'empathy').filter((e) => /sorry/i.test(e.phrase))).toEqual([]);
		}
	);

	it.each(["I won't transfer you.", "I won't transfer you, I'll stay on the line until it's sorted.", "I'm not going to pass you to another team."])(
		'does not count refusing to pass the customer on as passing on: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeGreaterThan(0);
			expect(negative(result, 'ownership')).toEqual([]);
		}
	);

	it.each([
		'Our policy says 30 days, but what I can offer instead is store credit.',
		'Policy says 30 days, but let me see what I can do.',
		"Normally we can't refund sale items, but I can make an exception."
	])('does not count quoting the policy as a wall when the reply offers an alternative: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(negative(result, 'flexibility')).toEqual([]);
	});

	it.each(["I'm afraid it won't arrive until Monday.", "I'm afraid it's been delayed at the depot."])(
		'does not take bad news about a delivery for a policy wall: %s',
		(reply) => {
			const result = score(reply);
			expect(negative(result, 'flexibility'), JSON.stringify(result.evidence)).toEqual([]);
		}
	);

	it('explains why a quoted policy earns nothing when an alternative is offered', () => {
		const result = score('Policy says 30 days, but let me see what I can do.');
		const policy = result.evidence.find((e) => e.phrase === 'Policy says');
		expect(policy).toMatchObject({ dimension: 'flexibility', weight: 0 });
		expect(policy!.reason).toMatch(/way forward/i);
	});
});

describe('answering the customer’s question', () => {
	const customerLine = 'Will it arrive before Saturday?';
	it.each([
		["I'm so sorry about the delay, Dana.", ' Yes, it will arrive on Friday.'],
		["Thanks for your patience. I've checked the tracking.", " It's due Thursday."],
		['I understand this is frustrating.', ' It should arrive tomorrow.'],
		["I'm sorry, Dana.", " I'm afraid it won't make it before Saturday."]
	])('scores a reply that ignores the question lower on empathy: %s', (ignoring, answer) => {
		const ignored = score(ignoring, { customerLine });
		const answered = score(ignoring + answer, { customerLine });
		expect(ignored.empathy).toBeLessThan(answered.empathy);
		const why = ignored.evidence.find((e) => e.dimension === 'empathy' && e.weight < 0 && e.reason.includes(customerLine));
		expect(why, JSON.stringify(ignored.evidence)).toBeDefined();
		expect(answered.evidence.filter((e) => e.reason.includes(customerLine))).toEqual([]);
	});

	it('does not ask for an answer when the customer asked nothing', () => {
		const reply = "I'm so sorry about the delay, Dana.";
		const result = score(reply, { customerLine: 'The parcel still has not come.' });
		expect(result.evidence.filter((e) => /asked/.test(e.reason))).toEqual([]);
		// Exactly what the same reply scores with no customer line: nothing taken off for an unasked question.
		expect(result.empathy).toBe(score(reply).empathy);
		expect(result.empathy).toBeGreaterThan(0);
	});
});

describe('robotic repetition', () => {
	it.each([
		"I'm really sorry for the trouble, I understand how frustrating this is.",
		"I'm so sorry to hear that.",
		'Thank you for your patience, I know this has been a lot to deal with.'
	])('scores a stock sentence lower on empathy the second time: %s', (stock) => {
		const first = score(stock);
		const second = score(stock, { previousReplies: [stock] });
		// (Stock sympathy is not hostile the first time; whether it is warm enough for + is the labels' call.)
		expect(first.empathy).toBeGreaterThanOrEqual(0);
		expect(second.empathy).toBeLessThan(first.empathy);
		expect(second.evidence.some((e) => e.dimension === 'empathy' && /earlier reply/i.test(e.reason))).toBe(true);
	});

	it('does not penalise an apology the trainee has not typed before', () => {
		const reply = "I'm so sorry to hear that.";
		const result = score(reply, { previousReplies: ["Thanks, I've found your order."] });
		expect(result.empathy).toBe(score(reply).empathy);
	});
});

describe('author cues', () => {
	const cue = (kind: Cue['kind'], phrases: string[], effects: Effects): Partial<ReplyContext> => ({ cues: [{ kind, phrases, effects, line: 1 }] });

	it.each([
		["I'll send a courier to collect it tomorrow.", ['send a courier'], { ownership: 2 }, 'ownership'],
		['A replacement vase is on its way.', ['replacement vase'], { flexibility: 2 }, 'flexibility'],
		['Send a courier, and the fee is waived.', ['send a courier', 'waive the fee'], { ownership: 1 }, 'ownership']
	] as const)('adds a matching look-for phrase’s effects with evidence: %s', (reply, phrases, effects, dimension) => {
		const plain = score(reply);
		const cued = score(reply, cue('look-for', [...phrases], effects));
		expect(cued[dimension]).toBeGreaterThan(plain[dimension]);
		const item = cued.evidence.find((e) => e.dimension === dimension && /scenario/i.test(e.reason));
		expect(item).toBeDefined();
		expect(item!.weight).toBeGreaterThan(0);
		expect(phrases.map((p) => p.toLowerCase())).toContain(item!.phrase.toLowerCase());
	});

	it('moves the mood by a look-for phrase’s mood effect', () => {
		const plain = score('A replacement vase is on its way.');
		const cued = score('A replacement vase is on its way.', cue('look-for', ['replacement vase'], { mood: 10 }));
		expect(cued.mood).toBe(plain.mood + 10);
		expect(cued.evidence.some((e) => e.dimension === 'mood' && e.weight === 10)).toBe(true);
	});

	it.each([
		['Have you tried turning it off and on again?', ['turning it off and on'], { empathy: -2 }],
		['Per the warranty, no.', ['per the warranty'], { empathy: -1 }]
	] as const)('takes an avoid phrase’s effects off with evidence: %s', (reply, phrases, effects) => {
		const plain = score(reply);
		const cued = score(reply, cue('avoid', [...phrases], effects));
		expect(cued.empathy).toBeLessThan(plain.empathy);
		expect(cued.evidence.some((e) => e.dimension === 'empathy' && e.weight < 0 && /scenario/i.test(e.reason))).toBe(true);
	});

	it.each([
		["I won't send a courier to collect it.", ['send a courier'], { ownership: 2 }, 'ownership'],
		["I can't send a courier, sorry.", ['send a courier'], { ownership: 2 }, 'ownership'],
		["We don't offer a replacement vase.", ['replacement vase'], { flexibility: 2 }, 'flexibility']
	] as const)('does not reward a negated look-for phrase: %s', (reply, phrases, effects, dimension) => {
		const plain = score(reply);
		const cued = score(reply, cue('look-for', [...phrases], effects));
		expect(cued[dimension]).toBe(plain[dimension]);
		expect(cued.evidence.filter((e) => e.dimension === dimension && e.weight > 0 && /scenario/i.test(e.reason))).toEqual([]);
		expect(cued.evidence.some((e) => /negates/i.test(e.reason))).toBe(true);
	});

	it('matches cue phrases as whole words only', () => {
		const plain = score("I'll resend a courier note.");
		const cued = score("I'll resend a courier note.", cue('look-for', ['send a courier'], { ownership: 2 }));
		expect(cued.ownership).toBe(plain.ownership);
	});
});

describe('robustness', () => {
	const timed = (reply: string, context: Partial<ReplyContext> = {}) => {
		const started = performance.now();
		const result = score(reply, context);
		let ms = performance.now() - started;
		// Best of three, so a busy shared machine (or the first, unoptimised pass) does not decide the result.
		for (let again = 0; again < 2 && ms >= 50; again++) {
			const restarted = performance.now();
			scoreReply(reply, { customer: CUSTOMER, ...context });
			ms = Math.min(ms, performance.now() - restarted);
		}
		expect(brokenInvariants(reply, result)).toEqual([]);
		expect(result.notes.length).toBeGreaterThan(0);
		expect(ms).toBeLessThan(50);
		return result;
	};
	const zero = { empathy: 0, flexibility: 0, ownership: 0 };

	it.each([
		['an empty reply', ''],
		['whitespace', '   \n\t  ']
	])('says nothing was typed for %s', (_, reply) => {
		const result = timed(reply);
		expect(result).toMatchObject(zero);
		expect(result.mood).toBeLessThanOrEqual(0);
		expect(result.notes.join(' ')).toMatch(/no reply/i);
	});

	it.each(['ok', 'Ok.', 'Sure'])('says a one-word reply gives the customer nothing: %s', (reply) => {
		const result = timed(reply);
		expect(result).toMatchObject(zero);
		expect(result.notes.join(' ')).toMatch(/one- or two-word/i);
	});

	it.each([
		['gibberish', 'asdkj qwpoe zxmnv'],
		['French', "Je suis désolé, nous allons vous rembourser aujourd'hui."],
		['French', 'Nous avons bien reçu votre colis et le remboursement est en cours.'],
		['Spanish', 'Lo siento mucho, le enviaremos un reemplazo mañana.'],
		['Spanish', 'Gracias por su paciencia, su pedido llegará el viernes.'],
		['German', 'Das Paket ist leider verloren gegangen, aber wir erstatten den Betrag.'],
		['German', 'Es tut mir leid, wir schicken Ihnen heute einen Ersatz.'],
		['Welsh', "Mae'n ddrwg gen i, byddwn ni'n anfon un newydd heddiw."],
		['Portuguese', 'Olá, a encomenda pode ser levantada na loja amanhã.'],
		['Spanish', 'Vamos a revisar su cuenta.'],
		['Chinese', '非常抱歉，我们今天会给您退款。'],
		['emoji only', '🙏😢👍'],
		['one emoji', '😊']
	])('does not score %s and says it is not English: %s', (_, reply) => {
		const result = timed(reply);
		expect(result).toMatchObject(zero);
		expect(result.notes.join(' ')).toMatch(/English/);
	});

	it.each([
		"Glass bottles aren't permitted anywhere on site.",
		'Pitch fees rise sharply after midsummer.',
		'tracking shows 11:42 drop at ur front door, photo attached',
		'Dimitrius, weather holds are half price.'
	])('scores plain English made of uncommon words: %s', (reply) => {
		expect(score(reply).notes.join(' ')).not.toMatch(/English/);
	});

	it('caps a 50,000-character reply, says so, and is fast', () => {
		const reply = "I'm sorry Dana, I'll email you a label today. ".repeat(1100).slice(0, 50_000);
		expect(reply.length).toBe(50_000);
		const result = timed(reply);
		expect(result.notes.join(' ')).toContain(`first ${MAX_REPLY_CHARS} characters`);
		expect(result.evidence.every((e) => e.end <= MAX_REPLY_CHARS)).toBe(true);
	});

	it('caps 50,000 characters of one letter and says it is not English', () => {
		const result = timed('x'.repeat(50_000));
		expect(result).toMatchObject(zero);
		expect(result.notes.join(' ')).toContain(`first ${MAX_REPLY_CHARS} characters`);
	});

	it('does not let 10,000 "sorry"s add up past the apology cap', () => {
		const result = timed('sorry '.repeat(10_000));
		expect(result.empathy).toBeLessThanOrEqual(2);
		expect(result.notes.join(' ')).toContain(`first ${MAX_REPLY_CHARS} characters`);
	});

	it.each([
		['a context with no name', { customer: '' }],
		['a one-letter name', { customer: 'Q' }],
		['a name full of symbols', { customer: '(*) [x] $1 ^' }],
		['a question with no words', { customerLine: '???' }],
		['odd earlier replies', { previousReplies: ['', '...', '   '] }],
		['an empty cue', { cues: [{ kind: 'look-for', phrases: [''], effects: { ownership: 2 }, line: 1 }] as Cue[] }]
	])('never throws with %s', (_, context) => {
		const reply = "I'm sorry, Dana. I'll call you back by 3pm.";
		const result = score(reply, context as Partial<ReplyContext>);
		expect(brokenInvariants(reply, result)).toEqual([]);
	});
});

describe('properties', () => {
	const WORDS = [
		"I'm", 'sorry', 'so', 'not', 'Dana', 'Diana', 'Ms', 'Whitfield', 'Whitefield', 'Hi', 'Karen', 'please', 'thank', 'you', "I'll", 'email', 'call',
		'back', 'by', '3pm', 'today', 'policy', 'says', 'rules', 'are', "can't", 'can', 'help', 'make', 'an', 'exception', 'offer', 'instead', "won't",
		'transfer', 'someone', 'will', 'get', 'courier', "courier's", 'fault', 'calm', 'down', 'oh', 'great', 'SHOUT', 'ETA', 'BUG-4412', 'allowed',
		'nothing', 'do', 'but', 'normally', '.', ',', '!', '?', '\n', '’', '😊', 'é', '非常'
	];
	const sentence = fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }).map((w) => w.join(' '));
	const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), sentence);
	const effects = fc.record(
		{
			empathy: fc.integer({ min: -3, max: 3 }),
			flexibility: fc.integer({ min: -3, max: 3 }),
			ownership: fc.integer({ min: -3, max: 3 }),
			mood: fc.integer({ min: -100, max: 100 })
		},
		{ requiredKeys: [] }
	);
	const cueArb: fc.Arbitrary<Cue> = fc.record({
		kind: fc.constantFrom('look-for' as const, 'avoid' as const),
		phrases: fc.array(fc.oneof(text, fc.constantFrom(...WORDS)), { maxLength: 4 }),
		effects,
		line: fc.nat()
	});
	const contextArb: fc.Arbitrary<ReplyContext> = fc.record(
		{
			customer: fc.oneof(fc.constant(CUSTOMER), fc.string(), fc.string({ unit: 'binary' })),
			policy: fc.string(),
			customerLine: text,
			previousReplies: fc.array(text, { maxLength: 4 }),
			cues: fc.array(cueArb, { maxLength: 3 })
		},
		{ requiredKeys: ['customer'] }
	);

	it('never throws, and every assessment keeps its invariants, for arbitrary replies and contexts', () => {
		fc.assert(
			fc.property(text, contextArb, (reply, context) => {
				const result = scoreReply(reply, context);
				expect(brokenInvariants(reply, result)).toEqual([]);
			}),
			{ numRuns: 2000 }
		);
	});

	it('never throws on long arbitrary replies, and caps them with a note', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', minLength: MAX_REPLY_CHARS + 1, maxLength: 4000 }), contextArb, (reply, context) => {
				fc.pre(reply.trim() !== '');
				const result = scoreReply(reply, context);
				expect(brokenInvariants(reply, result)).toEqual([]);
				expect(result.notes.join(' ')).toContain(`first ${MAX_REPLY_CHARS} characters`);
			}),
			{ numRuns: 100 }
		);
	});

	it('explains every zero-weight piece of evidence, for arbitrary replies and contexts', () => {
		fc.assert(
			fc.property(sentence, contextArb, (reply, context) => {
				expect(unexplainedZeros(scoreReply(reply, context))).toEqual([]);
			}),
			{ numRuns: 1000 }
		);
	});
});


describe('evidence', () => {
	it('points at the phrase that counted, with a dimension, a weight and a reason, for every reply scored here', () => {
		const all = corpus();
		expect(all.length).toBeGreaterThan(80);
		const broken = all.flatMap(({ reply, result }) => brokenInvariants(reply, result).map((b) => `${JSON.stringify(reply)}: ${b}`));
		expect(broken).toEqual([]);
	});

	it('cuts evidence phrases at word boundaries, for every reply scored here', () => {
		const word = /[\p{L}\p{N}]/u;
		const cut = corpus().flatMap(({ reply, result }) =>
			result.evidence
				.filter((e) => e.phrase !== '')
				.filter(
					(e) =>
						(word.test(reply[e.start - 1] ?? ' ') && word.test(reply[e.start])) ||
						(word.test(reply[e.end - 1]) && word.test(reply[e.end] ?? ' '))
				)
				.map((e) => `${JSON.stringify(reply)}: "${e.phrase}" (${e.dimension} ${e.weight})`)
		);
		expect([...new Set(cut)]).toEqual([]);
	});

	it.each([
		'Please, thank you, thanks so much for waiting.',
		"I'm so sorry, I'm really sorry, my apologies.",
		'sorry sorry sorry sorry'
	])('says why a phrase that earned nothing earned nothing: %s', (reply) => {
		expect(unexplainedZeros(score(reply))).toEqual([]);
	});

	it('finds the evidence in the example the rubric documents', () => {
		const result = score("I'm so sorry, Dana. I'll email a prepaid label today.");
		expect(result.empathy).toBeGreaterThan(0);
		expect(result.ownership).toBeGreaterThan(0);
		const phrases = result.evidence.map((e) => e.phrase);
		expect(phrases).toContain("I'm so sorry");
		expect(phrases).toContain('Dana');
		expect(phrases.some((p) => p.startsWith("I'll email") && p.endsWith('today'))).toBe(true);
	});
});

describe('the scenario policy', () => {
	const policy = 'Refunds need a receipt and are accepted within 30 days of delivery. Shipping is not refunded.';
	const context = { customer: 'Dana Whitfield', policy };

	it('counts reading the policy out word for word as a wall', () => {
		const reply = 'Refunds are accepted within 30 days of delivery.';
		const result = scoreReply(reply, context);
		expect(result.flexibility).toBeLessThan(0);
		const quote = result.evidence.find((e) => e.reason.includes('policy out'));
		expect(quote?.phrase).toBe('are accepted within 30 days of delivery');
		expect(reply.slice(quote!.start, quote!.end)).toBe(quote!.phrase);
	});

	it('does not count the quote against a reply that offers a way forward', () => {
		const result = scoreReply('Refunds are accepted within 30 days of delivery, but what I can offer instead is an exchange today.', context);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it('does nothing without a policy or with a reply that does not quote it', () => {
		expect(scoreReply('Refunds are accepted within 30 days of delivery.', { customer: 'Dana Whitfield' }).flexibility).toBe(0);
		expect(scoreReply('I can see the order on my screen.', context).flexibility).toBe(0);
	});
});

describe('a malformed context', () => {
	it('is read as far as it makes sense and never throws', () => {
		expect(() => scoreReply("I'm sorry, I'll send it today.", undefined as unknown as ReplyContext)).not.toThrow();
		const odd = { customer: 42, cues: [{}, null, { phrases: 'refund' }], previousReplies: [1, null], policy: {} } as unknown as ReplyContext;
		expect(scoreReply("I'm sorry, I'll refund you today.", odd).ownership).toBeGreaterThan(0);
		const cue = [{ phrases: ['prepaid label'], effects: { ownership: 2 } }] as unknown as ReplyContext['cues'];
		expect(scoreReply("I'll email a prepaid label.", { customer: 'Dana Whitfield', cues: cue }).ownership).toBe(3);
	});
});
