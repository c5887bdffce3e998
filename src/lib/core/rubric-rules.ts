import type { Dimension } from './types';

/**
 * One thing the rubric looks for in a typed reply. Patterns run on the reply
 * lower-cased with straight apostrophes; `group` caps how much one kind of
 * phrase can add up to, so ten "sorry"s are not ten points.
 */
export interface Rule {
	dimension: Dimension;
	weight: number;
	group: string;
	pattern: RegExp;
	reason: string;
	/** Positive phrases only: what a negation just before it ("not", "can't") turns it into. */
	negated?: { weight: number; reason: string } | 'ignore';
	/** A wall that is fine when the reply also offers a way forward. */
	softWall?: boolean;
}

/** Most a group can add (or take away) in one reply. */
export const GROUP_CAP: Record<string, number> = {
	apology: 2,
	acknowledge: 2,
	courtesy: 1,
	dismissive: 3,
	sarcasm: 2,
	commit: 3,
	'pass-on': 3,
	blame: 3,
	flex: 3,
	wall: 3,
	'form-letter': 1
};

const V = (source: string) => new RegExp(source, 'g');

const FEELING =
	'(?:frustrating|exhausting|stressful|awful|upsetting|horrible|difficult|hard|annoying|worrying|disappointing|terrible|infuriating|maddening|unacceptable|a nightmare|a pain|rubbish|scary|frightening|heartbreaking|a lot to deal with|not good enough|not ok|not okay|inconvenient|tiring|draining|unfair)';
const TIME =
	"(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|right now|now|straight away|right away|immediately|asap|within (?:the |an |a |\\d+ )?(?:hour|minutes?|hours|days?|\\d+)|by (?:\\d|noon|midday|the end|end of|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|close)|before (?:\\d|noon|midday|the end|you|close|friday|monday|tomorrow)|at \\d|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|first thing|end of (?:the )?day|in the next|while you(?:'re| are) (?:on the (?:line|phone)|here|waiting)|while we(?:'re| are) (?:talking|on)|in (?:\\d+|a few|five|ten|two) (?:minutes|mins|hours|days))";
const ACTION =
	'(?:send|email|e-mail|call|ring|phone|refund|arrange|book|replace|ship|post|credit|sort|fix|process|issue|check|look into|chase|reverse|cancel|waive|update|text|message|confirm|follow up|reorder|order|courier|collect|deliver|set up|raise|log|escalate|reset|restore|reconnect|move|transfer the|add|apply|get|find|speak|personally|make sure|take care|handle|stay|keep|reserve|hold|put|write|investigate|contact the|contact them|push|expedite|prioriti[sz]e|upgrade|swap|exchange|organise|organize|schedule|note)';

export const RULES: Rule[] = [
	// ── empathy + ──
	{
		dimension: 'empathy',
		weight: 2,
		group: 'apology',
		pattern: V(String.raw`\b(?:(?:i'?m|i am|we'?re|we are) (?:(?:so|really|very|truly|terribly|deeply|genuinely|incredibly|awfully|extremely) )*sorry|sorry|i (?:do |sincerely |really )?apologi[sz]e|my apologies|(?:my |sincere |our )?apologies)\b`),
		reason: 'An apology tells the customer you take the problem seriously.',
		negated: { weight: -2, reason: 'A refused or negated apology is dismissive.' }
	},
	{
		dimension: 'empathy',
		weight: 2,
		group: 'acknowledge',
		pattern: V(
			String.raw`\b(?:i (?:completely |totally |really |fully |can |do |absolutely )?(?:understand|get) (?:why|how|that|what|your|you)|i can (?:see|imagine|hear|understand) (?:why|how|that|what|your|you|it)|i can only imagine|i hear you|(?:that|this|it) (?:sounds|must (?:be|have been|feel)|is|was|has been|'s|must've been) (?:so |really |very |incredibly |extremely |genuinely |completely |truly |such |utterly )?${FEELING}|(?:you(?:'re| are| have been|'ve been) (?:right|absolutely right|completely right)|you have every right|(?:no|little) wonder you|anyone would be (?:upset|frustrated|angry|annoyed|worried)|i'?d be (?:upset|frustrated|angry|annoyed|furious|worried|livid) too|understandably|you shouldn'?t have (?:had )?to|(?:that|this) shouldn'?t have happened|(?:what|how) a (?:stressful|horrible|awful|frustrating|difficult) )|(?:i'?m|i am) (?:so |really |very )?(?:glad you (?:told|called|reached|let)|sorry to hear|here to help)|that'?s not (?:the (?:service|experience) you|good enough|acceptable|okay|ok|on)|thank you for (?:your patience|waiting|bearing with|telling|letting|explaining|flagging|bringing|raising|being|sticking|your understanding|giving)|i know (?:how|this|that|it'?s|you'?ve|you have))`
		),
		reason: 'Acknowledging how the customer feels shows you are listening.',
		negated: 'ignore'
	},
	{
		dimension: 'empathy',
		weight: 1,
		group: 'courtesy',
		pattern: V(String.raw`\b(?:please|thank you|thanks|thank-you|cheers)\b`),
		reason: 'Please and thank you are the small courtesies customers notice.',
		negated: 'ignore'
	},
	// ── empathy − ──
	{
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		pattern: V(
			String.raw`\b(?:calm down|relax|chill out|settle down|you (?:should|shouldn'?t|could|ought to) (?:have|'?ve)|you should'?ve|as i (?:already |just |have |'?ve )*(?:said|told you|explained|mentioned|stated)|like i (?:said|told you)|i(?:'?ve| have) already (?:told|explained|said)|that'?s (?:simply |just )?(?:not true|untrue|wrong|incorrect|not what happened)|you(?:'re| are) (?:wrong|mistaken|confused|overreacting|being (?:rude|unreasonable|difficult|dramatic))|(?:not|isn'?t) (?:my|our) problem|whatever|deal with it|it'?s not (?:a|that) big (?:of a )?deal|no need to (?:shout|be rude|get (?:upset|angry|worked up)|raise your voice)|if you had (?:read|checked|bothered|listened|looked)|you need to (?:listen|calm|understand|read|be patient)|what do you (?:want|expect) me to do|(?:with|to) all due respect|i don'?t (?:make|write) the rules|read the (?:terms|small print|fine print)|you didn'?t read|it(?:'s| is| was) your (?:own )?(?:fault|responsibility|problem)|your fault|not sorry|shut up|stop (?:shouting|yelling|complaining)|honestly,? i don'?t know what you expect|take it or leave it|that'?s life|that'?s just how it is|it is what it is|not the end of the world|you people)\b`
		),
		reason: 'Dismissive or combative words put the customer on the defensive.'
	},
	{
		dimension: 'empathy',
		weight: -2,
		group: 'sarcasm',
		pattern: V(
			String.raw`(?:\boh,? (?:great|wonderful|brilliant|perfect|joy|fantastic|lovely|fab)\b|\bhow (?:unusual|surprising|shocking|original|novel)\b|\byeah,? right\b|\bwhat a (?:surprise|shock)\b|\bsure you (?:did|have|were|are)\b|\bshocking,? i know\b|\bwho would have thought\b|\bcongratulations\b|\bwell done you\b|\bnever heard that one before\b|\bbecause that always works\b|\bgood for you\b|\bthanks a lot\b(?! for)|\bwow,? (?:just )?wow\b)`
		),
		reason: 'Sarcasm always reads as mockery in service, even when meant lightly.'
	},
	{
		dimension: 'empathy',
		weight: -1,
		group: 'form-letter',
		pattern: V(
			String.raw`\b(?:(?:we|i) (?:apologi[sz]e|are sorry|regret) for any (?:inconvenience|trouble|issues?)(?: (?:this|that) (?:may have|might have|has|may|might) (?:caused|cause))?|your (?:call|business|custom|feedback) is (?:important|valuable|valued)(?: to us)?|we value your (?:business|custom|feedback)|dear (?:valued )?customer|dear sir(?:\/| or )madam|please do not hesitate to contact|kind regards,? the \w+ team|thank you for contacting (?:us|[a-z]+ support))\b`
		),
		reason: 'A form-letter line reads as a template, not a person.'
	},
	// ── ownership + ──
	{
		dimension: 'ownership',
		weight: 2,
		group: 'commit',
		pattern: V(
			String.raw`\b(?:i'?ll|i will|i am going to|i'?m going to|i shall)(?: personally| myself| now| also| then| just| definitely)? (?!not\b|never\b|need\b|have to\b|try\b|pass\b|transfer\b|forward\b|put you through\b|hand\b)${ACTION}\b[^.!?\n]{0,80}?${TIME}`
		),
		reason: 'A first-person promise with a concrete step and time is ownership.',
		negated: 'ignore'
	},
	{
		dimension: 'ownership',
		weight: 1,
		group: 'commit',
		pattern: V(
			String.raw`\b(?:(?:i'?ll|i will|i am going to|i'?m going to)(?: personally| myself| now| also| then| just| definitely)? (?!not\b|never\b|need\b|have to\b|try\b|pass\b|transfer\b|forward\b|put you through\b|hand\b|let\b|be (?:transferring|passing))${ACTION}|let me (?:${ACTION}|fix|sort|look|see|find|dig|chase|get|take|do)|(?:i'?ve|i have) (?:just |already |now )?(?:sent|booked|arranged|issued|processed|refunded|ordered|logged|credited|cancelled|raised|added|applied|updated|fixed|emailed|called|set up|reserved|reversed|flagged|waived|reordered|put|made|checked|confirmed|spoken|found|escalated)|leave it with me|i'?m on it|i(?:'?ll| will) (?:take care of|look after|own|handle|deal with|make sure|see (?:this|it) through|keep you (?:updated|posted|informed))|(?:i'?ll|i will) stay (?:on the (?:line|phone|call)|with you)|i(?:'?m| am) (?:not going to|going to stay|staying)|i (?:won'?t|will not) (?:transfer|pass|hand) you|(?:my|our) (?:mistake|fault|error)|(?:we|i) (?:got (?:this|it) wrong|dropped the ball|messed up|made a mistake|let you down)|i take (?:full )?responsibility|that'?s on (?:me|us))\b`
		),
		reason: 'Taking the next step yourself owns the problem.',
		negated: 'ignore'
	},
	// ── ownership − ──
	{
		dimension: 'ownership',
		weight: -2,
		group: 'pass-on',
		pattern: V(
			String.raw`\b(?:(?:you'?ll|you will|you'?d|you would|you) (?:need|have|must|should|want) to (?:call|contact|email|e-mail|speak|talk|ring|go|visit|get in touch|phone|reach|check|fill|raise|submit|write|take (?:it|this)|come back|wait|log|book|follow up|ask|complain|chat|try)|you (?:must|should) (?:call|contact|email|ring|speak|go|visit|phone|reach|check|fill|raise|submit|write|take (?:it|this)|come back|ask|try)|(?:please |you can |you could |try |best to )?(?:call|contact|email|ring|phone|speak to|reach out to|get in touch with) (?:our|the|your) (?:[\w-]+ )?(?:team|department|desk|line|office|company|courier|bank|manufacturer|supplier|head office|provider|store|branch|airline|helpline|support|carrier)|not my (?:department|job|area|responsibility|remit|call|decision)|(?:i'?ll|let me|i will|i can|i'?m going to|i am going to|i need to|i have to|i'?ve got to|i must) (?:just )?(?:transfer|put you through|pass you|forward you|redirect you|hand you (?:over|on)|pass (?:this|it|your \w+) (?:on|to)|send you (?:over|to)|escalate (?:this|it|you) to|refer you to)|transfer(?:ring)? you|someone (?:else )?(?:will|should|from|can|would) (?:\w+ )?(?:get back|be in touch|contact|call|reach|ring|email)|somebody will|(?:i'?ve|i have) (?:already )?passed (?:it|this|your \w+) on|(?:another|a different|the (?:relevant|right|appropriate|correct)) (?:department|team|person)|(?:is|are|'?s) back on \w*day|wait (?:for|until) (?:the manager|the owner|my manager|monday|they|head office)|(?:check|visit|see|look at|go to|read) (?:our|the) (?:website|faq|faqs|help (?:centre|center|page|section)|online form|app)|i (?:don'?t|do not) know(?!,? but| but| - but| yet)|(?:that'?s|it'?s|this is) (?:above|beyond) my (?:pay grade|authority)|(?:only )?(?:the|my) (?:manager|supervisor|owner) can)\b`
		),
		reason: 'Sending the customer elsewhere passes the parcel instead of owning it.',
		negated: 'ignore'
	},
	{
		dimension: 'ownership',
		weight: -2,
		group: 'blame',
		pattern: V(
			String.raw`\b(?:(?:it'?s|that'?s|this is|it was|that was|this was)(?: really| actually| just| all)? (?:the )?(?:courier|carrier|warehouse|manufacturer|supplier|system|computer|delivery (?:company|firm|driver|team)|head office|previous agent|other (?:team|department|agent)|bank|post office|royal mail|driver|kitchen|it department|billing(?: team)?|accounts|engineers?|network|third party|software|payment provider|chef|waiter|hotel|airline|airport)(?:'s)? (?:fault|problem|responsibility|mistake|issue|error|doing)|(?:blame|fault of) (?:the|our) \w+|(?:the )?(?:courier|carrier|warehouse|manufacturer|supplier|delivery (?:company|firm|driver)|head office|post office|royal mail|billing team|accounts team|engineers|network team|payment provider|kitchen|system|it team) (?:handles|deals with|is responsible|are responsible|look after|looks after|take care of|takes care of|manages|controls|decides|sets|messed up|lost|broke|made the mistake|got it wrong)|out of (?:my|our) hands|nothing to do with (?:me|us)|not (?:our|my) (?:responsibility|fault|doing)|(?:we|i) (?:can'?t|cannot) be held responsible|(?:we(?:'re| are)|i(?:'m| am)) (?:so |really |very )?(?:short[- ]staffed|understaffed|swamped|rushed off our feet)|(?:our|the) system (?:is|was) (?:terrible|rubbish|awful|useless|a nightmare|down|broken|playing up)|(?:my|a) colleague (?:should|must|didn'?t|did not|forgot|messed)|(?:they|he|she) (?:should have|shouldn'?t have|didn'?t|did not|never) (?:told|promised|said|passed|logged|noted|sent|updated))\b`
		),
		reason: 'Blaming a third party, a colleague or the system is still not owning it.',
		negated: 'ignore'
	},
	// ── flexibility + ──
	{
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		pattern: V(
			String.raw`\b(?:let me see what (?:i|we) can do|(?:i|we)(?:'?ll| will| can| could|'?m going to| am going to| have| are going to|'?ve)? (?:make|making|made) an exception|(?:what|something) (?:i|we) (?:can|could) (?:do|offer)(?: instead| is| for you)?|(?:how about|would it help if|would you (?:like|prefer)|another option|alternatively|an alternative|one option|other option|what if (?:i|we)|instead,? (?:i|we) can|the best i can do|what i can do is|here'?s what i can do|i can offer|we can offer|i could offer|i can give you|i can arrange|i can do|i could do|i can waive|i'?ll waive|we'?ll waive|waive (?:the|your|that)|as a (?:one-off|gesture|goodwill)|(?:a|as) goodwill|on this occasion|given (?:your|the|these) (?:circumstances|situation)|in (?:your|this) (?:case|situation)|bend the rules?|override|i'?ll authori[sz]e|i can authori[sz]e|i'?m happy to|i would be happy to|i'?d be happy to|work something out|find a way|find (?:you )?a solution|there(?:'s| is) (?:a|another) way|what we can do|a workaround|get around|partial refund|store credit|exchange it|swap it|upgrade you|a voucher|compensation|we can still)|(?:i|we) (?:can|could|'?ll|will) (?:offer|give you|refund|credit|extend|replace|exchange|swap|discount|upgrade|honou?r|price match|match|cover|reimburse|comp|knock)\b)`
		),
		reason: 'Looking for a way within or around the rule is policy flexibility.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	// ── flexibility − ──
	{
		dimension: 'flexibility',
		weight: -2,
		group: 'wall',
		pattern: V(
			String.raw`\b(?:rules are rules|(?:there'?s|there is|that'?s) (?:absolutely |really |honestly |simply )?nothing (?:more )?(?:i|we) can do|nothing (?:more )?(?:i|we) can do|no exceptions|(?:my|our) hands are tied|computer says no|(?:there'?s|there is) no way|it'?s (?:just )?(?:not|never) (?:going to|gonna) happen|(?:i|we) (?:don'?t|do not) (?:do|make|give) (?:exceptions|refunds)|impossible|(?:i|we)(?:'m| am|'re| are) not (?:able|going) to (?:make an exception|bend|break)|the answer is no|my answer is no|that'?s final|end of story|no can do)\b`
		),
		reason: 'A flat refusal hides behind the rule instead of looking for a way.'
	},
	{
		dimension: 'flexibility',
		weight: -1,
		group: 'wall',
		softWall: true,
		pattern: V(
			String.raw`\b(?:(?:our |the |company |store |hotel |bank )?polic(?:y|ies) (?:says|states|is|are|clearly|doesn'?t|does not|won'?t|will not|prevents|requires|only|means|dictates|strictly|don'?t|do not)|per (?:our|the) (?:policy|terms|rules)|(?:according to|under|as per|in line with|against|outside) (?:our|the|company) (?:polic(?:y|ies)|terms|rules|t&cs|guidelines)|(?:i|we)(?:'m| am|'re| are) (?:not|un) ?(?:allowed|permitted|authori[sz]ed|able) to|(?:i|we) (?:simply |just )?(?:can'?t|cannot|won'?t|will not) make (?:an|any) exception|not allowed|(?:i|we) (?:can'?t|cannot|can not|won'?t be able to|am unable to|are unable to|'m unable to) (?:\w+ )?(?:do|help|make|refund|accept|change|give|offer|process|override|waive|bend|return|exchange|issue|authori[sz]e|approve|book|move|cancel|extend|honou?r|take|let|allow)|(?:isn'?t|is not|not) (?:possible|something (?:i|we) can)|the system (?:won'?t|doesn'?t|does not|will not) (?:let|allow)|(?:only|strictly) within (?:\d+|thirty|fourteen|the)|i(?:'?m| am) afraid (?:not|that'?s|we|i)|unfortunately,? (?:that'?s|it'?s|this is|we|i) (?:not|can'?t|cannot|don'?t|do not|won'?t)|(?:it'?s|that'?s) (?:outside|out of|past|beyond) (?:the|our|your) (?:\d+[- ]day |return |returns |refund )?(?:window|policy|period|terms))`
		),
		reason: 'Quoting the rule with nothing offered is a wall.'
	}
];

/** Words that mark a negated phrase when they come shortly before it in the same clause. */
export const NEGATORS = /\b(?:not|never|no|can'?t|cannot|won'?t|don'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t|hardly|nor|neither|without|unable)\b/;

/** Common English words; a reply with almost none of them is gibberish or another language. */
export const COMMON_WORDS = new Set(
	`a about above after again all also am an and any are as at back be because been before being below but by can could did do does doing down during each else even ever every few for from further get got had has have having he her here hers him his how i if in into is it its just know let like make me more most my need no nor not now of off on once one only or other our out over own please really right same see she should so some sorry still such than thank thanks that the their them then there these they this those through to today tomorrow too under until up us very was way we well were what when where which while who why will with would yes yet you your yours call email help order refund money card account booking delivery policy sure time day week sorry understand happy able sort fix check send back new again look let okay ok hi hello dear apologies issue problem mistake change replace soon right away team manager customer service store item`.split(
		/\s+/
	)
);

/** Acronyms that are not shouting. */
export const ACRONYMS = new Set(
	'ASAP OK EU UK USA US SMS NPS CRM PIN ID FAQ VAT IT TV ATM PM AM BST GMT CEO DM PDF URL SIM IBAN BIC ETA RSVP QR API VIP NHS HR PS UPS DHL TNT DPD USPS GST HST CSV'.split(' ')
);

/** Greetings after which a capitalised word is taken as the name the trainee used. */
export const NAME_CONTEXT =
	/(?:^|[\s,.!?;:(])(?:hi|hello|hey|dear|morning|afternoon|evening|thanks|thank you|sorry|mr\.?|mrs\.?|ms\.?|miss|dr\.?|mx\.?)[ ,]+([A-Z][a-z'\u00C0-\u024F-]{1,30})/g;

/** Capitalised words after a greeting that are not names. */
export const NOT_NAMES = new Set(
	'There Again Team All Everyone Everybody Sir Madam Friend Mate Folks Guys You And For So I Thanks Thank Very Customer Dear Sorry Yes No Just Okay Ok Please The A It That This We Mr Mrs Ms Miss Dr Mx Mister Good Morning Afternoon Evening'.split(' ')
);
