import { A_TIME, ACRONYMS, COMMON_WORDS, LEARNED_SIGN, FOREIGN_WORDS, GROUP_CAP, NAME_CONTEXT, NEGATORS, NOT_NAMES, PASS_ON_REASON, RULES, rulesThatMayMatch, SARCASM_REASON } from './rubric-rules.ts';
import { ASCII_ONLY, matchName, nameMatcher, normalise, remembered } from './rubric-names.ts';
import { requiredLiterals } from './regex-literals.ts';
import { LEARNED_WEIGHTS } from './rubric-weights.ts';
import { WORD_MODEL } from './rubric-word-model.ts';
import { CALIBRATION } from './rubric-calibration-model.ts';
import { calibrate, type Calibration } from './rubric-calibration.ts';
import { readWhole, type WordModel } from './rubric-words.ts';
import { DIMENSIONS, MAX_REPLY_CHARS, type Cue, type Dimension, type Subject } from './types.ts';

export { MAX_REPLY_CHARS };


export interface ReplyContext {
	/** The customer's full name, as in the scenario's front matter. */
	customer: string;
	policy?: string;
	/** The customer's last line before this reply. */
	customerLine?: string;
	/** The trainee's earlier typed replies in this run. */
	previousReplies?: string[];
	/** The author's cues for this reply. */
	cues?: Cue[];
}

/** A phrase that counted, where it is, and why. */
export interface Evidence {
	phrase: string;
	/** Character offsets in the reply: `reply.slice(start, end) === phrase`. */
	start: number;
	end: number;
	dimension: Subject;
	weight: number;
	reason: string;
	/** The rubric feature that found it (a rule id, `name-right`, `cue` …); its weight is learned, see rubric-weights.ts. */
	feature?: string;
}

export interface ReplyAssessment {
	/** Each −3..+3, like an authored choice. */
	empathy: number;
	flexibility: number;
	ownership: number;
	/** The customer's mood change, −100..+100. */
	mood: number;
	evidence: Evidence[];
	/** Plain-language remarks on the whole reply (empty, not English, cut short …). */
	notes: string[];
}

/**
 * Evidence as the rules find it, before the learned weights: `prior` is the
 * hand-set weight every structural decision (offers neutralising walls,
 * sarcasm, repetition) is taken on, so the learned layer only sets how much
 * each kind of evidence counts, never what was found.
 */
export interface Finding {
	phrase: string;
	start: number;
	end: number;
	dimension: Subject;
	feature: string;
	/** Caps how much one kind of phrase adds up to (GROUP_CAP); '' for none. */
	group: string;
	prior: number;
	reason: string;
	/** Set when the finding counts nothing here, with the reason why (said sarcastically, a way forward offered …). */
	zeroed?: string;
	/** The author's cue effects are taken as written, never learned. */
	fixed?: boolean;
	/** Why it earns nothing when its learned weight is 0; without one, a finding weighed 0 is not shown. */
	ifZero?: string;
}

/** What `collectFindings` returns: everything the weights then turn into scores. */
export interface Findings {
	findings: Finding[];
	notes: string[];
	/** Mood for a reply that could not be scored (an empty one), else 0. */
	mood: number;
	/** True when the reply was not scored at all (empty, not English): every score is 0. */
	unscored: boolean;
	/** Words in the reply, for the short-reply note. */
	words: number;
	/** What the reply answers, for the word reading. */
	context: ReplyContext;
}

/** Learned integer weight per feature; a feature missing here keeps its rule's weight. */
export type FeatureWeights = Readonly<Record<string, number>>;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Every finding has the same fields, set in the same order (one object shape keeps scoring fast). */
function makeFinding(text: string, start: number, end: number, dimension: Subject, feature: string, group: string, prior: number, reason: string, ifZero?: string): Finding {
	return { phrase: text.slice(start, end), start, end, dimension, feature, group, prior, reason, zeroed: undefined, fixed: false, ifZero };
}

/**
 * Scores a typed reply on empathy, policy flexibility and ownership, offline
 * and in well under a millisecond, with the phrases that counted and why.
 * @example scoreReply("I'm so sorry, Dana. I'll email a prepaid label today.", { customer: 'Dana Whitfield' })
 *          // empathy > 0, ownership > 0, evidence: "I'm so sorry", "Dana", "I'll email … today"
 */
export function scoreReply(reply: string, givenContext: ReplyContext): ReplyAssessment {
	return assessFindings(collectFindings(reply, givenContext), reply, LEARNED_WEIGHTS, WORD_MODEL, CALIBRATION);
}

/**
 * The points the findings earn with these weights, then the reply read as a whole by the word model, then calibrated
 * against trainers' scores (each when given).
 */
export function assessFindings(collected: Findings, reply: string, weights: FeatureWeights, model?: WordModel, calibration?: Calibration): ReplyAssessment {
	const points = settleFindings(collected, weights);
	if (!model || collected.unscored) return points;
	const text = reply.length > MAX_REPLY_CHARS ? reply.slice(0, MAX_REPLY_CHARS) : reply;
	const read = readWhole(points, text, model, collected.context);
	return calibration ? calibrate(read, text, calibration) : read;
}

/**
 * Turns findings into scores with the given feature weights: each finding
 * counts its feature's weight (its rule's own weight when the feature has none),
 * one kind of phrase adds up to its group's cap, each dimension is clamped to −3..+3.
 */
export function settleFindings(collected: Findings, weights: FeatureWeights): ReplyAssessment {
	const { findings, notes, unscored } = collected;
	if (unscored) return { empathy: 0, flexibility: 0, ownership: 0, mood: collected.mood, evidence: [], notes };
	const evidence: Evidence[] = [];
	const groupTotals = new Map<string, number>();
	const totals: Record<Subject, number> = { empathy: 0, flexibility: 0, ownership: 0, mood: 0 };
	const show = (f: Finding, weight: number, reason: string) =>
		evidence.push({ phrase: f.phrase, start: f.start, end: f.end, dimension: f.dimension, weight, reason, feature: f.feature });
	for (const f of findings) {
		const learned = f.fixed ? f.prior : weightOf(f, weights);
		// A kind of evidence the labels gave no weight counts nothing, and is shown only where that needs saying.
		if (learned === 0 && (f.prior !== 0 || LEARNED_SIGN[f.feature])) {
			if (f.ifZero && !f.zeroed) show(f, 0, f.ifZero);
			continue;
		}
		if (f.zeroed) {
			show(f, 0, f.zeroed);
			continue;
		}
		let weight = learned;
		if (f.group) {
			const cap = GROUP_CAP[f.group] ?? 3;
			const sofar = groupTotals.get(f.group) ?? 0;
			weight = learned > 0 ? Math.min(learned, Math.max(0, cap - sofar)) : Math.max(learned, Math.min(0, -cap - sofar));
			groupTotals.set(f.group, sofar + weight);
			if (weight === 0 && learned !== 0) {
				show(f, 0, `Already counted: ${f.reason.charAt(0).toLowerCase()}${f.reason.slice(1)} Saying it again adds nothing.`);
				continue;
			}
		}
		totals[f.dimension] += weight;
		show(f, weight, f.reason);
	}
	const empathy = clamp(totals.empathy, -3, 3);
	const flexibility = clamp(totals.flexibility, -3, 3);
	const ownership = clamp(totals.ownership, -3, 3);
	// The customer hears empathy first; promises and options then move them.
	const mood = clamp(Math.round(6 * empathy + 4 * ownership + 4 * flexibility + totals.mood), -100, 100);
	evidence.sort((a, b) => a.start - b.start);
	const allNotes = collected.words <= 2 ? [...notes, 'A one- or two-word reply gives the customer nothing to hold on to.'] : notes;
	return { empathy, flexibility, ownership, mood, evidence, notes: allNotes };
}

/** The weight a finding counts with: the learned one for its feature, keeping the rule's sign. */
export function weightOf(finding: Pick<Finding, 'feature' | 'prior'>, weights: FeatureWeights): number {
	const learned = weights[finding.feature];
	if (learned === undefined || !Number.isInteger(learned)) return finding.prior;
	return clamp(learned, -3, 3);
}

/**
 * Everything the rules find in a reply, before any weight is learned: the
 * phrases, who they speak for, and which of them count nothing here and why.
 */
export function collectFindings(reply: string, givenContext: ReplyContext): Findings {
	const raw = typeof reply === 'string' ? reply : '';
	const context = readContext(givenContext);
	const notes: string[] = [];
	const text = raw.length > MAX_REPLY_CHARS ? raw.slice(0, MAX_REPLY_CHARS) : raw;
	const none = (notes: string[], mood = 0): Findings => ({ findings: [], notes, mood, unscored: true, words: 0, context });
	if (raw.length > MAX_REPLY_CHARS) notes.push(`Only the first ${MAX_REPLY_CHARS} characters were scored; customers rarely read more.`);
	if (text.trim() === '') return none(['No reply was typed, so nothing could be scored. Silence leaves the customer waiting.'], -10);

	const words = text.match(/[\p{L}']+/gu) ?? [];
	if (!readsAsEnglish(text, words)) {
		return none([...notes, "This reply doesn't read as English, so it could not be scored. Reply in English, in full sentences."]);
	}

	const lower = normalise(text);
	const found: Finding[] = [];
	// Walls that count only when nothing else is offered; settled at the end.
	const softWalls = new Set<Finding>();
	const overlaps = (start: number, end: number, dimension: Subject) =>
		found.some((e) => e.dimension === dimension && e.start < end && start < e.end);

	const mayMatch = rulesThatMayMatch(lower);
	for (const [index, rule] of RULES.entries()) {
		if (!mayMatch[index]) continue;
		const pattern = rule.pattern;
		pattern.lastIndex = 0;
		for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
			if (match[0].length === 0) {
				pattern.lastIndex++;
				continue;
			}
			// Evidence is whole words, even where a pattern stops inside one.
			// …and starts at its first word: ", can we." is the phrase "can we".
			let end = match.index + match[0].length;
			let start = match.index;
			while (start < end - 1 && LEADING.test(lower[start])) start++;
			while (start > 0 && WORD_CHAR.test(lower[start - 1]) && WORD_CHAR.test(lower[start])) start--;
			while (end < lower.length && WORD_CHAR.test(lower[end]) && WORD_CHAR.test(lower[end - 1])) end++;
			if (overlaps(start, end, rule.dimension)) {
				// Words already taken; a later start may still hold a phrase of its own.
				pattern.lastIndex = match.index + 1;
				continue;
			}
			const finding = makeFinding(text, start, end, rule.dimension, rule.id, rule.group, rule.weight, rule.reason, rule.ifZero);
			const negated = rule.negated !== 'keep' && isNegated(lower, start, match[0]);
			// "I won't transfer you", "it isn't true that there's nothing we can do": a negated fault is no fault,
			// and its words are not read again as something else ("…nothing I can do" is no offer).
			if (rule.weight < 0 && negated) {
				found.push({ ...finding, ...withNegation(text, lower, finding), zeroed: 'Said with a negation, so it counts nothing.' });
				continue;
			}
			if (rule.weight > 0 && negated) {
				if (typeof rule.negated !== 'object') continue;
				found.push({
					...finding,
					...withNegation(text, lower, finding),
					feature: `${rule.id}-negated`,
					group: `${rule.group}-negated`,
					prior: rule.negated.weight,
					reason: rule.negated.reason
				});
				continue;
			}
			// "Only approved glaziers are covered": a permission limited by "only" states the rule.
			if (rule.weight > 0 && rule.dimension === 'flexibility' && PERMISSION.test(match[0]) && /\bonly\b/.test(clauseBefore(lower, start))) {
				const wall: Finding = { ...finding, feature: 'soft-wall', group: 'wall', prior: -1, reason: ONLY_REASON };
				found.push(wall);
				softWalls.add(wall);
				continue;
			}
			// Thanks are weighed apart from sympathy: the guide counts words that fit this customer's case, and
			// "thanks for letting us know" fits any.
			if (rule.id === 'acknowledge' && THANKS.test(lower.slice(start, end))) Object.assign(finding, { feature: 'thanks', reason: THANKS_REASON, ifZero: THANKS_IF_ZERO });
			found.push(finding);
			if (rule.softWall) softWalls.add(finding);
		}
	}

	for (const cue of context.cues) applyCue(cue, text, lower, found);
	policyQuoteEvidence(text, lower, context.policy, found, softWalls);

	nameEvidence(text, context.customer, found);
	shoutingEvidence(text, found);
	delegationEvidence(lower, found);
	escalationEvidence(text, lower, found);
	wayAfterWall(lower, found);
	contrastEvidence(text, lower, found);
	serviceEvidence(lower, context.customerLine, context.policy, found);
	yesEvidence(text, lower, context.customerLine, found);
	requestMetEvidence(text, lower, context.customerLine, context.policy, found);
	grantEvidence(text, lower, context.policy, found);
	ruleRestatedEvidence(text, lower, context.customerLine, context.policy, words.length, found);
	givesWayEvidence(text, lower, context.policy, found);
	overPromiseEvidence(text, lower, found);
	bareHopeEvidence(text, lower, found);
	decisionEvidence(text, found);
	questionEvidence(text, lower, context.customerLine, context.previousReplies, found);
	repetitionEvidence(text, lower, context.previousReplies, found);
	runUpEvidence(lower, found);
	scriptEvidence(lower, found);
	pleaseEvidence(found);

	// Sarcasm turns the rest of its sentence into mockery: "I'll just drive the truck round myself, shall I?"
	for (const mock of found.filter((e) => e.reason === SARCASM_REASON)) {
		const [from, to] = sentenceAround(lower, mock.start, mock.end);
		for (const e of found) {
			if (e !== mock && e.prior > 0 && e.start >= from && e.end <= to) e.zeroed = 'Said sarcastically, so it does not count.';
		}
	}

	// An exception made on the quiet is no exception: "I'll sneak you in, just don't tell anyone".
	if (found.some((e) => e.feature === 'covert-bend' && !e.zeroed)) {
		for (const e of found) if (e.dimension === 'flexibility' && e.prior > 0 && !e.zeroed) e.zeroed = 'Done on the quiet, so it is not an open exception.';
	}

	// A rule that holds for safety or the law, or for a harm it prevents, explained as such, is not hidden behind (a flat
	// "no exceptions" still is).
	const held = SAFETY_REASON.test(lower) ? SAFETY_REASON_NOTE : HARM.test(BECAUSE.exec(lower)?.[1] ?? '') ? REASON_NOTE : undefined;
	if (held) for (const e of found) if (e.dimension === 'flexibility' && e.prior === -1 && !e.zeroed) e.zeroed = held;
	if (held) heldWithWayEvidence(text, held, found);
	ruleAndWayEvidence(text, lower, context.policy, found);

	// "I'll do the refund at some point": a promise with no time in it owns nothing. ("Most bikes get a puncture at
	// some point" promises nothing: without a future before it in its sentence, the phrase is not a finding.)
	for (const vague of [...found]) {
		if (vague.feature !== 'vague-promise' || vague.zeroed || !VAGUE_TIME.test(vague.phrase.toLowerCase())) continue;
		const [from, to] = sentenceAround(lower, vague.start, vague.end);
		if (!FUTURE.test(lower.slice(from, vague.start))) {
			found.splice(found.indexOf(vague), 1);
			continue;
		}
		// "…at 2pm, and ring you at some point after that": a real time is given too.
		if (A_TIME.test(lower.slice(from, vague.start) + ' ' + lower.slice(vague.end, to))) vague.zeroed = 'A time is given as well, so it is not vague.';
		else for (const e of found) if (e.dimension === 'ownership' && e.prior > 0 && !e.zeroed && e.start >= from && e.end <= to) e.zeroed = VAGUE_TIME_NOTE;
	}

	// "One moment while I pull up your booking": a holding line is a neutral step, nothing is owned yet.
	if (isHoldingLine(lower, words.length)) {
		for (const e of found) if (e.dimension === 'ownership' && e.prior > 0 && !e.zeroed) e.zeroed = 'A holding line is a neutral step: nothing is owned yet.';
	}

	// Stating the rule is fine when the same reply offers a way forward.
	const offersWay = found.some((e) => e.dimension === 'flexibility' && e.prior > 0 && !e.zeroed);
	for (const e of found) {
		if (offersWay && softWalls.has(e)) e.zeroed = 'Stating the rule is fine here, because the reply also offers a way forward.';
	}
	// Last, once it is settled which refusals still count.
	distressIgnoredEvidence(text, context.customerLine, found);
	holdingLineName(lower, words.length, found);

	return { findings: found, notes, mood: 0, unscored: false, words: words.length, context };
}

const VAGUE_TIME = /^(?:at some|eventually|when )/;
const FUTURE = /\b(?:'?ll|will|going to|gonna|should)\b/;
const VAGUE_TIME_NOTE = 'Promised with no time ("at some point"), so it owns nothing the customer can hold anyone to.';

/** Where the sentence holding the words from `start` to `end` starts and ends. */
function sentenceAround(lower: string, start: number, end = start): [number, number] {
	const from = Math.max(lower.lastIndexOf('.', start - 1), lower.lastIndexOf('!', start - 1), lower.lastIndexOf('?', start - 1)) + 1;
	const stop = lower.slice(end).search(/[.!?]/);
	return [from, stop < 0 ? lower.length : end + stop + 1];
}

const THANKS = /^(?:thank|thanks|cheers)\b/;
const THANKS_REASON = 'Thanking the customer (for their patience, for telling you) acknowledges them.';
const THANKS_IF_ZERO = 'Thanks are courteous, but on their own they do not show the customer you understand their situation.';

/** The reason a rule rightly holds, given to the customer: safety, the law, insurance, a false document. */
const SAFETY_REASON =
	/\b(?:safety(?! first)|unsafe|dangerous|danger|legal(?:ly)?|illegal|the law|by law|(?:insurance|insurer)(?: \w+)? (?:wouldn'?t|won'?t|doesn'?t|does not|would not|will not)|confidential(?:ity)?|(?:their|his|her|patients?'?|members?'?|customers?'?) privacy|to protect (?:your|their|his|her|the) (?:property|privacy|data|details|safety|belongings|health|records)|uninsured|accreditation|licen[cs]e to operate|false (?:document|record|certificate)|fraud|fire (?:rules?|regulations?|safety|limit|code)|health and safety|risk (?:assessment|to (?:you|them|the|your))|data[- ]protection|gdpr|(?:his|her|their) consent|security (?:key|reasons?|rules?)|to stop (?:people|anyone|strangers)|(?:keep|keeps|keeping) (?:you|him|her|them|riders|children|kids|swimmers|climbers|patients|guests|passengers|visitors|staff|(?:your|the) [a-z]+) safe|(?:tip|capsize|sink) (?:a|the)|rescue|(?:a )?criminal offence|fire capacity|(?:a )?(?:real |serious )?risk of|(?:make|keep) (?:anything|it|them|this|that|everyone) safe|(?:signed off|certified) (?:as )?safe|(?:start|cause) a fire|fire (?:risk|hazard)|(?:required|needed|demanded|set) by (?:our|the) insur\w+|(?:our|the) insur\w+ (?:requires?|insists?|demands?)|protect (?:your|their|his|her|everyone'?s|(?:our )?(?:members|customers|patients)'?) (?:privacy|data|safety|health))\b/;
const SAFETY_REASON_NOTE = 'The rule holds for a reason the customer is told (safety, the law, insurance): explaining it is not hiding behind it.';
/** "…because strangers share the dorms", "as it's tied to your medical details", "that's why we need your GP to confirm". */
const BECAUSE = /\b(?:because|since|as (?:it|it'?s|they|they'?re|the|we|we'?re|that|this|there|our|your|strangers|some|any|most|each)|so that (?!'?s\b|one\b)|(?:it'?s|is|are) there to|which is why|that'?s why|that'?s for|otherwise)\b([^.!?;]{0,80})/;
/**
 * …naming a harm the rule prevents or someone it protects: a reason the rule rightly holds, not a business's convenience.
 * (Round sixteen: dependence, overdose, poison, burns, asthma, sensitivity, "in a crash".)
 */
const HARM = /\b(?:infect\w*|medical|health|illness|risk\w*|injur\w*|hurt|harm\w*|head(?! office|quarters)|fell|fall(?:s|ing)? (?:over|off|down|backwards)|faint\w*|allerg\w*|coeliacs?|strangers?|security|protect\w*|regulat\w*|offence|crime|criminal|stolen|steal\w*|fraud\w*|identity|paramedics?|emergenc\w*|fire|safe|safely|young people|vulnerable|privacy|private|consent|permission|reliably|verify|(?:you'?re|is|are) fit|addict\w*|habit-forming|dependen(?:ce|cy)|overdose|double dose|poison\w*|toxic|drown\w*|burns?|broken bones?|inhalers?|asthma\w*|sensitiv\w*|contaminat\w*|in a crash)\b/;
const REASON_NOTE = 'The rule holds for a reason the customer is told, not just the rule said again: explaining it is not hiding behind it.';
const PERMISSION = /^(?:(?:that'?s|is|are|it'?s) (?:allowed|covered)|(?:is|are) possible)/;
const ONLY_REASON = 'A permission limited by "only" states the rule: with nothing else offered, it is a wall.';

/** The text from the start of the clause `at` is in, up to `at`. */
function clauseBefore(lower: string, at: number): string {
	const before = lower.slice(Math.max(0, at - 80), at);
	return before.split(/[.;!?:\u2014\u2013]|,\s|\s-\s|\b(?:but|so|because|which|though|although)\b/).pop() ?? '';
}

/** Done, but only on paper: raising a ticket or flagging it is not doing the thing itself. */
const LOGGED_ONLY = /\b(?:raised|logged|flagged|tagged|marked|noted|passed|forwarded|sent)\b/;

/**
 * "I'll get someone from the workshop to ring you": the trainee stays in
 * charge, so the someone who will call is not a hand-off.
 */
function delegationEvidence(lower: string, found: Finding[]) {
	for (const f of found) {
		if ((f.feature !== 'pass-on' && f.feature !== 'disown') || f.zeroed || !/^(?:someone|somebody|a member|a colleague|one of|the|our|they)\b/i.test(f.phrase)) continue;
		const sentence = lower.slice(Math.max(0, f.start - 80), f.start).split(/[.!?]/).pop() ?? '';
		// "I've approved the return; our collection team will call you": the team carries out what the trainee did.
		if (/^(?:the|our)\b/i.test(f.phrase) && found.some((e) => e.feature === 'commit-done' && !e.zeroed && e.end <= f.start && !LOGGED_ONLY.test(normalise(e.phrase)))) {
			f.zeroed = 'You have already done it yourself; the team only carries it out, so this is not passing it on.';
			continue;
		}
		if (/\b(?:i'?ll|i will|let me|i'?m going to|i am going to|i can|i'?ve|i have)(?: personally| also| just| now)? (?:get|have|make sure|ask|arrange for|book|send|organi[sz]e|got|had|asked|arranged for|booked|made sure)\b/.test(sentence)) {
			f.zeroed = 'You stay in charge of it ("I\'ll get someone to…"): arranging it yourself is not passing it on.';
		}
	}
	// "I've logged a ticket and our support team will contact you": logging it on the way to handing it on is not doing it.
	if (!found.some((f) => f.feature === 'pass-on' && !f.zeroed)) return;
	for (const f of found) {
		if (f.feature === 'commit-done' && !f.zeroed && LOGGED_ONLY.test(normalise(f.phrase))) f.zeroed = 'Logging it and handing it to someone else is not doing it yourself.';
	}
}

/** A limit named in the reply: what an exception is made to. */
const LIMIT = /\b(?:normally|usually|technically|strictly|policy|polic(?:y|ies)|rules?|exception|although|though|even though|despite|(?:past|outside|beyond)(?! (?:of )?(?:your|our|my|their|his|her) control)|over the|after the|but|however|just this once|this (?:one )?time|one-off|goodwill|deadline|window|limit|cut-?off|terms|allowed|can'?t|cannot|don'?t(?! (?:you )?worry)|won'?t)\b/;
/** The customer asking for something: "Can I…?", "Could you…?", "Is it possible…?"; or contesting a charge ("Why should I pay?"). */
const REQUEST =
	/\b(?:can|could|will|would|may|might|do|am) (?:i|we|you|he|she|they|my|our)\b|\bis (?:it|there) (?:possible|any way|a way)\b|\b(?:please|i want|i need|i'?d like)\b|\bwho(?:'s| is)? (?:going to )?(?:pay|paying|compensat|cover|refund)|\b(?:are you|you'?re(?: not)?) (?:really |seriously |honestly |actually )*(?:going to (?:charge|make|keep|refuse|fine|bill)|refusing|charging|keeping|offering|telling me|saying)|\bis (?:that|this) (?:a joke|really right|fair)|\bwhy should (?:i|we)\b|\b(?:i'?m|we'?re|i am|we are) not (?:paying|going to pay)\b/i;
/** Promising the remedy itself ("I'll refund the £20", "you'll get your money back"): service unless a rule stood in the way. */
const SERVICE_PROMISE = /^(?:(?:i|we)(?:'?ll| will| am going to|'?m going to|'?re going to| are going to)|you(?:'?ll| will)|(?:we'?re|we are|i'?m|i am) (?:pay|cover))\b/;

/**
 * Something already done for the customer ("I've booked you in for Thursday")
 * is an exception only when a rule stood in the way: the reply names a limit,
 * the customer had asked for something, or a rule is at stake and the customer
 * named a hardship (a stay in hospital, a death: the case for bending it).
 * Otherwise it is good service, and ownership says so.
 */
function serviceEvidence(lower: string, customerLine: string | undefined, policy: string | undefined, found: Finding[]) {
	if (customerLine === undefined || REQUEST.test(customerLine) || LIMIT.test(lower)) return;
	if (policy && DISTRESS.test(normalise(customerLine))) return;
	for (const f of found) {
		if ((f.feature === 'flex-done' || (f.feature === 'flex-offer' && SERVICE_PROMISE.test(normalise(f.phrase)))) && !f.zeroed) f.zeroed = 'Doing what was needed is good service, not an exception: no rule stood in the way here.';
	}
}

/** The customer asking the speaker to do something for them ("Will you let us in?", "Surely you can look it up?"); or whether they must. */
const ASKS_FOR = /\b(?:can|could|will|would) you\b|\bsurely you\b|\b(?:can|could|may) (?:i|we)\b|\bis (?:it|there) (?:possible|any way|a way)\b/;
const ASKS_MUST = /\b(?:have to|must|need to|do i really|am i)\b/;
const OPENS_WITH_YES = /^\W*(?:yes|yeah|yep|of course|absolutely|certainly)\s*(?:[,.!:;\u2014\u2013-]|$)/;

/**
 * "Yes, come in": saying yes, first thing, to what the customer asked for against a limit they name, with no
 * wall in the reply, grants it
 * (the learned weight says how much that counts as an exception).
 */
function yesEvidence(text: string, lower: string, customerLine: string | undefined, found: Finding[]) {
	if (!customerLine || !OPENS_WITH_YES.test(lower)) return;
	const asked = remembered(questionCache, customerLine, () => customerLine.match(/[^.!?]*\?|\btell me (?:when|what|why|how|where|who|if|whether)\b[^.!?]*/gi));
	const question = normalise(asked?.[asked.length - 1] ?? '');
	const start = lower.search(/[a-z]/);
	const end = start + (lower.slice(start).match(/^(?:of course|[a-z]+)/)?.[0].length ?? 0);
	// "Do I really have to pay?" — "Yes.": the rule applied as it stands, with nothing offered.
	if (ASKS_MUST.test(question)) {
		if (found.some((f) => f.dimension === 'flexibility' && f.prior > 0 && !f.zeroed)) return;
		found.push(makeFinding(text, start, end, 'flexibility', 'must-yes', 'wall', -1, 'A plain "yes" to "do I really have to…?" applies the rule as it stands, with nothing offered: a wall.'));
		return;
	}
	if (!ASKS_FOR.test(question)) return;
	// …against a limit the customer names ("I don't have the receipt, but…"): otherwise it is a plain answer.
	if (!LIMIT.test(normalise(customerLine))) return;
	if (found.some((f) => f.dimension === 'flexibility' && !f.zeroed)) return;
	found.push(makeFinding(text, start, end, 'flexibility', 'flex-yes', 'flex', 1, 'Saying yes, straight away, to what the customer asked for gives them the way round they needed.'));
}

/**
 * A rule whose own words say why it must hold: safety, the law, privacy, fraud, health. Not where the word only names
 * what the rule is about ("Licence refunds are calculated…", "insurance claims", "medical conditions must be
 * declared", "a security deposit"): a refund rule is no safety rule for being about a licence (round twenty-five). A
 * licence is the law's reason only as licensing, a premises' licence or a licence's conditions.
 */
const KEPT_FOR =
	/\b(?:safe(?:ty|ly|guard\w*)?|unsafe|danger\w*|hazard\w*|legal(?:ly)?|illegal|law|laws|regulations?|licensing|(?:premises|alcohol|drinks|our) licen[cs]e|licen[cs]e (?:conditions|requirements|terms|rules)|insur\w*|privacy|confidential\w*|data protection|gdpr|personal (?:data|details|information)|consent|fraud\w*|identity|security|hygiene|infection\w*|contagious|allerg\w*|medical|health)\b(?! (?:refunds?|claims?|deposits?|fees?|payments?|premiums?|polic(?:y|ies)|cover|conditions?|declarations?|appointments?|renewals?|applications?|holders?|numbers?|plans?|centres?|clubs?|cards?|costs?|bills?|charges?|forms?|certificates?|notes?|excess|quotes?|companies|company|providers?|firms?)\b)/;
const keptCache = new Map<string, boolean>();
/** Grants that weigh nothing: a yes, the thing asked for done, a permission. */
const CASUAL = new Set(['flex-yes', 'request-met', 'flex-permission']);
/** A yes in the reply's first words (after a greeting or the customer's name at most), with more to say after it. */
const GIVES_WAY =
	/^[^\p{L}]*(?:(?:hi|hey|hello|oh|ah|well|right)\b[^\p{L}]*)?(?:[\p{L}']+[,!]\s*)?(sure|yes|yeah|yep|ok|okay|fine|of course|no problem|no worries|go on|go ahead|alright|all right)\b(?!,? (?:but|not|unfortunately|sorry|i'?m afraid))(?=(?:[^\p{L}']+[\p{L}']+){3})/u;
/** Words that refuse or weigh the request: then the yes is not giving way. */
const HOLDS = /\b(?:can'?t|cannot|won'?t|unable|not able|unfortunately|afraid|however|only if|as long as|provided|check(?:ing)? (?:with|whether|if)|ask (?:the|my|our))\b/;
const GIVES_WAY_REASON =
	"Saying yes, just like that, to a rule kept for safety, the law or privacy gives way where it should hold: say why it holds and find what can be done within it.";
/**
 * The risk a rule guards against waved away: "ten minutes won't hurt anyone", "he's close enough", "you'll be fine"
 * (not "she'll be fine with me": someone of ours stands in for the safeguard).
 */
const RISK_WAVED =
	/\b(?:won'?t hurt (?:anyone|anybody|you|him|her|them)|nothing compared|(?:is|'s|are|'re) (?:totally|perfectly|absolutely|honestly|really) fine|(?:you|he|she|they|it)(?:'ll| will) be (?:totally |absolutely |perfectly )?fine(?! with (?:me|us)\b)|isn'?t (?:far off|much over)|won'?t make (?:much|any) difference|close enough|near enough|(?:not|no) (?:a )?big deal|it'?s only (?:a|one|two|ten|five)\b|only a (?:couple|few|little|bit)|what'?s the harm|no harm in)\b/;
const RISK_WAVED_REASON =
	'Telling the customer the risk a rule guards against does not matter, where the rule is kept for safety, the law or privacy, gives way where it should hold: say why it holds and find what can be done within it.';

/**
 * "Sure, he owes £412." to someone who is not the account holder, where the rule is there to protect privacy: a grant
 * on the nod, against a rule whose own words say why it holds, is caving, not judgment. An exception weighed and
 * named ("I'll make an exception, with the waiver signed"), a reason given, or a refusal after the yes is not this.
 * Waving the risk away ("ten minutes won't hurt anyone", round nineteen) gives way in the same way, without the yes.
 */
function givesWayEvidence(text: string, lower: string, policy: string | undefined, found: Finding[]) {
	if (!policy || !remembered(keptCache, policy, () => KEPT_FOR.test(normalise(policy)))) return;
	const yes = GIVES_WAY.exec(lower);
	const waved = RISK_WAVED.exec(lower);
	// The evidence is the yes itself, or the words that wave the risk away.
	const given = yes
		? { start: yes.index + yes[0].length - yes[1].length, words: yes[1], reason: GIVES_WAY_REASON }
		: waved && { start: waved.index, words: waved[0], reason: RISK_WAVED_REASON };
	if (!given) return;
	// "won't hurt anyone" waves the risk away; it is not the "won't" of a refusal.
	const rest = waved ? lower.slice(0, waved.index) + lower.slice(waved.index + waved[0].length) : lower;
	if (HOLDS.test(rest) || SAFETY_REASON.test(lower)) return;
	const casual = (f: Finding) => CASUAL.has(f.feature);
	if (found.some((f) => f.dimension === 'flexibility' && f.prior > 0 && !f.zeroed && !casual(f))) return;
	for (const f of found) if (f.dimension === 'flexibility' && casual(f) && !f.zeroed) f.zeroed = 'Given on the nod, against a rule kept for safety, the law or privacy.';
	found.push(makeFinding(text, given.start, given.start + given.words.length, 'flexibility', 'gives-way', 'wall', -2, given.reason));
}

/** What the customer asks to be done: "can you just put September on it?", "I want that refunded", "let us all in". */
const REQUESTED =
	/\b(?:(?:can|could|will|would) (?:you|i|we)(?: (?:please|just|at least|still|not))*|(?:let|allow) (?:me|us|him|her|them)(?: all)?|i (?:want|need|'?d like)(?: to| you to)?|is (?:it|there) (?:possible|any way|a way)(?: to| for (?:me|us) to| you (?:can|could))?)\s+((?:[a-z']+\s*){1,5})/;
const requestCache = new Map<string, Set<string>>();
const NEGATES = /\b(?:can'?t|cannot|won'?t|don'?t|do not|doesn'?t|does not|not able|unable|never)\b/;
/** Said in the reply as done or to be done, not refused. */
const AFFIRMS = /\b(?:i'?ve|we'?ve|i'?ll|we'll|i will|we will|i can|we can|you can|you'?ll|is fine|are fine|no problem|of course|yes|sure|happy to|done)\b/;
/** A clause that refuses, or only looks into it ("I'll look into whether…", "I'm checking…"). */
const REFUSES = /\b(?:can'?t|cannot|won'?t|not|no|unable|afraid|unfortunately|sadly|only|look(?:ing)? into|check(?:ing)?|see (?:if|whether|what)|find out|ask(?:ing)?)\b/;

/**
 * "Can you just move us to Saturday?" — "I've moved you to Saturday": a reply that does, in the customer's own
 * words, what they asked for against a rule, in a clause that refuses nothing, grants the exception; one that
 * refuses it in those words, with nothing offered in the reply, is a wall.
 */
function requestMetEvidence(text: string, lower: string, customerLine: string | undefined, policy: string | undefined, found: Finding[]) {
	if (!customerLine || !policy || found.some((f) => f.dimension === 'flexibility' && !f.zeroed && f.prior !== 0)) return;
	const wanted = remembered(requestCache, customerLine, () => {
		const asked = REQUESTED.exec(normalise(customerLine));
		// The verb asked for ("let", "move", "put") and the longer words after it, by their first four letters.
		const [verb, ...rest] = asked?.[1].match(/[a-z']+/g) ?? [];
		const words = verb === undefined ? [] : [verb, ...rest.filter((w) => w.length >= 4)];
		return new Set(words.filter((w) => w.length >= 3 && !STOP.has(w)).map((w) => w.slice(0, 4)));
	});
	// Only a request the rule is about ("move", "bookings cannot be moved") asks for an exception; the rule
	// allowing it ("can be cancelled at any time") makes doing it service.
	const ruleWords = normalise(policy).match(/[a-z]+/g) ?? [];
	const governed = ruleWords.some((w, i) => wanted.has(w.slice(0, 4)) && !/^(?:can|may)$/.test(ruleWords[i - 2] ?? ''));
	const allowed = ruleWords.some((w, i) => wanted.has(w.slice(0, 4)) && /^(?:can|may)$/.test(ruleWords[i - 2] ?? ''));
	if (!governed || allowed) return;
	const clause = /[^.!?;,\u2014\u2013]+/g;
	for (let match = clause.exec(lower); match; match = clause.exec(lower)) {
		const words = match[0].match(/[a-z]{3,}/g) ?? [];
		if (!words.some((w) => wanted.has(w.slice(0, 4)))) continue;
		const start = match.index + (match[0].length - match[0].trimStart().length);
		const end = match.index + match[0].trimEnd().length;
		// "Can you move it?" — "We don't move bookings": the request refused in its own words, nothing else offered.
		if (NEGATES.test(match[0])) {
			found.push(makeFinding(text, start, end, 'flexibility', 'request-refused', 'wall', -1, 'Refusing what the customer asked for, in their own words, with nothing offered, is a wall.'));
			continue;
		}
		if (!AFFIRMS.test(match[0]) || REFUSES.test(match[0])) continue;
		found.push(makeFinding(text, start, end, 'flexibility', 'request-met', 'flex', 1, 'Doing what the customer asked for, in their own words, gives them the way round the rule they needed.'));
		return;
	}
}

/** The parts of a policy that restrict: "…are not refunded", "only within 30 days", "must be paid before…". */
const RESTRICTING = /\b(?:not|only|must|no|non|cannot|can'?t|won'?t|forfeit\w*|charged|within|before|after|requires?|required|unless|until|never|strictly|in full)\b/;
const restrictedCache = new Map<string, Set<string>>();
/** A clause that says yes to something: "a full refund will be issued", "we can approve the plaque now", "one more is fine". */
const SAYS_YES = /\b(?:we can|i can|we'll|i'?ll|we will|i will|can be|will be|is fine|are fine|that'?s fine|is ok(?:ay)?|you can|i'?ve|we'?ve|i'?m \w+ing|we'?re \w+ing)\b/;
/** …unless it refuses, sets a condition, only looks into it or passes it on, or only talks to someone about it. */
const ONLY_LOOKS = /\b(?:call\w*|ring\w*|phon\w*|e-?mail|text|send|sent|escalat\w*|raised|spoken|tell|explain\w*|pull up|check\w*|look\w*|see|ask\w*|whether|find out|confirm|let me|could you|pass|flag|mention|referr\w*|raise|chase|log|not|never|no|nothing|can'?t|cannot|won'?t|don'?t|didn'?t|doesn'?t|isn'?t|aren'?t|unable|only|unless|if|afraid|unfortunately|sadly|normally|usually|policy|rules?|terms)\b/;
const OUR_ERROR = /\b(?:should(?:n'?t| not) have (?:happened|been (?:charged|taken|billed|applied|issued|sent))|(?:charged|billed|taken) (?:you )?(?:by mistake|in error|twice))\b/;
/** The policy's words in the clauses that restrict ("…are not refunded", "only within 30 days"), by their first five letters. */
const restrictedStems = (policy: string) =>
	remembered(restrictedCache, policy, () => new Set(normalise(policy).split(/[.;,]|\b(?:but|and)\b/).filter((clause) => RESTRICTING.test(clause)).flatMap(stemsOf)));
const stemsOf = (text: string) => (text.match(/[a-z]{4,}/g) ?? []).filter((w) => !COMMON_WORDS.has(w)).map((w) => w.slice(0, 5));

/**
 * "Payment can be taken on Friday", "a full refund will be issued", "we can approve the plaque now": saying yes, in a
 * clause that refuses and conditions nothing, to what the policy's restricting words are about, grants the exception
 * in words no grant rule lists. Read only where nothing else has been found on flexibility.
 */
function grantEvidence(text: string, lower: string, policy: string | undefined, found: Finding[]) {
	// Putting right our own mistake ("that's our error", "the charge shouldn't have happened") bends no rule.
	if (!policy || OUR_ERROR.test(lower) || found.some((f) => (f.dimension === 'flexibility' || PASSES_ON.has(f.feature) || f.feature === 'own-fault') && !f.zeroed)) return;
	const restricted = restrictedStems(policy);
	const clause = /[^.!?;\n]+/g;
	for (let match = clause.exec(lower); match; match = clause.exec(lower)) {
		for (const part of match[0].split(/\bbut\b/)) {
			if (!SAYS_YES.test(part) || ONLY_LOOKS.test(part) || !stemsOf(part).some((stem) => restricted.has(stem))) continue;
			const start = match.index + match[0].indexOf(part) + (part.length - part.trimStart().length);
			found.push(makeFinding(text, start, start + part.trim().length, 'flexibility', 'flex-grant', 'flex', 1, 'Saying yes to what the rule restricts, with no condition and no refusal, grants the exception.'));
			return;
		}
	}
}

/**
 * "Work already done can't be paid back, but I've flagged his referral as urgent and I'll ring you Friday": the
 * rule's own subject named in a clause that says no (or that the customer won't need it), and something the trainee
 * takes on, with nothing else said about the rule and nothing asked back, is judgment: a way found, not a wall.
 */
function ruleAndWayEvidence(text: string, lower: string, policy: string | undefined, found: Finding[]) {
	if (!policy || lower.includes('?') || found.some((f) => (f.dimension === 'flexibility' || PASSES_ON.has(f.feature)) && !f.zeroed && f.prior !== 0)) return;
	const way = found.find((f) => f.dimension === 'ownership' && f.prior > 0 && !f.zeroed);
	if (!way) return;
	const restricted = restrictedStems(policy);
	// A clause that says no, or that the customer won't need to: "the grant can't repay…", "you won't need his ID".
	if (!lower.split(/[.!?;\n]/).some((clause) => NEGATORS.test(clause) && stemsOf(clause).some((stem) => restricted.has(stem)))) return;
	found.push(makeFinding(text, way.start, way.end, 'flexibility', 'rule-and-way', 'flex', 1, 'The rule is named and the reply still finds the customer a way, taken on by the trainee: judgment, not a wall.'));
}

/**
 * The guide's other "+": the rule explained by what it protects, and a way found that respects it. A refusal held for
 * safety, the law or a harm it prevents, with something the trainee takes on ("I'll email you the job sheet today so
 * your insurer can see it"), and nothing else said about the rule either way.
 */
function heldWithWayEvidence(text: string, held: string, found: Finding[]) {
	if (!found.some((f) => f.zeroed === held) || found.some((f) => f.dimension === 'flexibility' && !f.zeroed && f.prior !== 0)) return;
	const way = found.find((f) => f.dimension === 'ownership' && f.prior > 0 && !f.zeroed);
	if (!way) return;
	found.push(makeFinding(text, way.start, way.end, 'flexibility', 'held-with-way', 'flex', 1, 'The rule is explained by what it protects and the reply finds a way that respects it: judgment, not a wall.'));
}

/** "Do I really have to pay…?", "do we lose…?": a charge questioned. */
const CHARGE_QUESTIONED = /\bdo (?:i|we) (?:really |actually )?(?:have to|lose|pay|get charged)\b/;
const PUSHBACK =
	/\b(?:why (?:are|am|should|do|does|is|have) (?:we|i|you|my|our)\b[^.?!]{0,40}?\b(?:pay|paying|charg\w*|lose|losing|los[te]\w*|fined)\b|now you(?:'?re| are)? (?:want|asking|charging|saying)|are you (?:really |seriously |honestly )*going to|you'?re (?:not )?(?:really |seriously |honestly )*going to|surely|is (?:that|this) (?:a joke|really right|fair)|(?:can|could|will|would) (?:your|my|our|the) \w+|is there (?:honestly |really |seriously )?(?:nowhere|no way|anywhere|anything|any (?:way|chance)))\b/;
/** "When will I get it back?" asks for news, not for a way round a rule. */
const ASKS_WHEN = /\b(?:when|where|what|how|why|who)\b[^.?!]*\b(?:will|can|could|would) (?:i|we|you)\b/;
/** The rule explained, not just said: explaining it fairly is no wall. */
const GIVES_REASON = /\b(?:because|since|as (?:we|it|they|the)|(?:it'?s|that'?s|is) (?:there )?to (?:protect|keep|stop|make sure)|so that|for (?:your )?security|risk)\b/;
const PASSES_ON = new Set(['pass-on', 'self-serve', 'disown']);
const askedCache = new Map<string, { wantsWayRound: boolean; chargeQuestioned: boolean }>();
const ruleWordsCache = new Map<string, { rule: Set<string>; figures: Set<string> }>();
const RESTATED_REASON = 'The customer wanted a way round the rule; saying the rule back to them, with nothing offered, is hiding behind it.';
/**
 * "Can you fit me in before Friday?" — "Earliest slot is the 14th.": the rule
 * said back, in two or more of its own words or figures, to a customer who asked for an
 * exception (or complained, asking nothing), with nothing offered and nothing taken on, is a wall without the word "can't",
 * whether or not it sounds like a limit ("Boarding closed 20 minutes before departure").
 */
function ruleRestatedEvidence(text: string, lower: string, customerLine: string | undefined, policy: string | undefined, words: number, found: Finding[]) {
	if (!customerLine || !policy || /\b(?:let me|if you)\b/.test(lower) || GIVES_REASON.test(lower) || SAFETY_REASON.test(lower)) return;
	const asked = remembered(askedCache, customerLine, () => {
		const line = normalise(customerLine);
		const chargeQuestioned = CHARGE_QUESTIONED.test(line);
		// A complaint that asks nothing ("Now I'm being charged for oil I never got") wants a way round as plainly as a
		// question does; a question asks for one only if it is a request, not a request for news (round twenty).
		const wantsWayRound = !line.includes('?') || ((REQUESTED.test(line) && !ASKS_WHEN.test(line)) || PUSHBACK.test(line) || chargeQuestioned);
		return { wantsWayRound, chargeQuestioned };
	});
	if (!asked.wantsWayRound) return;
	// "Do I have to pay it again?" "No, …": a no to a charge is the customer's good news.
	if (/^\W*no\b/.test(lower) && asked.chargeQuestioned) return;
	if (found.some((f) => f.dimension !== 'empathy' && f.dimension !== 'mood' && !f.zeroed && (f.prior > 0 || (f.dimension === 'flexibility' && f.prior < 0)))) return;
	if (isHoldingLine(lower, words) || lower.includes('?') || OPENS_WITH_YES.test(lower) || found.some((f) => PASSES_ON.has(f.feature) && !f.zeroed)) return;
	// "…but the Little Twister takes riders from 1.10m": something the customer can still do is no wall.
	for (const clause of lower.split(/[.!;,\u2014\u2013]|\bbut\b|\bso\b/)) if ((AFFIRMS.test(clause) || /\b(?:can|could)\b/.test(clause)) && !NEGATES.test(clause)) return;
	const { rule, figures } = remembered(ruleWordsCache, policy, () => ({ rule: keywords(policy), figures: new Set(normalise(policy).match(/\d+/g) ?? []) }));
	const shared = [...keywords(text)].filter((w) => rule.has(w)).length + (lower.match(/\d+/g) ?? []).filter((n) => figures.has(n)).length;
	if (shared < 2) return;
	found.push(makeFinding(text, 0, text.trimEnd().length, 'flexibility', 'rule-restated', 'wall', -1, RESTATED_REASON));
}

/**
 * Certainty about what the speaker does not control: "it'll definitely be…",
 * "guaranteed", "I promise it won't happen again". (Not "I'll definitely call
 * you": a promise of one's own next step is a commitment.)
 */
const OVER_PROMISE =
	/(?<!\b(?:i|we)['\s]?)\b(?:is|are|'re|'s) (?:definitely|certainly|absolutely|100%) going to\b|(?<!\b(?:i|we)['\s]?)(?:'?ll|\bwill|\b(?:is|are|'re|'s) going to) (?:(?:definitely|certainly|absolutely|for sure|without (?:a )?fail)\b|100%|100 percent)|\bi (?:can |absolutely |personally |100% )?(?:guarantee|promise)(?: you)?(?: that)?(?= (?!i'?ll\b|i will\b|i'?m going to\b|to\b|i\b)\S)|(?:^|[,.!?\u2014\u2013-])\s*guaranteed\b|\bconsider it (?:done|sorted)\b|\bi'?m sure (?:it|that|everything|it all)(?:'?ll| will) (?:work out|be (?:fine|ok(?:ay)?|alright|sorted))\b|\b(?:they|he|she) can do anything\b|\b(?:today|tonight|tomorrow|morning|lunchtime|noon|weekend|100%|\d(?:am|pm)?)[,!]?\s+guaranteed\b|[,\u2014\u2013-]\s*(?:i )?promise\W*$|(?:[,\u2014\u2013-]|\s)\s*100%(?: promise| guaranteed| sure)?\W*$|(?:'?ll|\bwill|\bbe) [^.!?]{3,60}?\bno matter what\b|[,\u2014\u2013-]\s*no question(?: about it)?\W*$|\bwhatever it takes\b|\b(?:it'?s|that'?s|is|are|you'?re) guaranteed\b(?! (?:for|to last|up to|against|until|within|\d))|\b(?:won'?t|will not|will never|'?ll never|never) (?:ever )?happen (?:again|twice)|\b(?:will|'?ll) ever happen again|\bi'?m (?:sure|certain|positive|100% sure) of it\b|(?:,|\b(?:pay|cover|do|get you|give you|arrange)(?: for)?)\s*whatever you (?:need|want)\b|\bno questions asked\b|\bdon'?t worry about (?:any|the) (?:limit|cost|price|budget)s?\b|(?<!\b(?:i|we)['\s]?)(?:'ll|\bwill) [^.!?]{3,60}?\bfor sure\b|\bi'?m (?:sure|certain|confident|positive) (?:they|he|she|(?:the |my |our )?(?:[a-z]+ )?[a-z]+) (?:will|'ll|would) (?:happily |gladly )?(?:refund|pay|cover|replace|sort|fix|approve|agree|let you|give you|waive|honou?r|accept|sign (?:it|that|this) off|make an exception)\b/g;
const CANT_PROMISE = /\b(?:can'?t|cannot|won'?t|not able to|unable to|couldn'?t|wouldn'?t) (?:\w+ )?(?:promise|guarantee|say for (?:sure|certain))\b/;
const OVER_PROMISE_REASON =
	'Promising what you do not control ("it\'ll definitely…", "guaranteed", "it won\'t happen again") sets the customer up to be let down again: promise only what you will do yourself.';

/**
 * A cheap test before the full expression (whose look-behinds cost): the strings every over-promise holds, read from
 * the expression itself (`requiredLiterals`), so a new alternative needs no word list kept in step with it.
 */
let overPromiseWords: RegExp | undefined;
function mayOverPromise(lower: string): boolean {
	if (!overPromiseWords) {
		const words = requiredLiterals(OVER_PROMISE.source);
		overPromiseWords = words ? new RegExp(words.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : /(?:)/;
	}
	return overPromiseWords.test(lower);
}

function overPromiseEvidence(text: string, lower: string, found: Finding[]) {
	if (!mayOverPromise(lower)) return;
	OVER_PROMISE.lastIndex = 0;
	for (let match = OVER_PROMISE.exec(lower); match; match = OVER_PROMISE.exec(lower)) {
		let start = match.index;
		while (start < lower.length && !WORD_CHAR.test(lower[start])) start++;
		while (start > 0 && WORD_CHAR.test(lower[start - 1])) start--;
		let end = match.index + match[0].length;
		while (end < lower.length && WORD_CHAR.test(lower[end]) && WORD_CHAR.test(lower[end - 1])) end++;
		// "I can't promise it won't happen again" is honest, not a promise.
		const sentence = lower.slice(Math.max(lower.lastIndexOf('.', start - 1), lower.lastIndexOf('!', start - 1), lower.lastIndexOf('?', start - 1)) + 1, start);
		if (CANT_PROMISE.test(sentence) || (match[0].includes('guarantee') && NEGATORS.test(sentence.split(/\s+/).slice(-3).join(' ')))) continue;
		found.push(makeFinding(text, start, end, 'ownership', 'over-promise', 'over-promise', -3, OVER_PROMISE_REASON));
	}
}

/** An exception granted in the speaker's own voice: "I'll treat it as…", "we'll count it as…", "let's…". */
const OWN_VOICE = /^(?:i|we|let'?s|let me)\b/;

/**
 * Making the exception yourself, now ("I'm treating it as on time"), is also
 * taking the problem on: the customer does not have to ask anyone else.
 */
function decisionEvidence(text: string, found: Finding[]) {
	const decisions = found.filter((f) => (f.feature === 'flex-indirect' || f.feature === 'flex-waive') && !f.zeroed && OWN_VOICE.test(normalise(f.phrase)));
	for (const f of decisions.slice(0, 1)) {
		found.push(makeFinding(text, f.start, f.end, 'ownership', 'own-decision', 'commit', 1, 'Making the call yourself, now, takes the problem on: the customer has nobody else to chase.'));
	}
}

/** After "but": taking the case to someone who can decide, rather than a way round the rule. */
const ESCALATE_SOURCE = String.raw`\bbut\b[^.!?]{0,50}?\b((?:i|we)(?:'?ll| will| can| could|'?ve| have|'?m| am)? (?:personally |also |now |then |just )?(?:put (?:it|this|that|your \w+) to|put (?:it|this|that|your \w+) (?:forward|in front of)|tak(?:e|ing) (?:it|this|that|your \w+)(?: \w+)? to|speak(?:ing)? (?:to|with)|talk(?:ing)? (?:to|with)|ask(?:ing|ed)? (?:my|the|our|a|him|her|them)|rais(?:e|ing) (?:it|this|that) with|pass(?:ing)? (?:it|this|that) (?:to|on)|escalat|refer|check(?:ing)? with|e-?mail(?:ed|ing)? (?:my|our|the)|call(?:ed|ing)? (?:my|our|the)|ring(?:ing)? (?:my|our|the)|get (?:my|the|a) (?:manager|supervisor|team leader)))`;
const ESCALATE = new RegExp(ESCALATE_SOURCE);
const ESCALATES = new RegExp(ESCALATE_SOURCE, 'g');
const ESCALATE_REASON = 'Naming the limit and taking the case to someone who can lift it is a step toward an exception.';
const ESCALATE_IF_ZERO = 'Taking the case to someone who can decide is ownership; it is not yet an exception to the rule.';

/**
 * "I can't waive it myself, but I'll put it to the manager today": naming the
 * limit and taking the case to someone who can lift it is ownership, and a
 * step toward an exception rather than one (its weight is learned).
 */
function escalationEvidence(text: string, lower: string, found: Finding[]) {
	for (const f of found) {
		if (f.feature !== 'flex-limit-but' || f.zeroed || !ESCALATE.test(lower.slice(f.start, f.end + 60))) continue;
		f.feature = 'flex-escalate';
		f.reason = ESCALATE_REASON;
		f.ifZero = ESCALATE_IF_ZERO;
	}
	// "I can't waive it, but I'll put it to the manager": the refusal before "but" is not the last word either.
	if (!lower.includes('but')) return;
	ESCALATES.lastIndex = 0;
	for (let match = ESCALATES.exec(lower); match; match = ESCALATES.exec(lower)) {
		const start = match.index + match[0].length - match[1].length;
		let end = match.index + match[0].length;
		while (end < lower.length && WORD_CHAR.test(lower[end])) end++;
		const flex = found.filter((f) => f.dimension === 'flexibility' && !f.zeroed);
		if (flex.some((f) => f.start < end && start < f.end)) continue;
		const sentence = Math.max(lower.lastIndexOf('.', match.index), lower.lastIndexOf('!', match.index), lower.lastIndexOf('?', match.index));
		if (!flex.some((f) => f.prior < 0 && f.start > sentence && f.end <= match!.index + 1)) continue;
		found.push(makeFinding(text, start, end, 'flexibility', 'flex-escalate', 'flex', 1, ESCALATE_REASON, ESCALATE_IF_ZERO));
	}
}

const BAD_NEWS = /^(?:unfortunately|sadly|regrettably|i'?m afraid)\b/;

/** Words that turn what came before into a preamble: "I hear you, but…". */
const CONTRAST = /\b(?:but|however|though|although|unfortunately|sadly|regrettably|that said|having said that|i'?m afraid|even so|nevertheless|yet)\b/g;
/** Generic words a stock line is made of; anything else in it is about this customer. */
const STOCK_WORDS = new Set(
	('completely totally fully really truly absolutely understand understanding frustration frustrations concern concerns feelings situation position point appreciate hear coming from where saying this that your ' +
		// the feelings anybody's complaint could have: naming one says nothing of this customer
		'patience inconvenience frustrating upsetting upset disappointing disappointed annoying annoyed difficult inconvenient stressful concerning disappointment annoyance anger distress dissatisfaction unhappiness confusion worry worries stress must feel feels feeling been sounds seems totally').split(' ')
);

/**
 * Clause-level reading around "but" and its kin: what follows the contrast is
 * what the speaker means. A refusal followed by "but" and an offer is a way
 * forward. A line of sympathy made only of words any complaint could get ("I
 * hear you", "I understand how frustrating this must be") followed by "but" or
 * "unfortunately" and a refusal or bad news, with nothing offered or owned, is
 * a preamble to the refusal.
 */
function contrastEvidence(text: string, lower: string, found: Finding[]) {
	const contrasts = [...lower.matchAll(CONTRAST)].map((m) => m.index!);
	if (contrasts.length === 0) return;
	const live = (f: Finding) => !f.zeroed;
	const offers = found.filter((f) => f.dimension === 'flexibility' && f.prior > 0 && live(f));
	// A bend made on the quiet is not a limit named: the "but" after it leads to the secret exception itself.
	for (const wall of found.filter((f) => f.dimension === 'flexibility' && f.prior < 0 && f.feature !== 'covert-bend' && live(f))) {
		if (offers.some((offer) => offer.start > wall.end && contrasts.some((at) => at >= wall.end - 1 && at < offer.start))) {
			wall.zeroed = 'The limit is named, then "but" leads to another way: the way forward is what counts.';
		}
	}
	if (offers.length > 0 || found.some((f) => f.dimension === 'ownership' && f.prior > 0 && live(f))) return;
	const refusals = found.filter((f) => (f.dimension === 'flexibility' || f.dimension === 'ownership') && f.prior < 0 && live(f));
	// "Unfortunately…", "I'm afraid…" announce bad news even where no rule phrase names it.
	const badNews = contrasts.filter((at) => BAD_NEWS.test(lower.slice(at, at + 16)));
	// "I understand, but the cut-off is there for a reason": with nothing offered, owned or asked, what follows "but" is the no.
	const bareNo = !lower.includes('?');
	if (refusals.length === 0 && badNews.length === 0 && !bareNo) return;
	// Words a form letter already claimed say nothing of this customer either: they are blanked out.
	const formLetters = found.filter((f) => f.group === 'form-letter');
	let plain = lower;
	for (const f of formLetters) plain = plain.slice(0, f.start) + ' '.repeat(f.end - f.start) + plain.slice(f.end);
	for (const f of found) {
		// Thanks are courtesy, not sympathy: only a line of understanding can be a preamble.
		// (Thanks are their own feature, 'thanks', so only sympathy is read here.)
		if (f.dimension !== 'empathy' || f.prior <= 0 || !live(f) || f.feature !== 'acknowledge') continue;
		// The contrast comes in the same sentence or opens the next one.
		const at = contrasts.find((c) => c >= f.end && !/[.!?]\s*\S+\s+\S+\s+\S/.test(lower.slice(f.end, c)));
		if (at === undefined) continue;
		const butThen = /^(?:but|however)\b/.test(lower.slice(at));
		if (!(refusals.some((r) => r.end > at) || badNews.some((b) => b >= at) || (bareNo && butThen))) continue;
		const from = Math.max(lower.lastIndexOf('.', f.start - 1), lower.lastIndexOf('!', f.start - 1), lower.lastIndexOf('?', f.start - 1)) + 1;
		const around = plain.slice(from, f.start) + ' ' + plain.slice(f.end, at);
		const own = around.match(/[a-z]{4,}/g) ?? [];
		const personal = own.filter((word) => !STOCK_WORDS.has(word) && !STOP.has(word) && !COMMON_WORDS.has(word));
		if (personal.length > 0) continue;
		if (butThen && !found.some((e) => e.dimension === 'flexibility' && !e.zeroed && e.prior !== 0))
			found.push(makeFinding(text, at, sentenceEnd(lower, at), 'flexibility', 'preamble-no', 'wall', -1, 'After the stock sympathy, the "but" leads only to the rule: nothing offered is hiding behind it.'));
		f.feature = 'stock-preamble';
		f.group = 'preamble';
		f.prior = -1;
		f.reason = 'Stock sympathy that only leads into a refusal ("…, but") reads as a script: the "but" cancels it.';
		f.ifZero = 'Stock sympathy that only leads into a refusal earns nothing: the "but" cancels it.';
	}
}

/** Where a reply turns from what can't be done to what will be. */
const WAY_TURN = /\b(?:but|so|however|that said|having said that|even so|instead|what (?:i|we)(?:'?ll| will| can) do|in the meantime|meanwhile)\b/g;
const OWN_STEP = new Set(['commit-timed', 'commit-step', 'commit-done', 'commit-stay']);
const WAY_REASON = 'The limit is named, then "but" leads to what you will do instead: a way found within the rule.';

/**
 * "I can't open his unit without his say-so, but if the ward sets up a video
 * call I'll take his consent on it": a refusal followed by "but" and something
 * the trainee does is a way forward, even where no offer phrase names it.
 */
function wayAfterWall(lower: string, found: Finding[]) {
	const walls = found.filter((f) => f.dimension === 'flexibility' && f.prior < 0 && !f.zeroed);
	if (walls.length === 0 || found.some((f) => f.dimension === 'flexibility' && f.prior > 0 && !f.zeroed)) return;
	WAY_TURN.lastIndex = walls[0].end;
	const turn = WAY_TURN.exec(lower)?.index;
	if (turn === undefined) return;
	const step = found.find((f) => f.dimension === 'ownership' && OWN_STEP.has(f.feature) && !f.zeroed && f.start > turn && !LOGGED_ONLY.test(normalise(f.phrase)));
	if (!step) return;
	found.push({ ...step, dimension: 'flexibility', feature: 'way-after-wall', group: 'flex', prior: 1, reason: WAY_REASON, ifZero: undefined });
}

/** Promises to try with nothing named: "I'll see what I can do", "we'll get it sorted (for you)", "I'll sort it", "leave it with us". */
const BARE_HOPE = /\b(?:(?:i'?ll|we'?ll|i will|we will|let me|let us) see what (?:i|we|can) (?:can )?(?:do|be done)|(?:i'?ll|i will) mention it to (?:him|her|them|the \w+)|(?:i'?ll|we'?ll|i will|we will) (?:get (?:it|this|that|you|everything)(?: all)? sorted|sort (?:it|this|that|everything)(?: out)?(?= *[,.!:)]| *$))|leave it with (?:us|me)|i'?ll ask someone)\b/;
const BARE_HOPES = new RegExp(BARE_HOPE.source, 'g');
const BARE_HOPE_REASON = 'A promise to try, with nothing named and no time ("I\'ll see what I can do"), leaves the customer with nothing to hold anyone to.';

/**
 * "I'll see what I can do." on its own: nothing offered yet, and nothing owned.
 * With a limit named ("…, but let me see what I can do") it is a step toward an
 * exception; with an action or a question back, the reply owns the next step.
 */
function bareHopeEvidence(text: string, lower: string, found: Finding[]) {
	if (!BARE_HOPE.test(lower) || LIMIT.test(lower) || lower.includes('?') || CLOCK.test(lower) || A_TIME.test(lower)) return;
	// Read once: each hope's place, for the check below and the evidence after it.
	const hopes = [...lower.matchAll(BARE_HOPES)].map((hope) => ({ start: hope.index, end: hope.index + hope[0].length }));
	// "I'll get that sorted" is read as a plain "I'll" too; only an action elsewhere in the reply owns something.
	if (found.some((f) => f.dimension === 'ownership' && f.prior > 0 && !f.zeroed && !hopes.some(({ start, end }) => f.start >= start && f.start < end))) return;
	let first: Finding | undefined;
	for (const { start, end } of hopes) {
		// "…what I can do with the booking": named, so it is an offer ("for you" names nothing).
		if (/^\s*(?:with|about|for(?! you\b)|to)\b/.test(lower.slice(end))) return;
		for (const f of found) if (f.dimension === 'flexibility' && f.prior > 0 && !f.zeroed && f.start < end && start < f.end) f.zeroed = 'Seeing what can be done, with nothing named, is not yet a way round the rule.';
		first ??= makeFinding(text, start, end, 'ownership', 'vague-promise', 'pass-on', -1, BARE_HOPE_REASON);
	}
	if (first) found.push(first);
}

/** Where the sentence holding `from` ends (after its full stop, or the end of the reply). */
function sentenceEnd(lower: string, from: number): number {
	const stop = lower.slice(from).search(/[.!?]/);
	return stop < 0 ? lower.trimEnd().length : from + stop + 1;
}

/** Walls that refuse nothing: a promise, vague or too bold, a rule bent on the quiet or given way on. */
const NOT_REFUSALS = new Set(['over-promise', 'vague-promise', 'covert-bend', 'gives-way']);
/** What leaves the customer with a refusal: a wall, a hand-off, blame. */
const isRefusal = (f: Finding) => (f.dimension === 'flexibility' || f.dimension === 'ownership') && f.prior < 0 && !f.zeroed && !NOT_REFUSALS.has(f.feature);

/** Words in a line of sympathy beyond the stock ones any complaint could get. */
function personalWords(words: string): number {
	// Contractions (didn't, you've) are function words, not words of the customer's own trouble.
	return (words.match(/[a-z']{4,}/g) ?? []).filter((word) => !word.includes("'") && !STOCK_WORDS.has(word) && !STOP.has(word) && !COMMON_WORDS.has(word)).length;
}
/** How many words of its own a run-up may have and still be the stock opener ("sorry to hear about your visa"). */
const RUN_UP_PERSONAL = 1;
/** …and the formula "I understand how stressful wedding planning can be, however…", whatever fills it. */
const FORMULA_PERSONAL = 3;
const UNDERSTANDING = /^(?:i|we)\b(?: [a-z]+)? (?:understand|appreciate|know|get|realise|realize)\b/;

/** "I understand how X is/can be/must be, however…": understanding joined to the refusal by a contrast in one sentence. */
function formulaRunUp(lower: string, f: Finding, refusal: Finding): boolean {
	const between = lower.slice(f.end, refusal.start);
	return UNDERSTANDING.test(lower.slice(f.start, f.end)) && !/[.!?]/.test(between) && between.search(CONTRAST) >= 0;
}

/**
 * Sympathy used as a run-up to a refusal: a "sorry" or a line of understanding,
 * in a reply that then refuses, hands the customer on or blames someone, with
 * nothing offered or owned. The labelling guide counts a stock sympathy opener
 * used as a run-up to a refusal against empathy: the refusal is what the customer
 * hears, and the sorry sounds like a script, with or without their name ("Sorry
 * Sven, we're not able to…": the panel of raters labels these 0 or −, not +).
 */
function runUpEvidence(lower: string, found: Finding[]) {
	if (!found.some((f) => f.feature === 'apology' || f.feature === 'acknowledge')) return;
	const refusals = found.filter(isRefusal);
	if (refusals.length === 0 || offersOrOwns(found, false)) return;
	for (const f of found) {
		if (f.dimension !== 'empathy' || f.zeroed || f.prior <= 0 || (f.feature !== 'apology' && f.feature !== 'acknowledge')) continue;
		// A run-up comes before what it runs up to; a bare "sorry" tacked on after it ("No refunds. Sorry.") is the same script.
		const refusal = refusals.find((r) => r.start >= f.end);
		const tackedOn = !refusal && refusals.some((r) => r.end <= f.start) && TACKED_ON_SORRY.test(lower.slice(f.start));
		if (!tackedOn && (!refusal || !stockLine(lower, f, refusal.start, formulaRunUp(lower, f, refusal) ? FORMULA_PERSONAL : RUN_UP_PERSONAL))) continue;
		f.feature = 'run-up';
		f.group = 'preamble';
		f.prior = -1;
		f.reason = 'Sympathy that only runs up to a refusal or a hand-off, with nothing offered, reads as a script: the refusal is what the customer hears.';
		f.ifZero = 'Sympathy that only runs up to a refusal earns nothing: the refusal is what the customer hears.';
	}
}

/** A bare apology that ends the reply: "…, sorry.", "Sorry about that.", "…, sorry Tomasz." */
const TACKED_ON_SORRY = /^(?:i'?m |so |very |really )*(?:sorry|apologies)(?: about that| for that)?(?:,? [a-z'-]+)?\W*$/;

/** Something offered or owned (or, where `orName`, the customer's name used right): the reply is more than a script. */
function offersOrOwns(found: Finding[], orName = true): boolean {
	return found.some((f) => !f.zeroed && f.prior > 0 && (f.dimension === 'flexibility' || f.dimension === 'ownership' || (orName && f.feature === 'name-right')));
}

/**
 * Whether a line of sympathy or thanks is stock: in its sentence, up to `until` or a contrast, it has at most
 * `personal` words of its own (one; three for the "I understand how X can be, however" formula). Sympathy that names
 * this customer's trouble ("the heater failed on the coldest night of the year") is personal; "sorry to hear about
 * your mother" is the stock opener.
 */
function stockLine(lower: string, f: Finding, until: number, personal = RUN_UP_PERSONAL): boolean {
	const [from] = sentenceAround(lower, f.start);
	const rest = lower.slice(f.end, Math.max(f.end, until));
	const stop = rest.search(/[.!?;]|\b(?:but|however|though|although|unfortunately|sadly|regrettably|i'?m afraid)\b/);
	return personalWords(lower.slice(from, f.start) + ' ' + (stop < 0 ? rest : rest.slice(0, stop))) <= personal;
}

/**
 * A reply made of form-letter lines ("Thank you for your patience. We value your business."): with nothing
 * offered or owned and not the customer's name, its thanks and stock sympathy are part of the script, and the
 * guide counts form letters against empathy.
 */
function scriptEvidence(lower: string, found: Finding[]) {
	if (!found.some((f) => f.feature === 'form-letter' && !f.zeroed) || offersOrOwns(found)) return;
	for (const f of found) {
		if (f.dimension !== 'empathy' || f.zeroed || f.prior <= 0 || (f.feature !== 'apology' && f.feature !== 'acknowledge' && f.feature !== 'courtesy')) continue;
		if (f.feature === 'courtesy' || stockLine(lower, f, lower.length)) f.zeroed = 'Part of a form letter, with nothing offered or owned: it reads as a script and earns nothing.';
	}
}

/** "Please contact our billing team", "please refer to the terms": the please belongs to the hand-off or the refusal. */
function pleaseEvidence(found: Finding[]) {
	if (!found.some((f) => f.feature === 'courtesy' && !f.zeroed)) return;
	const refusals = found.filter(isRefusal);
	for (const f of found) {
		if (f.feature !== 'courtesy' || f.zeroed || !/^please$/i.test(f.phrase)) continue;
		if (refusals.some((r) => r.start >= f.start && r.start <= f.end + 2)) f.zeroed = 'A "please" that only asks the customer to go elsewhere or accept a refusal is not a courtesy to them: it earns nothing.';
	}
}

/**
 * Hardship or personal stakes the customer names, which a refusal should not pass over: illness, a death, an
 * emergency, their child or parent, a birthday, a wedding, a visa.
 */
const DISTRESS =
	/\b(?:ill|sick|poorly|unwell|fever|flu|covid|chickenpox|hospital|a&e|surgery|operation|stroke|injur\w*|broke (?:his|her|my|their) \w+|funeral|died|passed away|bereave\w*|cancer|chemo\w*|pregnan\w*|newborn|baby|insulin|medication|medicine|tablets|prescription|disabled|disability|wheelchair|crutches|toddler|coeliac|allerg\w*|accident|crash|emergency|visa|wedding|engagement|birthday|anniversary|party|holiday|exams?|rats|mould|in tears|crying|heartbroken|upset|shivering|desperate|panic\w*|terrified|daughter|son|kids?|child|children|twins|mum|mam|mom|dad|mother|father|grandad|granddad|grandma|grandfather|grandmother|wife|husband)\b/;

/** Up to how many words a reply that asks the customer to hold on is a holding line. */
const HOLDING_LINE_WORDS = 20;

/**
 * "Mr Okafor, one moment while I pull up the record": the guide scores a holding line 0 on empathy, neither warm
 * nor cold, and a name spelt right does not change that when nothing else in the reply is warm, offered or timed.
 */
function holdingLineName(lower: string, words: number, found: Finding[]) {
	if (words > HOLDING_LINE_WORDS || !HOLDING.test(lower)) return;
	if (found.some((f) => (isWarm(f) && f.feature !== 'name-right') || (f.dimension === 'flexibility' && !f.zeroed && f.prior !== 0) || (f.feature === 'commit-timed' && !f.zeroed))) return;
	for (const f of found) if (f.feature === 'name-right' && !f.zeroed) f.zeroed = 'A holding line is neutral: the customer\'s name alone does not make it warm.';
}

/** A word for the customer that still counts: sympathy, an apology, their name (not thanks or a "please", which fit anyone). */
const isWarm = (f: Finding) => f.dimension === 'empathy' && f.prior > 0 && !f.zeroed && f.feature !== 'thanks' && f.feature !== 'courtesy';

/**
 * Distress passed over: the customer named a hardship (their child is ill, a funeral, a wedding, their
 * medication) and the reply refuses, hands them on or blames someone without one warm word (`isWarm`). The
 * guide counts ignoring distress the customer mentions against empathy; the refusal is the evidence, the
 * hardship is named in the reason.
 */
function distressIgnoredEvidence(text: string, customerLine: string | undefined, found: Finding[]) {
	if (!customerLine) return;
	const refusal = found.find(isRefusal);
	if (!refusal || found.some(isWarm)) return;
	const distress = normalise(customerLine).match(DISTRESS);
	if (!distress) return;
	const reason = `The customer mentioned "${distress[0]}" and the reply refuses or passes them on without a word about it: the guide counts ignoring distress against empathy.`;
	found.push(makeFinding(text, refusal.start, refusal.end, 'empathy', 'distress-ignored', '', -1, reason));
}

const VOWEL = /[aeiouy]/;
const WORD_CHAR = /[\p{L}\p{N}']/u;
const LEADING = /[\s,;:.!?]/;
const TWO_CAPITALS = /[A-Z]{2}/;

const LETTER = /\p{L}/u;

/** Non-Latin script, another language's function words, or keyboard mashing: not scored. */
function readsAsEnglish(text: string, words: string[]): boolean {
	// Counted in one pass (matching every letter built an array as long as the reply, twice).
	let latin = 0;
	let letters = 0;
	for (const char of text) {
		const code = char.charCodeAt(0);
		if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
			latin++;
			letters++;
		} else if (code > 127 && LETTER.test(char)) letters++;
	}
	if (letters === 0 || latin / letters < 0.5) return false;
	// Lower-cased once for the whole reply; normalising keeps offsets, so each word is cut from it where it stood.
	const lowerText = normalise(text);
	let from = 0;
	const lowered = words.map((word) => {
		const at = text.indexOf(word, from);
		from = at + word.length;
		// The first part of a compound ("non-refundable") is a prefix, not a French "non".
		if (text[from] === '-') return '';
		return lowerText.slice(at, from).replace(/'.*$/, '');
	});
	const english = lowered.filter((word) => COMMON_WORDS.has(word)).length;
	const foreign = lowered.filter((word) => FOREIGN_WORDS.has(word)).length;
	if (foreign >= 2 && foreign > english) return false;
	// Few common words is a sign of another language only where no common word is used or another language shows.
	if (words.length >= 3 && english / words.length < 0.2 && (english === 0 || foreign > 0)) return false;
	if (english > 0) return true;
	const mashed = lowered.filter((word) => word.length >= 3 && (!VOWEL.test(word) || /([a-z])\1\1/.test(word) || /[^aeiouy\W]{4,}/.test(word) || /q[^u]|[zx][zxjq]|[jq][zxkjw]|[kw][jqzx]/.test(word))).length;
	return words.length <= 2 ? mashed === 0 : mashed < words.length / 2;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The context as given by any caller, with anything malformed left out rather than thrown on. */
function readContext(context: ReplyContext | undefined): Required<Omit<ReplyContext, 'policy' | 'customerLine'>> & Pick<ReplyContext, 'policy' | 'customerLine'> {
	const given = (context ?? {}) as Partial<Record<keyof ReplyContext, unknown>>;
	const cues = Array.isArray(given.cues)
		? (given.cues as Partial<Cue>[]).filter(
				(cue): cue is Cue =>
					!!cue && Array.isArray(cue.phrases) && cue.phrases.every((p) => typeof p === 'string') && !!cue.effects && typeof cue.effects === 'object'
			)
		: [];
	return {
		customer: asString(given.customer) ?? '',
		policy: asString(given.policy),
		customerLine: asString(given.customerLine),
		previousReplies: Array.isArray(given.previousReplies) ? given.previousReplies.filter((r): r is string => typeof r === 'string') : [],
		cues
	};
}


function isNegated(lower: string, start: number, phrase: string): boolean {
	if (/\b(?:not|never|no)\b/.test(phrase) && !/\b(?:no (?:wonder|need|problem)|not (?:the|good|ok|okay|acceptable|on|what))\b/.test(phrase)) {
		// The phrase carries its own "not" only when written that way in the rule.
		return false;
	}
	const before = lower.slice(Math.max(0, start - 32), start);
	// Every way below to a negation needs a negating word within reach: most phrases have none.
	if (!NEGATORS.test(before)) return false;
	// A negation reaches to the end of its clause, not past "so", "because", a dash or a new sentence;
	// and "no problem", "no worries", "not only" negate nothing that follows.
	const clause = (before.split(/[.,;!?:\u2014\u2013]|\s-\s|\b(?:but|and|so|because|which|though|although|instead)\b/).pop() ?? '').replace(
		/\b(?:no (?:problem|worries|trouble|bother|doubt|question|matter)|not (?:a problem|at all|only)|never mind)\b/g,
		' '
	);
	// "I don't want to just say 'rules are rules'": a phrase the speaker refuses to say is not said.
	if (/\b(?:don'?t|do not|won'?t|will not|not going to|never) (?:want to |going to )?(?:just )?(?:say|tell you|quote|read out|give you|hide behind)\b\W*$/.test(clause)) return true;
	// A negation right before the phrase, or a refusal in the speaker's own voice earlier in the clause.
	// "If you didn't want it, you should've said": a negation inside an if-clause is about something else.
	const conditional = /\bif\b/.exec(clause);
	const scope = conditional ? clause.slice(0, conditional.index) : clause;
	// "Without a receipt our hands are tied": "without" negates its own object, not what follows it.
	const unnegated = scope.includes('without') ? scope.replace(/\bwithout (?:a |an |the |your |any |proof of )?[\w-]+\b/g, ' ') : scope;
	const lastWords = unnegated.trim().split(/\s+/).slice(-4).join(' ');
	if (conditional && !/\b(?:i'?m not going to|i am not going to|i won'?t|i will not)\b/.test(scope)) return NEGATORS.test(lastWords) && scope.trim() !== '';
	// "We are unable to offer a refund on this occasion": the refusal reaches the exception words at the clause's end.
	return NEGATORS.test(lastWords) || /\b(?:i'?m not going to|i am not going to|i won'?t|i will not|i'?m not|i am not|i never|we won'?t|we will not|(?:i|we)(?:'?m|'?re| am| are) (?:unable|not able) to|(?:i|we) (?:can'?t|cannot|can not))\b/.test(clause);
}

/** Widens a negated phrase back to its negating word, so the trainee sees what flipped it. */
function withNegation(text: string, lower: string, evidence: Finding): Pick<Finding, 'start' | 'phrase'> {
	const before = lower.slice(Math.max(0, evidence.start - 30), evidence.start);
	const match = /\b(?:not|never|no|can'?t|cannot|won'?t|don'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t|hardly|unable)\b[^.,;!?]*$/.exec(before);
	if (!match) return { start: evidence.start, phrase: evidence.phrase };
	const start = evidence.start - (before.length - match.index);
	return { start, phrase: text.slice(start, evidence.end) };
}

function applyCue(cue: Cue, text: string, lower: string, found: Finding[]) {
	for (const phrase of cue.phrases) {
		const at = findWord(lower, normalise(phrase));
		if (at < 0) continue;
		const negated = cue.kind === 'look-for' && isNegated(lower, at, phrase);
		for (const [dimension, weight] of Object.entries(cue.effects) as [Subject, number][]) {
			if (!weight) continue;
			const reason = negated
				? 'The scenario looks for this, but the reply negates it.'
				: weight > 0
					? 'This scenario rewards this phrase: it is the remedy the situation calls for.'
					: 'This scenario counts this phrase against the reply.';
			found.push({ ...makeFinding(text, at, at + phrase.length, dimension, 'cue', '', negated ? 0 : weight, reason), fixed: true });
		}
		return;
	}
}

const QUOTE_WORDS = 5;

/*
 * A run scores many replies against the same policy and customer line: what is read from them
 * is kept for the last few (a small cache, so scoring stays a pure function of its input).
 */
const shingleCache = new Map<string, { shingles: Set<string>; firstWords: Set<string> }>();
const questionCache = new Map<string, RegExpMatchArray | null>();
const earlierCache = new Map<string, Set<string>>();

/**
 * Reading the scenario's policy out to the customer ("…are accepted within
 * 30 days of delivery") is a wall, unless the same reply offers a way forward.
 */
function policyQuoteEvidence(text: string, lower: string, policy: string | undefined, found: Finding[], softWalls: Set<Finding>) {
	if (!policy) return;
	const { shingles, firstWords } = remembered(shingleCache, policy, () => {
		const shingles = new Set<string>();
		const firstWords = new Set<string>();
		const policyWords = normalise(policy).match(/[a-z0-9£$€%']+/g) ?? [];
		for (let i = 0; i + QUOTE_WORDS <= policyWords.length; i++) {
			shingles.add(policyWords.slice(i, i + QUOTE_WORDS).join(' '));
			firstWords.add(policyWords[i]);
		}
		return { shingles, firstWords };
	});
	// The reply's words and where each starts (plain arrays: cheaper than a match object per word).
	const words: string[] = [];
	const starts: number[] = [];
	const word = /[a-z0-9£$€%']+/g;
	for (let match = word.exec(lower); match; match = word.exec(lower)) {
		words.push(match[0]);
		starts.push(match.index);
	}
	for (let i = 0; i + QUOTE_WORDS <= words.length; i++) {
		// Most words start no run of the policy's words: test the word before building the run.
		if (!firstWords.has(words[i]) || !shingles.has(words.slice(i, i + QUOTE_WORDS).join(' '))) continue;
		let last = i + QUOTE_WORDS - 1;
		while (last + 1 < words.length && shingles.has(words.slice(last + 2 - QUOTE_WORDS, last + 2).join(' '))) last++;
		const start = starts[i];
		const end = starts[last] + words[last].length;
		if (found.some((e) => e.dimension === 'flexibility' && e.start < end && start < e.end)) return;
		const evidence = makeFinding(text, start, end, 'flexibility', 'policy-quote', '', -1, 'Reading the policy out word for word, with nothing offered, is a wall.');
		found.push(evidence);
		softWalls.add(evidence);
		return;
	}
}

/** Index of `needle` in `haystack` as whole words, or -1. */
function findWord(haystack: string, needle: string): number {
	let from = 0;
	while (needle && from <= haystack.length) {
		const at = haystack.indexOf(needle, from);
		if (at < 0) return -1;
		const before = at === 0 ? ' ' : haystack[at - 1];
		const after = haystack[at + needle.length] ?? ' ';
		if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return at;
		from = at + 1;
	}
	return -1;
}

/** A capitalised word; each ASCII form finds the same words as its Unicode one in ASCII text, faster. */
const CAPITALISED = /(?<![\p{L}\p{N}'])\p{Lu}[\p{L}\p{M}'-]{1,30}/gu;
const ASCII_CAPITALISED = /(?<![A-Za-z0-9'])[A-Z][A-Za-z'-]{1,30}/g;
/** A word said to the customer: "Shivon, your account…", "…, John." */
const VOCATIVE = /(?:^|[.!?]\s+)(\p{L}[\p{L}\p{M}'-]{1,30}),|,\s*(\p{L}[\p{L}\p{M}'-]{1,30})\s*(?:[.!?]|$)/gu;
const ASCII_VOCATIVE = /(?:^|[.!?]\s+)([A-Za-z][A-Za-z'-]{1,30}),|,\s*([A-Za-z][A-Za-z'-]{1,30})\s*(?:[.!?]|$)/g;

/** The customer's name used right earns a point; a wrong or misspelt one costs two. */
const customerNameCache = new Map<string, { lowerParts: string[]; matcher: ReturnType<typeof nameMatcher> } | undefined>();

/**
 * The parts of the customer's name ("Mary-Jane" also as "Mary" and "Jane") and their matcher, read once per customer:
 * cleaning the parts with a Unicode-class expression was the costliest line of the name check, on every reply.
 */
function customerName(customer: string) {
	return remembered(customerNameCache, customer, () => {
		const parts = customer
			.split(/\s+/)
			.flatMap((part) => (part.includes('-') ? [part, ...part.split('-')] : [part]))
			.map((part) => part.replace(/[^\p{L}\p{M}'-]/gu, ''))
			.filter((part) => part.length > 1);
		return parts.length === 0 ? undefined : { lowerParts: parts.map((part) => part.toLowerCase()), matcher: nameMatcher(parts) };
	});
}

function nameEvidence(text: string, customer: string, found: Finding[]) {
	const name = customerName(customer);
	if (!name) return;
	const { lowerParts, matcher } = name;
	let usedRight = false;
	const wrong: { start: number; word: string }[] = [];
	const seen = (start: number) => found.some((e) => e.start === start && e.feature === 'name-right') || wrong.some((w) => w.start === start);

	/** `lowerCase`: a word typed without its capital counts only when it is the name or nearly the name. */
	const consider = (word: string, start: number, fromGreeting: boolean, lowerCase = false, titled = false) => {
		const match = matchName(word, matcher, { closeFrom: fromGreeting ? 3 : 5, titled });
		// "OMG Priya I'm so sorry": the speaker, not a name.
		if (/^I(?:'|\u2019|$)/.test(word)) return;
		if (match === 'right') {
			if (!usedRight) {
				found.push(makeFinding(text, start, start + word.length, 'empathy', 'name-right', '', 1, "Using the customer's name, spelled right, makes it personal."));
			}
			usedRight = true;
			return;
		}
		// A nickname (Kate for Catherine, Bernie for Bernadette) is neither right nor wrong.
		if (match === 'nickname') return;
		if (match === 'misspelt' || (fromGreeting && !lowerCase && !NOT_NAMES.has(word))) wrong.push({ start, word });
	};

	NAME_CONTEXT.lastIndex = 0;
	for (let match = NAME_CONTEXT.exec(text); match; match = NAME_CONTEXT.exec(text)) {
		const word = match[1];
		// "hi there", "thanks for", "Thanks, I'll…", "Sorry, Your order…": not a name
		if (/^I(?:'|\u2019|$)/.test(word) || COMMON_WORDS.has(word.toLowerCase())) continue;
		// "Sorry Maya's been poorly": a name with 's is someone talked about, not the person talked to.
		if ((word.endsWith("'s") || word.endsWith('\u2019s')) && matchName(word, matcher, { closeFrom: 3 }) !== 'right') continue;
		// After a bare title ("with Dr Okafor") the name may be someone else's; after a greeting it is the customer's.
		const titleOnly = /^(?:mr|mrs|ms|miss|dr|mx)\.?$/i.test(match[0].trim().split(/[ ,]+/).slice(-2, -1)[0] ?? '') &&
			!/(?:hi|hello|hey|dear|morning|afternoon|evening|thanks|thank you|sorry)[ ,]+(?:mr|mrs|ms|miss|dr|mx)\.?[ ,]+\S+$/i.test(match[0]);
		const titled = /(?:mr|mrs|ms|miss|dr|mx)\.?[ ,]+$/i.test(match[0].slice(0, match[0].length - word.length));
		consider(word, match.index + match[0].length - word.length, !titleOnly, !/^\p{Lu}/u.test(word), titled);
	}
	// A word said to the customer ("Shivon, your account…", "…, John.") is the name they heard.
	const ascii = ASCII_ONLY.test(text);
	for (const match of text.matchAll(ascii ? ASCII_VOCATIVE : VOCATIVE)) {
		const word = match[1] ?? match[2];
		if (NOT_NAMES.has(word) || COMMON_WORDS.has(word.toLowerCase()) || /(?:ly|ed|ing)$/.test(word)) continue;
		const start = match.index! + match[0].indexOf(word, match[1] ? 0 : 1);
		if (!seen(start)) consider(word, start, true, !/^\p{Lu}/u.test(word));
	}
	// Elsewhere: capitalised words that are the name, or nearly the name.
	for (const match of text.matchAll(ascii ? ASCII_CAPITALISED : CAPITALISED)) {
		const start = match.index!;
		const lowerWord = match[0].toLowerCase();
		// Everyday words ("Please", "Policy") are not names unless the customer's name is spelled that way.
		if ((COMMON_WORDS.has(lowerWord) && !lowerParts.includes(lowerWord)) || seen(start) || found.some((e) => e.start === start)) continue;
		consider(match[0], start, followsName(text, start, lowerParts));
	}
	for (const { start, word } of wrong.slice(0, 1)) {
		// Getting the name wrong outweighs a "sorry" beside it, and half the name right is still the name wrong.
		const reason = `The customer is ${customer}: a wrong or misspelt name tells them they are a case number, whatever else is said.`;
		found.push(makeFinding(text, start, start + word.length, 'empathy', 'name-wrong', '', -3, reason));
		for (const f of found) {
			if (f.feature === 'name-right' && !f.zeroed) f.zeroed = 'Half the name right is still the name wrong: the other part is misspelt.';
		}
	}
}

/** True when the word before `start` is part of the customer's name: "Mei Lin" is a full name, spelled wrong. */
function followsName(text: string, start: number, lowerParts: string[]): boolean {
	const previous = /([\p{L}\p{M}'-]+)\s+$/u.exec(text.slice(Math.max(0, start - 32), start))?.[1]?.toLowerCase();
	return previous !== undefined && lowerParts.includes(previous);
}

/**
 * Shouting: three capitalised words in a row, two long ones anywhere, or a
 * reply mostly in capitals. Acronyms, ids (BUG-4412) and one emphasised word are not shouting.
 */
function shoutingEvidence(text: string, found: Finding[]) {
	let letters = 0;
	let upper = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 65 && code <= 90) upper++;
		else if (code < 97 || code > 122) continue;
		letters++;
	}
	// Without two capitals in a row there is no shouted word, only (perhaps) a reply mostly in capitals.
	if (!TWO_CAPITALS.test(text) && !(letters >= 12 && upper / letters > 0.6)) return;
	const capitals = [...text.matchAll(/(?<![\w-])[A-Z]{2,}(?![\w-])/g)].filter((match) => !ACRONYMS.has(match[0]));
	const run = /(?<![\w-])(?:[A-Z]{2,}[\s,]+(?:[AI][\s,]+)?){2,}[A-Z]{2,}(?![\w-])/.exec(text);
	const long = capitals.filter((match) => match[0].length >= 5);
	// Two shouted words, one of them long ("I GET that… the WEATHER"), shout as much as two long ones.
	const shouted = long.length >= 2 || (long.length === 1 && capitals.filter((match) => match[0].length >= 3).length >= 2);
	if (!run && !shouted && !(letters >= 12 && upper / letters > 0.6)) return;
	const first = run ?? long[0] ?? capitals[0];
	const start = first?.index ?? 0;
	const phrase = first?.[0].trim() ?? text.slice(0, Math.min(text.length, 20));
	found.push(makeFinding(text, start, start + phrase.length, 'empathy', 'shouting', '', -2, 'Words in capitals read as shouting.'));
}

const STOP = new Set(
	'what when where which while will would could should about there their them they your yours with have that this from into does doing just been being also then than because these those cant dont wont isnt were here very much really please thank thanks sorry okay going want anyone someone something anything know tell said told again still even ever like make made sure actually'.split(' ')
);

function keywords(text: string): Set<string> {
	const result = new Set<string>();
	for (const word of normalise(text).match(/[a-z]{4,}/g) ?? []) {
		if (!STOP.has(word)) result.add(word.replace(/(?:ing|ed|es|s)$/, ''));
	}
	return result;
}

/** When the customer asked a question, a reply that does not touch it counts against empathy. */
function questionEvidence(text: string, lower: string, customerLine: string | undefined, previous: string[], found: Finding[]) {
	if (!customerLine) return;
	// A bare acknowledgement or a holding line ("one moment", "let me check") does not ignore the question:
	// not warm, but not hostile either.
	const words = (text.match(/[\p{L}']+/gu) ?? []).length;
	const bare = words <= 3 && !found.some((e) => e.feature === 'apology' || e.feature === 'acknowledge');
	if (bare) return;
	// …unless it was said before: a holding line repeated is stalling.
	if ((HOLDING.test(lower) || (words <= HOLDING_SHORT_WORDS && HOLDING_SHORT.test(lower))) && !previous.some((earlier) => typeof earlier === 'string' && normalise(earlier).trim() === lower.trim())) return;
	// Asking the customer something back ("What time is your booking?") takes the question up, it does not ignore it.
	if (ASKS_BACK.test(lower)) return;
	const questions = remembered(questionCache, customerLine, () =>
		// "Tell me when…" asks as plainly as a question mark does.
		customerLine.match(/[^.!?]*\?|\btell me (?:when|what|why|how|where|who|if|whether)\b[^.!?]*/gi)
	);
	if (!questions) return;
	// A reply that takes up the request (an offer, a refusal, a commitment, a hand-off) has engaged with it.
	// (A bare "someone will get back to you" is not an answer; a hand-off with substance is.)
	const substantial = (text.match(/[\p{L}']+/gu) ?? []).length >= 8;
	// Telling them to sort it out themselves, a vague or an over-confident promise does not answer anything.
	if (found.some((e) => (e.dimension === 'flexibility' || e.dimension === 'ownership') && e.prior !== 0 && !NO_ANSWER.has(e.feature) && (substantial || e.reason !== PASS_ON_REASON))) return;
	const question = questions[questions.length - 1].trim();
	const lastClause = question.split(/,|;|\s-\s/).pop()!.trim();
	// "Why?" alone points back at the whole line.
	const topic = question.split(/\s+/).length < 4 ? customerLine : question;
	// (Any other wall has returned above as engaging with the request.)
	const onlyTheRule = found.some((e) => e.feature === 'rule-restated' && !e.zeroed);
	if (!answersQuestion(normalise(lastClause), lower, keywords(topic), keywords(text), !onlyTheRule)) {
		const asked = question.length > 90 ? question.slice(0, 87) + '…' : question;
		found.push(makeFinding(text, 0, 0, 'empathy', 'unanswered', '', -1, `The customer asked "${asked}" and the reply does not answer it.`));
	}
}

const NO_ANSWER = new Set(['self-serve', 'vague-promise', 'rule-restated']);
/** A short reply that only asks the customer to wait while the speaker looks ("Bear with me while I check the diary"). */
function isHoldingLine(lower: string, words: number): boolean {
	return words <= 12 && /^\W*(?:(?:ok(?:ay)?|right|sure|thanks|thank you)\W+)?(?:one (?:moment|sec|second)|just a (?:moment|minute|sec(?:ond)?)|bear with me|give me (?:a|one) (?:moment|minute|second|sec)|hold on)\b[^.!?]*\bwhile i\b/.test(lower) && !/[.!?]\s+\S/.test(lower.trim());
}
/** A question put to the customer: "when did…?", "can you tell me…?", "do you have…?". */
const ASKS_BACK = /(?:^|[.!?,;:\u2014\u2013-]\s*)(?:and |so |also |first,? |just |roughly |exactly |quickly,? )?(?:(?:can|could|may) i (?:take|have|get|grab|ask|check|confirm)|(?:what|when|which|where|how)(?! did you expect)|is it|are they|was it|was the|does it|do you (?:have|know (?:roughly|when|what|which|how|where))|(?:can|could) you (?:tell|send|give|confirm|let me know|point me|show me|share|describe|forward|upload|email|text|remind|clarify|pop)|would you (?:mind|be able to) (?:telling|sending|confirming|giving)|is there|(?:is|was) (?:this|that|the|your))\b[^.!?]*\?/;
/** How long a reply opening with a holding line may be and still only hold ("One sec Maricel, checking if the medic is in this week."). */
const HOLDING_SHORT_WORDS = 16;
/** A short reply that only holds: what the speaker is checking ("Let me pull up your file", "checking now"), "please hold", "got your message". */
const HOLDING_SHORT =
	/^\W*(?:(?:ok(?:ay)?|right|sure|noted|thanks|thank you|good question|one (?:moment|sec|second)|bear with me|hi|hello|hey|dear)(?: (?:mr|mrs|ms|miss|dr)\.?)?(?: [a-z'-]+)?\W+|[\p{L}'-]+,\s*|thanks? (?:you )?for [^,.!?]{1,30}[,.!]\s*)*(?:(?:let me|i'?ll|i'?m going to) (?:just )?(?:double-?check|check|look|get|pull|bring|read|open|find|see|go through|dig)|(?:i'?m )?(?:just )?(?:double-?checking|checking|looking|pulling|bringing|reading|getting|opening|finding|going through|digging)|please hold\b|(?:i'?ve )?(?:got|seen|received|read) your (?:message|email|e-mail|note|letter))\b/u;
const TIME_WORDS = /\b(long|once|shortly|later|working days?|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|\d|hours?|minutes?|days?|weeks?|morning|afternoon|evening|now|soon|before|by|until|next|asap|straight away|right away)\b/;
const HOLDING =
	/\b(?:one moment|just a (?:moment|minute|sec(?:ond)?)|bear with me|(?:i'?m )?just pulling up|let me (?:just )?(?:double-?check|check|look|find out|see|have a look|ask|take a look|grab|pull up)|i'?ll (?:just )?(?:check|find out|have a look|take a look|ask)|give me (?:a|one|two|five|a few|a couple of|\d+) (?:moment|minute|second|sec)s?|hold on|hang on|back in a (?:sec|second|minute|moment|mo)|checking (?:that |this )?now)\b/;
/** A clock time: 11:30, 3pm, 9.15 am. */
const CLOCK = /\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)\b|\b\d{1,2}:\d\d\b/;
const YES_NO = /\b(that'?ll be|is normal|nothing wrong|we do|i do|it does|they do|we have|it should|it shouldn'?t|shouldn'?t|probably|unlikely|likely|yes|yeah|yep|no|nope|i can|we can|i will|we will|i'?ll|we'?ll|you can|you will|it is|it will|it won'?t|it isn'?t|of course|absolutely|definitely|certainly|sure|unfortunately|i'?m afraid|not|can'?t|cannot|won'?t|unable|allowed|possible|instead|exception|(?:was|were|has been|have been|is|are) (?:received|confirmed|cleared|processed)|(?:went|came|has gone|is) through|arrived)\b/;

const OPENS_WITH_ANSWER = /^\W*(?:yes|yeah|yep|no|nope)\b/;

/** Whether a reply engages with the customer's question, by the kind of question it is. */
function answersQuestion(question: string, reply: string, asked: Set<string>, said: Set<string>, figuresAnswer: boolean): boolean {
	const overlap = [...asked].some((word) => said.has(word));
	// "Yes, bring your statement in", "No — …": a reply that opens with yes or no has answered.
	if (OPENS_WITH_ANSWER.test(reply)) return true;
	// "Why is my bill £2 more?" — "The plan went from £9.99 to £11.99 on 1 May": the figures are the answer (unless
	// they are only the rule said back).
	if (/\bwhy\b/.test(question)) return (figuresAnswer && /[£$€]\s?\d/.test(reply)) || /\b(that'?ll be|coming from|caused by|sometimes|because|reason|due to|since|so|as|caused|that'?s why|the cause|happened|short[- ]staffed|off sick|backed up|busy|waiting|down to|mistake|error|fault)\b/.test(reply);
	if (/\b(how much|what amount|cost|price)\b/.test(question)) return /[£$€]|\d|\bfree\b|\bnothing\b|\bno charge\b/.test(reply);
	if (/\b(when|how long|what time|how soon|by when|before|in time|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight))\b/.test(question)) {
		return TIME_WORDS.test(reply) || CLOCK.test(reply) || /\b(yes|no|i'?m afraid|unfortunately|can'?t|won'?t)\b/.test(reply);
	}
	if (/^\W*(can|could|will|would|is|are|do|does|did|have|has|should|shall|may|am|was|were|isn'?t|aren'?t|won'?t|can'?t|don'?t)\b/.test(question) || /\b(or not|yes or no)\b/.test(question)) {
		return YES_NO.test(reply) || overlap;
	}
	return overlap;
}


function sentences(text: string): { start: number; end: number; key: string }[] {
	const result: { start: number; end: number; key: string }[] = [];
	for (const match of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
		const key = match[0].toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
		if (key.split(' ').length >= 3) result.push({ start: match.index!, end: match.index! + match[0].length, key });
	}
	return result;
}

/** A stock line pasted again ("customer service by rote"): the empathy it earned the first time no longer counts. */
function repetitionEvidence(text: string, lower: string, previous: string[], found: Finding[]) {
	if (previous.length === 0) return;
	const earlier = remembered(earlierCache, previous.join('\u0000'), () => new Set(previous.flatMap((reply) => sentences(typeof reply === 'string' ? reply : '').map((s) => s.key))));
	for (const sentence of sentences(lower)) {
		if (!earlier.has(sentence.key)) continue;
		const inside = found.filter((e) => e.dimension === 'empathy' && e.prior > 0 && !e.zeroed && e.start >= sentence.start && e.end <= sentence.end);
		if (inside.length === 0) continue;
		for (const e of inside) e.zeroed = 'Said word for word in an earlier reply: the second time it sounds like a script, so it earns nothing.';
	}
}
