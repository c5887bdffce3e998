import { spelledOutEdges } from './regex-edges.ts';
import { PatternGate } from './regex-literals.ts';
import type { Dimension } from './types.ts';

/**
 * One thing the rubric looks for in a typed reply. Patterns run on the reply
 * lower-cased with straight apostrophes; `group` caps how much one kind of
 * phrase can add up to, so ten "sorry"s are not ten points.
 */
export interface Rule {
	/** The feature this rule is: its learned weight (rubric-weights.ts) replaces `weight` when scoring. */
	id: string;
	dimension: Dimension;
	weight: number;
	group: string;
	pattern: RegExp;
	reason: string;
	/** Positive phrases only: what a negation just before it ("not", "can't") turns it into; 'keep' when the phrase carries its own negation. */
	negated?: { weight: number; reason: string } | 'ignore' | 'keep';
	/** Why the phrase earns nothing when its learned weight is 0 (shown instead of `reason`). */
	ifZero?: string;
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
	'form-letter': 1,
	preamble: 1,
	'over-promise': 3
};

/** Features whose hand-set weight is 0 but which training may weigh, with the only sign they may take. */
export const LEARNED_SIGN: Record<string, 1 | -1> = { 'stock-apology': -1 };

/**
 * The least weight training may give a feature, where our sources are explicit
 * that it always counts: get the customer's name right; form letters are heard
 * as depersonalised. Everything else may be learned down to 0.
 */
export const LEAST_WEIGHT: Record<string, number> = { 'name-wrong': 1, 'form-letter': 1 };

/** Every apostrophe in a pattern is optional: trainees type "thats", "cant" and "ill". */
const V = (source: string) => source.replace(/'(?!\?)/g, "'?");

/** "Bikes can't…", "staff aren't able to…": tried first, then the noun before it is looked behind for. */
const THEY_CANT = String.raw`(?:can'?t|cannot|aren'?t able to|are not able to)`;

// ── Round four (written from the disagreements on sealed-2 and sealed-3; see README) ──
/** Handing the customer to someone else in other words: "that's between you and her", "drop him a message", "accounts handle all invoice queries". */
/**
 * A charge lifted or a thing done, said in the passive or in few words: "the charge has been waived", "your booking is
 * now restored", "waiting charge removed", "refund of £78 issued", "refund's done". Both a grant (flex-done) and done
 * for the customer (commit-done); not "issued correctly by the system", not "if you want the fee waived".
 */
const DONE_IN_FEW_WORDS = String.raw`(?:charge|fee|fine|penalty|refund|booking|account|permit|membership|block|order|place|ticket|pass|appointment|claim|payment|subscription|plan|deposit|application|visit|slot|reservation)s?(?:(?: has| have|'s)? been| is now| are now) (?:waived|removed|restored|refunded|cancelled|processed|issued|switched off|reinstated|credited|reversed|lifted|reduced|rebooked|extended|approved|released|paused|upgraded|replaced|corrected|fixed|reopened|unlocked|backdated|halved)\b(?! correctly| by the system)|(?<=(?:^|[.!?,] +)(?:(?:waiting|late|admin|redemption|cancellation|booking|rebooking) )?)(?:charge|fee|fine|penalty|strike)s? (?:removed|waived|cancelled|refunded|dropped|written off|taken off|scrapped)\b|refund'?s done\b|(?:refund|credit)(?: of [£$€]?\d+(?:\.\d\d)?)? issued\b|[£$€]\d+(?:\.\d\d)? refunded\b`;
/** Someone else's number or address for the customer to use: "I'll give you their number". */
const THEIR_CONTACT = String.raw`(?:give|send|pass) you (?:her|his|their|the (?:[a-z]+ )?(?:team|department|office|manager)'?s?) (?:direct )?(?:email|e-mail|number|phone number|details|contact details|address)\b`;
const HANDED_OVER = String.raw`(?:that'?s|it'?s) (?:really |more |probably |just )?between you and (?:him|her|them|the [a-z]+|[a-z]+)\b|(?:go|goes|sent|send (?:it|them)|take (?:it|that)) (?:to|up with) (?:him|her|them) directly|(?:drop|send|give|shoot)(?<!(?:i'?ll|i will|let me|i'?m going to|we'?ll|i can|i could|i'?d|i'?m|i am) (?:drop|send|give|shoot)) (?:him|her|them) an? (?:message|line|call|ring|email|e-mail|text|dm|note)\b|(?:team|department|manager|office|accounts|desk|supervisor|owner|artist|engineer|landlord|chef|tutor|head office|warehouse)s? (?:handles?|deals? with|looks? after|takes? care of|decides?|approves?|signs? off) (?:all|any|every)\b|(?:he|she|they) (?:sets?|decides?|makes?) (?:his|her|their) own (?:[a-z]+ )?(?:terms|rules|prices|policy|policies|decisions)|(?:i'?ll|i will|i can|let me) ${THEIR_CONTACT}`;
/** Saying whose it is, and that it is not ours: "it's really his call", "not something we're responsible for", "it wasn't us who…". */
const NOT_OURS = String.raw`(?:it'?s|that'?s) (?:really |entirely |totally |ultimately |more )?(?:his|her|their|(?:the |our )?[a-z]+'s) (?:call|decision|choice)\b|not something (?:we'?re|we are|i'?m|i am|we|i) (?:responsible|liable|accountable) for|(?:it )?wasn'?t (?:us|me) (?:who|that)\b|can'?t be expected to|it'?s not (?:me|my call|my decision)\b|if it (?:was|were) up to me\b|(?:desk|team|office|department|counter) might be able to help`;
/** Leaving the customer to do it: "try cancelling again", "request it through the app", "you may be able to claim…". */
const DO_IT_AGAIN = String.raw`(?:^|[.!?,;] *|and |then |just |please )try (?:[a-z]+ing|to [a-z]+)\b[^.!?]{0,30}?\bagain\b|(?:^|[.!?] *|and |then |just |please |you can |you could |you'?ll need to |you need to )(?:request|apply for|claim|submit|book|raise|log)\b[^.!?]{0,30}?\b(?:through|via|on|in|using) (?:the|our|your) (?:online )?(?:app|website|site|portal|form|account)\b|you (?:may|might|could|should) be able to (?:claim|get|apply|recover|ask|reclaim)\b|(?:is|are) (?:only )?(?:booked|requested|arranged|made|done|processed|claimed|reported|raised|logged) (?:only )?(?:through|via|on|using) (?:the|our) (?:online )?(?:app|website|site|portal|form|account)\b`;
/** Putting it back on the customer as a question or a reading of what they did: "were you eating anything hard?", "it wasn't being used properly". */
const ON_THE_CUSTOMER = String.raw`\bwere you (?:even |actually )?(?:in|at|home|there|[a-z]+ing)\b[^.!?]{0,60}\?|(?:wasn'?t|weren'?t|isn'?t|aren'?t|not) (?:being )?(?:used|followed|handled|stored|looked after|fitted|installed|maintained|cleaned) (?:properly|correctly|as (?:directed|instructed|intended))|that'?s (?:exactly |precisely )?what (?:the|our|your) [a-z ]{1,30}? (?:is|was|are|were) (?:there )?for\b|(?:you|u) (?:didn'?t|did not) even (?:let|tell|read|check|call|ring|bother|try|ask|say)\b`;
/**
 * Pointing at where the rule is printed ("as stated on your receipt", "it's on the sign", "it's in the T&Cs"): the
 * customer is told they should have read it. (A place named to help, "your reference is on your receipt", is not the rule.)
 */
const RULE_IN_PRINT = String.raw`as (?:clearly |plainly )?(?:stated|printed|written|shown|listed|displayed|set out|detailed|explained|it says|it said|mentioned) (?:on|in) (?:the|your|our)\b|as per (?:section|clause|paragraph|point) \w+|as per (?:our|the|your) (?:[a-z]+ )?(?:terms|t&cs|terms and conditions|conditions|contract|agreement|policy)\b|(?:(?:it'?s|it is|its|this is|that'?s|that is|which is)(?: all| clearly| also)?(?: (?:stated|printed|written|shown|listed|displayed|set out))?|(?:'s|is|are|was|were) (?:all |clearly |also |plainly )?(?:stated|printed|written|shown|listed|displayed|posted|signposted)|it (?:does |clearly |also )?says?(?: so| that| this)?) (?:on|in) (?:the|your|our|every|each) (?:[a-z&']+ ){0,2}(?:signs?|voucher|ticket|booking form|confirmation|receipt|terms|t&cs|t'?s ?& ?c'?s|terms and conditions|small print|contract|letter|poster|booklet|leaflet|handbook|agreement|paperwork|reminders?|invitation|welcome pack|pack|room)(?=\s*(?:[.!,;]|$| (?:you|by the|at the|on the|and|to)\b))`;
/** The rule stated as a bill: "is still chargeable", "billed in line with the tariff", "charged … as agreed", "terms clearly state". */
const STATED_AS_BILLED = String.raw`(?:is|are) (?:still |all |fully )?(?:chargeable|payable|non-?transferable)\b|(?:is|are) subject to (?:inspection|our|the)\b|in (?:line|accordance|keeping) with (?:our|the|your) (?:[\w-]+ ){0,2}(?:policy|policies|terms|tariff|rules|conditions|agreement|contract)|(?:charged|billed|payable|due|invoiced)\b[^.!?]{0,30}?\bas agreed\b|(?:terms|conditions|t&cs|contract) (?:clearly |do |does )?(?:state|say|says|states)\b|i don'?t see why (?:we|i) should\b|(?:the|our) (?:rules?|terms|polic(?:y|ies)) (?:don'?t|doesn'?t|do not|does not|won'?t|will not) (?:allow|permit|let)\b|\bonly (?:\w+ ){1,3}(?:is|are) (?:permitted|allowed)\b|^\s*(?:lol|haha|um+|erm),? (?:no|nope|nah)(?=\s*[.!]|\s*$)|^\s*(?:no|nope|nah)[.!] |(?:^|[.!?] *)(?:can'?t|cannot|won'?t) (?:do|help with|change|refund|move) (?:that|this|it)\b|(?:fee|charge|it|that|rule|policy|cap|limit|price|cost) (?:does |will )?still appl(?:y|ies)\b|(?:isn'?t|aren'?t|is not|are not) something (?:we|i)(?:'d| would)? (?:normally |usually |generally )?(?:do|offer|allow)\b|will go ahead as (?:planned|scheduled|booked|normal)\b|(?:^|[.!?] *)(?:[a-z-]+ ){1,2}only\.(?:\s|$)|${RULE_IN_PRINT}`;

// ── Round eight (written from the panel's empathy labels on the earlier sets; see README) ──
/** Making the customer's trouble small or common: "you're not the only one", "we get this every week", "that's theme parks for you". */
const MINIMISING = String.raw`(?:you'?re|you are) not the only one\b|(?:we|i) (?:get|see|hear|have) (?:this|that|these|it|(?:hundreds|loads|lots|dozens|plenty|tons) of [a-z]+)(?: (?:request|complaint|question|call|email|report)s?)? (?:every (?:day|week|month|time)|all the time|constantly|daily)\b|(?:it )?happens? all the time\b|(?:that'?s|thats) (?:[a-z]+ ){1,2}for you(?=\s*[.!?🙄😒]|\s*$)|everyone (?:says|asks|wants|thinks|claims) (?:that|this|the|it|they)\b|(?:people|customers|guests|clients) [a-z]+ (?:on us )?all the time\b|the answer'?s always no\b|(?:it'?s|that'?s) (?:only|just) (?:a|an|one|a few|a couple of) [a-z]+(?=\s*[,.!]|\s*$)` +
	// Round ten: "we're not a storage unit", "most people do", "kids get colds all the time", "I doubt anyone will notice",
	// "I'm sure they'll cope", "it's one letter".
	String.raw`|(?:we'?re|we are) not an? [a-z-]+(?: [a-z-]+)?(?=(?: mate| love| pal)?\s*(?:[.!;]|,(?! (?:but|so|and|however)\b)|$))|(?:plenty of|lots of|most) (?:other )?(?:people|parents|customers|guests|members|kids|children|owners|clients|riders|places|shops|companies|firms) (?:made it|manage|managed|cope|coped|do(?=\s*[.!]|\s*$)|(?:won'?t|wouldn'?t|don'?t) (?:mind|notice|care|bother)|only (?:keep|give|hold|allow|offer|charge))\b|(?:[a-z]+s) (?:get|fall|break|crack|go|happen|do|lose|forget|chew|bite|scratch|leak|fade|shrink|cry|tear|slip|trip)(?:s|es)?\b[^.!?]{0,25}?\ball the time\b|i doubt (?:anyone|anybody|they|he|she|people|many people|(?:your|the) [a-z]+)(?: (?:at|in|on|from) (?:the|your) [a-z]+)? (?:will|would|'?ll)(?: even)? (?:notice|mind|care)\b|(?:nobody|no one|no-one)(?:'?ll| will| would)(?: even)? notice\b|i'?m sure (?:the|they|he|she|you|your)\b[^.!?]{0,30}?\b(?:can|will|'?ll|could) (?:cope|manage|live with it|survive)\b|it'?s (?:only |just )?one (?:letter|word|day|minute|hour|scratch|mark|typo|digit|number|stitch|chip|dent|mistake)(?=\s*[,.!]|\s*$)|(?:everyone|everybody) else (?:manages|managed|seems to manage|copes|coped|can manage|reads|read|knows|knew|remembers|remembered|gets it|got it)\b|(?:other|all (?:our|the) other) (?:people|customers|guests|members|parents|clients|passengers|patients|residents|owners|drivers|families) (?:manage|managed|cope|coped|remember|remembered)\b|no(?:body|one|-one) else (?:has |have |had )?(?:ever |really |actually )?(?:complained|cancelled|reported|mentioned|noticed|had (?:a|any) (?:problem|issue)s?)\b|(?:can'?t|cannot|couldn'?t) (?:be|have been) (?:that|so|all that) bad\b|(?:it'?ll|it will) (?:all )?blow over\b`;

export const PASS_ON_REASON = 'Sending the customer elsewhere passes the parcel instead of owning it.';
export const SARCASM_REASON = 'Sarcasm always reads as mockery in service, even when meant lightly.';

const FEELING =
	'(?:frustrating|exhausting|stressful|awful|upsetting|horrible|difficult|hard|annoying|worrying|disappointing|terrible|infuriating|maddening|unacceptable|a nightmare|a pain|rubbish|scary|frightening|heartbreaking|a lot to deal with|no joke|no fun|the worst|a hassle|a real pain|fed up|not good enough|not ok|not okay|inconvenient|tiring|draining|unfair|miserable|gutting|humiliating|distressing|embarrassing|a (?:real |huge |big |massive |horrible )?(?:worry|shock|blow))';
/** Offering to do it, the customer's yes awaited: "Shall I book it?", "want me to set that up?" (round nineteen). */
const OFFERED_ACT = String.raw`(?:go ahead and )?(?:book|send|arrange|order|put|reserve|set|call|ring|email|text|move|change|cancel|refund|swap|hold|add|switch|transfer|upgrade|sort|organi[sz]e|do)\b`;
const OFFER_TO_ACT = String.raw`(?:shall|should|can) i ${OFFERED_ACT}(?=[^.!?]*\?)|(?:want|would you like|do you want) me to ${OFFERED_ACT}`;
/** An hour as written: 10, 10.30, 11:15. */
const HOUR = String.raw`\d{1,2}(?:[:.]\d\d)?`;
const TIME =
	`(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|right now|now|straight away|right away|immediately|asap|within (?:the |an |a |\\d+ )?(?:hour|minutes?|hours|days?|\\d+)|by (?:${HOUR}|noon|midday|the end|end of|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|close|lunch(?:time)?|this (?:morning|afternoon|evening)|the weekend|(?:the )?(?:morning|afternoon|evening))|(?:at|before|after|this) lunch(?:time)?|before (?:${HOUR}|noon|midday|the end|you|close|friday|monday|tomorrow)|(?:by|before) (?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?! (?:of|days|weeks|hours|more|people|working|times))|at ${HOUR}|\\d{1,2}(?::\\d\\d)? ?(?:am|pm)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|first thing|end of (?:the )?day|in the next|the moment (?:we|you|i|it|they)|as soon as (?:we|you|i|it|they)|straight after|while you(?:'re| are) (?:on the (?:line|phone)|here|waiting)|while we(?:'re| are) (?:talking|on)|in (?:\\d+|a few|five|ten|two) (?:minutes|mins|hours|days))`;
/** A concrete time anywhere in a text. */
/** A time as whole words ("now", not the "now" in "know"); every time starts with a letter or digit, so the edge is spelled out. */
const TIMED = String.raw`(?<!\w)${TIME}(?!\w)`;
export const A_TIME = new RegExp(TIMED);
/** Concrete things a trainee can do for the customer (vague ones like "look into" are left out). */
const CONCRETE =
	'(?:keep|label|leave|swing by|drop|bring|treat|remake|redo|set (?:the|your)|hold|meet|come|text|wait|take (?:it|them|the|your)|reimburse|ring|message|pull up|swap|move|book|send|email|e-mail|call you|ring you|phone you|text you|refund|arrange|book|replace|ship|post|credit|process|issue|chase|reverse|cancel|waive|reorder|order|courier|collect|deliver|set (?:it |that |this )?up|raise|log|reset|restore|reconnect|reserve|hold|expedite|prioriti[sz]e|upgrade|swap|exchange|organise|organize|schedule|open|correct|refund|put (?:it|you|the|a)|add|apply|fix|sort)';

const CUSTOMER_BLAME = String.raw`\b(?:${ON_THE_CUSTOMER}|you(?: really| honestly| probably| definitely| actually| clearly| just)? (?:should|shouldn'?t|could|ought to)(?:'?ve| have| of) (?!been (?:told|given|offered|sent|called)|had to\b)[a-z]+|(?:^|[.!?] {0,3})should(?:'ve| have| of) (?:looked after|checked|read|known|said|asked|thought|returned|booked|cancelled|called|told|come|kept|noticed|paid|planned)|you(?<!sorry (?:that )?you) (?:needed|were supposed|were meant|were told|were asked|had) to (?!wait\b|deal\b|go through\b|chase\b|call\b|repeat\b|explain\b)[a-z]+|(?:that'?s|it'?s|this is|thats|its) (?:all |really |entirely |totally )?on you\b|(?<!not |isn'?t |wasn'?t )your (?:own )?(?:problem|responsibility)\b|(?:you'?re|you are) (?:solely |fully )?responsible for (?:your|keeping|checking|making|the)\b|(?:you|u) (?:didn'?t|did not|never|failed to|forgot to) (?:read|check|tell|cancel|book|let us know|inform|follow|say|ask|mention|give|return|pay|turn up|show up|bring|notice|update|register|renew|sign)|(?:you|u) never (?:told|mentioned|said|asked|checked|read|called|booked|cancelled|paid|returned|turned up|showed up|let us know)|check your (?:wardrobe|bag|spam|junk|car|house|drawers|pockets)|did(?:n'?t you| you not) (?:read|check|see|look)|have(?:n'?t you| you not) (?:read|checked|seen|looked)|if you(?:'?d| had) (?!like|prefer|rather|want|be\b|care|let me|give me)[a-z]+(?:ed|en|t|ne|de|me|id|ad)\b|would(?:'?ve| have) been (?:nice|good|helpful|useful|handy) (?:to know|if you)|\bfor not [a-z]+ing\b|(?:your|ur) (?:own )?(?:fault|mistake|lookout)|(?:maybe|perhaps|next time,?)(?: you (?:could|should|might))? (?:try |be |pay |plan |keep )?(?:book|read|check|look|plan|come|call|order|arrive|pay|keep)\w* [^.!?]{0,40}?(?:next time|earlier|first|properly|carefully|better|in future)|(?:you|u) (?:probably|must have|must'?ve) (?:typed|entered|put|missed|dropped|lost|forgot|broke|misread|deleted|ignored|misplaced|clicked|selected|chosen|picked)|are you (?:sure|certain) (?:it|that|the|you|this|they|there)\b|(?:^|[.!?,;—–-] {0,3})had you (?:just |only |actually )?(?!been\b)(?:[a-z]+ed|told|rung|come|sent|read|let us know|kept)\b(?=[^.!?]*(?:[.!]|$))|(?:not (?:really )?sure|no idea|i don'?t (?:know|see|understand)) why you(?:'?d| would| didn'?t| did not| wouldn'?t)\b|why (?:would|did) you [^.!?]{0,40}?\bwithout\b|sometimes (?:customers|people|families|guests|patients|passengers|clients|parents|students|tenants|members|owners|residents|buyers|users) (?:just )?(?:miss|forget|overlook|misread|don'?t (?:read|check|notice|realise|realize)|get (?:it|things|the \w+) wrong|make mistakes)|have you (?:checked|made sure|confirmed) (?:your|that|the|you|whether|if)|(?:^|[.!?] {0,3})next time,? (?:just )?(?:leave|allow|give|book|plan|check|read|try|make sure|remember|come|arrive|order|call|keep)\b|(?:it'?s|that'?s) (?:a bit|rather|a little|bit) late (?:to (?:notice|mention|complain|raise|tell|say|bring|report|ask)|now)\b|(?:not sure|doubt) (?:that'?s|that is|that was) (?:what happened|on us|true|the case)|(?:he|she|they|the \w+) did nothing wrong|knows? what (?:he'?s|she'?s|they'?re|he is|she is|they are) doing|if (?:he|she|they) says? (?:it'?s|it is|so),? (?:then )?it (?:is|was)\b|you(?<!sorry (?:that )?you)(?:'ve)? had (?:it|them|the (?:proof|item|goods|product|keys|parcel|order|form|documents?|letter|email|car|bike|phone|device|ticket|booking)) for (?:a|an|\d+|over|nearly|almost|two|three|several)\b|did you (?:apply|book|order|pay|check|leave|call|arrive|send|post|return) [^.!?]{0,30}?\b(?:late|on time|in time|early enough)\b|did you (?:not )?(?:check|read|see) (?:the|our|my) (?:email|letter|message|text|notice|terms|confirmation|reminder)s?\b|(?:most|lots of|plenty of|a lot of) (?:people|customers|students|parents|guests|clients|passengers|patients|members|tenants|riders|owners) (?:(?:manage|cope|don'?t (?:give|bother|read|check))\b|(?:apply|book|plan|check|read|order|pay)[^.!?]{0,30}?\b(?:before|earlier|in advance|ahead|in time|on time)\b))`;
/** Holding the customer to what they signed, or to what was "clearly" shown: said to the customer, it is a reproach. */
// ── Round ten (written from the empathy disagreements on sealed-5 to sealed-8) ──
/** Guessing the customer caused it: "it probably happened in your car", "is it possible you got it wet?", "did you check the proof carefully?". */
const GUESSED_FAULT = String.raw`\b(?:(?:it|that|this|the [a-z]+) (?:probably|likely|most likely|must have|must'?ve|may have|might have|could have) (?:happened|been done|been caused|got damaged|cracked|broken|snapped|split|come loose|got wet) (?:in|at|on|during|when|while|after) (?:your|you)\b|is it possible (?:that )?you (?:got|put|left|dropped|used|washed|forgot|missed|didn'?t|did|had|were|misread|mixed|took|broke|knocked|spilled|spilt|lost)\b|did you (?:check|read|look at|look over|measure|test|proofread|approve) [^.!?]{0,30}?\b(?:carefully|properly|closely|first|before (?:approving|ordering|booking|signing|paying))\b|(?:on|at) the customer(?:'?s)? (?:side|end)\b|(?:customer|user) error\b)`;
const SMALL_PRINT = String.raw`\b(?:you (?:did )?(?:signed|sign|agreed to|agree to|accepted|accept|ticked|tick|clicked|click|chose|choose|selected|select)\b(?<!you (?:sign|agree to|accept|tick|click|choose|select))|cutting it (?:a bit |very |rather )?(?:fine|close|late)|(?:clearly|plainly) (?:shows|states|says|stated|marked|listed|explains|displays|showed|said)|${RULE_IN_PRINT})\b`;

// ── Round fourteen (written from the ownership disagreements on sealed-13 and sealed-14, development sets since their first look) ──
/** Where the answer is written down: a page, a section, a handbook, a portal. */
const A_PAGE = String.raw`(?:website|web ?site|faqs?|faq'?s|web ?page|page|section|guide|handbook|portal|leaflet|booklet|app|(?:terms|conditions) of [a-z]+|terms(?: (?:and|&) conditions)?|t&cs)`;
/** Where information, not the rule, is kept ("it's in the T&Cs" cites the rule: a wall, not a hand-off). */
const A_SITE = String.raw`(?:website|web ?site|faqs?|faq'?s|portal|guide|handbook|leaflet|booklet)`;
/**
 * An order to do the work, opening a sentence: "Please rebook through the app.", "Raise it with your manager.", "Try
 * again at 8am.", "Ask at reception.", "Ring back tomorrow." ("Call me on…" and "email us" keep the work with us.)
 * After a comma it needs its "please" or "just" ("Hi Agnes, please email gdpr@…") to read as an order (round twenty).
 */
const DO_IT_YOURSELF = String.raw`(?:^|[.!?] +|[,;:] +(?=(?:please|just|simply) ))(?:please |just |simply |so |maybe )?(?:ask (?:the|our|your|at|a)\b|appeal|try (?:ringing|calling|phoning|emailing|contacting)|(?:ring|call|phone) (?:back|again|round)\b|come back (?:tomorrow|later|another|next)\b|rebook|re-?apply|apply|try again|raise (?:it|this|that)|resubmit|submit|re-?send|e-?mail|drop (?:an|them an?) (?:email|line|message|note)|contact|(?:ring|call|phone) (?=\d|(?:the|our|your|them|him|her|back|again)\b)|upload (?:it|them|this|that|the [a-z]+) (?:through|via|on|to)|write to|log (?:in|on)|register|book (?:online|through|via|on|it|again)|go (?:to|through|online)|visit|speak to|talk to|check (?:with|the|your|our)|take (?:it|this|that|her|him|them) (?:to|up))\b(?! (?:me|us)\b)`;
/**
 * Sending the customer to read it for themselves: "please see the Reader's Guide on our website", "it's all in the
 * FAQs", "all information is available at gov.uk/marriage". The answer is the reply's job; a page is the customer's.
 */
const POINTS_TO_PAGE = String.raw`(?:^|[.!?;:,\u2014\u2013] *|\b(?:please|just|simply|kindly|you can|you could) )(?:see|refer to|check|visit|read|look at|go to|go on|have a look at|consult) (?:the |our |your |a )?(?:[\w&'-]+ ){0,4}?${A_PAGE}\b|(?:it'?s|its|it is|they'?re|they are|(?:the |all )?(?:information|info|details|everything|prices|pricing|times|forms?|criteria|rooms|dates|slots|options|timetables?)(?: you need)? (?:is|are)|(?:the )?(?:form|info|timetable)'s) (?:all )?(?:listed |available |explained |set out |posted |shown |published |detailed )?(?:on|in|at) (?:the |our |their )?(?:[\w&'-]+ ){0,3}?${A_SITE}\b|(?:available|found|listed) (?:at|on) [a-z0-9-]+\.[a-z]{2,}`;

/**
 * Advice for next time, given instead of help this time: "maybe book earlier next time?", "you may wish to arrive early
 * in future". ("Next time" alone is the evidence where a "please" after it is already read as a courtesy.)
 */
const NEXT_TIME = String.raw`(?<=(?:^|[.!?] *)(?:(?:maybe|perhaps|please|just),? )?)(?:next time|in (?:the )?future)\b(?=,? (?:please |just |maybe |try (?:to )?)?(?:don'?t|do not|leave|check|book|give|keep|make sure|remember|bring|read|call|ask|arrive|come|plan|allow|tell|send|pack|get|take|start|cut)\b)|(?:^|[.!?] *)(?:maybe|perhaps|please|just|you (?:may|might) (?:wish|want) to|you'?ll need to|you need to|you should|try to) [^.!?]{0,60}?\b(?:next time|in (?:the )?future)(?=\s*(?:[.!?]|$|if\b))`;

// ── Round sixteen (written from the empathy disagreements on the development sets) ──
/**
 * Taking our side against the customer's account: "the wardens are just doing their job", "the groomer had no choice
 * but to", "it's not really fair to ask us", "the engineer says the cable was fine". The customer hears an argument.
 * ("You had no choice but to cancel" takes the customer's side; "he says it's fine?" asks.)
 */
const DEFENDS_US = String.raw`(?:is|are|was|were|'s|'re) (?:just|only|simply) doing (?:his|her|their|my|our|its) jobs?|(?<!\byou )(?:had|have|has) no (?:other )?(?:choice|option) but to|not (?:really |very |exactly )?fair (?:on us |to us )?to (?:ask|expect)|(?:says|said|confirmed|reports|reported) (?:that )?(?:the|it|your|everything) [a-z ]{0,20}(?:was|were|is) (?:fine|working|ok|okay|correct|in order)(?![^.!?]*\?)`;

/**
 * Somebody, some time: "someone will be with you shortly", "someone from the appeals team will look at it", "I'll ask
 * someone about it.", "it'll all get sorted", "your feedback has been noted". (With a time in the same sentence,
 * "someone will be with you by 3pm", somebody is held to something.)
 */
const SOMEONE_SOMETIME = String.raw`(?:someone|somebody|one of (?:us|the team|our team))(?: from [a-z ]{2,25}?)?(?:'?ll| will) (?:be with you|look at (?:it|this|that)|sort (?:it|this|that)|deal with (?:it|this|that)|come (?:out|round|over))\b(?![^.!?]*?${TIMED})|i'?ll (?:ask|get) (?:someone|somebody)(?: (?:about|to look at) (?:it|this|that))?(?= *[.!]| *$)|(?:comments?|feedback|concerns?|query|complaint) (?:has|have) been (?:noted|logged|recorded|registered)\b|it'?ll (?:all )?(?:get|be) sorted\b`;

/** A rule as written: its expression's source, compiled when first read (`RULES`). */
type RuleSource = Omit<Rule, 'pattern'> & { source: string };

const RULE_SOURCES: RuleSource[] = [
	// A form-letter line claims the span first, so the apology or thanks inside it earns nothing.
	{
		id: 'form-letter',
		dimension: 'empathy',
		weight: -1,
		group: 'form-letter',
		source: V(
			String.raw`\b(?:(?:we (?:(?:sincerely|truly|do) )?(?:apologi[sz]e|are sorry|regret|'?re sorry)(?: for| about)? (?:any|the) (?:inconvenience|trouble|issues?|disruption|distress|frustration|upset|delay)(?: (?:this|that|it) (?:may have|might have|has|may|might|will have) (?:caused|cause)(?: you)?)?(?: caused)?|we regret (?:to inform you|that)|(?:your|we value your) (?:call|business|custom|feedback|patience|query|enquiry|inquiry|complaint|comments?|case|opinion) (?:is|are) (?:very |extremely )?(?:important|valuable|valued)(?: to us)?|we value (?:your (?:business|custom|feedback)|you as an? \w+|all (?:of )?our \w+)|(?:thank you for being|as) a valued customer|dear (?:valued )?(?:customer|visitor|guest|member|patient|resident|passenger|client|applicant|parent|service user)|we look forward to (?:welcoming|seeing|serving) you|your (?:patience|understanding) (?:is|is very much|is greatly) (?:appreciated|valued)|we are (?:aware|fully aware) of (?:the|this) (?:issue|outage|problem|disruption)|dear sir(?:\/| or )madam|(?:please )?(?:do not|don'?t) hesitate to (?:contact|get in touch|reach out)(?: (?:us|me))?|kind regards,? the \w+ team|thank you for (?:contacting (?:us|the \w+|[a-z]+ (?:support|customer services?))|reaching out|getting in touch)|thank you for bringing (?:this|it|that|the matter) to (?:our|my) attention|thank you for your (?:continued|ongoing) (?:patience|support|custom|understanding|cooperation)|please (?:note|be aware|find (?:attached|enclosed|your [\w ]{1,20}? (?:attached|enclosed))|accept (?:our|my) (?:sincere |sincerest )?apologies for (?:any|the) (?:inconvenience|trouble|distress|disruption)(?: caused)?)|we(?:'re| are) (?:currently )?experiencing (?:a )?(?:high|higher|unusually|heavy|increased|large)|(?:comments?|feedback|complaint|concerns?|query|enquiry|inquiry|report) (?:has|have) been (?:noted|logged|recorded|received|passed on|forwarded)|the relevant (?:department|team|person|people|section|parties)|in due course|while (?:this|the|your) (?:matter|issue|case|complaint|query) is (?:being )?(?:investigated|looked into|reviewed)|thank you for your (?:email|message|enquiry|inquiry)(?! about)|is there anything else (?:i|we) can (?:help|do)(?: you)?(?: with)?(?: today)?|we (?:appreciate|thank you for) your (?:patience|understanding|business|custom|feedback)|rest assured(?: that)?|please be advised|kindly (?:note|be advised)|at this (?:moment in )?time|we strive to|your satisfaction is our|we take (?:this|these matters|your (?:feedback|concerns?|complaint)) (?:very )?seriously|we aim to (?:resolve|respond|reply|get back))(?:,? (?:and|&) (?:we )?(?:thank you for|appreciate) your (?:patience|understanding|custom|business))?)\b`
		),
		reason: 'A form-letter line ("we regret any inconvenience") reads as a template, not a person: customers hear it as depersonalised.',
		ifZero: 'A form-letter line reads as a template, not a person: it earns nothing.'
	},
	// The stock apology everyone says claims its words too: "sorry for the inconvenience" is not an apology for this.
	{
		id: 'stock-apology',
		dimension: 'empathy',
		weight: 0,
		group: 'form-letter',
		source: V(
			String.raw`\b(?:(?:i|i'?m) (?:(?:sincerely|truly|do|so|very|really) )?(?:apologi[sz]e|sorry)(?: for| about)? (?:any|the) (?:inconvenience|trouble|disruption)(?: (?:this|that|it) (?:may have|might have|has|may|might) (?:caused|cause)(?: you)?)?(?: caused)?|(?:my )?(?:apologies|sorry) for (?:any|the) (?:inconvenience|trouble|disruption)(?: caused)?|thank you for your (?:patience and )?understanding)\b`
		),
		reason: 'A stock line ("sorry for the inconvenience") is what everybody says: customers hear it as a script.',
		ifZero: 'A stock line ("sorry for the inconvenience") is what everybody says: it earns nothing.'
	},
	// An apology for how the customer took it, not for what happened, claims its "sorry" before the apology rule.
	{
		id: 'non-apology',
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		source: V(
			String.raw`\b(?:(?:i'?m|i am|we'?re|we are) )?sorry (?:that )?(?:you (?:feel|felt|think|thought|see it)(?: (?:that way|so|like that|this way))?|if you (?:feel|felt|think|thought|were|are|found|have been|'?ve been|got)|(?:that )?you (?:didn'?t|did not) (?:enjoy|like|find|appreciate|understand)|(?:that )?you (?:weren'?t|were not|aren'?t|are not) (?:happy|satisfied|pleased)|if (?:this|that|it|any of this|anything) (?:has |may have |might have )?(?:caused|upset|offended|confused))`
		),
		reason: 'Sorry for how the customer feels ("sorry you feel that way", "sorry if you were upset") is not sorry for what happened: customers hear it as a non-apology.',
		negated: 'keep'
	},
	// ── empathy + ──
	{
		id: 'apology',
		dimension: 'empathy',
		weight: 2,
		group: 'apology',
		source: V(String.raw`\b(?:(?:i'?m|i am|we'?re|we are) (?:(?:so|really|very|truly|terribly|deeply|genuinely|incredibly|awfully|extremely) )*sorry|sorry|i (?:do |sincerely |really )?apologi[sz]e|apologi[sz]e|my apologies|(?:my |sincere |our )?apologies)\b`),
		reason: 'An apology tells the customer you take the problem seriously.',
		negated: { weight: -2, reason: 'A refused or negated apology is dismissive.' }
	},
	{
		id: 'acknowledge',
		dimension: 'empathy',
		weight: 2,
		group: 'acknowledge',
		source: V(
			String.raw`\b(?:i (?:completely |totally |really |fully |can |do |absolutely )?(?:understand|get) (?:why|how|that|what|your|you)|we (?:completely |totally |fully |do |can )?(?:understand|appreciate) (?:why|how|that|what|your|you|this)|i (?:do |really )?appreciate (?:this|it) (?:has|must|is|was)|i can (?:see|imagine|hear|understand) (?:why|how|that|what|your|you|it)|i can only imagine|i hear you|i (?:completely |totally |really |fully |do )?(?:understand|see|get) where you'?re coming from|i hear what you'?re saying|i appreciate (?:that|how|what|your (?:frustration|concern|point))|sounds (?:so |really |very |incredibly |absolutely |utterly )?${FEELING}|(?:that|this|it) (?:sounds|must (?:be|have been|feel)|is|was|has been|'s|must've been) (?:so |really |very |incredibly |extremely |genuinely |completely |truly |such |utterly )?${FEELING}|(?:you(?:'re| are| have been|'ve been) (?:right|absolutely right|completely right)|you(?:'ve| have) (?:got )?every right|(?:that'?s|you make|you'?ve made|you raise) a (?:fair|good|valid|reasonable) point|fair enough|you'?re not wrong|fair play|(?:totally|completely|fully) (?:understand|get it|get that)|i get it|(?:ah|oh) no\b|what a (?:pain|shame|nightmare|worry|shock|horrible|awful|rotten|stressful)|(?:that|this|it)(?:'s| is| was) (?:such )?(?:a |an )?(?:really |so )?(?:horrible|awful|stressful|rotten|rough|tough|terrible|worrying|scary|miserable) (?:[a-z]+ )?(?:timing|welcome|time|thing|start|situation|position|shock|experience)\b|(?:is|are|'s) no joke|don'?t (?:panic|give (?:it|this|that|the [a-z]+) (?:another|a second) thought)|won'?t leave you (?:stuck|stranded|without|on your own|in the lurch)|(?:your|their|his|her) (?:safety|health|wellbeing) (?:matters|comes first)|family comes first|(?:that'?s|what) (?:a shame|a pain|rough|tough|gutting|horrible|awful)|the last thing you need|(?:is|are) (?:your|the) (?:[\w-]+ ){0,2}(?:ok|okay|alright|all right|safe|doing (?:ok|okay|alright|better)|feeling (?:better|ok|okay))(?=\s*\?)|(?:is|are) (?:she|he|they|you) (?:ok|okay|alright|all right|safe|doing (?:ok|okay|alright|better)|feeling (?:better|ok|okay))(?=\s*\?)|how(?:'s| is| are) (?:your |the )?(?:[\w-]+(?:'s)? ){0,2}(?:doing|feeling|holding up|getting on|coping|looking)(?=[^.!?]{0,20}\?)|(?:that'?s|it'?s|this is) on (?:us|me),? not (?:on )?you|you did (?:everything|nothing) (?:right|wrong)|i(?:'?d| would) (?:have )?(?:done|gone|felt|said|walked out|left|been)(?: [^.!?]{0,20}?)? (?:too|the same|as well)\b|you shouldn'?t (?:have to )?(?:pay|suffer|lose out|be (?:out of pocket|penali[sz]ed|punished|charged)) for (?:our|my|a|the|something)|(?:is|'s) the (?:very )?least (?:we|i) (?:can|could) do|i (?:completely |totally |fully |do )?understand(?=\s*[,.!;\u2014\u2013]|\s*$)|hope (?:(?:she|he|you|they)(?:'s|'re| is| are| feels?| gets?)?|(?:your|the) (?:[\w-]+ ){1,3}(?:is|are|'s|feels?|gets?|was)) (?:feeling )?(?:better|well|ok|okay|alright|all right|recovering|on the mend|safe|fine)|thanks for (?:explaining|asking|checking|letting|sending|your|waiting|bearing|flagging|telling|getting|bringing|sticking|being)|i'?m not saying (?:you'?re wrong|it'?s your fault|you'?re (?:lying|to blame))|(?:it|that|this) (?:should(?: have|'ve) been|shouldn'?t have been)|not (?:at all )?your fault|you(?:'?re| are) (?:entitled|right) to be|(?:no|little) wonder you|anyone would be (?:upset|frustrated|angry|annoyed|worried)|i'?d be (?:upset|frustrated|angry|annoyed|furious|worried|livid) too|understandably|you shouldn'?t have (?:had )?to|(?:that|this) shouldn'?t have happened|(?:what|how) a (?:stressful|horrible|awful|frustrating|difficult) )|(?:i'?m|i am) (?:so |really |very )?(?:glad you (?:told|called|reached|let)|sorry to hear|here to help)|that'?s not (?:the (?:service|experience) you|good enough|acceptable|okay|ok|on)|thank you for (?:your patience|waiting|bearing with|telling|letting|explaining|flagging|bringing|raising|being|sticking|your understanding|giving)|i know (?:how|this|that|it'?s|you'?ve|you have))`
		),
		reason: 'Acknowledging how the customer feels shows you are listening.',
		negated: 'ignore'
	},
	{
		id: 'courtesy',
		dimension: 'empathy',
		weight: 1,
		group: 'courtesy',
		source: V(String.raw`\b(?:please|thank you|thanks|thank-you|cheers|thx|thnx|thanx|tysm)\b`),
		reason: 'Please and thank you are the small courtesies customers notice.',
		negated: 'ignore'
	},
	// ── empathy − ──
	{
		id: 'dismissive',
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		source: V(
			String.raw`\b(?:(?:do|d'?) ?you want (?:to [a-z]+ )?(?:it |them )?or not(?=\s*\?)|you do reali[sz]e|with (?:all )?respect(?=,)|that'?s (?:just )?how (?:[a-z]+ )?(?:works|it works|it goes)|how do (?:i|we) know (?:you'?re|you are|that)|,\s*you know(?=\s*[.!]|\s*$)|(?:his|her|their|your) problem,? not (?:mine|ours)|calm down|relax|chill out|settle down|you (?:should|shouldn'?t|could|ought to) (?:have|'?ve)(?! (?:had )?to\b)|you should'?ve|as i(?:'ve| have)? (?:already |just )*(?:said|told you|explained|mentioned|stated)|like i (?:said|told you)|i(?:'?ve| have) already (?:told|explained|said)|that'?s (?:simply |just )?(?:not true|untrue|wrong|incorrect|not what happened)|you(?:'re| are) (?:wrong|mistaken|confused|overreacting|being (?:rude|unreasonable|difficult|dramatic))|(?:not|isn'?t) (?:my|our) problem|(?:^|[.!?,]\s*|ok,?\s*)whatever(?=\s*[.!,?]|\s*$)|deal with it|not sure what else to tell you|nothing to do with (?:us|me)(?: (?:at|in|here)\b[^.!?]{0,20})?(?=\s*[.!]|\s*$)|(?:they|he|she) deals? with (?:that|this|those)(?: stuff)?,? not (?:us|me)|did you (?:even|actually) (?:read|check|look at)|(?:it'?ll|it will) be (?:done|ready|there) when it'?s (?:done|ready|there)|not (?:really )?sure what (?:you want|you expect|else you want) me to (?:say|do)|maybe work on your|no chance\b|it'?s not (?:a|that) big (?:of a )?deal|no need to (?:shout|be rude|get (?:upset|angry|worked up)|raise your voice)|if you had (?:read|checked|bothered|listened|looked)|you need to (?:listen|calm|understand|read|be patient)|what do you (?:want|expect) me to do|(?:with|to) all due respect|i don'?t (?:make|write) the rules|read the (?:terms|small print|fine print)|you didn'?t read|it(?:'s| is| was) your (?:own )?(?:fault|responsibility|problem)|your fault|not sorry|not my fault|(?:🙄|😒|🤷)|not my job|not my shift|simple as|everyone knows (?:that|this)|(?:hardly|not) our fault (?:if|you|that)|can'?t expect us to|(?:i'?ve|i have) told you (?:\w+ )?(?:times|already|twice)|maybe (?:book|read|check|try|look)\w* [^.!?]{0,30}?next time|(?:whether|if) you admit|should(?:'ve| have) (?:looked after|checked|read|known|said|asked|thought)|\b(\d+ (?:days?|weeks?|hours?|months?)) is \1\b|(?:it'?s )?not that (?:complicated|hard|difficult)|\blol\b|everyone has a (?:sad )?story|(?:we|i) don'?t lose|check your (?:wardrobe|bag|spam|junk|car|house)|you'?ll (?:just )?have to wait|(?:that'?s|it'?s) (?:all )?on you|(?:that'?s|it'?s|was) your (?:own )?mistake|ugh,? not this again|(?<!whether )\b[a-z]+ or not[.!]*$|(?:\d+ \w+|[a-z]+) means \d*\s*\w+(?= [a-z]+ or not|[.!,]|$)|you (?:should|shouldn'?t) of|not much point (?:arguing|complaining)|no point (?:arguing|complaining)|you must have|seriously(?=\?)|(?:works|working|it'?s fine|fine) (?:fine |ok |okay )?(?:on|at|for) (?:my|our) end|something (?:on|at) your (?:side|end)|shut up|stop (?:shouting|yelling|complaining)|honestly,? i don'?t know what you expect|(?:i|we) (?:can'?t|cannot|couldn'?t) (?:see|find) (?:any )?(?:record|sign|evidence|trace|note) (?:of|that) you|there'?s no (?:record|sign|evidence|trace) (?:of|that) you|(?:applied|charged|calculated|processed|issued|assessed|handled) correctly|(?:not (?:really )?sure|i don'?t know|no idea) what (?:else )?you (?:want|expect) (?:me|us) to (?:say|do|tell you)|(?:that'?s|it'?s) (?:just )?not how (?!it\b|this\b|that\b)[a-z]+ works|take it or leave it|that'?s life|that'?s just how it is|it is what it is|not the end of the world|you people|${MINIMISING}|${DEFENDS_US})\b`
		),
		reason: 'Dismissive or combative words put the customer on the defensive.'
	},
	{
		id: 'sarcasm',
		dimension: 'empathy',
		weight: -2,
		group: 'sarcasm',
		source: V(
			String.raw`(?:\boh,? (?:great|wonderful|brilliant|perfect|joy|fantastic|lovely|fab)\b|\b(?:how did you manage to|do you (?:really )?expect (?:us|me) to)\b[^.!?]*\?|\b(?:(?:sure|right|oh|yeah),? (?:and )?)?(?:i'?ll|we'?ll) just [^.!?]*, (?:will|shall) (?:we|i)\?|\b(?:oh,? )?because of course\b|\bhow (?:unusual|surprising|shocking|original|novel)\b|\byeah,? right\b|\bwhat a (?:surprise|shock)\b|\bsure you (?:did|have|were|are)\b|\bshocking,? i know\b|\bwho would have thought\b|\bwell done you\b|\bnever heard that one before\b|\bbecause that always works\b|\bthanks a lot\b(?! for)|\bwow,? (?:just )?wow\b|\bfunny how\b|\bwho (?:could|would) have (?:predicted|guessed|thought)\b|\boh (?:yes|no|sure|right),? (?:because|a|another|the|of course)\b|\byou must (?:really )?(?:love|enjoy|like)\b|\bi'?m sure (?:the|you|your|he|she|it|they)\b[^.!?]{0,30}?\b(?:survive|relaxing|fine|enjoy|lovely|love)|\breally made (?:our|my) (?:day|week)\b|\bthanks? (?:you )?(?:so|very) much for the (?:lovely|wonderful|glowing|kind)\b|\boh,? (?:dear|no),? (?:a|another)\b|\b(?:whole|entire) (?:\d+ )?(?:days?|weeks?|hours?|minutes?)\b|\bpractically (?:a lifetime|forever)\b|\bi'?m sure you'?ll (?:survive|live|manage|cope)\b|\bit'?s not like (?:we|i) (?:have|had|get|got) (?:any )?other\b|\bcould try reading\b|\bmaybe (?:someone|you) (?:\w+ ){0,4}could try\b|\b(?:shouldn'?t|didn'?t|wouldn'?t) you(?=[.!?]*\s*$)|(?:😂|🤣|🙃|😏|🤡|💅)|\b(?:oh )?sure,? (?:let me|i'?ll) just\b|,\s*(?:can|could|do|does|did|would|is|was|will|won'?t|isn'?t|wasn'?t) (?:we|i|it|they)(?=\s*[.!]?\s*$))`
		),
		reason: SARCASM_REASON
	},
	{
		id: 'reproach',
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		source: V(`${CUSTOMER_BLAME}|${SMALL_PRINT}|${GUESSED_FAULT}|${NEXT_TIME}`),
		reason: 'Telling the customer what they did wrong puts them on the defensive.'
	},
	{
		id: 'doubts-customer',
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		source: V(
			String.raw`\b(?:why (?:do|would|does|did|should) (?:you|she|he|they) (?:even |really |actually |possibly )?(?:want|need)\b[^.!?]{0,60}\?|how (?:do|can|would|am) (?:i|we) (?:supposed to )?know (?:that )?(?:you|he|she|they|it|this)\b|why does it (?:have|need) to be\b[^.!?]{0,40}\?|(?:sounds|seems|looks) (?:a bit |rather |pretty |very |kind of |a little )?(?:dodgy|suspicious|fishy|dubious)\b)`
		),
		reason: 'Asking why the customer wants it, or how you can know they are telling the truth, treats them as a suspect.'
	},
	{
		id: 'brush-off',
		dimension: 'empathy',
		weight: -2,
		group: 'dismissive',
		source: V(
			String.raw`\b(?:(?!(?:the|this|that|it|what|which|there|here|who|one|our|your|its|their)\b)((?:[a-z]+-)?[a-z]{3,})(?![a-z-])(?: [a-z]+)? (?:is|are|means) (?:a |the )?\1(?![\w-])(?=\s*[.!,;?]|\s*$| (?:and|but|so|i'?m afraid|unfortunately|though|sadly)\b)|(?:it|these things|stuff|accidents|things like (?:this|that)|mistakes|delays) (?:just )?happens?(?: all the time| sometimes| to everyone)?(?:,? (?:unfortunately|i'?m afraid|sadly|i guess|though))?(?=\s*[.!,;]|\s*$)|happens all the time|(?:wouldn'?t|won'?t|isn'?t|doesn'?t) (?:be worth|fetch|cost|matter) (?:much|a lot)|i wouldn'?t bother (?:with|about|buying|getting|coming))\b`
		),
		reason: 'Brushing the problem off ("rules are rules", "it happens") tells the customer it does not matter.'
	},
	// ── ownership + ──
	{
		id: 'commit-timed',
		dimension: 'ownership',
		weight: 2,
		group: 'commit',
		source: V(
			String.raw`\b(?:(?:i'?ll|i will|i am going to|i'?m going to|i shall|i can(?= (?!offer|give|do|try|help|see|check|look)))(?: personally| myself| now| also| then| just| definitely| have)? (?!not\b|never\b|need\b|have to\b|try\b|pass\b|transfer\b|forward\b|put you through\b|hand\b|look into\b|see\b|think\b|get back\b)[a-z]+|i'?m (?:personally )?(?!not\b|afraid\b|sorry\b|going\b|unable\b|able\b|trying\b|transferring\b|passing\b)[a-z]+ing)\b[^.!?\n]{0,80}?${TIMED}`
		),
		reason: 'A first-person promise with a concrete step and a time is ownership.'
	},
	{
		id: 'commit-stay',
		dimension: 'ownership',
		weight: 2,
		group: 'commit',
		source: V(String.raw`\b(?:i'?ll|i will|i'?m going to|i am going to) stay (?:on the (?:line|phone|call)|with you)|\bi(?:'?m| am) (?:not going to|never going to|going to stop|not) (?:transfer|pass|hand) you|\bi (?:won'?t|will not) (?:be )?(?:transfer(?:ring)?|pass(?:ing)?|hand(?:ing)?) you`),
		reason: 'Staying with the customer instead of passing them on is ownership.'
	},
	{
		id: 'commit-step',
		dimension: 'ownership',
		weight: 1,
		group: 'commit',
		source: V(
			String.raw`\b(?:(?:i'?ll|i will|i am going to|i'?m going to)(?: personally| myself| now| also| then| just| definitely)? (?!${THEIR_CONTACT})${CONCRETE}|let me (?:${CONCRETE}|fix|sort)|leave (?:it|them|this|that|the [\w-]+) with me|i'?m on it|(?:while|as) i (?:ring|call|check|pull up|look|sort|speak|book|update|contact|chase)\b|\band will (?:update|call|ring|email|text|send|message|get back to) you\b|${OFFER_TO_ACT}|i(?:'?ll| will) (?:personally )?(?:take care of|look after|own|handle|deal with|make sure|see (?:this|it) through|keep you (?:updated|posted|informed)|sort (?:this|it)|fix (?:this|it))|myself|personally)\b`
		),
		reason: 'Taking the next step yourself owns the problem.'
	},
	// Done already. Round sixteen: "I've held two seats", "I've put £25 back", "Noor, refund processed", "your transfer is
	// going through now" (not as a question).
	{
		id: 'commit-done',
		dimension: 'ownership',
		weight: 1,
		group: 'commit',
		source: V(
			String.raw`\b(?:(?:i'?ve|i have) (?:just |already )?(?:asked|got|had) (?:a colleague|someone|somebody|my \w+|our \w+|the \w+)[^.!?]{0,30}? to\b|(?:i'?ve|ive|i have) (?:just |already |now |also |personally )?(?:listed|found (?:another|a replacement|you|someone|somebody|cover|a (?:slot|space|seat|room|driver|way|spare|stand-in))|backdated|knocked|set (?:it|them|you|this|that)|got you (?:down|booked|in)|taken|wiped|overturned|reopened|re-opened|lifted|cleared|sent|booked|arranged|issued|processed|refunded|ordered|logged|credited|cancelled|raised|added|applied|updated|fixed|emailed|called|set up|reserved|reversed|waived|reordered|opened|moved|swapped|changed|switched|rebooked|extended|authori[sz]ed|approved|upgraded|reissued|replaced|paused|frozen|removed|withdrawn|tagged|flagged|marked|spoken to|rung|phoned|chased|sorted|capped|reduced|cut|halved|lowered|pulled|stopped|reinstated|written off|put (?:it|you|a|an|the|your|[£$€]?\d+)|held|told(?! you)|charged|pre-ordered|made an exception|renewed|re-?activated|unlocked|transferred)|(?:^|[.!?,] *|your )(?:refund|cancellation|booking|transfer|it'?s|all) (?:(?:is |has been )?(?:done|processed|gone through)|(?:is |'s )?going through)\b(?![^.!?]*\?)|(?:i'?ve|ive|i have) (?:just |already |now |also |personally )?(?:(?:just )?gone ahead and )?(?!(?:passed|forwarded|referred|escalated|asked|noted|explained|mentioned|tried|checked|looked|heard|seen|received|had|been|learned|realised|realized|noticed|understood|considered|decided|needed|wanted|hoped|worked|answered|replied|responded|waited|requested|queried|contacted|messaged|reported|recorded|attached|included|copied|pulled|talked|spoken|enquired|inquired|followed|double-checked)(?![a-z]))(?:re-?)?[a-z]{3,}ed(?! (?:to|with|that|whether|if|about|for a|for the) )|(?:i'?m|i am) (?:now |personally |also |just )?(?:authori[sz]|withdraw|cancel|refund|book|send|arrang|process|credit|swapp|mov|chang|replac|reissu|waiv|extend|paus|add|upgrad|fix|sort|reorder|rebook|tak|ring|call|email|chas)ing\b|${DONE_IN_FEW_WORDS})\b`
		),
		reason: 'Doing it already, yourself, owns the problem.'
	},
	{
		id: 'own-fault',
		dimension: 'ownership',
		weight: 1,
		group: 'commit',
		source: V(
			String.raw`\b(?:(?:my|our) (?:mistake|fault|error)|(?:we|i)(?:'?ve| have)? (?:got (?:this|it) wrong|dropped the ball|messed up|made a mistake|let you down)|i take (?:full )?responsibility|that'?s on (?:me|us)|(?:i|we) (?:chose|picked|hired|use) (?:them|the courier|that courier))\b`
		),
		reason: 'Saying it was our mistake owns the problem instead of passing the blame.'
	},
	// ── ownership − ──
	{
		id: 'pass-on',
		dimension: 'ownership',
		weight: -2,
		group: 'pass-on',
		source: V(
			String.raw`\b(?:${HANDED_OVER}|(?<!\b(?:do|if|when) )(?:you'?ll|you will|you'?d|you would|you) (?:need|have|must|should|want) to (?:call|contact|email|e-mail|speak|talk|ring|go|visit|get in touch|phone|reach|check|fill|raise|submit|write|take (?:it|this)|come back|log|book|follow up|ask|complain|chat|try|report)|you (?:must|should|can|could) (?:call|contact|email|ring|speak|go(?! up\b| in\b| ahead\b| straight\b| through\b)|visit|phone|reach|check|fill|raise|submit|write|take (?:it|this)|come back|ask|try|report|chase)|(?:please |you can |you could |try |best to )?(?:call|contact|email|ring|phone|speak to|reach out to|get in touch with|chase) (?:our|the|your) (?:[\w-]+ )?(?:team|department|desk|line|office|company|courier|bank|manufacturer|supplier|head office|provider|store|branch|airline|helpline|support|carrier|centre|center)|i'?d (?:chase|call|contact|ring|email) (?:them|the)|(?:ring|call|contact|email|phone|try|chase) (?:them|him|her)(?: directly)?\b|not my (?:department|job|area|responsibility|remit|call|decision)|(?:i'?ll|let me|i will|i can|i'?m going to|i am going to|i need to|i have to|i'?ve got to|i must|we'?ll|i'?d) (?:just )?(?:transfer|put you through|pass you|forward you|redirect you|hand you (?:over|on)|pass (?:this|it|your \w+) (?:on|to)|send you (?:over|to)|escalate (?:this|it|you) to|refer you to)|(?:i'?ll|let me|i will|i can|i'?m going to|i am going to|i need to|i have to|i'?m|we'?ll|going to|have to|(?:i|we)(?:'?ll| will) need to|(?<!\bstay[^.!?]{0,30})(?:while|as|once|when|so|and) i) (?:just )?transfer(?:ring)? you|(?:someone|somebody|a colleague|one of (?:my|our) colleagues)\b[^.!?]{0,40}?\b(?:will|should|would|can|'ll)\b[^.!?]{0,15}?\b(?:get back|be in touch|contact|call|ring|phone|email|text|reach|look into|let you know|deal with|handle)|somebody will|someone will let you know|(?:that'?s|it'?s) handled by|they'?ll be the ones|(?:escalated|passed|referred|sent) (?:it |this |you )?(?:to|on to) [^.!?]{0,30}?who will|a member of (?:the|our) (?:\w+ )?team will|(?:the|our) (?:\w+ )?team will (?:be in touch|get back|contact you|call you|reach out)|go(?:es)? through (?:head office|the \w+ (?:team|department|line|desk)|our \w+ (?:team|department|line|desk))|(?:is|are) (?:dealt with|handled) (?:at|by) (?:the|our|head|a)|should be (?:directed|addressed|sent) to|(?<![a-z'] )forwarded (?:it |this )?to|,\s*not (?:us|me|reception|this (?:team|department|branch))\b|been (?:logged and |noted and )?(?:passed|forwarded|referred|escalated)(?: on)? to|(?:i'?ve|i have|we'?ve|we have) (?:already )?(?:passed|forwarded|sent) (?:it|this|your \w+) (?:on|to)|(?:another|a different|the (?:relevant|right|appropriate|correct)) (?:department|team)|(?:is|are|'?s) back on \w*day|wait (?:for|until) (?:the manager|the owner|my manager|monday|they|head office)|(?:check|visit|see|look at|go to|read|use) (?:our|the) (?:website|faq|faqs|help (?:centre|center|page|section)|online form|app)|report (?:it|them|missing items) (?:through|via|on|in) (?:the|our)|i (?:don'?t|do not) know(?!,? but| but| - but| yet)|(?:that'?s|it'?s|this is) (?:above|beyond) my (?:pay grade|authority)|(?:only )?(?:the|my) (?:manager|supervisor|owner) can|(?:hold|wait) for (?:the )?next available (?:advis[eo]r|agent|colleague|person|member)|(?:^|[.!?] {0,3}|,\s*(?:so|and) )(?:please |just )?(?:speak|talk|complain) (?:to|with) (?!me\b|us\b|you\b)[a-z]+|(?:^|[.!?] {0,3}|,\s*(?:so|and) )(?:please |just )?(?:email|contact|write to|get in touch with) (?!me\b|us\b|you\b|the\b|our\b|your\b)[a-z]+|(?:direct|send|address|take) (?:your |any |all )?(?:complaints?|queries|questions|concerns) to\b)\b`
		),
		reason: PASS_ON_REASON
	},
	{
		id: 'vague-promise',
		dimension: 'ownership',
		weight: -1,
		group: 'pass-on',
		source: V(
			String.raw`\b(?:in due course|at some (?:point|stage)\b|i'?(?:ll| will) (?:just )?let (?:the|my|our|her|him|them) (?:[a-z]+ ){0,2}know(?![^.!?]*?${TIMED})|eventually\b|when (?:i|we) (?:get|have) (?:a|the) (?:chance|moment|minute)\b|(?:will|'?ll|is going to|are going to) be (?:looked (?:into|at)|reviewed|investigated|dealt with|considered|actioned|followed up|assessed|addressed|handled)(?! (?:by me|personally|today|tonight|tomorrow|this|within|by \d|before|now|first thing|on (?:mon|tues|wednes|thurs|fri|satur|sun)day))|(?:is|are) (?:being|currently being) (?:looked into|investigated|reviewed)|while (?:this|the|your) (?:matter|issue|case|complaint|query) is (?:being )?(?:investigated|looked into|reviewed)|(?:we'?ll|we will|we are going to|we'?re going to) (?:look into|investigate|review|look at) (?:it|this|that|the matter|the issue|your \w+)(?= *[.!]| *$)|(?:will|i'?ll|we'?ll) feed (?:it |this |that )?back(?! to you)|(?:we|someone|somebody|they|one of us)(?:'?ll| will| should| shall) (?:try to |hopefully |probably )?(?:get back to you|let you know|be in touch|look into (?:it|this|that))\b(?![^.!?]*?${TIMED})|i'?ll (?:just )?(?:flag|note) (?:it|this|that)(?= *[.!]| *$)|i'?ll (?:ask|check with) [^.!?]{1,60}? and get back to you(?![^.!?]*?${TIMED})|(?:should|might|may|could) (?:all )?be (?:fixed|sorted|resolved|ready|back to normal|working) (?:again )?(?:soon|shortly|at some point|eventually)\b|(?:someone|somebody|she|he|they)(?: from [a-z ]{1,30}?)? (?:might|may) (?:be (?:in touch|able to help)|get back to you|call you|contact you)\b|${SOMEONE_SOMETIME})`
		),
		reason: 'A promise with nobody and no time in it ("it will be looked into", "in due course") leaves the customer with nothing to hold anyone to.',
		negated: 'keep'
	},
	{
		id: 'self-serve',
		dimension: 'ownership',
		weight: -2,
		group: 'pass-on',
		source: V(
			String.raw`\b(?:${DO_IT_AGAIN}|have you (?:tried|thought about|considered|looked at) (?:[a-z]+ing|the|your|a|an|another|other|calling|contacting|asking)|you(?:'?d| would) be (?:better off|best) [a-z]+ing|you (?:could|might|may) (?:always |just |also )?(?:try|want to try|want to look|look for|shop around|find)\b|(?:you'?ll|you will|you'?d|you would|you) (?:need|have|must) to (?:claim|appeal|apply|sort|arrange|organi[sz]e|find|take (?:it|this|that) up|chase|make a claim|put in a claim|lodge|file)\b|(?:it'?s|that'?s) (?:really )?up to you to\b|(?:you'?ll|you will|you'?d|you would|you) (?:need|have|must) to (?:get|obtain|bring|provide|upload|screenshot|forward)\b|you (?:can|could|may|are welcome to) (?:always |just )?(?:complain|write|appeal|escalate (?:it|this)) to\b|(?:you'?ll|you will|you'?d|you would|(?:he|she|they)(?:'?ll| will|'?d| would)) (?:need|have|must) to (?:re)?(?:send|post|purchase|buy|pay|book|rebook|fill|complete|resubmit|reapply|contact|email|e-mail|write|come|go|visit|return|download|print|register|sign up|log in|call|ring|phone)\b|(?:please )?(?:fill (?:out|in)|complete|submit) (?:(?:the|our|a|an) )?(?:[\w-]+ )?form\b|(?:please )?refer to (?:section|clause|(?:the|our|your) (?:[\w-]+ )?(?:terms|policy|conditions|t&cs))\b|${POINTS_TO_PAGE}|${DO_IT_YOURSELF}|(?:might|may|could) be worth (?:a look|a try|a call|looking|asking|trying|checking|calling|contacting|ringing)|(?:^|[.!?,;] *)i'?d (?:ask|try|contact|speak to|call|ring|email|check with)\b|your [a-z]+ (?:will|'?ll|would) (?:need to|have to (?=call|ring|contact|apply|sign|visit|book|bring|provide|send))\b|your [a-z]+ (?:has|needs|must) to (?=(?:call|ring|contact|apply|sign|visit|book|bring|provide|send|come in)\b))`
		),
		reason: 'Telling the customer to sort it out themselves ("you could try…", "you\'d have to claim…") leaves them alone with the problem.'
	},
	{
		id: 'blame',
		dimension: 'ownership',
		weight: -2,
		group: 'blame',
		source: V(
			String.raw`\b(?:(?:it'?s|that'?s|this is|it was|that was|this was)(?: really| actually| just| all)? (?:the )?(?:courier|carrier|warehouse|manufacturer|supplier|system|computer|delivery (?:company|firm|driver|team)|head office|previous agent|other (?:team|department|agent)|bank|post office|royal mail|driver|kitchen|it department|billing(?: team)?|accounts|engineers?|network|third party|software|payment provider|chef|waiter|hotel|airline|airport)(?:'s)? (?:fault|problem|responsibility|mistake|issue|error|doing)|(?:blame|fault of) (?:the|our) \w+|(?:the )?(?!my\b|our\b)[a-z]+'s (?:responsibility|fault)|(?:the )?(?:courier|carrier|warehouse|manufacturer|supplier|delivery (?:company|firm|driver)|head office|post office|royal mail|billing team|accounts team|engineers|network team|payment provider|kitchen|system|it team|repair centre|host|pickers|store pickers) (?:handles|deals with|is responsible|are responsible|look after|looks after|take care of|takes care of|manages|controls|decides|sets|messed up|lost|broke|made (?:the|that) (?:mistake|call|decision)|got it wrong|must have)|made (?:that|the) (?:call|decision),? not me|(?:up to|on) them(?: really)?\b|outside (?:of )?(?:our|my) control|(?:has|have|'s|'ve) been (?:off sick|having (?:problems|issues)|short[- ]staffed|snowed under)|(?:that|it) was (?:our|the|their) (?:[\w-]+ )?(?:provider|courier|supplier|partner|system|engineer|contractor)|blame'?s with|(?:it'?s|that'?s) (?:their|his|her) call|\b(?:the|our|their) (?:[\w-]+ ){0,2}(?:team|hub|supplier|depot|bakery|kitchen|workshop|seller|crew|agency|provider|manufacturer|courier|warehouse|driver|engineer|technician|contractor|post|office|department|lab|insurer|bank|system|app|website|scanner|printer|machine|staff|fitter|installer|factory|partner|vendor|manager|supervisor|colleague|boss|host|landlord|council) (?:(?:had|has|have)(?! (?:confirmed|agreed|promised|approved|booked|arranged|offered|sorted|fixed|said (?:yes|they)|now|already|just|kindly|space|room|capacity|availability|a (?:slot|space|gap|look)|called|rung|phoned|been (?:asked|told|booked|notified))\b)|sent|delivered|forgot|messed|haven'?t|hasn'?t|didn'?t|lost|broke|glitched|failed|cancelled|(?:is|are|were|was) (?:behind|late|backed up|slow|down|running late|really behind|quite behind))\b|(?:handles|deals with|looks after|is responsible for|are responsible for) (?:returns|refunds|claims|that|this|it|those)\b|we (?:only|just) (?:do|handle|deal with|run|take|look after) \w+(?: here)?|(?:the|our) (?:insurer|bank|provider|supplier|manufacturer|courier|airline|landlord|council|seller|underwriters?) (?:won'?t|doesn'?t|don'?t|can'?t|wouldn'?t) (?:accept|allow|pay|cover|let|approve|refund)\b|if you'?d (?:sent|read|checked|called|told|done|paid|booked|looked|kept|listened|come)\b|that'?ll be (?:the|your|their) \w+|(?:is|are) coming from (?:the|your|their) |one for the \w+ (?:people|team|department|desk)|(?:was|were) (?:agency|temp|temporary|contract) staff|(?:that'?s|it'?s|is|was) (?:all |really )?down to (?:them|him|her|the \w+(?: \w+)?)|(?:that'?s|it'?s) (?:all )?on (?:them|him|her)\b|(?:problem|issue|fault|mistake|thing|matter),? not (?:ours|us|mine|front of house|a \w+ (?:one|issue))|not ours\b|(?:their|his|her) (?:problem|issue)\b|between you and (?:the|them|him|her)|take it up with|(?:is|are|was|were) (?:done|run|handled|made|set|emptied|carried out|decided|controlled) by (?:an? |the )?(?:external|outside|third[- ]party|separate|night|other|\w+ (?:company|team|staff|contractor))|must have (?:failed|mixed|been marked|been damaged|been dropped|got lost|lost)|(?:the|that) system does that|probably (?:your|their|the) (?:bank|provider|network|phone|end|side)|we don'?t deal with|(?:delay|problem|issue|fault) is (?:with|on|down to) (?:the|them|their)|on (?:their|your) side|need to go to them|(?:is|are) automated|an? (?:external|outside) (?:\w+ )?(?:company|surveyor|contractor|firm|provider|supplier)|the \w+'?s? fault\b|(?:a|an) \w+ (?:issue|problem|thing|matter),? not (?:a|an|our|ours)|(?:it'?s|that'?s|it was|that was|it is) (?:all )?(?:their|his|her|its) (?:fault|problem|responsibility|mistake)|(?:is|are|was|were) (?:decided|handled|set|controlled|managed|dealt with) by|(?:isn'?t|aren'?t|not) something (?:we|i) (?:control|can control|handle)|(?:we|i) (?:can'?t|cannot|don'?t) control (?:that|this|it|the)|(?:is|'s|was) down to (?:the|your|their)|not (?:really )?(?:down to|up to) (?:us|me)|a separate (?:company|team|department|business)|take (?:it|that|this) up with|one to take up with|nothing to do with (?:me|us|my|our|this (?:office|department|team|branch|desk|shop|store)|the (?:[\w-]+ )?(?:desk|office|branch|shop|store|counter|team|department|workshop|staff|crew|company|kitchen|warehouse|depot|garage|station|practice|surgery|clinic|school|hotel))\b|(?:on|at) your (?:side|end)|your (?:employer|bank|provider)'?s? (?:payroll|fault|problem|delay|mistake)|you (?:should|shouldn'?t)(?: have|'?ve)(?! (?:had )?to\b)|you must have|you (?:probably |must have |might have |may have )?(?:typed|entered|put|read|filled|spelled|spelt) (?:it|that|this|the \w+|your \w+) (?:in )?(?:wrong|wrongly|incorrectly)|you (?:signed|agreed to|accepted|ticked|clicked)\b|so you agreed|that'?s (?:his|her|their) (?:call|decision|department|area|job)|out of (?:my|our) hands|not (?:our|my) (?:responsibility|fault|doing)|(?:we|i) (?:can'?t|cannot) be held responsible|(?:we(?:'re| are)|i(?:'m| am)) (?:so |really |very )?(?:short[- ]staffed|understaffed|swamped|rushed off our feet)|(?:our|the) system (?:is|was) (?:terrible|rubbish|awful|useless|a nightmare|down|broken|playing up)|(?:my|a) colleague (?:should|must|didn'?t|did not|forgot|messed)|(?:colleague|receptionist|assessor|agent|operator|instructor|assistant|shift|cleaner|porter|rep|representative|adviser|advisor|technician|engineer|driver)(?<!\b(?:our|my|your) (?:[\w-]+ )?\w+) (?:should(?:n'?t)? have|should'?ve|must have|must'?ve|didn'?t|did not|forgot|messed|got it wrong|gave you the wrong|told you the wrong)|(?:he|she|they)(?:'s| is|'re| are) (?:only |quite |very |still )?(?:new|learning|a temp|agency staff)\b|(?:he|she|they) (?:had|has) (?:a |an )?(?:family |personal )?emergency|(?:busy|hectic|manic)(?<=\b(?:it'?s|we'?re|we are|it is|it'?s been) (?:a )?(?:very |really |extremely |so |quite |incredibly )?\w+)(?: (?:time|period|week|season|day)(?: of (?:the )?year)?(?: for us)?| at the moment| right now| today| for us)?(?=\s*[.!,;]|\s*$| for us| at| right| today)|(?:high|heavy|unusual|unprecedented|huge) (?:demand|volumes?)|(?:they|he|she) (?:should have|shouldn'?t have|didn'?t|did not|never) (?:told|promised|said|passed|logged|noted|sent|updated))\b`
		),
		reason: 'Blaming a third party, a colleague, the system or the customer is still not owning it.'
	},
	{
		id: 'disown',
		dimension: 'ownership',
		weight: -2,
		group: 'blame',
		source: V(
			String.raw`\b(?:${NOT_OURS}|(?:that'?s|it'?s|this is|thats|its) (?:really |more |actually |probably )?(?:one|a question|a matter|something|a job) for (?:the|our|your|a) |they'?ll (?:be in touch|get back to you|contact you|call you|email you|let you know|reach out|sort it|handle it)|(?:decisions?|that|it|this|refunds?|claims?|approvals?|billing|the decision) (?:sits?|lies|rests) with (?:the|our|your|a|them)|(?:i'?ve|i have) (?:got )?no say|(?:not|isn'?t) up to me|nothing to do with (?:me|us)|(?:i'?m|i am) (?:just|only) (?:on the (?:phones?|desk|front desk|till|counter|chat)|the \w+|a \w+|here to)|(?:i'?m|i am) (?:on )?(?:[a-z]+ ){1,2}only(?=\s*[.!,;]|\s*$)|i just work here|i (?:just|only) (?:do|deal with|handle|answer|take|run|look after|work (?:on|in)) (?!it\b|that\b|this\b|them\b|you\b|everything\b|what\b)(?:the |a )?[a-z]+|take it up with (?:them|the|him|her|your)|(?:[a-z]+'?s|their|his|her) (?:rule|call|decision|policy|doing|department),? not (?:mine|ours|me|us)|(?:rule|call|decision|policy|problem|issue|fault|mistake|doing),? not (?:mine|ours)|by (?:[a-z]+ ){0,3}[a-z]+,? not (?:by )?(?:us|me)\b|blame (?:him|her|them),? not (?:me|us)\b|not (?:from )?(?:our|my) (?:side|end)(?=\s*[.!,;]|\s*$)|(?:issue|problem|complaint|fault)s? (?:would|will|should) be with (?:them|him|her)\b|(?:was|were|is|are|gets?|got|been) (?:automatically |auto-)?(?:\w+-)?(?:[a-z]+ed|done|made|set|run|taken|sent|charged|issued|raised|handled|processed|renewed) (?:automatically )?by (?:the|our|their|an?|your) (?:[\w-]+ ){0,2}(?:system|systems|software|computer|app|processor|provider|company|contractor|subcontractor|partner|bank|courier|carrier|warehouse|supplier|manufacturer|machine|algorithm|insurer|agency|lab|third party)|(?:the|our) (?:[\w-]+ ){0,2}(?:system|computer|software|app|scanner|machine|till|website|portal|tools) (?:just |simply |automatically )?(?:won'?t|doesn'?t|does not|will not|can'?t|don'?t|do not) (?:let|allow|accept|take)|(?:system|computer|software|app|scanner|machine|till|algorithm|provider) (?:just |automatically )?(?:blocks|rejects|auto-renews|renews|charges|locks|adds|processes|flags|generated|generates)|(?:system|computer|software|algorithm|processor|machine) (?:just |simply )?[a-z]+(?:s|ed) (?:[\w-]+ ){0,3}automatically|(?:system|software|app|computer|till|machine)(?:'s|'ve| has| have)? (?:just |simply |only )?(?:[a-z]+ ){0,4}?automatically|automatic(?:ally)?(?: [a-z-]+)? (?:from|by|on|at|in) (?:the|our|an?) (?:[\w-]+ )?(?:system|software|app|computer|till|machine)|an? automatic (?:system|computer|software) thing|(?:work|works|worked|working|goes|go) (?:from|by|off) (?:an?|the|our) (?:[\w-]+ )?(?:algorithm|system|computer)|(?:wasn'?t|isn'?t|not|never) (?:a person'?s|anyone'?s|a human'?s|my|our) (?:decision|call|choice)|(?:assessors?|underwriters?|panel|adjuster|adviser|advisor|committee|board|surveyor|manager|supervisor|team|department|office) (?:made|makes|took|takes) (?:the|that|this|those|these) (?:decision|call)s?|i can'?t (?:really )?comment|i don'?t (?:make|write|set) (?:them|the (?:rules|policy|policies))|(?<!\b(?:you|i|we)'?)(?:has|have|'s|'ve) been (?:really |very |quite )?(?:unreliable|useless|a nightmare|struggling|behind)|(?:not|isn'?t|is not) (?:really )?(?:my|our) (?:problem|issue|concern|department|job|responsibility|shift|area|remit)|(?:aren'?t|isn'?t|are not|is not) (?:really )?(?:something|anything) (?:we|i) (?:deal with|handle|get involved in)|this one(?:'?s| is) (?:really )?for (?:the|our|your|a) |(?:system|computer|software|app|scanner|machine|till|website|portal) only (?:allows|lets|accepts|takes)|(?:came|comes|is coming|was coming) from (?:our|the|their) (?:[\w-]+ ){0,2}(?:provider|supplier|partner|courier|carrier|contractor|subcontractor|manufacturer|warehouse|bank|host|hosting)\b)\b`
		),
		reason: 'Saying it is someone else\'s job or doing (the system, a colleague, another team) leaves the customer with nobody who owns it.'
	},
	// ── flexibility − (hard walls claim their words before the offers below) ──
	// Round eleven: bending the rule on the quiet ("just don't tell anyone", "between you and me"); round fifteen: or
	// counting on it not being enforced ("nobody checks", "nobody will ask").
	{
		id: 'covert-bend',
		dimension: 'flexibility',
		weight: -2,
		group: 'wall',
		source: V(
			String.raw`\b(?:between you and me|(?:don'?t|do not) (?:tell|mention (?:it|this|that) to) (?:anyone|anybody|the \w+|your \w+|my \w+|him|her|them)|(?:don'?t|do not) say (?:where|who|that i|i)\b|(?:i|we) (?:won'?t|will not) tell (?:anyone|anybody|the \w+|your \w+)|sneak (?:you|it|them|him|her) (?:in|through|out|on|past)|keep (?:it|this|that|the \w+) (?:quiet|between us|to yourself)|off the record|i (?:really )?shouldn'?t (?:really )?(?:do this|be doing this|tell you|say|do that)|(?:our|a) (?:little )?secret|no(?:body|one|-one) (?:will|needs to|has to) know|(?:i|we) (?:won'?t|will not) tell if you don'?t|(?:i|we) (?:won'?t|will not) say (?:anything|a word)|(?:technically|strictly speaking|officially),? (?:we'?re|i'?m|we are|i am) not (?:supposed|meant|allowed) to|no(?:body|one|-one) (?:really |actually |ever |even )?checks?|(?:we|they) (?:don'?t|do not|never) (?:actually |really |even )?check|no(?:body|one|-one) (?:will|'?ll|is going to|'?s going to) (?:ask|check|notice|mind|turn you away)(?=\s*[.!,;)]|\s*$| (?:a thing|anything|twice)))\b`
		),
		negated: 'keep',
		reason: 'Bending a rule on the quiet is not judgment: an exception worth making is made openly, and a rule that has to be broken in secret should hold.'
	},
	{
		id: 'hard-wall',
		dimension: 'flexibility',
		weight: -2,
		group: 'wall',
		source: V(
			String.raw`\b(?:${STATED_AS_BILLED}|(?:regardless|irrespective) of (?:the )?(?:circumstances|reason|nature|situation|cause|how|why|what|whether)\b|(?!(?:the|this|that|it|what|which|there|here|who|one|enough)\b)(?<same>[a-z]{3,}(?:-[a-z]+)?) (?:is|are) (?:the |an? )?\k<same>\b|(?:there'?s|there is|that'?s) (?:absolutely |really |honestly |simply )?nothing (?:more )?(?:i|we) can do|nothing (?:more )?(?:i|we) can do|not (?:much|a lot) (?:more )?(?:i|we) can do|no exceptions|(?:my|our) hands are tied|computer says no|(?:there'?s|there is) no way|it'?s (?:just )?(?:not|never) (?:going to|gonna) happen|(?:i|we) (?:don'?t|do not) (?:do|make|give) (?:exceptions|refunds)|impossible|(?:i|we)(?:'m| am|'re| are) not (?:able|going) to (?:make an exception|bend|break)|the answer is no|my answer is no|that'?s final|end of story|no can do|(?:isn'?t|is not) (?:much|anything) (?:more )?(?:we|i) can do|nothing more to (?:discuss|say|add)|(?:the )?(?:charge|fee|decision|price|bill|amount|penalty|£\d+(?:\.\d\d)?) (?:still )?(?:stands|is final|is non-negotiable)|i'?m sorry,? but no|^\s*(?:sorry,? )?(?:but )?(?:no|nope|nah)[.!]?\s*$|^\s*no (?:refunds?|exchanges?|returns?|exceptions?)\b|\bno refunds (?:on|for|after)|deal with it|no chance\b|(?<!if )(?<!if there are )\bno refunds?\b(?! (?:on|for|after|if) (?:a |the )?(?:this|your)?)|you still (?:pay|have to pay|owe)|\bno \w+,? no \w+\b|\b(fines|rules|fees|charges|deposits|terms) are \1\b|(\d+ (?:days?|weeks?|hours?|months?)) means \2|(?:those|these|that) are the rules|(?:is|are) non-negotiable|nothing (?:more )?can be done|if (?:i|we) (?:let|gave|did (?:it|that|this) for|refunded|allowed|made an exception for) (?:every(?:one|body)|every \w+|all (?:the )?\w+)\b[^,.!?]*|if every \w+ (?:got|had|was given|could)\b[^,.!?]*|(?:i|we)(?:'d| would) have to do (?:it|that|the same) for every(?:one|body)|(?:wouldn'?t|would not|isn'?t|is not|not) (?:be )?fair (?:on|to) (?:the |our )?other)\b`
		),
		reason: 'A flat refusal hides behind the rule instead of looking for a way.'
	},
	// Round twelve: owning it in any verb, after the hand-offs and walls have claimed their words ("I'll re-engrave it",
	// "we'll remix the paint", "I've transferred her place").
	{
		id: 'commit-plain',
		dimension: 'ownership',
		weight: 1,
		group: 'commit',
		source: V(
			String.raw`\b(?:(?:i'?ll|i will|i'?m going to|i am going to|we[']ll|we will)(?: personally| myself| now| also| then| just| happily| gladly)? (?!(?:try|see|look|think|check|find|ask|need|have|be|get|let|pass|transfer|forward|put|hand|speak|talk|wait|hope|make|review|consider|investigate|feed|note|log|raise|escalate|refer|discuss|keep|leave|do|definitely|probably|never|not|still|only|charge|deduct|bill|fine|take|send you|mention|tell|say|pull|sort)\b)[a-z]+(?:-[a-z]+)?|(?:i'?ve|i have|we'?ve|we have) (?:just |already |now |also )?(?!(?:been|seen|noticed|heard|read|understood|looked|realised|realized|wondered|tried|asked|passed|forwarded|referred|escalated|raised|logged|noted|flagged|had|got|charged|deducted|billed|fined|checked|explained|told|said|mentioned|received)\b)[a-z]+ed) (?:it|them|you|your|the|this|that|her|his|their|a|an|some|everything|all|those|these)\b`
		),
		reason: 'Doing something concrete yourself owns the problem.'
	},
	// ── flexibility + ──
	{
		id: 'flex-offer',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:(?:i|we)(?:'?ll| will| can| could|'?m going to| am going to| have| are going to|'?ve)? (?:make|making|made) an exception|(?:what|something) (?:i|we) (?:can|could) (?:do|offer)(?: instead| is| for you)?|(?:how about|would it help if|would you (?:like|prefer)|another option|alternatively|an alternative|one option|other option|what if (?:i|we)|instead,? (?:i|we) can|the best i can do|what i can do is|here'?s what i can do|i can offer|we can offer|i could offer|i can (?!${THEIR_CONTACT})give you|i can arrange|i can do|i could do|i can waive|i'?ll waive|we'?ll waive|waive (?:the|your|that)|as a (?:one-off|gesture|goodwill)|goodwill (?:gesture|credit|payment)|on this occasion|given (?:your|the|these) (?:circumstances|situation)|in (?:your|this) (?:case|situation)|bend the rules?|override|i'?ll authori[sz]e|i can authori[sz]e|i'?m happy to|i would be happy to|i'?d be happy to|work something out|make it work|(?:find|found|there'?s|is) a way (?:round|around)|how would it be if|would it work if|find a way|find (?:you )?a solution|there(?:'s| is) (?:a|another) way|what we can do|a workaround|get around|partial refund|store credit|exchange it|swap it|upgrade you|a voucher|(?:offer|give|pay|arrange|send)(?: you)? (?:some )?compensation|we can still|(?<!anything else )(?<!else )i can (?:definitely |certainly )?help|(?:even|whether or not) (?:without|if you don'?t have|you have|you don'?t)|even though (?:it'?s|you'?re|we'?re) (?:outside|past|over|after|beyond)|(?:i'?m )?not going to hold (?:you|that) (?:to|against)|i won'?t hold (?:you|that)|what options (?:i|we) have|goodwill|free (?:days?|nights?|sessions?|months?|weeks?|lessons?|upgrades?|replacements?|delivery|credit|tickets?|classes|class|visits?|repairs?)\b|go on then|just this once|just this (?:one )?time|this one time|can go (?:towards|against)|(?:not going to|won'?t|will not) hide behind|\bbut there'?s (?:a|an|another|the option|also)\b|there'?s (?:the|an|another) option (?:of|to)|one of the exceptions|room to accept|as an exception|tell you what|i'?ll swing by|(?:waived?|at no (?:extra )?cost|free of charge|for free|no charge|on the house|on us)\b|(?:i|we|you)(?: can| could|'?ll| will|'?d)\b[^.!?]{0,60}?\brather than\b|\brather than [^.!?]{0,60}?\b(?:i|we|you) (?:can|could|'?ll|will)\b|\bcan [^.!?]{0,100}?\binstead\b|\binstead,? (?:i|we|you) can\b|(?:i|we) can (?:ask|request|arrange|issue|hold|accept|allow|set you up|put you|get you|book you|move|tag|split|spread|extend|pause|transfer|carry)\b|(?:'ll|will) [a-z]+ (?:it|them|that) (?:for )?free\b|squeeze (?:you|it) in|(?:i|we) (?:won'?t|will not) let (?:it|that|them) go)|(?:i|we)(?: can| could|'?ll| will) (?:maybe |probably |definitely |also |still |easily |happily |try and |try to )?(?:offer|(?!${THEIR_CONTACT})give you|refund|credit|extend|replace|exchange|swap|discount|upgrade|honou?r|price match|match|cover|reimburse|comp|knock|waive|redirect|reroute|rebook|move you)\b|(?:i|we)(?: can| could|'?ll| will) [^.!?]{0,60}?\binstead\b|you(?:'?ll| will)(?: definitely| 100%| still)? (?:get|have|receive) (?:all |every penny of )?(?:your|the) (?:money|deposit|fee|fees|payment|full amount|ticket money) back|you(?:'?ll| will) (?:get|receive) (?:a|your) full refund|(?:we'?re|we are|i'?m|i am|we'?ll|we will|i'?ll|i will) (?:pay|paying|cover|covering) (?:for (?:it|this|that|the \w+)|the (?:cost|fee|bill|charge)|it)\b|^\W*we'?re paying\b)`
		),
		reason: 'Looking for a way within or around the rule is policy flexibility.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-try',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:let me see what (?:i|we) can do|(?:i'?ll|i will|i can) see what (?:i|we) can (?:do|offer|arrange)|(?:ask|speak to|talk to|check with) (?:my|the|our) (?:manager|supervisor|team leader|boss) (?:about|for) (?:an exception|a refund|a discount|waiving|a goodwill|an extension)|(?:let me|i'?ll|i will|i can) see if (?:i|we) can|see if (?:i|we) can (?:get|do|find|move|make|squeeze|bump|sort|arrange|waive|refund)|(?:i|we) (?:might|may) be able to|(?:recommend|request|ask (?:for|them to)|push for|argue for|make the case for)\b[^.!?]{0,40}?\b(?:waive|waiving|refund|exception|credit|discount|reduc)|let me see what (?:options|i can|we can)|(?:look|see) (?:at|for) (?:options|alternatives|a way))`
		),
		reason: 'Offering to look for a way ("let me see what I can do") is the start of flexibility.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-done',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:i'?m authori[sz]ing|i'?ve authori[sz]ed|i'?ve (?:held|added|put you|cancelled|booked|reserved)\b|i'?m adding|(?:i'?ve|i have) (?:swapped|moved|changed|switched|refunded|waived|credited|rebooked|capped|approved|reduced|cut|halved|lowered|pulled|stopped|reinstated|reopened|extended|written off|wiped)\b|\b(?:refund|waiver|credit|transfer|exception) (?:is |'s )?(?:done|sorted|approved|through)\b|(?:will|'ll) be (?:swapped|moved|transferred|replaced|reissued|rebooked|waived) |(?:bump|move|push)(?:ed)? (?:it|you|this|your \w+) up|put (?:a |it on )?hold|keep it on hold|(?:issued|processed|put through|popped through|sent) (?:you )?(?:a|the|your) (?:full )?refund|the refund'?s (?:done|gone through|been processed|on its way)|(?:pop|put) (?:a|the) refund through|${DONE_IN_FEW_WORDS}|(?:i'?ve|i have|we'?ve|we have) (?:just |now |already )?(?:removed|taken off|restored|lifted|scrapped|dropped) (?:the|your|both|that|this|all|it|them|those)\b|(?:do|make) it (?:just )?this once\b)`
		),
		reason: 'Already arranging the exception for the customer is policy flexibility.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-permission',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:(?:that'?s|is|are|it'?s) allowed\b|lets? (?:you|him|her|them|\w+) (?:off|use|list|swap|move|transfer|bring|keep|return)\b|(?:would|will|can) allow (?:a|an|you|him|her|them)\b|(?:is|are) possible\b|(?:is|are|it'?s) covered\b|\byes,? (?:you can|that'?s fine|that'?s ok|no problem|of course)|\bthat'?s fine\b|(?:lets|allows) (?:me|us) (?:to )?(?:refund|waive|move|swap|transfer|extend|cancel|credit|replace|exchange|reschedule|rebook)\b|(?:is|are) (?:absolutely |perfectly |totally |completely |just )?fine (?:instead|too|as well|for (?:us|this|that))\b|(?:will|'ll|can|could) let (?:you|him|her|them|all \w+ of you|the \w+ of you) (?:on|in|through|board|stay|travel|keep|use|come)\b|(?:doesn'?t|don'?t|won'?t) apply\b|not bound by|you can (?:apply|use|return|swap|transfer|list|move|bring|book|get|have|keep|rebook|pause|freeze|switch|change)\b|could be (?:swapped|moved|transferred|exchanged|redirected|refunded|extended|frozen|split|reissued|replaced|rebooked|credited)\b|you'?re (?:more than )?welcome to|(?:is|'s|are) fine as long as|has room for|(?:is|are) possible if|can be (?:swapped|appealed|moved|transferred|exchanged|redirected|refunded|extended|frozen|split|reissued|replaced|rebooked) |(?:counts|count) (?:as proof )?too|there'?s (?:a|an|another) [^.!?]{0,40}? (?:that|which) (?:accepts|allows|covers|lets))`
		),
		reason: 'Telling the customer what the rule does allow opens a way for them.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-normally-but',
		dimension: 'flexibility',
		weight: 1,
		group: 'flex',
		source: V(
			String.raw`\b(?:normally|usually|technically|strictly|ordinarily|typically)\b[^.!?]{0,80}?\bbut\b(?! (?:i |we )?(?:can'?t|cannot|won'?t|unfortunately|not|no|that'?s|it'?s not|there'?s nothing))`
		),
		reason: '"Normally…, but" names the rule and then bends it for this customer.',
		negated: 'keep'
	},
	{
		id: 'flex-limit-but',
		dimension: 'flexibility',
		weight: 1,
		group: 'flex',
		source: V(
			String.raw`\b(?:[a-z]+n'?t|cannot|not|no|only|policy|rules?|period|window|normally|usually|unfortunately|limit|cap|fixed|standard|non-?refundable|must|has to|have to|[a-z]+-only|fully booked|booked up|sold out|full|past|minimum|maximum|cut-?off|deadline|too (?:late|heavy|big|long|short|early|young|old))\b[^.!?]{0,80}?\bbut\b(?: [^.!?]{0,60}?)? (?:(?:i|we|you|she|he|they)(?:'ll| will| can| could)|(?:i|we)(?:'ve| have)(?: just| also| already)?(?= (?:applied|moved|booked|arranged|added|credited|refunded|swapped|changed|extended|upgraded|put|set up|reserved|held|waived|knocked|taken|found|rung|called|asked|spoken|sorted)\b)|can|could|covers|takes|accepts|is welcome|are welcome|you'?re welcome) (?!need|have to|just need|only|not|never|still|try\b|been\b|got to\b)[a-z]+`
		),
		reason: 'Naming the limit and then offering what you can do is a way forward, not a wall.',
		negated: 'keep'
	},
	{
		id: 'flex-waive',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:(?:i'?ll|i will|let me|i can|we'?ll|we will|we can) (?:get|have) (?:the|that|your|this|those|these|all (?:the|three|two|of the)) (?:[\w-]+ ){0,2}(?:charges?|fees?|fines?|penalt(?:y|ies)|surcharges?|tickets?|notices?) (?:cancelled|waived|refunded|removed|reversed|dropped|written off|taken off)|(?:at no (?:extra |additional |further )?(?:cost|charge)|(?:with )?nothing (?:more|extra|else|further) to pay)\b|(?:we'?ll|i'?ll|we will|i will|we can|i can) (?:pay|cover|refund|reimburse) (?:you )?(?:for )?(?:the|your) (?:full|whole|entire) (?:£|\$|€)?[\w.]+|(?:i'?m|i am|we'?re|we are) not (?:going to )?(?:charg|fin|bill|penali[sz])(?:e|ing)\b|(?:i|we) (?:won'?t|will not|shan'?t) (?:be )?(?:charg|fin|bill|penali[sz])(?:e|ing)?\b|(?:i'?ve|i have|we'?ve|i'?ll|i will|i'?m|we'?ll|i can|we can|let me)(?: just| also| now| happily| gladly)? (?:cancel|withdraw|revers|void|scrap|drop|remov|waiv|wip|tak|overturn|lift)(?:e|ed|ing|n|en)?(?: off)? (?:the|that|your|this|those|these) (?:[\w-]+ ){0,2}(?:notice|fee|fees|charge|charges|fine|fines|penalty|penalties|warning|surcharge|exclusion|excess)(?: off)?|(?:appl(?:y|ied|ying)|grant(?:ed|ing)?|giv(?:e|en|ing) you) (?:the|a|an|your) (?:[\w-]+ ){0,2}(?:allowance|exemption|exception|waiver|concession)|(?:turn|convert|put|switch|move)(?:ed|ing)? (?:it|that|this|the [^.!?]{1,30}?|your [^.!?]{1,30}?) (?:into|as|to) (?:a |an )?(?:credit|voucher|refund|reschedule|transfer|deferral)\b|(?:extend|waive|lift|relax|bend|stretch|push back)(?:ed|ing)? (?:the|your|that|this) (?:[\w-]+ )?(?:deadline|window|cut-?off|limit|rule|return period|notice period|minimum|time limit)|(?:i'?ll|we'?ll|i will|we will|i can|we can|i'?m happy to)(?: happily| gladly)? (?:cover|pay for|absorb|foot) (?:the|your) (?:cost|postage|fee|difference|taxi|bill|return|excess|charge)|(?:meet you|go) halfway|split the difference|as a compromise|knock [^.!?]{1,12}? off\b|(?:i'?ve|i have|we'?ve|we have|i'?ll|i will|we'?ll|we will)(?: just| now| also)? (?:taken|take|wiped|struck) (?:the |that |your )?(?:£|\$|€)\d[\d.,]*(?: [\w-]+){0,2}? off\b|no (?:[a-z-]+ )?(?:fee|charge)\b|(?:fee|charge|fine|penalty|surcharge)s? (?:will be|is being|has been|'s been|'ll be) (?:removed|waived|cancelled|refunded|dropped|wiped|taken off)\b|tak(?:e|ing) (?:it|the fee|the charge|that) off (?:your|the) (?:account|bill|invoice)|(?:don'?t|do not) give (?:the|that|it) (?:\w+ )?(?:another|a second) thought|(?:(?:that|this)(?: one)?'?s|it'?s|the \w+'s) (?:free|on us|on the house)\b|(?:do|give|make|let you have) (?:it|them|that|you) (?:at |for )?half(?:-| )price\b|(?:won'?t|will not|aren'?t|are not|isn'?t|is not|never) (?:be )?charged\b|without (?:the|a|any) (?:[\w-]+ )?(?:fee|charge|surcharge|penalty)\b|won'?t cost you (?:anything|a penny|a thing|extra)|(?:doesn'?t|won'?t|will not|does not) count against you|consider (?:it|them|that|those) (?:gone|done|cancelled|waived|sorted)|you (?:won'?t|will not|don'?t) (?:have to |need to )?(?:be )?pay(?:ing)? (?:for\b|the\b|that\b|those\b|this\b|these\b|it\b|them\b|anything|a penny)|\band (?:taken|knocked|wiped|waived|removed|cancelled) (?:the|that|your) (?:[\w-]+ ){0,2}(?:fee|charge|fine|penalty|surcharge)\b)`
		),
		reason: 'Taking the fee or penalty off for this customer is bending the rule their way.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-indirect',
		dimension: 'flexibility',
		weight: 2,
		group: 'flex',
		source: V(
			String.raw`\b(?:(?:treat|count|consider|class|log|record|mark)(?:ing|ed|s)? (?:it|this|that|them|the \w+|your \w+) as (?:if|though|on time|in time|valid|received|returned|arrived|approved|an exception|a (?:\w+ )?(?:exception|one-off))|as (?:if|though) (?:it|you|they|the \w+) (?:had |were |was |'d )?(?:arrived|been|come|returned|booked|cancelled|reported|asked|paid|on time|in time)|(?:use|using|exercise|exercising) (?:my|our|some) discretion|make (?:that|the|this) (?:call|decision) (?:myself|for you|here|now|on this)|sign(?:ing)? (?:it|this|that) off (?:myself|for you|here|now)|(?:look|looking) past (?:the|that|it)|overlook(?:s|ed|ing)?|let (?:it|that|this|the \w+) (?:slide|go|pass)|(?<!\b(?:only|maximum|max|up to|limited to)\b[^.!?]{0,25})(?:(?:i'?ll|we'?ll|i will|we will|i can|we can|i'?m|we'?re|i'?ve|we'?ve|happy to|going to|let me|i'?d) (?:just |happily |gladly |now |also )?backdat(?:e|ed|ing)|(?:can|will|could) be backdated)(?![^.!?]{0,40}\b(?:only|maximum|max|limit\w*|up to|no more)\b)|(?:don'?t|do not|no need to) worry about (?:the|that|your) (?:[\w-]+ )?(?:fee|charge|receipt|deadline|fine|paperwork|proof|notice|form|cut-?off|date|rule|policy|deposit)|no need for (?:the|a|any) (?:receipt|proof|form|paperwork|ticket|notice)|(?:i'?ll|we'?ll|i will|we will|i can|we can|i'?m happy to) (?:still |happily )?(?:accept|honou?r|take|process|allow|approve) (?:it|this|that|them|the (?:return|claim|booking|request|ticket|voucher|code|price))(?: anyway| regardless| all the same| even so| this time| on this occasion)|don'?t see why not|(?:i'?ll|we'?ll|i will|we will|i'?m going to|we'?re going to|i'?m|we'?re|let'?s(?: just)?|i can|we can|i'?ve|we'?ve|i have|we have) (?:just |happily |simply )?(?:treat|count|consider|class|classify|record|log|mark|regard)(?:ing|ed)? [^.!?]{1,60}? as (?:if|though|a new|new|done|complete|completed|attended|valid|on time|in time|uninhabitable|cancelled|received|an emergency|urgent|a (?:one-off|goodwill))|no (?:[\w-]+ )?(?:receipt|proof|declaration|form|paperwork|evidence|certificate|note|ticket|notice|signature|documentation|letter|report|appeal|booking|appointment|reservation|referral)s? (?:needed|required|necessary)|(?:i'?m |we'?re )?(?:not going to|won'?t|will not) make you (?:wait|pay|go through|queue|come back|jump through)|(?:instead of|rather than|sooner than|quicker than|ahead of) (?:the|our) (?:usual|normal|standard|regular)|(?:doesn'?t|does not|won'?t|will not) come into (?:it|this|that)|call it (?:even|quits|square)|(?:rather than|instead of) charg(?:e|ing) (?:you|it|for)|(?:treat|count)(?:ed|ing|s)? (?:it|this|that) as (?:ours|our [a-z]+)|(?:i'?ll|we'?ll|i'?ve|we'?ve|i will|we will|i have|we have|(?:glad|happy) to) (?:just |gladly |happily )?(?:carr(?:y|ied)|roll(?:ed)?|transferr?(?:ed)?) (?:the|your) (?:deposit|fee|payment|credit|booking|tickets?|membership|place|balance)s? (?:over|across|forward|to)\b)\b`
		),
		reason: 'Finding a way round the rule in other words ("we\'ll treat it as on time") is still an exception for this customer.',
		negated: { weight: -2, reason: 'Refusing the exception outright is hiding behind the rule.' }
	},
	{
		id: 'flex-ask',
		dimension: 'flexibility',
		weight: 1,
		group: 'flex',
		source: V(
			String.raw`\b(?:i'?ll|i will|let me|i'?m going to|i am going to|i'?m gonna|i can|we'?ll|we will)(?: personally| also| now| just| today)? (?:ask|put (?:it|this|that|your case|the case) to|speak (?:to|with)|talk to|check with|take (?:it|this|that|your case|the case) to|raise (?:it|this|that) with|go to|get on to|push|ring|call|email) (?:the |my |our |dr |mr |ms |mrs |head |duty |senior |lead |\w+ )?[a-z]+(?: [a-z]+)?,? (?:(?:today|now|this \w+|first thing) )?(?:whether|if|about|to|for)\b[^.!?]{0,50}?\b(?:waiv\w*|refund\w*|honou?r\w*|exception|mov\w*|swap\w*|transfer\w*|extend\w*|let (?:you|us|her|him|them)|allow\w*|releas\w*|credit\w*|cover\w*|drop\w*|knock\w*|reduc\w*|off|back|free|remake|replace\w*|approv\w*|sign (?:it )?off|lift\w*|overrid\w*|goodwill|discount\w*|compensat\w*|paus\w*|freez\w*|stop\w*|hold\w*)\b`
		),
		reason: 'Taking this customer\'s case to whoever can lift the rule, and asking them to, is looking for an exception.',
		ifZero: 'Taking the case to whoever can lift the rule is a step toward an exception, not one yet: trainers score it when the answer comes back.'
	},
	// ── flexibility − ──
	{
		id: 'soft-wall',
		dimension: 'flexibility',
		weight: -1,
		group: 'wall',
		softWall: true,
		source: V(
			String.raw`\b(?:(?:we|i) (?:do not|don'?t|never|cannot|can'?t) (?:disclose|give out|share|release|pass on|hand out) (?:any |personal |customer |member |client |patient |contact )?(?:information|details|data|info|names?|numbers?|addresses?|emails?)\b|(?:our |the |company |store |hotel |bank )?polic(?:y|ies) (?:says|states|is|are|clearly|doesn'?t|does not|won'?t|will not|prevents|requires|only|means|dictates|strictly|don'?t|do not)|per (?:our|the) (?:policy|terms|rules)|(?:according to|under|as per|in line with|against|outside) (?:our|the|company) (?:polic(?:y|ies)|terms|rules|t&cs|guidelines)|(?:i|we)(?:'m| am|'re| are) (?:not|un) ?(?:allowed|permitted|authori[sz]ed|able) to|(?:i|we) (?:simply |just )?(?:can'?t|cannot|won'?t|will not) make (?:an|any) exception|not allowed|(?:i|we) (?:can'?t|cannot|can not|won'?t be able to|am unable to|are unable to|'m unable to) (?:\w+ )?(?:do|help|make|refund|accept|change|give|offer|process|override|waive|bend|return|exchange|issue|authori[sz]e|approve|book|move|cancel|extend|honou?r|take|let|allow)|(?:isn'?t|is not|not) (?:possible|something (?:i|we) can)|the system (?:won'?t|doesn'?t|does not|will not) (?:let|allow)|(?:were|was|is|are|been) (?:correctly|properly|rightly|validly|fairly) (?:issued|charged|applied|given|billed)\b|(?:that|this|it) is (?:our|the|company|store) (?:policy|rule)\b|${THEY_CANT}(?<=\b(?:[a-z]+s|staff) ${THEY_CANT})(?<!\b(?:you|yours|thanks|this|these|those|is|was|has|does) ${THEY_CANT}) (?:take|carry|cancel|accept|refund|allow|change|book|move|open|issue|waive|exceed|wait|stay|hold|let)\b|(?:only|strictly) within (?:\d+|thirty|fourteen|the)|i(?:'?m| am) afraid (?:not|that'?s|we|i)\b|unfortunately,? (?:that'?s|it'?s|this is|we|i) (?:not|can'?t|cannot|don'?t|do not|won'?t)|(?:it'?s|that'?s) (?:outside|out of|past|beyond) (?:the|our|your) (?:\d+[- ]day |return |returns |refund )?(?:window|policy|period|terms)|(?:is|are) (?:non-?refundable|mandatory|compulsory|not (?:permitted|allowed|eligible|refundable)|only (?:paid|available|valid|possible|done|offered|given|refunded))|(?:aren'?t|isn'?t) (?:permitted|allowed|eligible|refundable)|(?:you'?re|you are) not eligible|that'?s (?:the|our|\w+'s) (?:policy|rule|rules)|(?:that'?s|it'?s|thats|its) (?:just )?how it works|(?:it'?s|that'?s|its|thats) the (?:law|rules)(?= *[.!,;]| *$)|(?:is|'?s|are) the same for (?:every(?:one|body)|all)|(?:applied|applies|apply) (?:fairly |equally |the same )?to (?:all|every(?:one|body))|full stop|(?:that'?s|is) the price|nothing doing|(?:as per|under|according to|it says so in|it'?s in|set out in) (?:our |the |your )?(?:booking |delivery )?(?:terms|policy|rules|t&cs|conditions)|in (?:your|the|our) terms(?: and conditions)?|can'?t be (?:looked at|changed|refunded|done|moved|made|waived|reversed|processed|accepted)|(?:we|i) don'?t do|(?:have|has) to be (?:raised|reported|made|done|returned|claimed|booked) (?:within|before|by)|(?:window|deadline|period) (?:has |had )?(?:closed|passed|expired|ended)|(?:won'?t|doesn'?t|will not|can'?t) change (?:the|our) (?:policy|rules|terms)|,\s*so no\b|(?:is|are) for [^.!?]{0,30}? only|only go(?:es)? out|,\s*i'?m afraid\b|(?:can'?t|cannot|won'?t) (?:leave|release|hand|give|accept|change|move|refund|waive|extend|transfer|cancel|swap|exchange|replace|approve) (?:it|that|this|them|you|one)\b|won'?t let (?:me|us)\b|(?:just )?blocks? (?:it|that|me)\b|under (?:\w+ )?(?:policy|rules|terms)|(?:isn'?t|aren'?t) available|we don'?t (?:contact|allow|offer|accept|refund|give|make|provide|issue|cover|do that)\b|'?s non-?refundable|forfeits?\b|(?:is|are) (?:closed|already done|final)\b|not compensated|(?:the )?(?:charge|fee) is valid|(?:isn'?t|aren'?t|not) covered|(?:is|it'?s) automatic|(?:automatically |auto-?)(?:generated|applied|charged|issued|added|renewed|released|cancelled|triggered|set)\b|(?:clearly|plainly) (?:shows|states|says|stated|marked|listed)|(?:would|will) (?:need to|have to) come from (?:them|the|their|him|her)|out of (?:my|our) hands|not something (?:the|our|we|i)\b[^.!?]{0,20}\bcan\b|can'?t (?:use it|change hands|be (?:used|moved|changed|refunded|transferred|swapped))|we (?:don'?t|do not) do\b|(?:it was|it'?s|that'?s|was) (?:inside|within|outside|past|over) (?:the )?\d+|applies as\b|(?:charge|fee)[^.!?]{0,20}\bapplies\b|we (?:don'?t|do not|never) (?:send|share|pass|release|give|allow|accept|offer|refund|exchange|transfer|move|change|reschedule|hold|store|post|deliver)\b|(?:isn'?t|aren'?t) something (?:we'?re|we are|i'?m|i am) (?:allowed|able|permitted)|not eligible|(?:requires|needs) (?:\d+|at least)|(?:is|it'?s|are) excluded|it'?s (?:the|our) policy|in (?:the|our) t&cs|we don'?t (?:do|allow|offer|accept) |polic(?:y|ies)'?s \d|(?:it|(?:the|our|your) (?:agreement|contract|terms|policy|website|form|booking|confirmation|rules|conditions|t&cs|guarantee terms|terms of service)) (?:clearly |also )?(?:says|states|say|state)|can only (?!imagine|apologi[sz]e|say|hope|thank|wish|be\b)[a-z]+|(?:is|are) only (?:honou?red|accepted|valid|refunded|covered|available|given|allowed|possible|paid|issued|offered|processed|applied|granted) (?:if|when|within|for|after|before|where|once|with|up to)|(?:it'?s|this is|that'?s|it is|it was) in (?:the|your|our) (?:[\w-]+ )?(?:contract|terms|agreement|small print|conditions|paperwork|plan|t&cs)|as per (?:our|the) (?:service )?(?:standards|procedures?|process)|(?:applied|charged|calculated|processed|issued|assessed|handled) correctly|(?:aren'?t|are not|'re not|am not|'m not|isn'?t|is not|not) (?:responsible|liable) for|not how [a-z]+ works|as stated (?:at|in|on)|(?:fee|charge|policy|rule|price|cost|full fee|penalty)s? (?:still )?(?:applies|apply|stays|stands|remains)|applies to (?:everyone|all|every)|(?:will still be|is still|still be) (?:charged|payable|due)|(?:is|are) due in full|(?:can'?t|cannot|won'?t) be (?:[a-z]+ed|undone|done|changed)|(?:i|we) (?:can'?t|cannot|can not|won'?t be able to|(?:am|are|'m|'re) unable to|(?:am|are|'m|'re) not able to) (?!believe|imagine|wait|thank|apologi[sz]e|stress|tell you how|help but|promise|say|pretend|not)[a-z]+|(?:i|we) (?:can'?t|cannot)(?=\s*(?:[.!,;]|$))|(?:isn'?t|aren'?t|not) guaranteed|only (?:apply|applies|cover|covers|count|counts)\b|(?:is|are) (?:in|for|valid for|limited to) [^.!?]{0,30}? only\b|couldn'?t be [a-z]+ed|(?:can|could) only be\b|(?:is|are|'s|'re) only (?:during|within|for|on|until|in|between|after|before|from|allowed|permitted|accepted|covered|refunded|possible)\b|(?:doesn'?t|does not|don'?t|do not|won'?t|will not) cover\b|(?:isn'?t|is not|'?s not|not) something (?:we|i|the \w+|our \w+) (?:offer|do|allow|provide|accept)|not in a position to|you missed (?:the|your) (?:deadline|window|cut-?off|slot)|(?:will be|are|is|be|get|'?ll be) charged (?:the full|in full|the full amount|as normal|the fee|for (?:it|the))|we only (?:refund|accept|exchange|allow|offer|take|deliver|give|cover|replace)\b|(?:rules|terms(?: and conditions)?|t&cs|policy) (?:is|are) (?:very )?clear|(?:company|just (?:our|the)) policy|(?:aren'?t|are not|won'?t be|will not be|wouldn'?t be) possible|you'?d (?:have|need) to pay|you(?:'?ll| will) (?:have|need) to pay|(?:will not|won'?t) be (?:paid|covered|refunded|accepted|reimbursed|honou?red)|(?:is|are) (?:clearly )?(?:stated|set out|written|printed|shown|listed) (?:on|in) (?:the|your|our)|(?:would|will|is|are) (?:be )?chargeable|(?:guarantee|warranty|policy|terms|contract|agreement|rules?) (?:requires|needs|only covers|excludes)|refer to (?:section|clause|(?:the|our|your) (?:[\w-]+ )?(?:terms|policy|conditions|t&cs))|^\W*please (?:be aware|note)(?: that)?\b|(?:will|is going to) (?:still )?(?:proceed|go ahead|stand|apply) unless|(?:rules?|polic(?:y|ies)) (?:are|is) (?:there|in place) (?:to|for)|(?:sent|issued|served|given|applied|charged|followed|done|posted) (?:out )?as required\b|(?:are|were|is|was) instructed to|(?:followed|following) (?:the )?(?:correct |proper |standard )?(?:procedure|process|protocol))\b`
		),
		reason: 'Quoting the rule with nothing offered is a wall.'
	}
];

/**
 * The rules, each expression rewritten (`spelledOutEdges`) and built the first time it is read rather than when the
 * rubric's chunk loads: rewriting them all at once was the longest task of opening a text box (about 140 ms on a
 * phone-speed CPU), and the player's warm-up reads them one at a time in idle moments.
 */
const rewrittenSources: string[] = [];
const rewritten = (index: number) => (rewrittenSources[index] ??= spelledOutEdges(RULE_SOURCES[index].source));
export const RULES: Rule[] = RULE_SOURCES.map(({ source: _, ...rule }, index) => {
	let pattern: RegExp | undefined;
	return Object.defineProperty(rule, 'pattern', { enumerable: true, get: () => (pattern ??= new RegExp(rewritten(index), 'g')) }) as Rule;
});

let gate: PatternGate | undefined;
/** The gate in front of `RULES`: it reads the rewritten sources the rules' own expressions are built from. */
const rulesGate = () => (gate ??= new PatternGate(RULE_SOURCES.length, rewritten));
/** Building the gate in front of `RULES` in small steps, for the player to take in idle moments. */
export const rulesGateSteps = () => rulesGate().steps();
/**
 * Which of `RULES` a lower-cased text may match, index for index: a rule is run only on a text holding one of the
 * strings every match of it holds (about a quarter of the rules on a typical reply; most rules match none).
 */
export const rulesThatMayMatch = (lower: string): boolean[] => rulesGate().mayMatch(lower);

/** Words that mark a negated phrase when they come shortly before it in the same clause. */
export const NEGATORS = /\b(?:not|never|no|nothing|can'?t|cannot|won'?t|don'?t|didn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t|hardly|nor|neither|without|unable)\b/;

/** Common English words; a reply with almost none of them is gibberish or another language. */
export const COMMON_WORDS = new Set(
	`a about above across after again against all almost also always am an and any anyone anything are around as ask asked at away back be because been before being below best better between both but by came can cannot come could day days did do does doing done down during each either else enough even ever every everything few find first for found from further get gets getting give given go goes going gone good got great had has have having he hear heard help her here hers him his hold how however i if in instead into is it its just keep kind know last least left let like little long look looking lot made make many may maybe me mean might mine more most much must my myself need never new next no nor not nothing now of off often oh ok okay on once one only or other our ours out over own part people person place please point put quite rather really right said same say saying see seem seen she should show since so some someone something soon sorry still such sure take taken tell than thank thanks that the their them then there these they thing things think this those though through till time to today told tomorrow too took under understand until up upon us use used very wait want wanted was way we week well went were what whatever when where whether which while who whole why will wish with within without would yes yet you your yours yourself
	call called calling email emailed order ordered refund refunded money card account booking booked delivery delivered policy happy able sort sorted fix fixed check checked send sent new again hi hello dear apologies apologise apologize issue issues problem problems mistake change changed replace replacement arrive arrived item items customer service store team manager number phone line hour hours minute minutes morning afternoon evening tonight monday tuesday wednesday thursday friday saturday sunday`.split(
		/\s+/
	)
);

/** Function words of other languages that English replies do not contain. */
export const FOREIGN_WORDS = new Set(
	'le la les des du une est nous vous je suis pas avec pour dans sur très merci bonjour désolé désolée el los las una por para con muy gracias lo siento usted está estamos que der die das und ist nicht ich wir sie ein eine mit für entschuldigung danke bitte il di che non per sono grazie scusi mi dispiace het een niet voor dank je não obrigado desculpe você com uma nie jest dziękuję przepraszam olá pode ser na pela seu sua mae gen byddwn ni diolch yn fawr eich chi fy ní liom mé ach féidir agus tá samahani sana kwa zako vi ci subito será su vamos'.split(
		' '
	)
);

/** Acronyms that are not shouting. */
export const ACRONYMS = new Set(
	'ASAP OK EU UK USA US SMS NPS CRM PIN ID FAQ VAT IT TV ATM PM AM BST GMT CEO DM PDF URL SIM IBAN BIC ETA RSVP QR API VIP NHS HR PS UPS DHL TNT DPD USPS GST HST CSV'.split(' ')
);

/** Greetings after which a capitalised word is taken as the name the trainee used. */
export const NAME_CONTEXT =
	/(?:^|[\s,.!?;:(])(?:hi|hello|hey|dear|morning|afternoon|evening|thanks|thank you|sorry|mr\.?|mrs\.?|ms\.?|miss|dr\.?|mx\.?)[ ,]+(\p{L}[\p{L}\p{M}'-]{1,30})/giu;

/** Capitalised words after a greeting that are not names. */
export const NOT_NAMES = new Set(
	'There Again Team All Everyone Everybody Sir Madam Friend Mate Folks Guys You And For So I Thanks Thank Very Customer Customers Visitor Visitors Guest Guests Member Members Patient Patients Resident Residents Passenger Passengers Client Clients Applicant Applicants Parent Parents Tenant Tenants Student Students Traveller Travellers Valued Dear Sorry Yes No Just Okay Ok Please The A It That This We Mr Mrs Ms Miss Dr Mx Mister Good Morning Afternoon Evening Ugh Oh Ah Aw Well Wow Right Sure Great Look Listen Honestly Hey Hmm Congratulations Lovely Perfect Brilliant Fine Cheers Apologies Unfortunately Actually Absolutely Of Course Ouch Oof Ooh Gosh Yikes Blimey Crikey Phew Whoa Eek Alas Aww Bummer Argh'.split(' ')
);
