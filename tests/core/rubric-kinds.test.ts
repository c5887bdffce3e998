import { describe, expect, it } from 'vitest';
import { collectFindings, scoreReply, type ReplyAssessment, type ReplyContext } from '../../src/lib/core/rubric';
import { DIMENSIONS, type Subject } from '../../src/lib/core/types';
import { LEARNED_WEIGHTS } from '../../src/lib/core/rubric-weights';
import { loadSets } from '../bench/rubric-sets';

/*
 * One block per general kind of reply the sealed-1 set showed the rubric missing
 * (README, "Reply rubric agreement"), each written from the rule with examples
 * of our own, never copied from a labelled set. Each asserts the sign and that
 * the evidence behind it names a phrase (or the question) and gives a reason.
 */

const score = (reply: string, context: Partial<ReplyContext> = {}) => scoreReply(reply, { customer: 'Morgan Ellery', ...context });
/** The evidence of one feature that counts with the given sign, each with a reason. */
const found = (result: ReplyAssessment, feature: string, sign: 1 | -1 | 0 = -1) =>
	result.evidence.filter((e) => e.feature === feature && Math.sign(e.weight) === sign && e.reason.trim().length > 10);
const sign = (value: number) => Math.sign(value);

describe('over-promising what the speaker does not control', () => {
	it.each([
		'Your parcel will definitely arrive by Monday, I promise.',
		"The engineer is 100% going to be there first thing, don't worry.",
		'It will be fixed before the weekend, guaranteed.',
		'I guarantee the replacement will outlast the old one.',
		'This will never happen again, you have my word.'
	])('counts against ownership, with the reason: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise')[0]?.reason).toMatch(/promise only what you will do/);
	});

	it.each([
		"I'll definitely ring you at four with the tracking number.",
		"I can't promise it won't happen again, but I'll flag your account today.",
		"I can't guarantee a slot tomorrow, so I'll call the depot at 8am and text you what they say."
	])('leaves a promise of your own next step, or an honest "can\'t promise", alone: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'over-promise')).toEqual([]);
		expect(result.ownership).toBeGreaterThan(0);
	});
});

describe('vague promises with nobody and no time in them', () => {
	it.each([
		'Your complaint will be looked into in due course.',
		'We will look into it.',
		'This is being investigated.',
		'Thanks, I will feed back.'
	])('count against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'vague-promise')[0]?.reason).toMatch(/nobody and no time/);
	});

	it('leaves a passive promise with a time alone', () => {
		const result = score('Your refund will be processed today and you will get an email when it lands.');
		expect(found(result, 'vague-promise')).toEqual([]);
	});

	it('is not an answer to the question the customer asked', () => {
		const result = score('We will look into this.', { customerLine: 'When is my boiler going to be fixed?' });
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'unanswered')[0]?.reason).toMatch(/does not answer/);
	});
});

describe('telling the customer to sort it out themselves', () => {
	it.each([
		'Have you tried switching the router off and on again?',
		'You could try the hardware shop on the high street, they might stock it.',
		"You'd be better off writing to the landlord yourself.",
		"You'd have to claim it back from the airline."
	])('counts against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		const evidence = [...found(result, 'self-serve'), ...found(result, 'pass-on')];
		expect(evidence.length).toBeGreaterThan(0);
		expect(evidence[0].reason.length).toBeGreaterThan(20);
	});
});

describe('form-letter lines beyond "we regret any inconvenience"', () => {
	it.each([
		'Please note that the admin charge remains payable.',
		'Thank you for bringing this to our attention.',
		'Your enquiry is very important to us.',
		'We are currently experiencing high call volumes.',
		'Your comments have been forwarded to the relevant department.',
		'Thank you for your continued patience.',
		'We value you as a member.'
	])('read as a template, below zero: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'form-letter')[0]?.reason).toMatch(/template/);
	});
});

describe('sorry for how the customer took it (a non-apology)', () => {
	it.each(["I'm sorry you feel that way.", 'Sorry if you were confused by the instructions.', "I'm sorry you didn't like the new menu, but it's staying."])(
		'counts against empathy: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(found(result, 'non-apology')[0]?.reason).toMatch(/non-apology/);
		}
	);

	it("keeps an apology for what happened to them: I'm sorry you were kept waiting", () => {
		const result = score("I'm sorry you were kept waiting so long.");
		expect(result.empathy).toBeGreaterThan(0);
		expect(found(result, 'non-apology')).toEqual([]);
	});
});

describe('generic sympathy as a preamble to a refusal', () => {
	it.each([
		'I understand how frustrating this must be. Unfortunately the warranty ended in March.',
		'I appreciate this is disappointing, however we can only replace it with the same model.',
		'I understand, but unfortunately the offer has closed.'
	])('earns nothing and says why: %s', (reply) => {
		const result = score(reply, { customerLine: 'Can you fix it for free?' });
		expect(result.empathy).toBeLessThanOrEqual(0);
		expect(found(result, 'stock-preamble')[0]?.reason).toMatch(/but/);
	});

	it('keeps sympathy that names this customer’s trouble before the refusal', () => {
		const result = score('I understand how worrying a leaking roof is with a newborn, but the cover starts on Monday.');
		expect(result.empathy).toBeGreaterThan(0);
	});
});

describe('arguing with the customer and holding them to the small print', () => {
	it.each([
		['Are you sure you posted it to the right address?', 'reproach'],
		['Had you called us on the day we could have sorted it.', 'reproach'],
		["Not sure why you'd order without checking the size guide.", 'reproach'],
		['The booking page clearly states the deposit is kept.', 'reproach'],
		['You agreed to the cancellation terms when you paid.', 'reproach'],
		["There's no record of you phoning us last week.", 'dismissive'],
		['The surcharge was calculated correctly.', 'dismissive'],
		["Not really sure what you want me to say.", 'dismissive'],
		["That's not how insurance works.", 'dismissive'],
		['Sometimes customers forget to read the label.', 'reproach']
	])('counts against empathy: %s', (reply, feature) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, feature).length).toBeGreaterThan(0);
	});
});

describe('refusing in passive or roundabout words', () => {
	it.each([
		'We can only accept returns in the original packaging.',
		'Vouchers are only honoured if they are used within the month.',
		"It's in the rental agreement you signed.",
		'Our terms state that deposits are kept.',
		'The late charge is automatically applied by the system.',
		'The £20 still stands.',
		'We are not responsible for lost luggage.',
		'The fee was applied correctly.'
	])('counts against flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		const walls = result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight < 0 && e.reason.length > 10);
		expect(walls.length).toBeGreaterThan(0);
	});
});

describe('exceptions in more indirect words', () => {
	it.each([
		"I'll count the parcel as returned on time.",
		"We'll treat the second visit as a new booking, so there's nothing extra to pay.",
		'Bring it in whenever suits you, no receipt needed.',
		"I'm not going to make you wait for the next billing cycle.",
		'The usual notice period doesn’t come into it here.',
		'We can send a technician tomorrow instead of the usual two weeks.',
		"I've taken the late fee off your account."
	])('count for flexibility: %s', (reply) => {
		const result = score(reply, { customerLine: 'Can you help me?' });
		expect(result.flexibility).toBeGreaterThan(0);
		const ways = result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight > 0 && e.reason.length > 10);
		expect(ways.length).toBeGreaterThan(0);
	});

	it('counts the exception made in your own voice as taking it on (ownership)', () => {
		const result = score("We'll treat the booking as cancelled by us, so there's nothing to pay.");
		expect(result.ownership).toBeGreaterThan(0);
		expect(found(result, 'own-decision', 1)[0]?.reason).toMatch(/call yourself/);
	});
});

describe('taking the case to someone who can decide', () => {
	it('is ownership, and (with the weights the labels give it) not yet an exception', () => {
		const result = score("I can't waive the fee myself, but I'll put it to my manager this afternoon and ring you by 5.", {
			customerLine: 'Will you waive the fee?'
		});
		expect(result.ownership).toBeGreaterThan(0);
		const step = result.evidence.find((e) => e.feature === 'flex-escalate');
		expect(step, JSON.stringify(result.evidence)).toBeDefined();
		expect(step!.reason).toMatch(/someone who can/);
	});
});

describe('doing the remedy is service unless a rule stood in the way', () => {
	it('counts "I\'ll refund it" as ownership, not flexibility, when nothing was asked and no rule was named', () => {
		const result = score("I'll refund the £12 now and email you the receipt.", { customerLine: 'You charged me twice for one ticket.' });
		expect(sign(result.flexibility)).toBe(0);
		expect(result.ownership).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && /good service/.test(e.reason))).toBe(true);
	});

	it('counts it as flexibility when the customer asked for it', () => {
		const result = score("We'll refund the £12 today.", { customerLine: 'Do I get my money back for the cancelled class?' });
		expect(result.flexibility).toBeGreaterThan(0);
	});
});

describe('excuses that blame the workload or a colleague', () => {
	it.each(["It's a very busy time of year for us.", "She's new, so she didn't know the rule.", 'We have unusually high demand this week.'])(
		'count against ownership: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeLessThan(0);
			expect(found(result, 'blame')[0]?.reason).toMatch(/Blaming/);
		}
	);
});

describe('short holding lines', () => {
	it.each(['Let me pull up your account.', 'Checking the delivery notes now.', "I'll look at the booking."])(
		'are not counted as ignoring the question: %s',
		(reply) => {
			const result = score(reply, { customerLine: 'Where is my order?' });
			expect(sign(result.empathy)).toBe(0);
			expect(result.evidence.some((e) => e.feature === 'unanswered')).toBe(false);
		}
	);

	it('a holding line said word for word before is stalling, and the question counts as ignored', () => {
		const result = score("I'll look at the booking.", { customerLine: 'Where is my order?', previousReplies: ["I'll look at the booking."] });
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'unanswered')[0]?.reason).toMatch(/does not answer/);
	});
});

describe('warmth in more words', () => {
	it.each([
		'Is your son okay? I can move the appointment to Friday.',
		'That sounds miserable, a week without hot water.',
		"Honestly, I'd have done exactly the same.",
		"A refund is the least we can do.",
		"That's on us, not you."
	])('counts for empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		expect(found(result, 'acknowledge', 1)[0]?.reason).toMatch(/listening/);
	});
});

describe('names', () => {
	it('counts a misspelt surname after a title against, even where it could pass for a short form', () => {
		const result = scoreReply('Mr Papadop, the seat was sold.', { customer: 'Nikos Papadopoulos' });
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'name-wrong')[0]?.reason).toMatch(/Papadopoulos/);
	});

	it('lets a wrong name outweigh a "sorry" beside it, and half the name right is still wrong', () => {
		const result = scoreReply('Hi Anneke Janssan, sorry about the mix-up.', { customer: 'Anneke Janssen' });
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'name-right', 0)[0]?.reason).toMatch(/Half the name/);
	});

	it('does not take someone talked about ("Sorry Leo\'s been unwell") for the name the customer was called', () => {
		const result = scoreReply("I'm so sorry Leo's been unwell, Dimitra.", { customer: 'Dimitra Kallis' });
		expect(result.empathy).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.feature === 'name-wrong')).toBe(false);
	});
});

describe('shouting', () => {
	it('counts two shouted words when one of them is long', () => {
		const result = score('I SEE that, but the RULES apply to everyone.');
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'shouting')[0]?.reason).toMatch(/shouting/);
	});
});

describe('sympathy used as a run-up to a refusal (round three)', () => {
	it.each([
		"I'm sorry to hear about the boiler. Unfortunately repairs after the warranty are not covered.",
		"What a horrible end to your holiday. Sadly the deposit is non-refundable.",
		"So sorry about the wait. You'll need to call our roadside team."
	])('counts against empathy when nothing is offered, owned or personal: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'run-up')[0]?.reason).toMatch(/runs up to a refusal/);
	});

	it.each([
		// the customer's name used right makes it personal
		"I'm sorry to hear about the boiler, Morgan. Unfortunately repairs after the warranty are not covered.",
		// something offered
		"I'm sorry to hear about the boiler. Repairs after the warranty aren't covered, but I can offer you a discounted call-out."
		// (a bare sorry tacked on after the refusal is the same script since round four: see below)
	])('leaves sympathy alone when the reply is not only a refusal after it: %s', (reply) => {
		expect(found(score(reply), 'run-up')).toEqual([]);
	});
});

describe('vague promises: somebody will let you know, with no time (round three)', () => {
	it.each(["We'll let you know.", "They'll be in touch.", "Sure, I'll flag it.", "I'll ask the supervisor about the fee and get back to you."])(
		'count against ownership: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeLessThan(0);
			expect(found(result, 'vague-promise')[0]?.reason).toMatch(/nobody and no time/);
		}
	);

	it.each(["We'll let you know by 4pm today.", "I'll ask the supervisor about the fee and get back to you before noon."])('leaves a promise with a time alone: %s', (reply) => {
		expect(found(score(reply), 'vague-promise')).toEqual([]);
	});
});

describe('putting it back on the customer in other words (round three)', () => {
	it.each([
		'Next time allow an extra hour for the motorway.',
		"It's a bit late to raise it now.",
		'You had the keys for a fortnight before you said anything.',
		'Did you read the reminder we posted?',
		'Did you order the part in time?',
		'Most tenants manage to give a month of notice.'
	])('counts against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'reproach')[0]?.reason).toMatch(/what they did wrong/);
	});

	it('leaves a plain question about the order alone', () => {
		expect(found(score('Did you order it online or in the shop?'), 'reproach')).toEqual([]);
	});
});

describe('a reply made of form-letter lines (round three)', () => {
	it.each(['Thank you for your patience. We value your custom.', 'I appreciate your patience and we take your feedback seriously.'])(
		'earns nothing for its thanks and counts against empathy: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(found(result, 'form-letter')[0]?.reason).toMatch(/template/);
			expect(result.evidence.some((e) => e.dimension === 'empathy' && e.weight > 0)).toBe(false);
		}
	);

	// The panel labels 88 of the 92 labelled replies with a form-letter line − on empathy, offers or not.
	it('still counts the form-letter line when something is offered, and the offer on flexibility', () => {
		const result = score('Thank you for your patience. We value your custom, so I can offer you a free delivery slot on Friday.');
		expect(found(result, 'form-letter', -1).length).toBe(1);
		expect(result.flexibility).toBeGreaterThan(0);
	});
});

describe('hand-offs and disowning in plain words (round three)', () => {
	it.each(['Talk to Priya in accounts, she deals with that.', 'Please email bookings about refunds.', 'Please direct any complaints to the venue.', "Sorry, I'm returns only."])(
		'count against ownership: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeLessThan(0);
			expect(result.evidence.some((e) => e.dimension === 'ownership' && e.weight < 0 && e.reason.length > 10)).toBe(true);
		}
	);

	it.each(['Please email me the photos and I will look today.', 'Talk to me whenever you like.'])('leave asking the customer to come to you alone: %s', (reply) => {
		expect(found(score(reply), 'pass-on')).toEqual([]);
	});
});

describe('promising what the speaker cannot deliver, in more words (round three)', () => {
	it.each([
		'Of course, whatever you need, just send me the bills.',
		'Bring it back and I will swap it, no questions asked.',
		"Don't worry about any limit, we'll pay it all.",
		"It'll be with you by lunchtime tomorrow for sure."
	])('counts against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise')[0]?.reason).toMatch(/promise only what you will do/);
	});

	it('outweighs a timed commitment it is attached to', () => {
		expect(score("I'll have the new glasses on your doorstep by 9am tomorrow, guaranteed.").ownership).toBeLessThan(0);
	});
});

describe('exceptions and walls in more words (round three)', () => {
	it.each([
		'Come straight in, no appointment needed.',
		'While it is in the workshop you can borrow one of our courtesy cars for free.',
		"Just show the old pass at the gate and they'll let you in.",
		'A photo of the label is perfectly fine instead of the receipt.',
		"I can't refund the deposit, but I've moved it onto your next booking."
	])('reads a way round the rule as flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight > 0 && e.reason.length > 10)).toBe(true);
	});

	it.each([
		'Anything over the allowance will not be reimbursed.',
		'The deadline is printed on your booking form.',
		'A second fitting would be chargeable.',
		'The warranty requires proof of purchase.',
		'Please refer to clause 9 of your agreement.',
		"The allowance covers meals, a coat won't be covered, but you could try the charity shop."
	])('reads hiding behind the rule as a wall: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
	});
});

describe('a reply that opens with yes or no has answered the question (round three)', () => {
	it('does not count an opening "yes" as ignoring the question', () => {
		const result = score('Yes, bring the statement to the front desk.', { customerLine: 'Surely you can find the payment on my card?' });
		expect(result.evidence.some((e) => e.feature === 'unanswered')).toBe(false);
	});

	it('does not count a holding line of up to ten words as ignoring it', () => {
		const result = score('Checking the Tuesday and Thursday slots for you now.', { customerLine: 'Can I move my class?' });
		expect(result.evidence.some((e) => e.feature === 'unanswered')).toBe(false);
	});
});

describe('a plain yes to what the customer asked for, against a limit they named (round three)', () => {
	const customerLine = "I haven't got the booking reference, but could you still check me in?";
	it.each(['Yes, come to the desk.', 'Of course — give me your surname.'])('counts as flexibility: %s', (reply) => {
		const result = score(reply, { customerLine });
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'flex-yes', 1)[0]?.reason).toMatch(/yes/i);
	});

	it('is a plain answer when no limit was named, or when the customer asked whether they must', () => {
		expect(found(score('Yes, the pool opens at seven.', { customerLine: 'Could you tell me when the pool opens?' }), 'flex-yes', 1)).toEqual([]);
		expect(found(score('Yes, a new ticket is needed.', { customerLine: "I missed it, but do I really have to buy a new ticket?" }), 'flex-yes', 1)).toEqual([]);
	});
});

describe('"without" negates its own object, not the wall after it (round three)', () => {
	it('counts "without a receipt our hands are tied" as a wall', () => {
		const result = score('Without a receipt our hands are tied.');
		expect(result.flexibility).toBeLessThan(0);
	});
});

describe('"please be aware" is a form-letter line and, opening a reply, states the rule (round three)', () => {
	it('counts against empathy and flexibility', () => {
		const result = score('Please be aware the gym closes at ten.');
		expect(result.empathy).toBeLessThan(0);
		expect(result.flexibility).toBeLessThan(0);
	});
});

describe('a "please" that only sends the customer elsewhere (round three)', () => {
	// Checked on the findings, before any weight: the panel's labels currently weigh a courtesy at 0 either way.
	it.each(['Please refer to the booking terms.', 'Please hold for the next available adviser.', 'Please ring our claims team.'])('earns no courtesy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThanOrEqual(0);
		expect(result.ownership).toBeLessThan(0);
		const courtesy = collectFindings(reply, { customer: 'Dana Whitfield' }).findings.filter((f) => f.feature === 'courtesy');
		expect(courtesy.length).toBe(1);
		expect(courtesy[0].zeroed).toMatch(/not a courtesy/);
	});

	it('keeps a please that asks for something the speaker needs', () => {
		const courtesy = collectFindings('Please send me the photos and I will book the repair today.', { customer: 'Dana Whitfield' }).findings.filter((f) => f.feature === 'courtesy');
		expect(courtesy.length).toBe(1);
		expect(courtesy[0].zeroed).toBeUndefined();
	});
});

describe('sympathy for what the customer had to go through is not blaming them (round three)', () => {
	it('does not read "sorry you had to wait outside" as a reproach', () => {
		const result = score("I'm so sorry you had to stand outside in the rain.");
		expect(found(result, 'reproach')).toEqual([]);
		expect(result.empathy).toBeGreaterThan(0);
	});

	it('still reads "that\'s really on you" as one', () => {
		expect(found(score("That's really on you to check the dates."), 'reproach').length).toBeGreaterThan(0);
	});

	it.each(["You shouldn't have had to ring us three times about this.", "You shouldn't have to chase a refund we owe you."])(
		'does not read "you shouldn\'t have (had) to…" as blaming the customer: %s',
		(reply) => {
			const result = score(reply);
			expect(found(result, 'blame')).toEqual([]);
			expect(found(result, 'dismissive')).toEqual([]);
			expect(sign(result.ownership)).toBe(0);
			expect(result.empathy).toBeGreaterThan(0);
		}
	);

	it('still reads "you should have read the terms" as blame', () => {
		const result = score('You should have read the terms before booking.');
		expect(result.ownership).toBeLessThan(0);
		expect(result.empathy).toBeLessThan(0);
	});
});

describe('refusing because everyone else would want the same (round three)', () => {
	it.each([
		'If we gave everyone a refund for a rainy day we would have no business left.',
		'If every tenant got a rent holiday for a broken lift, where would it end?',
		"We'd have to do the same for everyone.",
		"It wouldn't be fair on the other members."
	])('is a flat refusal: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'hard-wall')[0]?.reason).toMatch(/flat refusal/);
	});

	it('does not read an offer inside the "if everyone" clause as an exception', () => {
		expect(found(score('If I let everyone in for free, nobody would pay.'), 'flex-offer', 1)).toEqual([]);
	});
});

describe('hiding behind the procedure (round three)', () => {
	it.each(['The reminders were sent as required.', 'The sale will proceed unless the balance is cleared.', 'Our staff are instructed to close the doors at six.'])(
		'is a wall when nothing is offered: %s',
		(reply) => {
			expect(score(reply).flexibility).toBeLessThan(0);
		}
	);
});

describe('playing the loss down (round three)', () => {
	it.each(["The old sofa wouldn't be worth much anyway.", "I wouldn't bother with a hire car, it'll turn up."])('is dismissive: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'brush-off')[0]?.reason).toMatch(/does not matter/);
	});
});

describe("arguing with the customer's account for a colleague (round three)", () => {
	it.each(["I doubt that's what happened, our fitters always check.", 'The engineer did nothing wrong.', 'Our technician knows what she is doing.'])(
		'is a reproach: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(found(result, 'reproach').length).toBeGreaterThan(0);
		}
	);

	it('leaves "you did nothing wrong" as reassurance', () => {
		const result = score('You did nothing wrong, and I will sort the refund today.');
		expect(found(result, 'reproach')).toEqual([]);
		expect(result.empathy).toBeGreaterThan(0);
	});
});

describe('a plain yes to "do I really have to…?" (round three)', () => {
	const customerLine = 'The class was cancelled on the day. Do I really have to pay for it?';
	it('is a wall', () => {
		const result = score('Yes, the full fee applies to every booked class.', { customerLine });
		expect(result.flexibility).toBeLessThan(0);
		expect(score('Yes.', { customerLine }).evidence.some((e) => e.feature === 'must-yes' && e.weight < 0 && /do I really have to/.test(e.reason))).toBe(true);
	});

	it('is not a wall when a way round follows', () => {
		expect(score("Yes, but I can move you to Thursday's class at no charge.", { customerLine }).flexibility).toBeGreaterThan(0);
	});
});

describe('disowning the rules (round three)', () => {
	it('counts "I don\'t make them" against ownership and "the rules are there to…" as a wall', () => {
		const result = score('The rules are there to keep everyone safe. I do not make them.');
		expect(result.flexibility).toBeLessThan(0);
		expect(score("The rules are there for a reason. I don't make them.").ownership).toBeLessThan(0);
	});
});

describe('someone else owns it, in other words (round four)', () => {
	it.each([
		"That's between you and the landlord, really.",
		'Complaints about the fitters go to them directly.',
		'Drop her an email, she keeps the diary.',
		'Our payroll team handles all expense claims.',
		'He sets his own cancellation terms.',
		"I'm afraid it's the director's call, not something I can change.",
		"Honestly, that's really their decision rather than mine.",
		"The flood was the builder's doing, so it's not something we're responsible for."
	])('counts against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(result.evidence.some((e) => e.dimension === 'ownership' && e.weight < 0 && e.reason.length > 10)).toBe(true);
	});

	it.each([
		"I'll drop her an email now and ring you back by four.",
		"It's your call: I can hold both dates until Friday.",
		'I handle all the refunds here, so I can do it today.'
	])('leaves the trainee doing it, or the customer choosing, alone: %s', (reply) => {
		const result = score(reply);
		expect(result.evidence.filter((e) => e.dimension === 'ownership' && e.weight < 0)).toEqual([]);
	});
});

describe('leaving the customer to do it again themselves (round four)', () => {
	it.each([
		'Try resetting the router again and see.',
		'Please request the credit through our website under My Orders.',
		"You'll need to book the repair via the online portal.",
		'You might be able to claim it back from your card provider.'
	])('counts against ownership: %s', (reply) => {
		expect(score(reply).ownership).toBeLessThan(0);
	});

	it("leaves the trainee's own retry alone", () => {
		expect(found(score("I'll try the payment again myself tonight and text you by nine."), 'self-serve')).toEqual([]);
	});
});

describe('putting it back on the customer as a question or a verdict (round four)', () => {
	it.each([
		'Were you standing on the chair when it snapped?',
		'Were you at home when the courier knocked?',
		"If it's split, it wasn't being stored correctly.",
		"That's exactly what the extended warranty is there for.",
		"You didn't even ring to say you'd be late."
	])('counts against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(result.evidence.some((e) => e.feature === 'reproach' && e.weight < 0)).toBe(true);
	});

	it.each(['Were you hurt when it fell?', 'When would suit you for the engineer?'])('leaves a caring or practical question alone: %s', (reply) => {
		expect(found(score(reply), 'reproach')).toEqual([]);
	});
});

describe('the rule stated as a bill (round four)', () => {
	it.each([
		'The second night is still chargeable.',
		'All refunds are subject to inspection.',
		'You were billed in accordance with our standard hourly tariff.',
		'You will be invoiced for the full amount as agreed.',
		'Our terms and conditions clearly state the notice period.',
		'Sadly the rules do not allow refunds once a course starts.',
		'Only registered members are permitted on the court.',
		"I don't see why we should pay for that.",
		'Haha no.',
		'No. We never extend passes.'
	])('reads as a wall: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});

	it.each(['No problem, I can move it.', 'Nope, there is no charge for that, I have taken it off.'])('leaves a no that answers kindly alone: %s', (reply) => {
		expect(score(reply).flexibility).toBeGreaterThanOrEqual(0);
	});
});

describe('a rule that holds for safety or the law, explained (round four)', () => {
	it.each([
		"I can't let you climb without a harness because it's a safety requirement, but I can book you a guided session.",
		"Changing the date on the invoice would make it a false document, so I can't do that.",
		"You'd be uninsured on the road, so I'm not able to hand over the keys until the named driver is here."
	])('is not hiding behind it: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThanOrEqual(0);
		if (result.flexibility === 0) expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight === 0 && /safety|law|insurance/.test(e.reason))).toBe(true);
	});

	it.each(['No exceptions, for safety reasons.', 'Safety first! But we only refund if we cancel.'])('a flat refusal, or safety only mentioned, is still a wall: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});
});

describe('asking the customer something back is not ignoring the question (round four)', () => {
	const customerLine = 'The shelf collapsed after a week. Are you going to replace it or not?';
	it.each(['Which shelf model is it, and when did you buy it?', 'Could you send me a photo of the bracket?', 'Do you have the order number to hand?'])(
		'is no unanswered question: %s',
		(reply) => {
			expect(found(score(reply, { customerLine }), 'unanswered')).toEqual([]);
		}
	);

	it.each(['Did you know our loyalty card gives ten percent off?', 'Have you seen our spring catalogue?'])('a question that changes the subject still ignores it: %s', (reply) => {
		expect(found(score(reply, { customerLine }), 'unanswered')).toHaveLength(1);
	});
});

describe('names with combining accents, and interjections before them (round four)', () => {
	it('counts a name typed with combining accents as the name', () => {
		const result = score('Thank you, Mr Ọ\u0301láyẹ\u0300mí, I will sort it now.', { customer: 'Adé Ọ\u0301láyẹ\u0300mí' });
		expect(found(result, 'name-wrong')).toEqual([]);
		expect(found(result, 'name-right', 1)).toHaveLength(1);
	});

	it.each(['Ouch, Morgan, that sounds painful.', 'Yikes, Morgan, I am so sorry.'])('does not read an interjection as a wrong name: %s', (reply) => {
		expect(found(score(reply), 'name-wrong')).toEqual([]);
	});
});

describe('already done, in more words (round four)', () => {
	const customerLine = 'I was charged twice for one lesson. Can you sort it out?';
	it.each(["Done. I've halved the fee and reinstated your booking.", 'Refund done, and the second charge is cancelled.', "I've written off the late charge."])(
		'counts as flexibility and ownership: %s',
		(reply) => {
			const result = score(reply, { customerLine, policy: 'Lesson fees are non-refundable.' });
			expect(result.flexibility).toBeGreaterThan(0);
			expect(result.ownership).toBeGreaterThan(0);
		}
	);

	it('a team that carries out what the trainee already did is not a hand-off', () => {
		const result = score("I've approved the swap, and our delivery team will call you to pick a day.", { customerLine });
		expect(result.ownership).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.feature === 'pass-on' && e.weight === 0 && /already done it yourself/.test(e.reason))).toBe(true);
	});

	it('raising a ticket is not doing it: the hand-off after it still counts', () => {
		expect(score("I've logged a ticket and our support team will contact you.").ownership).toBeLessThan(0);
	});
});

describe("promising someone else's decision, and vague hopes (round four)", () => {
	it.each(["Don't worry, I'm sure the manager will refund the lot.", "I'm confident head office will waive it."])('over-promises: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise')).toHaveLength(1);
	});

	it.each(["I'm sure the kids will survive one evening.", "I'm sure your guests will love it."])('leaves sarcasm or good wishes to their own rules: %s', (reply) => {
		expect(found(score(reply), 'over-promise')).toEqual([]);
	});

	it.each(['The app should all be working again soon.', 'I will pass it to the office and they may get back to you.', 'Someone from billing might be able to help you.'])(
		'is a vague promise: %s',
		(reply) => {
			expect(found(score(reply), 'vague-promise')).toHaveLength(1);
		}
	);
});

describe('a holding line owns nothing yet (round four)', () => {
	it.each(['One moment while I find your order.', 'Bear with me a second while I check the rota.'])('is 0 on ownership: %s', (reply) => {
		expect(score(reply).ownership).toBe(0);
	});

	it('a longer reply that does something while the customer waits still owns it', () => {
		expect(score("One moment while I find your order. I've found it and I'm refunding the delivery now.").ownership).toBeGreaterThan(0);
	});
});

describe('not sure what the customer wants said (round four)', () => {
	it('is dismissive', () => {
		expect(score("Not sure what you want me to say, it's in the system.").empathy).toBeLessThan(0);
	});
});

describe('walls in yet more words (round four)', () => {
	it.each([
		"Can't do that. Adults only.",
		'The booking fee does still apply, I am afraid.',
		"Late swaps aren't something we'd normally offer.",
		'The match will go ahead as scheduled.'
	])('reads as a wall: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});
});

describe('pushing back on a charge asks for an exception (round four)', () => {
	it.each(["You're not seriously going to charge me for the whole month?", 'Are you really refusing the refund over a scratch?', 'Forty pounds for that? Is that a joke?'])(
		'so doing the remedy against the rule is flexibility: %s',
		(customerLine) => {
			const result = score("I've refunded the whole amount to your card.", { customerLine, policy: 'Refunds are not given after 14 days.' });
			expect(result.flexibility).toBeGreaterThan(0);
		}
	);
});

describe('a bare "sorry" tacked onto a refusal (round four)', () => {
	it.each(['Tickets are non-refundable. Sorry.', "Repairs after the warranty are not covered, I'm sorry.", "There's nothing I can do, I'm sorry about that."])(
		'is the same script as a run-up: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(found(result, 'run-up')).toHaveLength(1);
		}
	);

	it.each(["We can't take returns after 30 days, but I can swap it for you today, sorry for the trouble.", "I'm sorry, Morgan, I've refunded it."])(
		'leaves an apology beside something offered alone: %s',
		(reply) => {
			expect(found(score(reply), 'run-up')).toEqual([]);
		}
	);
});

describe("doing what the customer asked for, in their own words (round four)", () => {
	const policy = 'Bookings cannot be moved within 48 hours of the start time.';
	it.each([
		['Can you just move my lesson to Thursday evening?', "Leave it with me, I'll move your lesson to Thursday at six.", policy],
		['Could we at least keep the deposit as credit?', "We'll keep the deposit as credit on your account.", 'Deposits are forfeited on cancellation.'],
		['Can you post the spare key through my letterbox?', "Sure, I'll post the key through your letterbox tonight.", 'Keys are never posted; they are handed over in person.']
	])('grants the exception: %s → %s', (customerLine, reply, rule) => {
		const result = score(reply, { customerLine, policy: rule });
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'request-met', 1)[0]?.reason).toMatch(/what the customer asked for/);
	});

	it.each([
		"I can't move your lesson to Thursday, I'm afraid.",
		"I'll look into moving your lesson to Thursday.",
		"I'll check whether the Thursday lesson is free."
	])('a clause that refuses or only looks into it grants nothing: %s', (reply) => {
		const result = score(reply, { customerLine: 'Can you just move my lesson to Thursday evening?', policy });
		expect(found(result, 'request-met', 1)).toEqual([]);
	});

	it.each(['Lessons are never moved at this notice.', 'Thursday lessons do not get moved at this point.'])('refusing it in those words, with nothing offered, is a wall: %s', (reply) => {
		const result = score(reply, { customerLine: 'Can you just move my lesson to Thursday evening?', policy });
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'request-refused')[0]?.reason).toMatch(/Refusing what the customer asked for/);
	});

	it("refusing it beside an offer is no wall", () => {
		const result = score("I can't move the lesson, but I can give you a free one next week.", { customerLine: 'Can you just move my lesson to Thursday evening?', policy });
		expect(found(result, 'request-refused')).toEqual([]);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it.each([
		['Can you cancel my membership today?', 'Memberships can be cancelled at any time.'],
		['Can you fix the spelling of my name on the invoice?', 'Invoices are due within 30 days.']
	])('doing what the rule allows, or what no rule is about, is service: %s', (customerLine, rule) => {
		const result = score("Of course, I'll cancel it and fix the spelling today.", { customerLine, policy: rule });
		expect(found(result, 'request-met', 1)).toEqual([]);
	});
});

describe('owning the next step in more verbs (round four)', () => {
	it.each([
		"I'll keep the jacket in the office for you until June.",
		"I'll leave the tickets at the gate in your name.",
		"I'll swing by again at six with the parcel.",
		"I'll treat it as a warranty repair.",
		"ill text u when its ready"
	])('counts for ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeGreaterThan(0);
		expect(found(result, 'commit-step', 1).length + found(result, 'commit-timed', 1).length).toBeGreaterThan(0);
	});

	it.each(['Let me check the diary.', 'Let me get the manager.'])('a holding step still owns nothing: %s', (reply) => {
		expect(score(reply).ownership).toBe(0);
	});
});

describe('warmth and reassurance in more words (round four)', () => {
	it.each([
		'A broken wrist is no joke. I have moved your sessions to March.',
		'What a shock for you. I have booked the engineer for Monday.',
		"Two days before the move - that's awful timing. I'll hold the van for you.",
		"Don't give the deposit another thought, I have refunded it.",
		"I won't leave you stuck: I'll drive the spare set over myself.",
		'Your health matters more than the booking, so I have cancelled it free of charge.'
	])('counts for empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'empathy' && e.weight > 0 && e.reason.length > 10)).toBe(true);
	});

	it('"safety first" alone before a refusal is not reassurance', () => {
		expect(score('Safety first! But we only refund if we cancel.').empathy).toBeLessThanOrEqual(0);
	});
});

describe('a refusal followed by what the trainee will do instead (round five)', () => {
	it.each([
		"I can't move the booking online. But I'll hold the Friday slot for you myself until ten tomorrow.",
		"We can't open the locker without the key holder, so I'm calling his ward now to take his consent by phone.",
		"I'm not able to extend the loan period. What I'll do is renew it for you today under a new loan.",
		"I can't take it back after a month; however I've put a repair through for you this morning."
	])('is a way found within the rule, not a wall: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'way-after-wall', 1)[0]?.reason).toMatch(/way found within the rule/);
	});

	it.each([
		"I can't refund it, but I've logged your comments.",
		"I can't move the booking, but you'll need to ring the venue.",
		"I can't move the booking. Sorry."
	])('not when what follows is only a record, the customer\'s own work or nothing: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'way-after-wall', 1)).toEqual([]);
		expect(result.flexibility).toBeLessThanOrEqual(0);
	});
});

describe('the rule said back to a customer who asked for a way round it (round five)', () => {
	const boiler = { customerLine: 'Can you fit my boiler service in before Friday? The house is freezing.', policy: 'Boiler services are booked at least 10 working days ahead.' };
	it.each([
		"Boiler services need 10 working days' notice.",
		'The earliest service slot is 10 working days ahead.',
		'Services are booked 10 days ahead, sorry.'
	])('is a wall without the word "can\'t": %s', (reply) => {
		const result = score(reply, boiler);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'rule-restated')[0]?.reason).toMatch(/saying the rule back/);
	});

	it.each([
		"Boiler services need 10 working days' notice because the engineers' rounds are planned a fortnight ahead.",
		"Services need 10 working days' notice, but you can book an emergency heating visit for tomorrow.",
		'Let me check whether any service slot frees up before Friday.',
		"Services are booked 10 days ahead - is the boiler off completely?"
	])('not when the rule is explained, a way is offered, or the trainee checks or asks: %s', (reply) => {
		expect(found(score(reply, boiler), 'rule-restated')).toEqual([]);
	});

	it.each([
		['Can your driver wait ten more minutes for my mum?', 'Drivers wait at most 5 minutes.', 'Drivers wait 5 minutes maximum.'],
		["You're really going to charge me for a lesson my son was too ill for?", 'Lessons cancelled inside 24 hours are charged in full.', 'Late cancellations within 24 hours pay the full lesson fee.'],
		['Is there honestly no way to get a seat together?', 'Seats together must be booked 24 hours in advance.', 'Seating together is booked 24 hours ahead.']
	])('asked in other words (%s) and answered with the rule: %s', (customerLine, policy, reply) => {
		const result = score(reply, { customerLine, policy });
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'rule-restated').length).toBe(1);
	});

	it('not when the customer asked for news rather than a way round the rule', () => {
		const result = score('Refunds are paid within 10 working days.', { customerLine: 'When will I get my refund?', policy: 'Refunds are paid within 10 working days of the return.' });
		expect(found(result, 'rule-restated')).toEqual([]);
	});
});

describe('promises and hand-offs in more words (round five)', () => {
	it.each([
		'Your boiler will be fixed by tonight guaranteed!',
		"We'll have the suit altered for Friday, no question.",
		"I'll get the cake to you by four, promise.",
		"We'll fix it, whatever it takes."
	])('promising what nobody can be sure of counts against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise').length).toBeGreaterThan(0);
	});

	it.each(["I promise I'll call you at four.", 'The part is guaranteed for two years.'])('a promise of your own action, or a product guarantee, is not one: %s', (reply) => {
		expect(found(score(reply), 'over-promise')).toEqual([]);
	});

	it.each([
		"You'll need to get a letter from your landlord first.",
		'Ask the front desk, they handle parking.',
		'Ring back on Monday and ask for accounts.',
		'Please fill in the complaints form on our website.'
	])('sending the customer to do it themselves counts against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'self-serve').length + found(result, 'pass-on').length).toBeGreaterThan(0);
	});

	it("asking a colleague yourself is not sending the customer: I'll ask the front desk for you now.", () => {
		expect(score("I'll ask the front desk for you now.").ownership).toBeGreaterThanOrEqual(0);
	});

	it.each(["I'll see what I can do.", 'Leave it with us.', "We'll get it sorted.", "I'll see what can be done.", "I'll mention it to the manager."])('a promise to try with nothing named owns nothing and offers nothing: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(result.flexibility).toBe(0);
		expect(found(result, 'vague-promise')[0]?.reason).toMatch(/nothing named/);
	});

	it.each([
		['a limit named', 'The deadline has passed, but let me see what I can do.'],
		['a question back', 'Let me see what I can do - which day suits you?'],
		['an action with a time', "I'll see what I can do and call you by 5pm."]
	])('not with %s: %s', (_, reply) => {
		expect(found(score(reply), 'vague-promise')).toEqual([]);
	});
});

describe('a stock opener before "but" and nothing else (round five)', () => {
	it.each(['I hear you, but the cut-off is there for a reason.', 'I understand your concern, however week six is past the window.'])(
		'is a preamble to a no, even without a wall word: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThanOrEqual(0);
			expect(found(result, 'stock-preamble').length + found(result, 'stock-preamble', 0).length).toBeGreaterThan(0);
			// …and the rule after it, with nothing offered, is hidden behind.
			expect(result.flexibility).toBeLessThan(0);
			expect(found(result, 'preamble-no')[0]?.reason).toMatch(/leads only to the rule/);
		}
	);

	it.each(['I hear you, but could you send me the receipt?', "I understand, but I'll ring the depot for you now."])('not when a question or an action follows: %s', (reply) => {
		expect(found(score(reply), 'stock-preamble')).toEqual([]);
	});
});

describe('a charge waived in plain words (round five)', () => {
	const lateFee = { customerLine: 'I was in hospital, that is why I missed it. Do I really have to pay the £30?', policy: 'Missed appointments are charged £30.' };
	it.each([
		'No fee this time, get well soon.',
		"The charge has been removed from your account.",
		"Don't give the fee a second thought, I'm taking it off your bill now.",
		"That one's on us.",
		"You won't be charged for it."
	])('is an exception: %s', (reply) => {
		const result = score(reply, lateFee);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight > 0 && e.reason.length > 10)).toBe(true);
	});
});

describe('a limit in plain words, then "but" and a way (round five)', () => {
	it.each([
		"Thursday's fully booked, but I'll open up half an hour early and fit you in at 8.",
		"We're past the cut-off for changes, but I've already swapped the order onto the late van so it still goes out today.",
		'The parcel is too heavy for one van, but if you split it into two boxes under 20kg each, we can take both.'
	])('is a way forward: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'flex-limit-but', 1).length).toBeGreaterThan(0);
	});

	it("not when what follows is the customer's own work: We're fully booked, but you could try the branch in town.", () => {
		expect(found(score("We're fully booked, but you could try the branch in town."), 'flex-limit-but', 1)).toEqual([]);
	});
});

describe('walls in the third person (round five)', () => {
	it.each(['Drivers can\'t wait more than five minutes.', 'Counter staff aren\'t able to refund online orders.', 'That is our policy.'])('hide behind the rule: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'soft-wall').length).toBeGreaterThan(0);
	});

	it.each(["You can't miss it, it's next to the lifts.", "Thanks can't cover it, but I'll refund you today."])('not when it is the customer or a figure of speech: %s', (reply) => {
		expect(found(score(reply), 'soft-wall')).toEqual([]);
	});
});

describe('dismissal and sarcasm in more words (round five)', () => {
	it.each([
		'Did you even read the booking page? Pets are not allowed.',
		'Parking fines are nothing to do with us.',
		'Ask the council, they deal with that, not us.',
		"It'll be ready when it's ready.",
		'Oh, because of course every order is urgent.'
	])('counts against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'dismissive').length + found(result, 'sarcasm').length).toBeGreaterThan(0);
	});

	it.each(['Nothing to do with us went wrong here, and I\'m sorry it still happened.', 'Of course, because the parcel was late I\'ll refund the postage.'])(
		'not when the words do something else: %s',
		(reply) => {
			const result = score(reply);
			expect(found(result, 'dismissive').length + found(result, 'sarcasm').length).toBe(0);
		}
	);
});

describe('waivers and steps done, in more words (round six)', () => {
	const lateFee = { customerLine: 'The letter came late because the post was on strike. Do I lose the £40?', policy: 'Rebooking after the deadline costs £40.' };
	it.each([
		"Send it over and I'll rebook you without the fee.",
		"It won't cost you anything extra.",
		"This one doesn't count against you.",
		'Consider it gone!',
		"You won't be paying that £40.",
		"You won't pay for the missed week.",
		"I've rebooked you and taken the late charge off.",
		'New date on Friday, no rebooking fee.'
	])('a charge waived counts for flexibility: %s', (reply) => {
		const result = score(reply, lateFee);
		expect(result.flexibility).toBeGreaterThan(0);
		// The waiver is read and explained; where an offer before it has already filled the flexibility group's cap
		// ("I'll rebook you without the fee"), it shows as "already counted" rather than adding again.
		const waiver = result.evidence.find((e) => e.feature === 'flex-waive');
		expect(waiver?.reason).toMatch(/taking the fee or penalty off/i);
		expect(waiver!.weight > 0 || /^Already counted/.test(waiver!.reason)).toBe(true);
	});

	it.each([
		"I've listed both tickets on the exchange for you.",
		"I've found another photographer for Saturday.",
		"I've got you down for Monday at 11.",
		'Leave the paperwork with me and it will be filed by Friday.'
	])('a step taken counts for ownership: %s', (reply) => {
		expect(score(reply).ownership).toBeGreaterThan(0);
	});

	it("finding something out is not a step taken: I've found your order and it shipped on Monday.", () => {
		expect(score("I've found your order and it shipped on Monday.").ownership).toBe(0);
	});
});

describe('talking down and stock openers in more words (round six)', () => {
	it.each([
		'Well, a week before the exam is cutting it a bit fine, isn\'t it?',
		'You did tick the box on the form, so.',
		'Parcels usually get redelivered, you know.',
		'How do I know you are the account holder? Could be anyone.',
		"Ask the landlord. That's his problem, not mine.",
		'The fee is 30%. Do you want to book or not?'
	])('counts against empathy: %s', (reply) => {
		expect(score(reply).empathy).toBeLessThan(0);
	});

	it.each([
		'We understand how upsetting this must be. Unfortunately, we are unable to offer a refund after 24 hours.',
		'I appreciate this has been a hard week, however the rule applies to everyone.'
	])('a stock opener from "we" or "I appreciate" before a refusal is a preamble: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
	});

	it('offering to book is not sending the customer away: Do you want to book the Friday slot?', () => {
		expect(score('Do you want to book the Friday slot?').ownership).toBe(0);
	});

	it("with something done after it, it is warmth: We understand how stressful this is, and I've refunded the fee today.", () => {
		expect(score("We understand how stressful this is, and I've refunded the fee today.").empathy).toBeGreaterThan(0);
	});
});

describe('a rule that holds for privacy or security, explained (round six)', () => {
	it.each([
		"I'm sorry, I can't share another member's address. Under data protection we need their consent first.",
		"I can't copy that key without the card: it's a security key, to stop people copying keys to homes that aren't theirs."
	])('is no wall: %s', (reply) => {
		expect(score(reply).flexibility).toBe(0);
	});

	it('a decision defended as correct is a wall: The fines were correctly issued.', () => {
		const result = score('The fines were correctly issued.');
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'soft-wall').length).toBeGreaterThan(0);
	});
});

describe('ways round the rule in more words (round seven)', () => {
	const deposit = { customerLine: 'My son has chickenpox, so we have to cancel his party on Saturday. Do we lose the deposit?', policy: 'Party deposits are non-refundable.' };
	it.each([
		"Don't worry about the deposit, we'll move the party to when he's better.",
		'We can transfer the deposit to another date in the next three months.',
		"Bring the cake back and we'll redo it free."
	])('counts for flexibility: %s', (reply) => {
		expect(score(reply, deposit).flexibility).toBeGreaterThan(0);
	});
});

describe('talking down in yet more words (round seven)', () => {
	it.each([
		'You do realise the form says no refunds?',
		'With respect, you had the receipt.',
		'Plenty of other customers made it in on time.',
		"Ink always fades a bit, that's just how printing works."
	])('counts against empathy: %s', (reply) => {
		expect(score(reply).empathy).toBeLessThan(0);
	});

	it('not "with respect to…": With respect to your booking, I have moved it to Friday.', () => {
		expect(score('With respect to your booking, I have moved it to Friday.').empathy).toBeGreaterThanOrEqual(0);
	});
});

describe('disowning and hand-offs in yet more words (round seven)', () => {
	it.each([
		"The owner is strict about it, it's not me.",
		'If it was up to me I would let you in.',
		'The returns desk might be able to help.',
		"You'll need to screenshot the email and send it to us."
	])('counts against ownership: %s', (reply) => {
		expect(score(reply).ownership).toBeLessThan(0);
	});
});

describe('distress passed over (round eight)', () => {
	const cases: [string, string][] = [
		['My son broke his arm at football and can\'t swim for six weeks. Can I pause his lessons?', 'Lessons are billed termly and cannot be paused.'],
		['We were at my grandmother\'s funeral on Friday, that\'s why nobody answered the door. Can you redeliver today?', 'Redeliveries are booked through the website.'],
		['I\'m 30 weeks pregnant and the lift in your car park is broken again. Can I park by the entrance?', 'That bay is for blue badge holders only, I\'m afraid.']
	];
	it.each(cases)('counts a cold refusal to a customer who named a hardship against empathy: %s', (customerLine, reply) => {
		const result = score(reply, { customerLine, policy: 'Rules apply to everyone.' });
		expect(result.empathy).toBeLessThan(0);
		const evidence = found(result, 'distress-ignored')[0];
		expect(evidence?.reason).toMatch(/mentioned "/);
		expect(reply.slice(evidence!.start, evidence!.end)).toBe(evidence!.phrase);
	});

	it('leaves a refusal that says a word for the customer, or a reply to a plain request, alone', () => {
		const customerLine = 'My son broke his arm at football. Can I pause his lessons?';
		expect(found(score("I'm so sorry about his arm. Lessons can't be paused, but I can move him to the summer term.", { customerLine }), 'distress-ignored')).toEqual([]);
		expect(found(score('Lessons are billed termly and cannot be paused.', { customerLine: 'Can I pause my lessons over the summer?' }), 'distress-ignored')).toEqual([]);
	});

	it('does not take thanks or a "please" for a word about the customer\'s trouble', () => {
		const customerLine = 'My son broke his arm at football. Can I pause his lessons?';
		expect(found(score('Thanks for letting us know. Lessons are billed termly and cannot be paused.', { customerLine }), 'distress-ignored').length).toBe(1);
	});

	it('does not count a rule held for safety, explained, as passing over the customer', () => {
		const customerLine = 'My daughter is desperate to ride the big coaster. She is nearly tall enough.';
		expect(found(score('The height limit is there to keep riders safe, so I can\'t let her on.', { customerLine }), 'distress-ignored')).toEqual([]);
	});
});

describe('sympathy with the name, then a refusal (round eight)', () => {
	it('counts the run-up against empathy even when the customer\'s name is in it', () => {
		const result = score('Sorry Morgan, we are not able to carry anything over 10kg.');
		expect(found(result, 'run-up').length).toBe(1);
		expect(result.empathy).toBeLessThanOrEqual(0);
	});

	it('keeps sympathy with an offer as sympathy', () => {
		expect(score("Sorry Morgan, we can't carry it by bike, but I'll send a van at 3pm today.").empathy).toBeGreaterThan(0);
	});
});

describe('making the trouble small or common (round eight)', () => {
	it.each([
		"You're not the only one waiting, to be fair.",
		'We get these complaints every week.',
		'Queues happen all the time in August.',
		"That's budget airlines for you.",
		'Everyone says that the app crashed.'
	])('counts against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'dismissive').length).toBeGreaterThan(0);
	});

	it.each(["You're not the only one who asked, so I've added more slots on Saturday.", 'We get the delivery every week on Tuesday.'])(
		'leaves plain facts alone: %s',
		(reply) => {
			expect(found(score(reply), 'dismissive').filter((e) => /every week|only one/.test(e.phrase) && !/who asked/.test(reply))).toEqual([]);
		}
	);
});

// Its weight is learned, and the panels label such a reply + and 0 about equally, so each new set can tip it: 1 from
// round eight, 0 from round seventeen (with sealed-19 and sealed-20), 1 again with sealed-24 (33 sets), 0 again with
// sealed-25 (34 sets). Whichever way it tips, it is found, named, never a wall, and the trainee is told why it earns
// its point or why not yet; the agreement test holds the shipped weight to what training gives.
describe('asking whoever can lift the rule to lift it (round eight; its weight learned)', () => {
	it.each([
		"I'll check with the duty manager today whether the deposit can be released early.",
		"Let me put your case to the head teacher about moving the exam date, I'll email you tomorrow.",
		"I'm going to speak to the owner about refunding the deposit."
	])('is named as looking for an exception, and never as a wall: %s', (reply) => {
		const result = score(reply);
		const asked = result.evidence.filter((e) => e.feature === 'flex-ask');
		const learned = LEARNED_WEIGHTS['flex-ask'];
		expect(asked.map((e) => e.weight)).toEqual([learned]);
		expect(asked[0].reason).toMatch(learned > 0 ? /whoever can lift the rule, and asking them to, is looking for an exception/ : /a step toward an exception, not one yet/);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight < 0)).toEqual([]);
		expect(result.flexibility).toBe(learned);
	});

	it('leaves asking about news, not an exception, alone', () => {
		expect(score("I'll ask the warehouse where the parcel is and call you back.").evidence.some((e) => e.feature === 'flex-ask')).toBe(false);
	});
});

describe('a rule kept for privacy or cover, explained, and grants in plain words (round nine)', () => {
	it.each([
		"Your sister's records are confidential, so I can only discuss them with her.",
		'The insurer will not cover anyone on the wall without the induction, so I have to do it first.',
		'We only hand bags over with the ticket, to protect your property.'
	])('is no wall: %s', (reply) => {
		expect(score(reply).flexibility).toBe(0);
	});

	it.each([
		"Don't worry about the storage fee, we'll call it even.",
		"I've put the £35 on your account rather than charging you for the missed lesson.",
		"The flood wasn't your doing, so I've treated it as our change, not yours.",
		"We're happy to carry your deposit over to the new date."
	])('counts on flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight > 0 && e.reason.length > 10)).toBe(true);
	});

	it.each([
		'You will need to resend the form with a copy of the receipt.',
		'He will need to contact us himself by email.',
		'You can complain to head office if you want.'
	])('counts making the customer do it, in more words, against ownership: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(result.evidence.some((e) => e.feature === 'self-serve' && e.weight < 0)).toBe(true);
	});

	it("leaves what the customer won't need to do alone", () => {
		expect(score("You won't need to resend anything, I've got the receipt.").ownership).toBeGreaterThanOrEqual(0);
	});

	it.each(['Mr Okafor, one moment while I pull up the record.', 'Hi Ms Ben-Ami. Bear with me, I am just checking the booking.'])(
		'scores a holding line with the name right 0 on empathy, and says why: %s',
		(reply) => {
			const result = scoreReply(reply, { customer: reply.includes('Okafor') ? 'Chidi Okafor' : 'Noa Ben-Ami' });
			expect(result.empathy).toBe(0);
			expect(result.evidence.some((e) => e.feature === 'name-right' && e.weight === 0 && /holding line/.test(e.reason))).toBe(true);
		}
	);

	it('keeps the name when the holding line also names the customer\'s trouble', () => {
		const result = scoreReply("Mr Okafor, I'm so sorry about the flood. One moment while I pull up the record.", { customer: 'Chidi Okafor' });
		expect(result.empathy).toBeGreaterThan(0);
	});

	it('leaves moving a booking the rules allow alone', () => {
		expect(score("I'll move your booking to Friday.").evidence.some((e) => e.feature === 'flex-indirect')).toBe(false);
	});
});

describe('making the trouble small, and guessing the customer caused it (round ten)', () => {
	it.each([
		'A booking is a booking, unfortunately.',
		"Ex-display means ex-display, I'm afraid.",
		"We're not a left-luggage office.",
		'Most owners do.',
		'Most guests wouldn\'t notice.',
		'Puppies chew things all the time.',
		'I doubt the guests at the wedding will notice.',
		"I'm sure your brother will cope.",
		"It's one scratch."
	])('counts making it small against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(result.evidence.some((e) => (e.feature === 'dismissive' || e.feature === 'brush-off') && e.weight < 0)).toBe(true);
	});

	it.each([
		'The dent most likely happened during your drive home.',
		'Is it possible you left the lid off overnight?',
		'Did you measure the window properly before ordering?',
		'That sounds like user error.'
	])('counts guessing at the customer\'s fault against empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'reproach').length).toBeGreaterThan(0);
	});

	it.each([
		"We're not a big shop, but I'll order it in for you today.",
		'Most customers book online, and I can do it for you now.',
		'Is it possible you could send me a photo of the label?',
		'The price is the same as last year.',
		"I doubt the courier will be late again: I've booked the first slot."
	])('leaves plain facts and real questions alone: %s', (reply) => {
		expect(score(reply).evidence.filter((e) => (e.feature === 'dismissive' || e.feature === 'brush-off') && e.weight < 0)).toEqual([]);
	});

	it.each([
		"Send me the photo and I'll have the late fee taken off today.",
		'We will cover the whole £60 for the lessons she missed.',
		'We can move the class to March at no extra charge.'
	])('counts taking the charge off, in other words, on flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight > 0)).toBe(true);
	});

	it("counts refusing to get the charge taken off against flexibility", () => {
		expect(score("I can't get the fine cancelled.").flexibility).toBeLessThan(0);
	});

	it('reads a refusal to give out details as a wall, and the compound "non-refundable" as English', () => {
		expect(score('We never give out contact details.').flexibility).toBeLessThan(0);
		const result = score("Non-refundable means non-refundable, I'm afraid.");
		expect(result.notes.join(' ')).not.toMatch(/read as English/);
		expect(result.empathy).toBeLessThan(0);
	});
});

describe('bending the rule on the quiet, and a rule restated instead of an answer (round eleven)', () => {
	it.each([
		"Fine, I'll let you take it home tonight, just keep it to yourself.",
		'Off the record, her new address is 14 Mill Lane.',
		"I'll slip you through the side gate, nobody needs to know.",
		"I really shouldn't do this, but I'll give you his number."
	])('counts a bend made in secret against flexibility, whatever it grants: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(result.evidence.some((e) => e.feature === 'covert-bend' && e.weight < 0)).toBe(true);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight > 0)).toEqual([]);
	});

	it('leaves "don\'t tell me…" alone', () => {
		expect(score("Please don't tell me the parcel went to the old address again!").evidence.some((e) => e.feature === 'covert-bend')).toBe(false);
	});

	const policy = 'Late returns are charged automatically at £12 a day, because the kit is booked out again the next morning.';
	it.each([
		['Anything returned late is charged automatically, £12 a day.', 'Why am I paying £36 when your shop was shut?'],
		['The £12 a day late fee is non refundable.', 'Do I really lose the whole £36?'],
		['Kit hire is for members, and late days are £12 each.', 'Now you want £36 from me?']
	])('reads a rule restated as the whole answer to a pushback as a wall, and not as an answer: %s', (reply, customerLine) => {
		const result = score(reply, { policy, customerLine });
		expect(result.flexibility).toBeLessThan(0);
		expect(result.evidence.some((e) => e.feature === 'rule-restated')).toBe(true);
		expect(result.evidence.some((e) => e.feature === 'unanswered' && e.weight < 0)).toBe(true);
	});

	it('reads "No, …" to "do I have to pay?" as the customer\'s good news', () => {
		const result = score('No, the £12 late fee is only charged once per booking, so you pay it once.', { policy, customerLine: 'Do I have to pay the late fee again?' });
		expect(result.flexibility).toBe(0);
	});
});

describe('owning it in any verb (round twelve)', () => {
	it.each(["I'll re-stitch the strap for you.", "We'll reprint the invitations.", "I've rebooked your lesson for Tuesday's slot.", "I'm going to replant the hedge."])(
		'counts on ownership: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeGreaterThan(0);
			expect(result.evidence.some((e) => e.dimension === 'ownership' && e.weight > 0)).toBe(true);
		}
	);

	it.each([
		"I'll mention it to the manager.",
		"I'll see what I can find out.",
		"I've noticed the mistake.",
		'Well if you read the terms you would know.',
		"We'll charge the cancellation fee."
	])('leaves a hand-on, a look, a perception or "well" alone: %s', (reply) => {
		expect(score(reply).evidence.some((e) => e.feature === 'commit-plain')).toBe(false);
	});
});

describe('giving way, on the nod, on a rule kept for safety, the law or privacy (round thirteen)', () => {
	const kept = [
		['Lift passes are only sold to riders over 1.2 m tall, for their safety on the drag lifts.', "He's 1.15 m but a strong skier, can I just buy him an adult pass?"],
		['By law we can only release a prescription to the patient or someone with their written consent.', "I'm her neighbour, can I pick up Mrs Okafor's tablets for her?"],
		["Stored data is only discussed with the account holder, to protect our customers' privacy.", "What's my ex-husband's new phone number on the account?"]
	] as const;
	it.each([
		["Sure, he'll be fine on an adult pass, have a great day.", 0],
		['Yes of course, just give her name at the counter and take them.', 1],
		["Hi Lena, okay, it's 07700 900123, good luck!", 2]
	] as const)('counts a quick yes with nothing weighed against flexibility, and gives the grant no credit: %s', (reply, i) => {
		const [policy, customerLine] = kept[i];
		const result = score(reply, { policy, customerLine, customer: 'Lena Okafor' });
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'gives-way')[0]?.reason).toMatch(/kept for safety, the law or privacy/);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight > 0)).toEqual([]);
	});

	it.each([
		["Sure, I can't sell him an adult pass, but the beginners' area lift has no height limit, so I'll upgrade that pass for free.", 0],
		['Yes, I can help: with a note signed by Mrs Okafor I can hand them over, as the law allows that.', 1],
		["Okay, I'll make an exception: I'll text him your number and ask him to call you, so nobody's details are shared.", 2],
		['OK, noted.', 2]
	] as const)('leaves a yes followed by a refusal, a reason, a weighed exception or nothing at all alone: %s', (reply, i) => {
		const [policy, customerLine] = kept[i];
		expect(found(score(reply, { policy, customerLine }), 'gives-way')).toEqual([]);
	});

	it('leaves a quick yes to a rule with no such reason alone', () => {
		const result = score('Sure, bring it back on Monday and we will swap it.', { policy: 'Swaps are within 14 days of purchase.', customerLine: 'It has been 16 days, can I still swap it?' });
		expect(found(result, 'gives-way')).toEqual([]);
		expect(result.flexibility).toBeGreaterThanOrEqual(0);
	});
});

describe('a promise with no time in it: "at some point", "eventually" (round thirteen)', () => {
	it.each([
		"I'll get the deposit back to you at some point.",
		"We'll sort out a replacement eventually, don't worry.",
		"I'll ring the garage when I get a chance."
	])('counts against ownership, and the promise beside it owns nothing: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'vague-promise')[0]?.reason).toMatch(/nobody and no time/);
		expect(result.evidence.filter((e) => e.dimension === 'ownership' && e.weight > 0)).toEqual([]);
	});

	it.each(['Sadly most bikes get a puncture at some point.', "I'll call the garage at 2pm and ring you at some point after that with their answer, by 4 at the latest."])(
		'leaves the words alone where nothing is promised, or a time is given too: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeGreaterThanOrEqual(0);
		}
	);
});

describe("doubting the customer's motive or word (round thirteen)", () => {
	it.each([
		'Why would you need your neighbour\'s parcel delivered to you?',
		'How do I know she really lost it?',
		"Why does it have to be this weekend? The course runs again in March.",
		'Sounds a bit fishy to me, to be honest.'
	])('counts against empathy, with the reason: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'doubts-customer')[0]?.reason).toMatch(/treats them as a suspect/);
	});

	it.each([
		'The supplier sent us a dodgy batch of screens, so I\'ll replace yours today.',
		'How would I know if it has arrived? You get a text the moment the driver scans it.',
		'Do you need it by Friday? I can send it express today.'
	])('leaves a question that helps, or doubt about something else, alone: %s', (reply) => {
		expect(found(score(reply), 'doubts-customer')).toEqual([]);
	});
});

describe('a rule said to hold whatever the case: "X is X", "regardless of the reason" (round thirteen)', () => {
	it.each([
		'Overtime is overtime, I\'m afraid.',
		'A booking is a booking.',
		'The deadline is the deadline.',
		'The cleaning fee applies regardless of the circumstances.',
		'Tickets are charged irrespective of the reason you missed the show.'
	])('counts against flexibility as a wall: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'hard-wall')[0]?.reason).toMatch(/flat refusal/);
	});

	it.each(['That is that, then: I\'ll refund it today.', 'Enough is enough, so I\'ve refunded both nights.', 'Delivery is free regardless, and I\'ll book it now.'])(
		'leaves other repeats and an unconditional gift alone: %s',
		(reply) => {
			expect(found(score(reply), 'hard-wall')).toEqual([]);
		}
	);
});

describe('sending the customer to read a page instead of answering (round fourteen)', () => {
	it.each([
		'Please see the visitor guide on our website.',
		'The opening times are on our website.',
		'Kindly refer to the Payments section of the members handbook.',
		'All the details are available at example.org/opening-times.',
		"It's all in the leaflet we gave you."
	])('counts against ownership as leaving them to it: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'self-serve')[0]?.reason).toMatch(/sort it out themselves/);
	});

	it.each([
		"I've emailed you the page from the handbook that covers it, and I'll call you at 3 to go through it.",
		"Let me check your portal has the right access switched on.",
		'Check-in opens 24 hours before departure in the app.',
		"Tickets can't be transferred, it's in the terms."
	])('leaves a page the trainee handles, a fact, or a rule cited alone: %s', (reply) => {
		expect(found(score(reply), 'self-serve')).toEqual([]);
	});
});

describe('"you really should have…", and advice for next time instead of help now (round fourteen)', () => {
	it.each([
		'You really should have booked a room in advance.',
		'You probably should have kept the receipt.',
		'Maybe order earlier next time?',
		'Next time please keep the box until you have checked the contents.',
		'You may wish to allow more time for parking in future.',
		'In future, bring the booking email with you.'
	])('is a reproach: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'reproach')[0]?.reason).toMatch(/what they did wrong/);
	});

	it.each([
		"I've added two free passes, so just give your name at the desk next time.",
		"I'll have a word with the team so it doesn't happen next time.",
		"Next time you visit, the coffee is on us."
	])('leaves a gift or our own promise for next time alone: %s', (reply) => {
		expect(found(score(reply), 'reproach')).toEqual([]);
	});
});

describe('"I understand how X can be, however…": the formula, whatever fills it (round fourteen)', () => {
	it.each([
		'I understand how stressful moving house can be, however our policy states that the fee applies.',
		'We appreciate how important the school prom is, but we do not allow under-18s on the sunbeds.',
		'I know how upsetting a cancelled holiday must be; unfortunately the deposit is non-refundable.',
		'I understand how worrying a frozen card is, but the bank has to review the block first.'
	])('is a run-up to the refusal, not empathy: %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'run-up')[0]?.reason).toMatch(/runs up to a refusal/);
	});

	it.each([
		'I understand how stressful moving house can be. I have waived the fee for you today.',
		'I understand how stressful moving house can be, and I can move your booking to Friday at no charge.'
	])('leaves understanding that comes with a way forward alone: %s', (reply) => {
		expect(found(score(reply), 'run-up')).toEqual([]);
		expect(score(reply).empathy).toBeGreaterThan(0);
	});
});

describe('saying yes to what the rule restricts, in words no grant rule lists (round fourteen)', () => {
	const policy = 'Payment must be made before the vet sees the animal. Lost tags are not replaced free of charge.';
	it.each(['We will see Biscuit tonight. Payment can be taken on Friday.', "The lost tag will be in tomorrow's post."])(
		'counts for flexibility as an exception granted: %s',
		(reply) => {
			const result = score(reply, { policy });
			expect(result.flexibility).toBeGreaterThan(0);
			expect(found(result, 'flex-grant', 1)[0]?.reason).toMatch(/grants the exception/);
		}
	);

	it.each([
		'Payment can only be taken before treatment, I am afraid.',
		'If you can pay before the appointment, we can see Biscuit tonight.',
		"I'll check whether payment can be taken on Friday.",
		"I'll call the vet now about the payment and ring you back by 5.",
		'We can see Biscuit on Tuesday.'
	])('leaves a refusal, a condition, a look into it, a call or a yes to something unrestricted alone: %s', (reply) => {
		expect(found(score(reply, { policy }), 'flex-grant', 1)).toEqual([]);
	});
});

describe('a rule held for a harm it prevents, explained, is not hidden behind (round fourteen)', () => {
	it.each([
		"We can't have anyone under 18 in the dorms, because strangers share them.",
		"I can't transfer the number, as it's tied to your medical details.",
		"We can't let under-12s on the ice without a helmet, because if she fell you couldn't stop her head hitting it."
	])('does not count the refusal against flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBe(0);
		expect(result.evidence.some((e) => e.dimension === 'flexibility' && e.weight < 0)).toBe(false);
	});

	it.each([
		"We can't refund it, as the booking was inside 24 hours.",
		"I can't move it because we lose the slot and it costs us money.",
		"Claims can't be accepted as your claim falls outside the period.",
		"I can't refund it, because head office decides refunds.",
		"We can't hold the table, as we need the deposit to secure it."
	])('still counts a refusal whose reason is only the rule or the business: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});
});

describe('"well" is not "we\'ll" (round fourteen)', () => {
	it('reads a rule said back after "Well," as the wall it is, not as something the reply will do', () => {
		const result = score('Well, bookings need 48 hours notice.', {
			customerLine: 'Can you just fit me in tomorrow morning?',
			policy: 'Bookings must be made 48 hours in advance.'
		});
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'rule-restated')[0]?.reason).toMatch(/hiding behind it/);
	});
});

describe('counting on a rule not being enforced is bending it on the quiet (round fifteen)', () => {
	it.each([
		"Just write last year's date on the form, nobody really checks.",
		"Bring the dog in anyway, they never check at the gate.",
		"Tell them he's five and nobody will ask.",
		"Take the spare locker, I won't tell if you don't.",
		"Park in the staff bay then, I won't say anything.",
		"Technically we're not supposed to, but I'll let him in early."
	])('counts against flexibility, and a yes in it is no open exception: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'covert-bend')[0]?.reason).toMatch(/on the quiet/);
	});

	it.each([
		"Nobody will ask you to pay it twice: I've cancelled the second charge.",
		"We check every harness before each climb, so she'll be safe."
	])('leaves a reassurance that is not about dodging the rule alone: %s', (reply) => {
		expect(found(score(reply), 'covert-bend')).toEqual([]);
	});
});

describe('bending the rule on the quiet is wrong, but it is no refusal (round fifteen)', () => {
	it('does not count the customer\'s distress as ignored, nor turn the sympathy into a run-up', () => {
		const result = score("I'm so sorry about your mum's funeral. Leave the car in the staff bay, nobody checks on a Sunday.", {
			customerLine: "My mum's funeral is at the church next door and your car park says staff only. Can I leave my car there?"
		});
		expect(found(result, 'distress-ignored')).toEqual([]);
		expect(found(result, 'run-up')).toEqual([]);
		expect(result.flexibility).toBeLessThan(0);
	});
});

describe('pointing at where the rule is printed (round fifteen)', () => {
	it.each([
		'Late returns are charged at £5 a day, as stated on your rental agreement.',
		"No dogs in the garden area. It's on the sign.",
		"Gift cards can't be exchanged for cash, it's all in the terms and conditions.",
		'This is clearly printed in your booking confirmation.',
		'Parking is for residents only. It says so on the sign.',
		'As per clause 4 of your agreement, the deposit is kept.',
		'As per our terms and conditions, the deposit is kept.',
		'The breakfast hours are clearly displayed in your room.'
	])('tells the customer they should have read it (empathy) and hides behind the rule (flexibility): %s', (reply) => {
		const result = score(reply);
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'reproach')[0]?.reason).toMatch(/what they did wrong/);
		expect(result.flexibility).toBeLessThan(0);
	});

	it.each([
		"Your booking reference is on your confirmation email, and I'll check it for you now.",
		"I've printed the new times on your ticket so you have them."
	])('leaves a place named to help alone: %s', (reply) => {
		expect(found(score(reply), 'reproach')).toEqual([]);
	});
});

describe('"I\'ve taken the £40 off": a sum taken off is a waiver (round fifteen)', () => {
	it.each([
		"I've taken the £40 off your bill.",
		"We've taken the €15 late fee off, so you owe nothing more.",
		"I'll take the $25 off as soon as the photos arrive."
	])('counts for flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'flex-waive', 1)[0]?.reason).toMatch(/bending the rule their way/);
	});

	it("leaves a sum that is not taken off alone: I've taken the £40 deposit", () => {
		expect(found(score("I've taken the £40 deposit and the room is yours."), 'flex-waive', 1)).toEqual([]);
	});
});

describe('an order that opens a sentence and hands the customer the work (round fifteen)', () => {
	it.each([
		'Please resubmit the claim with the original invoice.',
		'Rebook online once your new card arrives.',
		'Raise it with your landlord.',
		'Try again after midnight when the system resets.',
		'Please call 0300 123 4567 between 9 and 5.',
		'Please complete form A7 and return it to reception.'
	])('counts against ownership as leaving them to it: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'self-serve')[0]?.reason).toMatch(/sort it out themselves/);
	});

	it.each([
		'Please call me on 0300 123 4567 if anything changes.',
		'Email us the photo and I will process it today.',
		'Phone cameras are fine for the photos.',
		"I'll resubmit the claim for you this afternoon."
	])('leaves work that stays with us, or a noun, alone: %s', (reply) => {
		expect(found(score(reply), 'self-serve')).toEqual([]);
	});
});

describe('"not really my area", "worth a look", "your dad will need to…" (round fifteen)', () => {
	it.each([
		"Not really my area, I'm afraid.",
		"Parking fines aren't really something we deal with.",
		'This one is for our billing team.'
	])('disowns the problem: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'disown')[0]?.reason).toMatch(/nobody who owns it/);
	});

	it.each([
		'There are other plumbers listed online, might be worth a look.',
		"Hmm, I'd ask the council.",
		'Your son will need to bring his passport in person.'
	])('leaves the work to the customer: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'self-serve')[0]?.reason).toMatch(/sort it out themselves/);
	});

	it.each([
		"I'd be glad to sort it for you today.",
		'Your coat will have to stay in the cloakroom, but I will bring it to your table.',
		"It's not my decision alone, so I'll take it to the manager now and ring you by 4."
	])('leaves our own offer, a plain rule or a hand-off we carry alone: %s', (reply) => {
		expect(found(score(reply), 'self-serve')).toEqual([]);
		expect(found(score(reply), 'disown')).toEqual([]);
	});
});

describe('a holding line or a question back after a greeting does not ignore the question (round fifteen)', () => {
	const customerLine = 'My order came with the wrong size. Can you send the right one before Saturday?';
	it.each([
		'Thank you Ms Ellery, I\'m just pulling up your order now.',
		'Good question! Let me double-check the stock for you.',
		'Could I take your order number please?',
		'Thanks Morgan - roughly when did it arrive?'
	])('is not counted as unanswered: %s', (reply) => {
		const result = score(reply, { customerLine });
		expect(found(result, 'unanswered')).toEqual([]);
		expect(result.empathy).toBeGreaterThanOrEqual(0);
	});

	it('still counts a reply that talks past the question', () => {
		expect(found(score('Thank you for contacting us. We value your feedback.', { customerLine }), 'unanswered')).not.toEqual([]);
	});
});

describe('"everyone else manages": holding other customers up to this one (round fifteen)', () => {
	it.each([
		'Everybody else remembered to bring their ID.',
		'Other parents manage to collect on time.',
		'Nobody else has complained about the noise.',
		"It can't be that bad if the others are still out there.",
		"I'm sure it'll blow over by tonight."
	])(
		'is dismissive: %s',
		(reply) => {
			const result = score(reply);
			expect(result.empathy).toBeLessThan(0);
			expect(found(result, 'dismissive').length).toBeGreaterThan(0);
		}
	);

	it("leaves other customers' good experience offered as help alone", () => {
		expect(found(score("I'll send you the wording other customers have used, it might help."), 'dismissive')).toEqual([]);
	});
});

describe('a "sorry" with their name tacked on after a refusal (round fifteen)', () => {
	it('is the same script as a bare one: No refunds without a receipt. Sorry Morgan.', () => {
		const result = score('No refunds without a receipt. Sorry Morgan.');
		expect(found(result, 'apology', 1)).toEqual([]);
		expect(found(result, 'run-up')[0]?.reason).toMatch(/runs up to a refusal/);
	});
});

describe('a rule held for what it protects, with a way found that respects it (round fifteen)', () => {
	it.each([
		"I can't sell you the medicine without the pharmacist, because it can be dangerous with your other tablets. I'll ring her now and she'll call you within the hour.",
		"We can't let him climb without a harness, because if he fell he could be badly hurt. I'll put a junior harness aside for you at the desk today."
	])('counts for flexibility: %s', (reply) => {
		const result = score(reply);
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'held-with-way', 1)[0]?.reason).toMatch(/finds a way that respects it/);
	});

	it.each([
		"I can't move it because we lose the slot and it costs us money. I'll email you the terms today.",
		"We can't let him climb without a harness, as a fall could kill him."
	])('leaves a reason that is only the business, or a reason with nothing taken on, alone: %s', (reply) => {
		expect(found(score(reply), 'held-with-way', 1)).toEqual([]);
	});
});

describe('"100%", "no matter what": certainty nobody can give (round fifteen)', () => {
	it.each([
		"The engineer will be there by noon, 100%.",
		"It'll be back from the menders by Friday no matter what.",
		'Your refund goes through today, 100% promise.'
	])('is an over-promise: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise').length).toBeGreaterThan(0);
	});

	it.each(["For a delay that long you'll get 100% of the fare back.", "I'm not 100% sure, so I'll check with the registrar and email you by 5."])(
		'leaves a figure or honest doubt alone: %s',
		(reply) => {
			expect(found(score(reply), 'over-promise')).toEqual([]);
		}
	);
});

describe('"it was not from our side", "any issue would be with them" (round fifteen)', () => {
	it.each([
		'The booking was moved by the venue, not by us.',
		'The cancellation was not from our side.',
		'Our printer made the cards, so any problem would be with them.',
		'The driver is off sick today, so blame him not me.'
	])('disowns the problem: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'disown')[0]?.reason).toMatch(/nobody who owns it/);
	});
});

describe('"why is my bill higher?" answered with the figures; receipts and "please hold" as holding lines (round fifteen)', () => {
	it.each([
		['Why is my bill £3 more this month?', 'The line rental went from £18 to £21 on 1 June.'],
		['Why was I charged £90 when the quote said £60?', 'The £90 is the repair (£60) and the call-out (£30).']
	])('counts figures as the answer to a why about money: %s', (customerLine, reply) => {
		expect(found(score(reply, { customerLine }), 'unanswered')).toEqual([]);
	});

	it.each(['Got your message, thanks.', "Thanks, I've seen your email.", 'Please hold a moment.'])(
		'does not count a receipt or a request to hold as ignoring the question: %s',
		(reply) => {
			expect(found(score(reply, { customerLine: 'Can you refund the deposit?' }), 'unanswered')).toEqual([]);
		}
	);
});

describe('"was received on 3 October", "Could you point me to…?" answer or take up the question (round fifteen)', () => {
	it('reads a confirmation as the answer to "can you confirm you got it?"', () => {
		const result = score('Thank you, Morgan. Your payment of £420 was received on 3 May.', { customerLine: "I've just paid the balance, can you confirm you got it?" });
		expect(found(result, 'unanswered')).toEqual([]);
		// How warm it is, the word reading decides; the point is that it is not counted as talking past the question.
		expect(result.empathy).toBeGreaterThanOrEqual(0);
	});

	it('reads a request for the detail needed as taking the question up', () => {
		const result = score('Could you point me to the two invoices you mean?', { customerLine: 'Why have I been billed twice for March?' });
		expect(found(result, 'unanswered')).toEqual([]);
	});
});

describe('"while I transfer you", "I\'ll need to transfer you" (round fifteen)', () => {
	it.each(['Please hold while I transfer you to accounts.', "I'll need to transfer you to our returns team."])(
		'passes the customer on: %s',
		(reply) => {
			const result = score(reply);
			expect(result.ownership).toBeLessThan(0);
			expect(found(result, 'pass-on').length).toBeGreaterThan(0);
		}
	);

	it("leaves a warm transfer alone: I'll stay on the line while I transfer you and explain it myself.", () => {
		expect(found(score("I'll stay on the line while I transfer you and explain it myself."), 'pass-on')).toEqual([]);
	});
});

describe('round three rules that must not misfire', () => {
	it.each([
		"I'm so sorry you had the fault for a whole week.",
		"It's too late to change the flight, but I can add a bag for free.",
		'Did you get the email I sent? It has the label in it.',
		'Most customers book online, and I can do it for you now.',
		"I'm not sure that's right, so let me check the bill today."
	])('does not read sympathy, a plain limit or a plain question as blaming the customer: %s', (reply) => {
		expect(found(score(reply), 'reproach')).toEqual([]);
	});

	it('does not read "I\'m the only one who can approve it" as disowning', () => {
		expect(found(score("I'm the only one who can approve it, so I'll do it now."), 'disown')).toEqual([]);
	});

	it('does not read "tell me whatever you need" or "I\'ll ring you … for sure" as over-promises', () => {
		expect(found(score('Tell me whatever you need and I will check it today.'), 'over-promise')).toEqual([]);
		expect(found(score("I'll ring you tomorrow at ten for sure."), 'over-promise')).toEqual([]);
	});

	it('does not read "I can\'t …, but I\'ve noted it" as a way round', () => {
		expect(score("I can't refund it, but I've noted your comments.").flexibility).toBeLessThan(0);
	});
});

describe('taking our side against the customer\'s account (round sixteen)', () => {
	it.each([
		'The drivers are only doing their job, they had no way of knowing.',
		'Our technician had no choice but to replace the whole unit.',
		"It's not exactly fair to expect the chef to cook after closing.",
		'The installer confirmed everything was working when he left.'
	])('is combative on empathy, with its phrase and reason: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'dismissive').length).toBe(1);
		expect(result.empathy).toBeLessThan(0);
	});

	it.each(["I'll have a word with the driver today; he was doing his best, but that was not good enough.", 'You had no choice but to cancel, so I have refunded the fee.', 'Your engineer says the boiler is fine?'])(
		'leaves alone what is not our side taken against the customer: %s',
		(reply) => {
			expect(found(score(reply), 'dismissive')).toEqual([]);
		}
	);
});

describe('somebody, some time: a promise nobody is held to (round sixteen)', () => {
	it.each([
		'Someone will be with you in a bit.',
		'Somebody from maintenance will look at it.',
		"I'll get someone.",
		'Your concerns have been recorded.',
		"It'll be sorted, don't stress."
	])('is vague on ownership, with its phrase and reason: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'vague-promise').length).toBeGreaterThan(0);
		expect(result.ownership).toBeLessThan(0);
	});

	it.each(['Someone will be with you by 3pm today.', "I'll get someone to ring you at four, and I'll check they have.", 'Has your complaint been logged yet?'])(
		'leaves alone a promise with a time, or a question: %s',
		(reply) => {
			expect(found(score(reply), 'vague-promise')).toEqual([]);
		}
	);
});

describe('done for the customer in other words (round sixteen)', () => {
	it.each([
		["I've held two seats for you until noon.", "I've held"],
		["I've put £25 back on your card.", "I've put £25"],
		['Noor, refund processed.', 'refund processed'],
		['Your transfer is going through now.', 'Your transfer is going through']
	])('owns it: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'commit-done', 1).map((e) => e.phrase)).toEqual([phrase]);
		expect(result.ownership).toBeGreaterThan(0);
	});

	it.each(['Refunds are processed by our accounts team.', 'Has your refund gone through yet?', "I've put up with a lot today."])('leaves alone what is not done for them: %s', (reply) => {
		expect(found(score(reply), 'commit-done', 1)).toEqual([]);
	});
});

describe('a rule held for the harm it prevents, in more words (round sixteen)', () => {
	it.each([
		"I can't sell you a second box, because codeine is habit-forming within days.",
		"We can't add chairs: the hall is at fire capacity.",
		"We can't prune it for you, it's a criminal offence while the order is in place.",
		"I can't give her another dose yet, as there's a real risk of a double dose."
	])('is explained, not hidden behind: %s', (reply) => {
		const result = score(reply);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight < 0)).toEqual([]);
	});

	it.each(["I can't refund it because the 14 days are up.", "We can't move it, because you crashed the booking system? No."])('still reads a rule said again as a wall: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});
});

describe('a hardship the customer names makes what was done an exception (round seventeen)', () => {
	const policy = 'Penalty charges stand once issued; permits must be renewed before they expire.';
	it.each([
		'My permit ran out while I was in hospital after an operation and now there are two tickets on my car.',
		'My husband died last month and I missed the renewal; there are two penalty charges now.'
	])('counts it as policy flexibility: %s', (customerLine) => {
		const result = score("I've cancelled both charges and renewed the permit.", { policy, customerLine });
		expect(found(result, 'flex-done', 1).length).toBe(1);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it('leaves doing what was needed as service where nobody asked for an exception and no hardship stood behind it', () => {
		const result = score("I've cancelled both charges and renewed the permit.", { policy, customerLine: 'There are two tickets on my car from last week.' });
		expect(found(result, 'flex-done', 1)).toEqual([]);
	});
});

describe('no exception, only a promise to sort something (round seventeen)', () => {
	it.each(["We'll sort something out for you, leave it with us.", 'The office will sort something out, someone will ring.'])(
		'is not policy flexibility: %s',
		(reply) => {
			expect(found(score(reply), 'flex-offer', 1)).toEqual([]);
		}
	);
});

describe("giving the customer someone else's number to ring (round seventeen)", () => {
	it.each(["Refunds are a different team, I'll give you their number.", "The head groundsman decides, I'll send you his email address."])(
		'passes them on: %s',
		(reply) => {
			const result = score(reply);
			expect(found(result, 'pass-on').map((e) => e.phrase)).toContainEqual(expect.stringMatching(/^I'll (?:give|send) you (?:their|his)/));
			expect(result.ownership).toBeLessThan(0);
		}
	);

	it("leaves alone giving them the speaker's own number", () => {
		expect(found(score("I'll give you my direct number."), 'pass-on')).toEqual([]);
	});
});

describe('done for the customer, in more verbs (round seventeen)', () => {
	it.each([
		["I've told the night staff to expect you.", "I've told"],
		["I've charged £4 for the forty minutes instead of the full £150.", "I've charged"],
		["I've made an exception and refunded the £89.", "I've made an exception"],
		["I've renewed your permit from today.", "I've renewed"]
	])('owns it: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'commit-done', 1).map((e) => e.phrase)).toEqual([phrase]);
		expect(result.ownership).toBeGreaterThan(0);
	});

	it("leaves alone telling the customer off: I've told you twice already.", () => {
		expect(found(score("I've told you twice already, there's no refund."), 'commit-done', 1)).toEqual([]);
	});
});

describe('the system, or a page, in more words (round seventeen)', () => {
	it.each([
		["Our booking tools don't let me move it, sorry.", 'disown'],
		['The card provider processes every renewal on the 1st.', 'disown'],
		["The form's on our website, you can print it and post it in.", 'self-serve'],
		['Timetables are on our website.', 'self-serve'],
		['A GP letter is fine. Upload it through the patient portal.', 'self-serve']
	])('leaves the customer with nobody who owns it: %s', (reply, feature) => {
		const result = score(reply);
		expect(found(result, feature).length).toBe(1);
		expect(result.ownership).toBeLessThan(0);
	});

	it.each(["I'll upload it to your account tonight.", 'The form is simple: I can fill it in with you now.'])('leaves alone what the speaker does: %s', (reply) => {
		expect(found(score(reply), 'self-serve')).toEqual([]);
	});
});

describe('the system did it automatically, in more words (round eighteen)', () => {
	it.each([
		"The system's added the late fees automatically, there's not much I can do.",
		'The reminders come out of the booking software automatically.',
		'The charge is automatic from the system.',
		"It's automatically logged by the sign-in app."
	])('leaves the customer with nobody who owns it: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'disown').length).toBe(1);
		expect(result.ownership).toBeLessThan(0);
	});

	it("leaves alone setting something to happen automatically for the customer: I'll set the refund to go through automatically tonight.", () => {
		expect(found(score("I'll set the refund to go through automatically tonight."), 'disown')).toEqual([]);
	});
});

describe('sarcasm as a question, and an offer that only sounds like one (round eighteen)', () => {
	it.each([
		'How did you manage to lose the only key you had?',
		'Do you really expect us to refund a ticket you used?',
		"Oh, and we'll just find your flat by magic, will we?",
		"I'll just stop the whole race for you, shall I?"
	])('is sarcasm on empathy: %s', (reply) => {
		const result = score(reply);
		expect(found(result, 'sarcasm').length).toBe(1);
		expect(result.empathy).toBeLessThan(0);
	});

	it.each(["I'll book you in for Friday at ten, shall I?", 'Would you rather I called you back after lunch?', 'So you want us to move it to Friday?'])(
		'leaves alone a real offer or question: %s',
		(reply) => {
			const result = score(reply);
			expect(found(result, 'sarcasm')).toEqual([]);
			expect(result.empathy).toBeGreaterThanOrEqual(0);
		}
	);
});

describe("the customer's own problem (round eighteen)", () => {
	it.each(["Keeping your railcard in date is your responsibility.", "You're responsible for checking your own messages.", 'Your parking, your problem.'])(
		'puts it on them, against empathy: %s',
		(reply) => {
			const result = score(reply);
			expect(found(result, 'reproach').length).toBe(1);
			expect(result.empathy).toBeLessThan(0);
		}
	);

	it("leaves alone saying it is not theirs: It's not your responsibility to chase us.", () => {
		expect(found(score("It's not your responsibility to chase us, I'll ring the depot."), 'reproach')).toEqual([]);
	});
});

describe('a grant said as done, in few words (round eighteen)', () => {
	it.each([
		['Waiting charge removed, the £37.50 is on its way back.', 'charge removed'],
		["I've taken off both late fees.", "I've taken off both"],
		['Refund of £78 issued.', 'Refund of £78 issued'],
		["Fine, I'll do it this once.", 'do it this once']
	])('is policy flexibility: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'flex-done', 1).map((e) => e.phrase)).toEqual([phrase]);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it("leaves alone what grants nothing: I've removed you from the mailing list.", () => {
		expect(found(score("I've removed you from the mailing list."), 'flex-done', 1)).toEqual([]);
	});
});

describe('done, said in the passive or in few words (round eighteen)', () => {
	it.each([
		['The charge has been waived.', 'charge has been waived'],
		['Your booking has been restored.', 'booking has been restored'],
		['Refund of £78 issued.', 'Refund of £78 issued'],
		["Refund's done, it'll show in a few days.", "Refund's done"]
	])('owns it: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'commit-done', 1).map((e) => e.phrase)).toEqual([phrase]);
		expect(result.ownership).toBeGreaterThan(0);
	});

	it.each(['The charge has been issued correctly by the system.', 'If you want the fee waived, send us the death notice.'])('leaves alone what was not done for them: %s', (reply) => {
		expect(found(score(reply), 'commit-done', 1)).toEqual([]);
	});
});

describe('the risk a rule guards against, waved away (round nineteen)', () => {
	const kept = [
		['Climbers under 16 must have a parent present, for their safety on the high wall.', 'My daughter is 15 and a half and climbs every week, can she go up on her own?'],
		['We cannot discuss a patient with anyone but the patient, to protect their privacy.', "I'm his brother, just tell me what the scan showed."],
		['Riders must be at least 140 cm tall, for safety on the coaster.', "He's 137 cm, he's been waiting all day, please let him on."]
	] as const;
	it.each([
		["She climbs every week, so she'll be fine on her own.", 0, "she'll be fine"],
		['A quick word with family is no big deal, the scan was clear.', 1, 'no big deal'],
		['Three centimetres won\'t make much difference, hop on.', 2, "won't make much difference"],
		["Honestly, one ride won't hurt him, off you go.", 2, "won't hurt him"]
	] as const)('is giving way where the rule should hold: %s', (reply, i, phrase) => {
		const [policy, customerLine] = kept[i];
		const result = score(reply, { policy, customerLine });
		expect(found(result, 'gives-way').map((e) => e.phrase)).toEqual([phrase]);
		expect(found(result, 'gives-way')[0].reason).toMatch(/risk a rule guards against/);
		expect(result.flexibility).toBeLessThan(0);
	});

	it.each([
		["She'll be fine with me: I'll belay her myself, and I'm a qualified instructor.", 0],
		["I can't share his results, I'm afraid, it's his privacy; it'll be fine once he rings you himself.", 1],
		["Sorry, he can't ride at 137 cm, for his safety: the bar won't hold him. It's no big deal to swap his ticket for the log flume, I'll do it now.", 2]
	] as const)('leaves the risk alone when the rule is held or a reason given: %s', (reply, i) => {
		const [policy, customerLine] = kept[i];
		expect(found(score(reply, { policy, customerLine }), 'gives-way')).toEqual([]);
	});

	it('leaves reassurance alone where the rule is kept for no such reason', () => {
		const result = score("Two days late is no big deal, I'll take it back.", { policy: 'Returns are accepted within 30 days.', customerLine: "It's 32 days, can I still return it?" });
		expect(found(result, 'gives-way')).toEqual([]);
	});

	it("does not read giving way as ignoring the customer's distress: nothing is refused", () => {
		const result = score("Of course, ten minutes won't hurt anyone, bring him at six.", {
			policy: 'No children under 12 on the ward, for infection control.',
			customerLine: "My son cries every night, he's so scared Grandad is going to die. Can I bring him in?"
		});
		expect(found(result, 'gives-way')).toHaveLength(1);
		expect(found(result, 'distress-ignored')).toEqual([]);
	});
});

describe('a charge contested, then lifted, is an exception (round nineteen)', () => {
	const policy = 'Parking must be paid within 10 minutes of arrival; unpaid stays are charged £60.';
	it.each([
		['The pay machine was broken and the app froze. Why should I pay £60 for your broken kit?', "I've cancelled the charge, Ms Obi."],
		["Your app crashed twice. I'm not paying a fine for that.", "I've cancelled the fine, there's nothing to pay."],
		["So you're keeping my £60 even though your barrier was stuck open?", "I've refunded the £60 to your card."]
	])('when the customer says why they should not pay: %s', (customerLine, reply) => {
		const result = score(reply, { policy, customerLine });
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight > 0)).not.toEqual([]);
		expect(result.flexibility).toBeGreaterThan(0);
	});

	it('is still good service when the customer asked for nothing and nothing stood in the way', () => {
		const result = score("I've booked the engineer for Thursday morning.", { policy: 'Repairs are booked within 5 working days.', customerLine: 'The boiler is banging but still works.' });
		expect(result.flexibility).toBe(0);
	});
});

describe('"I just do the bookings", and the customer\'s family sent to do it (round nineteen)', () => {
	it.each([
		['Sorry, I only handle the invoices.', 'I only handle the invoices'],
		["You'd have to ask the manager, I just do bookings.", 'I just do bookings'],
		['I just run the front desk, the technician sets the updates.', 'I just run the front']
	])('disowns it: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'disown').map((e) => e.phrase)).toContain(phrase);
		expect(result.ownership).toBeLessThan(0);
	});

	it.each(["I'll just do it now for you.", 'I only do this once a year, so let me get it right: your booking is moved to Friday.'])('leaves doing it alone: %s', (reply) => {
		expect(found(score(reply), 'disown')).toEqual([]);
	});

	it('sends the customer\'s family to do it: "your mother has to contact us herself"', () => {
		const result = score('Your mother has to contact us herself to arrange this.');
		expect(found(result, 'self-serve').map((e) => e.phrase)).toEqual(['Your mother has to ']);
		expect(score('Your parcel has to be signed for.').ownership).toBe(0);
	});
});

describe('a holding line after a name, a hello or a thank-you (round nineteen)', () => {
	const customerLine = 'The invoice says £45 but nobody mentioned a costume charge. Why is it there?';
	it.each([
		'Hi Hamza, looking into both of these for you now.',
		'Dorota, just checking the production schedule for your order before I answer, two minutes.',
		"Thanks for flagging it, I'm just looking at the invoice.",
		'One sec Maricel, checking if the costume team added it this week.'
	])('does not ignore the question: %s', (reply) => {
		const result = score(reply, { customerLine, customer: 'Hamza Dorota Maricel' });
		expect(found(result, 'unanswered')).toEqual([]);
		expect(result.empathy).toBeGreaterThanOrEqual(0);
	});

	it.each(['Is this the booking for 14 to 21 August under Ní Bhriain?', 'Just confirming: is the new date Saturday the 22nd?'])('a question back about the booking takes the question up: %s', (reply) => {
		expect(found(score(reply, { customerLine }), 'unanswered')).toEqual([]);
	});

	it('still counts a longer reply that opens by checking and then talks past the question', () => {
		const reply = 'Hi Hamza, looking into it. Our shows are very popular and tickets for the summer showcase go on sale on Monday. Book early for good seats!';
		expect(found(score(reply, { customerLine, customer: 'Hamza Ali' }), 'unanswered')).toHaveLength(1);
	});
});

describe('a rule held for safety, insurance or privacy, in more words (round nineteen)', () => {
	it.each([
		"I can't switch the circuit back on: the test found a fault that could start a fire.",
		"The induction's required by our insurers for every climber, so I can't skip it.",
		"Our fryers share oil with the battered fish, so we can't make anything safe for coeliacs.",
		"I can't give out another member's email; we protect everyone's privacy the same way."
	])('is explained, not hidden behind: %s', (reply) => {
		const result = score(reply);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight < 0)).toEqual([]);
	});

	it.each(["I can't skip it, our insurers are very strict about paperwork.", "We can't do that, it's a fire door policy thing."])('a word about insurance or fire is not a reason by itself: %s', (reply) => {
		expect(score(reply).flexibility).toBeLessThan(0);
	});
});

describe('offering to do it, and a time said as "by lunchtime" (round nineteen)', () => {
	it.each([
		['The earliest is tomorrow at 2pm. Shall I book it?', 'Shall I book'],
		['We have a day room until 6pm. Would you like me to set that up?', 'Would you like me to set'],
		["There's a pre-loved rail too, want me to put one aside?", 'want me to put']
	])('takes it on, awaiting the yes: %s', (reply, phrase) => {
		const result = score(reply);
		expect(found(result, 'commit-step', 1).map((e) => e.phrase)).toContain(phrase);
		expect(result.ownership).toBeGreaterThan(0);
	});

	it.each(['Can I take your booking reference?', 'Should I have brought my receipt?', 'Shall I just give up then?'])('is not an offer to act: %s', (reply) => {
		expect(found(score(reply), 'commit-step', 1)).toEqual([]);
	});

	it.each(["I'll catch him then and email you by lunchtime.", "I'll chase the depot and write to you by the weekend.", "I'll make the cake, ready with the rest at 10 tomorrow.", "I'll email it over by 10.30."])('owns it with a time: %s', (reply) => {
		expect(found(score(reply), 'commit-timed', 1)).toHaveLength(1);
	});

	it.each(["I'll let the decorating team know about it.", "I'll mention it to the manager and someone will let you know.", "I'll ask about the snow chains."])('reads no time in "know" or "snow": %s', (reply) => {
		expect(found(score(reply), 'commit-timed', 1)).toEqual([]);
	});

	it.each([
		["I'll let the decorating team know about it.", "I'll let the decorating team know"],
		["The manager handles storage fees, I'll let him know.", "I'll let him know"]
	])('passing word on, with no time, is a vague promise: %s', (reply, phrase) => {
		expect(found(score(reply), 'vague-promise').map((e) => e.phrase)).toEqual([phrase]);
	});

	it("leaves passing word on with a time alone: I'll let the owner know this morning", () => {
		expect(found(score("I'll let the owner know this morning and ring you by 2."), 'vague-promise')).toEqual([]);
	});
});

describe('the rule said back in words that do not sound like a limit (round twenty)', () => {
	it.each([
		['Boarding closes 20 minutes before departure.', 'The security queue took an hour. Can you hold the gate for me?', 'Boarding closed 20 minutes before departure, sorry.'],
		['Hire bikes are returned to the dock they were taken from; others are charged a £25 collection fee.', "The dock by my hotel was full. Can you take the £25 off?", 'The £25 collection fee covers moving the bike back to its dock.'],
		['Gift cards expire twelve months after purchase.', "Grandma gave me this card and it's a week past. Could you still take it?", 'That gift card expired last week, twelve months after it was bought.']
	])('is hiding behind it: %s', (policy, customerLine, reply) => {
		const result = score(reply, { policy, customerLine });
		expect(found(result, 'rule-restated').map((e) => e.reason)).toEqual([expect.stringMatching(/saying the rule back/)]);
		expect(result.flexibility).toBeLessThan(0);
	});

	it.each([
		['Deliveries of heating oil are 500 litres at least.', "I've run out, it's minus 3 and I've got a toddler. I can only afford 200 litres till payday.", 'Deliveries are 500 litres upwards.'],
		['Lockers are cleared every Sunday night and the contents kept for 7 days.', 'My gym bag was in locker 40 and now it has gone. My inhaler was in it.', 'The lockers get emptied on Sunday nights.']
	])('is hiding behind it when the customer complains without asking: %s', (policy, customerLine, reply) => {
		expect(found(score(reply, { policy, customerLine }), 'rule-restated')).toHaveLength(1);
	});

	it('is news, not a wall, when the customer asked when: the deposit was released on Monday', () => {
		const result = score('The deposit was released on Monday, so it should show within 5 days.', { policy: 'Deposits are released within 5 days of the return.', customerLine: 'When do I get my deposit back?' });
		expect(found(result, 'rule-restated')).toEqual([]);
	});

	it('still needs two of the rule\'s own words or figures: "The gate is shut now."', () => {
		const result = score('The gate is shut now.', { policy: 'Boarding closes 20 minutes before departure.', customerLine: 'Can you hold the gate for me?' });
		expect(found(result, 'rule-restated')).toEqual([]);
	});
});

describe('sending the customer elsewhere after a comma, to appeal or to ring (round twenty)', () => {
	it.each([
		['Hi Tomasz, please write to the landlord with the dates.', 'please write to'],
		["Refunds go through finance, just ask the duty manager on Monday.", 'just ask the'],
		['It was a faulty meter. Just appeal it online and you should win.', 'Just appeal'],
		['The surgery diary is full. Try ringing at 8 tomorrow.', 'Try ringing']
	])('makes the customer do the work: %s', (reply, phrase) => {
		expect(found(score(reply), 'self-serve').map((e) => e.phrase)).toEqual([phrase]);
	});

	it.each(['Thanks Ola, please email me the photos and I will sort it today.', "Sorry about that, just ask for me when you come in and I'll swap it.", "If it's urgent, please call us back."])('leaves sending it to the trainee alone: %s', (reply) => {
		expect(found(score(reply), 'self-serve')).toEqual([]);
	});
});

describe('"I\'ll get that sorted", with nothing said about what or when (round twenty)', () => {
	it.each(["Mariam, I'll get that sorted for you, don't worry!", "No worries, we'll sort it!", "I'll get it all sorted out."])('is a vague promise: %s', (reply) => {
		expect(found(score(reply), 'vague-promise').map((e) => e.reason)).toEqual([expect.stringMatching(/nothing to hold anyone to/)]);
	});

	it.each(["I'll sort the refund today and text you by 5.", "I'll get it sorted by Friday.", "I'll sort out a replacement.", "Leave it with me, you'll hear from me before five."])('leaves a sorting with its what or its when alone: %s', (reply) => {
		expect(found(score(reply), 'vague-promise')).toEqual([]);
	});

	it("reads a written-out hour as a time: I'll ring you by three", () => {
		expect(found(score("Leave it with me, I'll ring you by three."), 'commit-timed', 1)).toHaveLength(1);
		expect(found(score('We were let down by two of our drivers.'), 'commit-timed', 1)).toEqual([]);
	});
});

describe('every labelled reply', () => {
	it('gets evidence that points at its phrase, with a reason, on every set (sealed-1 included)', () => {
		const broken: string[] = [];
		for (const set of loadSets()) {
			for (const item of set.items) {
				const result = scoreReply(item.reply, item.context);
				for (const d of DIMENSIONS) if (!Number.isInteger(result[d]) || Math.abs(result[d]) > 3) broken.push(`${item.id} ${d}`);
				for (const e of result.evidence) {
					if (e.reason.trim() === '' || (e.phrase !== '' && item.reply.slice(e.start, e.end) !== e.phrase)) broken.push(`${item.id} ${e.feature}`);
					if (!(['empathy', 'flexibility', 'ownership', 'mood'] as Subject[]).includes(e.dimension)) broken.push(`${item.id} ${e.dimension}`);
				}
			}
		}
		expect(broken).toEqual([]);
	});
});

describe('round twenty-two: wordings the rules did not list', () => {
	const deposit = { policy: 'Deposits are non-refundable.', customerLine: 'Can I have my deposit back?' };

	it('an exception done in the first person ("I\'m extending…") grants it', () => {
		const result = score("I'm extending your loan by another week.", { policy: 'Library loans cannot be extended beyond four weeks.', customerLine: 'I was stuck abroad, can I keep the books longer?' });
		expect(result.flexibility).toBeGreaterThan(0);
		expect(found(result, 'flex-grant', 1)[0]?.reason).toMatch(/grants the exception/);
	});

	it('putting right our own mistake bends no rule', () => {
		const result = score("I can see the second payment shouldn't have been taken. I'm refunding it now.", { policy: 'Membership fees are non-refundable once paid.', customerLine: 'You charged me twice this month!' });
		expect(found(result, 'flex-grant', 1)).toEqual([]);
		expect(result.ownership).toBeGreaterThan(0);
	});

	it('"we\'ve let you down" owns the fault', () => {
		expect(found(score("We've let you down here and I'm sorry."), 'own-fault', 1)).toHaveLength(1);
	});

	it.each(['Exchanges are handled by the returns desk.', 'Complaints should be directed to our head office.', 'Forwarded to accounts.'])('passes the customer on: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'pass-on').length).toBeGreaterThan(0);
	});

	it.each(["I'll get the whole bill wiped, consider it done!", "The room's booked, I'm sure it'll work out.", 'Guaranteed. Your refund lands tonight.'])('over-promises: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeLessThan(0);
		expect(found(result, 'over-promise').length).toBeGreaterThan(0);
	});

	it.each(["That's how it works, I'm afraid.", "It's the same for everyone.", 'Deposits are non-refundable, full stop.', "Sorry, it's the rules."])('hides behind the rule: %s', (reply) => {
		const result = score(reply, deposit);
		expect(result.flexibility).toBeLessThan(0);
		expect(found(result, 'soft-wall').length + found(result, 'hard-wall').length).toBeGreaterThan(0);
	});

	it('a letter to "Dear Guest" is a form letter, and "Guest" is not a wrong name', () => {
		const result = score('Dear Guest, thank you for your message. We look forward to welcoming you.');
		expect(result.empathy).toBeLessThan(0);
		expect(found(result, 'form-letter').length).toBeGreaterThan(0);
		expect(found(result, 'name-wrong')).toEqual([]);
	});

	it.each(['Give me five minutes, I need to check the stockroom.', 'Hang on, let me grab the key.', "Back in a sec, I'm checking the stockroom."])('a holding line does not ignore the question: %s', (reply) => {
		const result = score(reply, { customerLine: 'Do you have the blue one in a size 10?' });
		expect(found(result, 'unanswered')).toEqual([]);
		expect(result.empathy).toBe(0);
	});

	it.each(["I've gone ahead and rescheduled the fitting for Tuesday at 10.", "I've re-issued the voucher to your email.", 'Your appointment has been reinstated.'])('a thing done, in any verb, is owned: %s', (reply) => {
		const result = score(reply);
		expect(result.ownership).toBeGreaterThan(0);
		expect(found(result, 'commit-done', 1)[0]?.reason).toMatch(/owns the problem/);
	});

	it.each(["I've noticed the mistake on your bill.", "I've forwarded your complaint to the manager."])('noticing or passing it on is not a thing done: %s', (reply) => {
		expect(score(reply).ownership).toBeLessThanOrEqual(0);
	});

	it('"I understand your disappointment, however…" is the stock run-up to a no', () => {
		const result = score('We totally understand your disappointment, however the deposit is non-refundable.', deposit);
		expect(result.empathy).toBeLessThanOrEqual(0);
		expect(found(result, 'stock-preamble').length + found(result, 'stock-preamble', 0).length).toBeGreaterThan(0);
	});
});

describe('the rule named and a way taken on (round twenty-two)', () => {
	const receipt = { policy: 'Refunds require the original receipt.', customerLine: 'I lost the receipt, can I still get my money back?' };

	it('counts for flexibility, on what the trainee takes on, with its reason', () => {
		const reply = "You won't need the receipt: I'll find the payment from your card and post the refund today.";
		const result = score(reply, receipt);
		expect(result.flexibility).toBeGreaterThan(0);
		const [way] = found(result, 'rule-and-way', 1);
		expect(way?.reason).toMatch(/finds the customer a way/);
		expect(reply.slice(way.start, way.end)).toMatch(/^I'll find the payment/);
	});

	it.each([
		['nothing taken on', "You won't need the receipt."],
		['a question back', "You won't need the receipt. Which card did you pay with?"],
		['the rule not named', "I'll post the refund today."]
	])('not with %s: %s', (_, reply) => {
		expect(found(score(reply, receipt), 'rule-and-way', 1)).toEqual([]);
	});
});

describe('round twenty-five: a rule about a licence is not kept for the law, and backdating in any form is an exception', () => {
	// Our own situations: what the rule is about (a permit, an insurance excess, a security deposit) is not why it holds.
	const about = [
		['Parking licence refunds are worked out from the day the form arrives.', 'I moved out in March, can the refund start from then?'],
		['Insurance excess payments are due before the repair is booked, so that the garage is paid on time.', 'Can I pay the excess after the repair instead?'],
		['A security deposit of £150 is held until the key is returned.', 'Can I have the deposit back now and post the key tomorrow?']
	] as const;
	it.each([
		['Yes, I can start the refund from March.', 0],
		['Yes, pay it when you collect the car, that is fine.', 1],
		["Yes, I'll release the deposit today and you can post the key tomorrow.", 2]
	] as const)('a quick yes to a rule that only names a licence, insurance or security is not giving way on the nod: %s', (reply, i) => {
		const [policy, customerLine] = about[i];
		const result = score(reply, { policy, customerLine });
		expect(found(result, 'gives-way')).toEqual([]);
		expect(result.flexibility).toBeGreaterThanOrEqual(0);
	});

	it('still counts a quick yes against a rule kept for safety or by law', () => {
		const kept = { policy: 'Children under 12 must be with an adult on the climbing wall, for their safety.', customerLine: 'She is 10 but very good, can she climb on her own?' };
		const result = score("Sure, she'll be fine on her own.", kept);
		expect(found(result, 'gives-way')).toHaveLength(1);
		expect(result.flexibility).toBeLessThan(0);
		const byLaw = { policy: 'Under licensing law we cannot serve alcohol after 11 pm.', customerLine: 'Just one more round, please?' };
		expect(found(score("Sure, I'll pour you one more.", byLaw), 'gives-way')).toHaveLength(1);
	});

	const permit = { policy: about[0][0], customerLine: about[0][1] };
	it.each(["I'll backdate the refund to March.", 'The refund can be backdated to the day you moved.', "I'm backdating it now.", "I'll overlook the late form this time."])(
		'backdating or overlooking, in any tense, is an exception in other words: %s',
		(reply) => {
			const result = score(reply, permit);
			expect(result.flexibility).toBeGreaterThan(0);
			expect(found(result, 'flex-indirect', 1)[0]?.reason).toMatch(/way round the rule in other words/);
		}
	);

	it.each(["I'm sorry, we can't backdate refunds.", 'We can only backdate it by one month.'])('refusing to backdate, or backdating only as far as the rule goes, is no exception: %s', (reply) => {
		const result = score(reply, permit);
		expect(result.flexibility).toBeLessThan(0);
		expect(result.evidence.filter((e) => e.dimension === 'flexibility' && e.weight > 0)).toEqual([]);
	});

	it.each(['Backdating is limited to one month from the date of the claim.', 'Your request for backdating has been passed on.', 'It can be backdated for up to a month only.'])(
		'backdating named as the rule\'s subject or its limit grants nothing: %s',
		(reply) => {
			expect(found(score(reply, permit), 'flex-indirect', 1)).toEqual([]);
		}
	);
});
