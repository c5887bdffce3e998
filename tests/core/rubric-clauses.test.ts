import { describe, expect, it } from 'vitest';
import { collectFindings, scoreReply, settleFindings, type ReplyAssessment, type ReplyContext } from '../../src/lib/core/rubric';
import { trainWeights, type LabelledReply } from '../../src/lib/core/rubric-learn';
import { LEAST_WEIGHT } from '../../src/lib/core/rubric-rules';
import { LEARNED_WEIGHTS } from '../../src/lib/core/rubric-weights';
import { DIMENSIONS, type Subject } from '../../src/lib/core/types';
import { loadSets } from '../bench/rubric-sets';

/*
 * One block per kind of disagreement trainers had with the rubric (issue #10),
 * each written from the general rule with examples of our own.
 */

const score = (reply: string, context: Partial<ReplyContext> = {}) => scoreReply(reply, { customer: 'Morgan Ellery', ...context });
const counting = (result: ReplyAssessment, dimension: Subject, sign: 1 | -1) =>
	result.evidence.filter((e) => e.dimension === dimension && Math.sign(e.weight) === sign && e.reason.trim() !== '');
const explained = (result: ReplyAssessment, dimension: Subject, reason: RegExp) =>
	result.evidence.find((e) => e.dimension === dimension && reason.test(e.reason));

describe('a stock opener that only leads into a refusal', () => {
	it.each([
		"I understand where you're coming from, but the booking terms say deposits are non-refundable.",
		"I get that, however we don't do exchanges on swimwear.",
		'I hear you. Unfortunately the warranty does not cover water damage.',
		'I completely understand your frustration, but there is nothing more we can do.'
	])('earns no empathy, and says the "but" cancels it: %s', (reply) => {
		const result = score(reply, { customerLine: 'Can I have my money back?' });
		expect(result.empathy).toBeLessThanOrEqual(0);
		expect(counting(result, 'empathy', 1)).toEqual([]);
		const preamble = explained(result, 'empathy', /but/i);
		expect(preamble, JSON.stringify(result.evidence)).toBeDefined();
		expect(preamble!.feature).toBe('stock-preamble');
	});

	it.each([
		["I'm so sorry the heater failed on the coldest night of the year, but the cover doesn't include call-out fees.", 'apolog'],
		// Round fourteen: "I understand how worrying a frozen card is, but…" is now the formula (rubric-kinds.test.ts); sympathy
		// in words of its own still counts.
		['Being stuck at the till with a frozen card twice this week sounds awful, but the bank has to review the block first.', 'listening']
	])('keeps an apology or an acknowledgement that names this customer’s trouble: %s', (reply, reason) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		expect(counting(result, 'empathy', 1).some((e) => new RegExp(reason, 'i').test(e.reason))).toBe(true);
	});

	it.each([
		"I can't extend the warranty, but I can send you a free repair kit today.",
		'We are unable to refund gift cards. However, what I can do is swap it for one from another shop.',
		"It isn't the case that nothing can be done: I can split the fee over two months."
	])('reads a refusal followed by "but" and an offer as a way forward: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(counting(result, 'flexibility', -1)).toEqual([]);
		expect(counting(result, 'flexibility', 1).length).toBeGreaterThan(0);
	});
});

describe('form-letter lines', () => {
	it.each([
		'We apologise for the disruption this may have caused and appreciate your understanding.',
		'Please be advised that we take these matters very seriously.',
		'Dear valued customer, please do not hesitate to contact us again.'
	])('count below zero as depersonalised, with the reason: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(counting(result, 'empathy', 1)).toEqual([]);
		expect(explained(result, 'empathy', /template|form-letter/i)).toBeDefined();
	});

	it('still lets a genuine, personal line count beside a form-letter one', () => {
		const result = score('We apologise for any inconvenience caused. Morgan, three wasted trips to the depot sounds exhausting.');
		expect(result.empathy).toBeGreaterThan(0);
		expect(explained(result, 'empathy', /template/i)!.weight).toBeLessThan(0);
	});

	it('does not count the apology inside a stock line ("sorry for any inconvenience") as an apology', () => {
		const result = score('My apologies for any inconvenience.');
		expect(result.empathy).toBeLessThanOrEqual(0);
		expect(counting(result, 'empathy', 1)).toEqual([]);
		expect(explained(result, 'empathy', /stock line/i)).toBeDefined();
	});
});

describe("the customer's name", () => {
	it.each([
		['Hi Kathrin, your order has shipped.', 'Catrin Powell', 'Kathrin'],
		['Mr Shroeder, your parcel is at the depot.', 'Lukas Schröder', 'Shroeder'],
		['Hello Joseph, the engineer is booked.', 'Józef Nowak', 'Joseph'],
		['Dear Ms Okonkwo-Eze, I have reopened it.', 'Adaeze Okonkwo-Ezeh', 'Okonkwo-Eze']
	])('counts a misspelt or anglicised name against empathy: %s', (reply, customer, wrong) => {
		const result = score(reply, { customer });
		expect(result.empathy).toBeLessThan(0);
		const named = counting(result, 'empathy', -1).find((e) => e.phrase === wrong);
		expect(named, JSON.stringify(result.evidence)).toBeDefined();
		expect(named!.reason).toContain(customer);
	});

	it.each([
		['Hi Jurgen, your order has shipped.', 'Jürgen Vogel', 'Jurgen'],
		['Hi Juergen, your order has shipped.', 'Jürgen Vogel', 'Juergen'],
		['Thanks for waiting, Ms Nunez.', 'Inés Núñez', 'Nunez'],
		['Of course, Sato-san, I have moved it.', 'Haruto Sato', 'Sato-san'],
		['Hello Lukasz, the refund is done.', 'Łukasz Wróbel', 'Lukasz']
	])('takes a name typed without its accents, or with its honorific, as the name: %s', (reply, customer, name) => {
		const result = score(reply, { customer });
		expect(counting(result, 'empathy', -1)).toEqual([]);
		const named = counting(result, 'empathy', 1).find((e) => e.phrase === name);
		expect(named, JSON.stringify(result.evidence)).toBeDefined();
		expect(named!.reason).toMatch(/name/i);
	});

	it.each([
		['Hi Kate, your order has shipped.', 'Catherine Doyle'],
		['Hi Bill, your order has shipped.', 'William Osei'],
		['Hi Sasha, your order has shipped.', 'Aleksandr Petrov']
	])('treats a common nickname as neither right nor wrong: %s', (reply, customer) => {
		const result = score(reply, { customer });
		expect(result.evidence.filter((e) => /name/i.test(e.reason))).toEqual([]);
		expect(result.empathy).toBe(0);
	});

	it.each([
		['Hi Bernie, your order has shipped.', 'Bernadette Walsh'],
		['Hi Alex, your order has shipped.', 'Alexandra Moore'],
		['Hi Vicky, your order has shipped.', 'Victoria Hale'],
		['Hi Gabi, your order has shipped.', 'Gabriela Santos']
	])('treats the name cut short, with or without a pet ending, as a nickname: %s', (reply, customer) => {
		const result = score(reply, { customer });
		expect(result.evidence.filter((e) => /name/i.test(e.reason))).toEqual([]);
	});

	it.each([
		['Hi Adaora, your order has shipped.', 'Adaeze Nwosu', 'Adaora'],
		['Hi Oluwole, your order has shipped.', 'Oluwaseun Bello', 'Oluwole'],
		['Hi Marisa, your order has shipped.', 'Marisol Vega', 'Marisa']
	])('counts another name that only starts the same way as the name wrong (round seventeen): %s', (reply, customer, wrong) => {
		const result = score(reply, { customer });
		expect(result.empathy).toBeLessThan(0);
		expect(counting(result, 'empathy', -1).find((e) => e.phrase === wrong)?.reason).toContain(customer);
	});
});

describe('exceptions in indirect words', () => {
	it.each([
		"I'll count it as returned on time, since the courier lost a day.",
		'We can look past the missing receipt.',
		"I'm going to use my discretion and let the late fee go.",
		"Don't worry about the rebooking fee.",
		"I'm not charging you for the second night.",
		'I can turn the cancellation fee into credit for your next stay.',
		"I'll happily make that call myself and approve it."
	])('counts as policy flexibility, with the reason: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(counting(result, 'flexibility', 1).length).toBeGreaterThan(0);
	});

	it.each(["I won't waive the fee.", "We can't count it as on time."])('counts refusing the same exception against flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(counting(result, 'flexibility', -1).length).toBeGreaterThan(0);
	});

	it('says why a permission limited by "only" is a wall', () => {
		expect(explained(score('Only approved fitters are covered.'), 'flexibility', /only/i)).toMatchObject({ weight: -1 });
	});

	it.each(['Only approved fitters are covered.', 'Late arrivals are only allowed with a doctor’s note.'])(
		'reads a permission limited by "only" as stating the rule: %s',
		(reply) => {
			const result = score(reply);
			expect(result.flexibility).toBeLessThan(0);
			expect(counting(result, 'flexibility', 1)).toEqual([]);
			expect(counting(result, 'flexibility', -1).length).toBeGreaterThan(0);
		}
	);
});

describe('service or exception', () => {
	it('does not count doing what was needed as flexibility when no rule stood in the way', () => {
		const result = score("I've rebooked the engineer for Friday morning.", { customerLine: 'Nobody turned up today.' });
		expect(result.flexibility).toBe(0);
		expect(explained(result, 'flexibility', /no rule stood in the way/)).toMatchObject({ weight: 0 });
		expect(result.ownership).toBeGreaterThan(0);
	});

	it.each([
		["I've rebooked the engineer for Friday morning.", 'Can you send someone before the weekend?'],
		["Normally that slot is taken, but I've rebooked the engineer for Friday morning.", 'Nobody turned up today.']
	])('counts it when the customer asked for it or the reply names the rule: %s', (reply, customerLine) => {
		const result = score(reply, { customerLine });
		expect(result.flexibility).toBeGreaterThan(0);
		expect(counting(result, 'flexibility', 1).length).toBeGreaterThan(0);
	});
});

describe('very short neutral replies', () => {
	it.each(['Understood.', 'Noted, thanks', 'Bear with me.', 'Let me look into that.', 'One moment while I check.'])(
		'score 0 on empathy, not below, even when a question was asked: %s',
		(reply) => {
			const result = score(reply, { customerLine: 'Why was I charged twice?' });
			expect(result.empathy).toBeGreaterThanOrEqual(0);
			expect(counting(result, 'empathy', -1)).toEqual([]);
		}
	);

	it('still counts a short reply that dodges the question when it has something to say', () => {
		const result = score('Our stores open at nine.', { customerLine: 'Why was I charged twice?' });
		expect(result.empathy).toBeLessThan(0);
		expect(explained(result, 'empathy', /asked/)).toBeDefined();
	});
});

describe('who does what', () => {
	it.each([
		"I'll have someone from the returns desk phone you by 4pm.",
		"I'll make sure somebody from the workshop calls you this afternoon.",
		"I've asked a colleague in the warehouse to check, and they'll call you within the hour."
	])('counts arranging it yourself as ownership, not passing on: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeGreaterThan(0);
		expect(counting(result, 'ownership', -1)).toEqual([]);
		expect(counting(result, 'ownership', 1).length).toBeGreaterThan(0);
	});

	it('says why a hand-off the trainee arranged is not passing on', () => {
		const result = score("I've asked a colleague in the warehouse to check, and they'll call you within the hour.");
		expect(explained(result, 'ownership', /in charge/i)).toMatchObject({ weight: 0 });
	});

	it.each([
		'Somebody from the returns desk will phone you.',
		"You'll need to phone the returns desk yourself.",
		'That decision sits with the finance team, they will be in touch.',
		"That's really one for the lettings office.",
		'The late fee was added automatically by the billing system.',
		'The booking system simply won’t let me add a third guest.',
		"It's the chef's rule, not mine."
	])('counts a hand-off or someone else’s doing against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(counting(result, 'ownership', -1).length).toBeGreaterThan(0);
	});

	it.each([
		'You were supposed to check the size guide before ordering.',
		"If you'd read the confirmation email you would have seen the date.",
		"Did you not see the sign at the entrance?",
		'Well, that would have been good to know before we cut the key.'
	])('counts putting the problem back on the customer against empathy (the guide keeps ownership for hand-offs and blaming others): %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(explained(result, 'empathy', /customer/i)).toBeDefined();
		expect(result.ownership).toBeLessThanOrEqual(0);
	});

	it("does not take a colleague's mistake, owned, for blaming the customer", () => {
		const result = score('Our driver should have knocked, and I will rebook him for tomorrow morning.');
		expect(result.empathy).toBeGreaterThanOrEqual(0);
		expect(result.ownership).toBeGreaterThan(0);
	});
});

describe('negation scope', () => {
	it.each([
		"No worries, I'll courier a new charger to you today.",
		"I can't find the booking, so I'll set up a new one now.",
		"There's no need to ring back: I'll email the receipt within the hour."
	])('does not let a negation reach past its clause: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeGreaterThan(0);
		expect(counting(result, 'ownership', 1).length).toBeGreaterThan(0);
	});

	it("does not count a phrase the speaker refuses to say: I won't just say 'rules are rules'", () => {
		const result = score("I won't just say 'rules are rules' to you. Let me see what I can do.");
		expect(result.empathy).toBeGreaterThanOrEqual(0);
		expect(counting(result, 'empathy', -1)).toEqual([]);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it('shows a negated refusal, weighed 0, instead of reading its words as an offer', () => {
		const result = score("It's not that there's nothing I can do.");
		expect(result.flexibility).toBe(0);
		expect(result.evidence.find((e) => e.dimension === 'flexibility')?.reason).toMatch(/negation/i);
	});
});

describe('the learned weights', () => {
	const items: LabelledReply[] = loadSets().flatMap((set) => set.items);

	it('give every point of every labelled reply a phrase-level piece of evidence with its reason', () => {
		for (const item of items) {
			const result = scoreReply(item.reply, item.context);
			for (const d of DIMENSIONS) {
				const sum = result.evidence.filter((e) => e.dimension === d).reduce((total, e) => total + e.weight, 0);
				expect(Math.max(-3, Math.min(3, sum)), `${item.id} ${d}`).toBe(result[d]);
			}
			for (const e of result.evidence) expect(e.reason.trim(), item.id).not.toBe('');
		}
	});

	it('only rescale what the rules found: never flip a rule’s sign, and keep what the sources insist on', () => {
		for (const item of items) {
			const collected = collectFindings(item.reply, item.context);
			for (const f of collected.findings) {
				const learned = LEARNED_WEIGHTS[f.feature];
				if (learned === undefined || f.prior === 0) continue;
				expect(Math.sign(learned) === Math.sign(f.prior) || learned === 0, f.feature).toBe(true);
			}
		}
		for (const [feature, least] of Object.entries(LEAST_WEIGHT)) expect(Math.abs(LEARNED_WEIGHTS[feature])).toBeGreaterThanOrEqual(least);
	});

	it('score like the hand-set rules when no weight is learned', () => {
		const collected = collectFindings("I'm so sorry, Morgan. I'll email the label today.", { customer: 'Morgan Ellery' });
		expect(settleFindings(collected, {})).toMatchObject({ empathy: 3, ownership: 2 });
	});

	it('are trained the same way every time', () => {
		const sets = loadSets().slice(0, 3);
		expect(trainWeights(sets)).toEqual(trainWeights(sets));
	});
});

describe('a refusal in the speaker\'s own voice reaches the exception words at the end of its clause (round twenty-seven)', () => {
	const context = { customer: 'Dana Whitfield', policy: 'Returns within 30 days with a receipt.' };
	it.each([
		'We completely understand your disappointment. Unfortunately, as the return period has now expired, we are unable to offer a refund on this occasion.',
		"I'm unable to waive the fee in your case.",
		'We cannot extend the booking on this occasion.',
		"I'm afraid I can't refund the deposit given the circumstances."
	])('is not read as flexibility: %s', (reply) => {
		expect(scoreReply(reply, context).flexibility).toBeLessThan(0);
	});
	it.each([
		"I can't refund it, but as a one-off I'll give you store credit.",
		"We can't move the date, so on this occasion I'll waive the fee.",
		"I can't believe that happened. On this occasion I'll waive the fee.",
		'We are unable to refund the deposit, however I can offer you a free session instead.'
	])('leaves an exception offered after the refusal\'s clause alone: %s', (reply) => {
		expect(scoreReply(reply, context).flexibility).toBeGreaterThan(0);
	});
});
