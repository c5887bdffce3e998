import { editDistance } from './diagnostics.ts';

/*
 * Is this the customer's name? Getting it right matters ("a wrong or misspelt
 * name tells them they are a case number"), but a keyboard without accents
 * is not a misspelling, and neither is a nickname the customer may well go by.
 */

/** How a word the trainee typed relates to the customer's name. */
export type NameMatch = 'right' | 'nickname' | 'misspelt' | 'other';

/** Letters a plain keyboard has no key for, typed as their usual stand-ins. */
const PLAIN: Record<string, string> = { ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
/** German and Nordic umlauts are also written with an e: Müller → Mueller. */
const WITH_E: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa' };

/** Text with no character outside ASCII, where the cheaper ASCII form of a check finds the same thing. */
export const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Lower case and straight apostrophes, without changing any offset (the rules and the word reading both read this). */
export function normalise(text: string): string {
	// ASCII lower-cases in place; beyond it only A–Z are touched, since some letters change length.
	const lower = ASCII_ONLY.test(text) ? text.toLowerCase() : text.replace(/[A-Z]/g, (c) => c.toLowerCase());
	return lower.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/** Lower case with accents and special letters dropped: Müller → muller, Łukasz → lukasz, Øystein → oystein. */
export function foldName(word: string): string {
	if (ASCII_ONLY.test(word)) return word.toLowerCase();
	return word
		.toLowerCase()
		.replace(/[\u2018\u2019\u02bc]/g, "'")
		.replace(/[ßøæœłđðþıħ]/g, (c) => PLAIN[c])
		.normalize('NFD')
		.replace(/\p{M}/gu, '');
}

/** Every spelling of a name part that is the name: as written, without accents, with umlauts as "ue". */
function spellings(part: string): Set<string> {
	const lower = part.toLowerCase();
	return new Set([lower, foldName(lower), foldName(lower.replace(/[äöüøå]/g, (c) => WITH_E[c]))]);
}

/** Respectful suffixes (Tanaka-san, Sharma-ji) belong to the name, not a misspelling of it. */
const HONORIFIC = /-(?:san|sama|sensei|kun|chan|ji|ssi|nim)$/;

/**
 * Common short forms. A nickname is neither right nor wrong: the customer
 * may use it, but they have not told us so. (Truncations such as Alex or
 * Bernie are recognised without a list.)
 */
const NICKNAMES: Record<string, string> = {
	alexander: 'alex sasha sandy xander lex',
	alexandra: 'alex sasha sandra lexi sandy',
	aleksandr: 'sasha alex',
	andrew: 'andy drew',
	anthony: 'tony ant',
	benjamin: 'ben benny',
	catherine: 'kate katie cathy kat cath',
	katherine: 'kate katie kathy kat',
	kathryn: 'kate katie kathy kat',
	christopher: 'chris kit',
	christine: 'chris tina',
	christina: 'chris tina',
	daniel: 'dan danny',
	deborah: 'deb debbie',
	dmitri: 'dima',
	dmitry: 'dima',
	edward: 'ed eddie ted ned',
	elizabeth: 'liz lizzie beth betty eliza libby',
	ekaterina: 'katya katia',
	yekaterina: 'katya katia',
	francesca: 'fran frankie',
	francis: 'frank fran',
	giuseppe: 'beppe peppe',
	gregory: 'greg',
	ivan: 'vanya',
	james: 'jim jimmy jamie',
	jennifer: 'jen jenny',
	john: 'jack johnny',
	jonathan: 'jon jonny',
	joseph: 'joe joey',
	josé: 'pepe',
	margaret: 'maggie meg peggy marge',
	matthew: 'matt',
	michael: 'mike mick mikey',
	mikhail: 'misha',
	mohammed: 'mo',
	muhammad: 'mo',
	nicholas: 'nick nicky',
	patricia: 'pat trish patty',
	patrick: 'pat paddy',
	peter: 'pete',
	rebecca: 'becky becca',
	richard: 'rich rick dick',
	robert: 'rob bob bobby robbie bert',
	samantha: 'sam',
	samuel: 'sam',
	stephanie: 'steph',
	stephen: 'steve',
	steven: 'steve',
	susan: 'sue susie',
	thomas: 'tom tommy',
	timothy: 'tim',
	victoria: 'vicky tori',
	william: 'will bill billy liam'
};

interface Part {
	spellings: Set<string>;
	plain: string;
	nicknames: string[];
}

/** The customer's name, read once: per part, its right spellings and its nicknames. */
export interface NameMatcher {
	parts: Part[];
}

const matchers = new Map<string, NameMatcher>();

/** Reads the parts of the customer's name once (the last few customers are remembered). */
export function nameMatcher(parts: string[]): NameMatcher {
	const key = parts.join(' ');
	let matcher = matchers.get(key);
	if (!matcher) {
		matcher = {
			parts: parts.map((part) => {
				const lower = part.toLowerCase();
				const plain = foldName(lower);
				return { spellings: spellings(lower), plain, nicknames: (NICKNAMES[lower] ?? NICKNAMES[plain] ?? '').split(' ').filter(Boolean) };
			})
		};
		if (matchers.size >= 16) matchers.delete(matchers.keys().next().value!);
		matchers.set(key, matcher);
	}
	return matcher;
}

/** Compares one typed word with each part of the customer's name. */
export function matchName(word: string, matcher: NameMatcher, { closeFrom, titled = false }: { closeFrom: number; titled?: boolean }): NameMatch {
	const typed = foldName(word.replace(/['\u2019]s$/i, '').replace(HONORIFIC, ''));
	if (typed.length < 2) return 'other';
	let result: NameMatch = 'other';
	for (const { spellings, plain, nicknames } of matcher.parts) {
		if (spellings.has(typed)) return 'right';
		// After a title ("Ms Kowalski") the word is a surname: surnames have no nicknames, and one that
		// starts like the customer's but goes on differently is their surname misspelt.
		if (titled) {
			if (plain.length >= 5 && typed.length >= 4 && typed.slice(0, 4) === plain.slice(0, 4)) result = 'misspelt';
			continue;
		}
		if (nicknames.includes(typed)) {
			result = 'nickname';
			continue;
		}
		// A shortened first name (Bernie for Bernadette, Alex for Alexandra) is a nickname too.
		if (isShortened(typed, plain) && editDistance(plain, typed) > 2) {
			result = 'nickname';
			continue;
		}
		if (result === 'other' && plain.length >= closeFrom && typed.length >= 3 && editDistance(plain, typed) <= (plain.length >= 6 ? 2 : 1)) {
			result = 'misspelt';
		}
	}
	return result;
}

/**
 * The name cut short, perhaps with a pet ending: Bernie for Bernadette, Alex for Alexandra, Vicky for Victoria. Not
 * another name that starts the same way (Chioma for Chiamaka, Kwame for Kwabena, Fatima for Fatoumata).
 */
function isShortened(typed: string, plain: string): boolean {
	if (typed.length < 3 || typed.length >= plain.length) return false;
	const stem = typed.replace(/(?:ie|y|i|o|a|s)$/, '');
	return stem.length <= 4 ? plain.startsWith(stem.slice(0, 3)) : plain.startsWith(stem);
}

/** A value read from a scene's text (its customer line, its rule), kept for the next replies to the same scene. */
export function remembered<T>(cache: Map<string, T>, key: string, read: () => T): T {
	if (cache.has(key)) return cache.get(key)!;
	const value = read();
	if (cache.size >= 32) cache.delete(cache.keys().next().value!);
	cache.set(key, value);
	return value;
}
