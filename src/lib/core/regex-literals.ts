/**
 * What text a regular expression cannot match without: read from its source, so a caller can skip running an
 * expression on a text that holds none of it (the way code search filters files before running a pattern). Pure
 * string work on a pattern's source (JavaScript syntax, no `u` or `i` flag): no matching happens here.
 */

/** Strings of which every match holds at least one; undefined when the source promises none. */
export type Required = string[] | undefined;

/**
 * The strings of which any match of `source` holds at least one. "(?:i'?ll|we will) (?:waive|refund) the fee" has
 * six spellings in full ("i'll waive the fee", "ill waive the fee" …); "[a-z]+ing the form" holds "ing the form"; where
 * parts are split by a repeat, the part whose shortest string is longest is kept. Undefined when some match need hold
 * no fixed text ("[a-z]+", "(?:sorry|\w+)").
 */
export function requiredLiterals(source: string): Required {
	const reader = new Reader(source);
	const read = reader.disjunction();
	if (reader.at < source.length) throw new Error(`Unbalanced ")" at ${reader.at} in /${source}/`);
	return requirement(read)?.strings;
}

/** Most strings an exact list may hold before it is given up for a requirement. */
const MOST_EXACT = 32;

/** Strings one of which every match holds, with the length of the shortest (the longer, the rarer in a text). */
interface Requirement {
	strings: string[];
	shortest: number;
}

/** What a part of a pattern is known to match: every string it can match (when few), or what each match holds. */
interface Read {
	/** Every string this part can match, when that is a short list. */
	exact?: string[];
	/** Strings one of which every match holds. */
	required?: Requirement;
}

const NOTHING: Read = { exact: [''] };
const UNKNOWN: Read = {};

function requirementOf(strings: string[]): Requirement | undefined {
	let shortest = Infinity;
	for (const s of strings) if (s.length < shortest) shortest = s.length;
	return shortest > 0 ? { strings, shortest } : undefined;
}

/** What `read` promises a match holds. */
function requirement(read: Read): Requirement | undefined {
	return read.exact ? better(read.required, requirementOf(read.exact)) : read.required;
}

/** The better of two requirements: the longer shortest string, then the fewer strings. */
function better(a: Requirement | undefined, b: Requirement | undefined): Requirement | undefined {
	if (!a || !b) return a ?? b;
	if (a.shortest !== b.shortest) return a.shortest > b.shortest ? a : b;
	return a.strings.length <= b.strings.length ? a : b;
}

/** Every string of `a` followed by every string of `b`; undefined when there would be too many. */
function product(a: string[], b: string[]): string[] | undefined {
	if (b.length === 1) return a.map((x) => x + b[0]);
	if (a.length * b.length > MOST_EXACT) return undefined;
	return [...new Set(a.flatMap((x) => b.map((y) => x + y)))];
}

/** The characters a simple class stands for ("[sz]", "[0-9]"); undefined for a negated or wide class. */
function classCharacters(body: string): string[] | undefined {
	if (body.startsWith('^') || body.includes('\\')) return undefined;
	const chars = new Set<string>();
	for (let i = 0; i < body.length; i++) {
		if (body[i + 1] === '-' && i + 2 < body.length) {
			for (let code = body.charCodeAt(i); code <= body.charCodeAt(i + 2); code++) chars.add(String.fromCharCode(code));
			i += 2;
		} else chars.add(body[i]);
		if (chars.size > 10) return undefined;
	}
	return [...chars];
}

const CONTROLS: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

/** An escape outside a class: the character it stands for, nothing (\b), or a class or backreference (unknown). */
function escape(source: string, at: number): { read: Read; length: number } {
	const next = source[at + 1];
	if (next === 'b' || next === 'B') return { read: NOTHING, length: 2 };
	if ('dDwWsS'.includes(next) || (next >= '1' && next <= '9')) return { read: UNKNOWN, length: 2 };
	if (next === 'k' && source[at + 2] === '<') return { read: UNKNOWN, length: source.indexOf('>', at) + 1 - at };
	const hex = next === 'u' ? 4 : next === 'x' ? 2 : 0;
	if (hex && /^[0-9a-fA-F]+$/.test(source.slice(at + 2, at + 2 + hex)) && source.length >= at + 2 + hex) {
		return { read: { exact: [String.fromCharCode(parseInt(source.slice(at + 2, at + 2 + hex), 16))] }, length: 2 + hex };
	}
	return { read: { exact: [CONTROLS[next] ?? next] }, length: 2 };
}

class Reader {
	at = 0;
	constructor(private readonly source: string) {}

	/** Alternatives up to an unbalanced ")" or the end: a match is one of them. */
	disjunction(): Read {
		const reads: Read[] = [];
		for (;;) {
			reads.push(this.alternative());
			if (this.source[this.at] !== '|') break;
			this.at++;
		}
		if (reads.length === 1) return reads[0];
		let exact: string[] | undefined = [];
		for (const read of reads) {
			if (!read.exact || exact.length + read.exact.length > MOST_EXACT) {
				exact = undefined;
				break;
			}
			exact.push(...read.exact);
		}
		const union: string[] = [];
		for (const read of reads) {
			const required = requirement(read);
			if (!required) return { exact: exact && [...new Set(exact)] };
			union.push(...required.strings);
		}
		return { exact: exact && [...new Set(exact)], required: requirementOf([...new Set(union)]) };
	}

	/** Terms in a row: their exact strings joined while they stay few; the best requirement among the rest. */
	private alternative(): Read {
		const source = this.source;
		let exact: string[] | undefined = [''];
		// Single characters in a row are kept apart and added to every string at once.
		let tail = '';
		const settle = () => {
			if (tail && exact) exact = exact.map((s) => s + tail);
			tail = '';
		};
		let whole = true;
		let required: Requirement | undefined;
		while (this.at < source.length && source[this.at] !== '|' && source[this.at] !== ')') {
			const term = this.quantified(this.term());
			required = better(required, term.required);
			if (exact && term.exact?.length === 1) {
				tail += term.exact[0];
				continue;
			}
			settle();
			const joined: string[] | undefined = exact && term.exact ? product(exact, term.exact) : undefined;
			if (joined) {
				exact = joined;
				continue;
			}
			// The strings so far end here: they are one requirement, and the next run starts from this term.
			if (exact) required = better(required, requirementOf(exact));
			exact = term.exact;
			whole = false;
		}
		settle();
		if (whole) return { exact, required };
		return { required: exact ? better(required, requirementOf(exact)) : required };
	}

	/** One atom or assertion, as read. */
	private term(): Read {
		const source = this.source;
		const char = source[this.at];
		if (char === '^' || char === '$') {
			this.at++;
			return NOTHING;
		}
		if (char === '\\') {
			const { read, length } = escape(source, this.at);
			this.at += length;
			return read;
		}
		if (char === '[') {
			const start = this.at + 1;
			// To the first unescaped "]": in JavaScript "[]" is the empty class, so a "]" first does not stay inside.
			this.at = start;
			while (this.at < source.length && source[this.at] !== ']') this.at += source[this.at] === '\\' ? 2 : 1;
			const chars = classCharacters(source.slice(start, this.at));
			this.at++;
			return chars ? { exact: chars } : UNKNOWN;
		}
		if (char === '.') {
			this.at++;
			return UNKNOWN;
		}
		if (char === '(') {
			const lookaround = source[this.at + 1] === '?' && (source[this.at + 2] === '=' || source[this.at + 2] === '!' || (source[this.at + 2] === '<' && (source[this.at + 3] === '=' || source[this.at + 3] === '!')));
			if (lookaround) this.at += source[this.at + 2] === '<' ? 4 : 3;
			else if (source[this.at + 1] !== '?') this.at += 1;
			else if (source[this.at + 2] === ':') this.at += 3;
			else this.at = source.indexOf('>', this.at) + 1;
			const read = this.disjunction();
			if (source[this.at] !== ')') throw new Error(`Unclosed group in /${source}/`);
			this.at++;
			// What a lookaround looks at is not part of the match.
			return lookaround ? NOTHING : read;
		}
		this.at++;
		return { exact: [char] };
	}

	/** The term as its quantifier, if any, leaves it: "?" adds the empty string; a repeat keeps only what it requires. */
	private quantified(term: Read): Read {
		const source = this.source;
		const char = source[this.at];
		let least: number;
		let most: number;
		const braces = char === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(this.at, this.at + 12)) : null;
		if (char === '?') [least, most] = [0, 1];
		else if (char === '*') [least, most] = [0, Infinity];
		else if (char === '+') [least, most] = [1, Infinity];
		else if (braces) {
			least = Number(braces[1]);
			most = braces[2] ? (braces[3] ? Number(braces[3]) : Infinity) : least;
		} else return term;
		this.at += braces ? braces[0].length : 1;
		if (source[this.at] === '?') this.at++;
		if (least === 1 && most === 1) return term;
		if (least === 0 && most === 1) return { exact: term.exact && [...new Set([...term.exact, ''])] };
		return { required: least === 0 ? undefined : requirement(term) };
	}
}

/**
 * Which of several patterns a text may match: a pattern is run only on a text that holds one of the strings every
 * match of it holds. Building it is cut into small steps a caller can spread over idle moments (`steps`): reading each
 * pattern for its strings (a few milliseconds for a long one), then indexing each pattern's strings by their rarest
 * three characters. The first check takes any steps not yet taken. Each check reads the text once, a few characters
 * at a time, so it costs about the same however many strings there are.
 */
export class PatternGate {
	private readonly requirements: Required[] = [];
	private readonly always: boolean[];
	/** How many of all the patterns' strings hold each three characters: the fewer, the better a key. */
	private readonly counts = new Map<number, number>();
	private readonly byTrigram = new Map<number, GateEntry[]>();
	private readonly byPair = new Map<number, GateEntry[]>();
	/** The building steps in order, and which have been taken. */
	private readonly building: (() => void)[];
	private readonly taken: boolean[];
	private untaken: number;

	/** `source(index)` is read only in that pattern's step. */
	constructor(count: number, source: (index: number) => string) {
		this.always = new Array<boolean>(count).fill(true);
		this.building = [
			...this.always.map((_, index) => () => this.read(index, source(index))),
			...this.always.map((_, index) => () => this.index(index))
		];
		this.taken = this.building.map(() => false);
		this.untaken = this.building.length;
	}

	/** The building steps; each is taken once, whoever asks for it first (a step or a check). */
	steps(): (() => void)[] {
		return this.building.map((_, step) => () => this.take(step));
	}

	private take(step: number) {
		if (this.taken[step]) return;
		this.taken[step] = true;
		this.untaken--;
		this.building[step]();
	}

	/** Index for index, whether each pattern may match `text`. */
	mayMatch(text: string): boolean[] {
		if (this.untaken > 0) this.building.forEach((_, step) => this.take(step));
		const may = this.always.slice();
		const { byTrigram, byPair } = this;
		const pairs = byPair.size > 0;
		for (let at = 0; at + 2 <= text.length; at++) {
			if (pairs) check(may, byPair.get(pair(text, at)), text, at);
			if (at + 3 <= text.length) check(may, byTrigram.get(trigram(text, at)), text, at);
		}
		return may;
	}

	private read(index: number, source: string) {
		const required = requiredLiterals(source);
		// A string of one character is too common to be worth a look.
		if (!required || required.some((s) => s.length < 2)) return;
		this.requirements[index] = required;
		for (const s of required) for (let at = 0; at + 3 <= s.length; at++) this.counts.set(trigram(s, at), (this.counts.get(trigram(s, at)) ?? 0) + 1);
	}

	private index(pattern: number) {
		const required = this.requirements[pattern];
		if (!required) return;
		const { counts } = this;
		for (const string of required) {
			if (string.length === 2) {
				addEntry(this.byPair, pair(string, 0), { pattern, string, offset: 0 });
				continue;
			}
			let offset = 0;
			for (let at = 1; at + 3 <= string.length; at++) if (counts.get(trigram(string, at))! < counts.get(trigram(string, offset))!) offset = at;
			addEntry(this.byTrigram, trigram(string, offset), { pattern, string, offset });
		}
		this.always[pattern] = false;
	}
}

interface GateEntry {
	pattern: number;
	string: string;
	/** Where in `string` its key starts. */
	offset: number;
}

function addEntry(index: Map<number, GateEntry[]>, key: number, entry: GateEntry) {
	const entries = index.get(key);
	if (entries) entries.push(entry);
	else index.set(key, [entry]);
}

/** Marks the patterns whose string, keyed at `at`, stands in `text` there. */
function check(may: boolean[], entries: GateEntry[] | undefined, text: string, at: number) {
	if (entries) for (const { pattern, string, offset } of entries) if (!may[pattern] && text.startsWith(string, at - offset)) may[pattern] = true;
}

/** Two characters as one small integer (a character beyond the first 32,768 may share it: every hit is checked in full). */
function pair(text: string, at: number): number {
	return ((text.charCodeAt(at) & 0x7fff) << 15) | (text.charCodeAt(at + 1) & 0x7fff);
}

/** Three characters as one small integer (characters beyond the first 1,024 may share it, as in `pair`). */
function trigram(text: string, at: number): number {
	return ((text.charCodeAt(at) & 0x3ff) << 20) | ((text.charCodeAt(at + 1) & 0x3ff) << 10) | (text.charCodeAt(at + 2) & 0x3ff);
}
