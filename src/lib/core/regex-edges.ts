/**
 * Regular-expression sources rewritten to mean the same and compile faster. Pure string work on a pattern's
 * source: no matching happens here.
 */

/**
 * The same pattern with each word boundary whose side is plain from the pattern written as the one lookaround
 * it then means: after a letter, `\b` is "no letter follows"; before a letter, "no letter precedes". V8 takes
 * about four times as long to compile a long alternation with `\b` inside it, and it compiles each rule on the
 * first reply scored. A boundary whose side is not plain is left as it is.
 */
export function spelledOutEdges(source: string): string {
	let out = '';
	let inClass = false;
	// Where the alternative being written starts in `out`, for each group open around it: only it decides
	// what comes just before a boundary.
	const alternativeStarts = [0];
	for (let i = 0; i < source.length; i++) {
		const char = source[i];
		if (char === '\\') {
			const escaped = source.slice(i, i + 2);
			i++;
			if (escaped !== '\\b' || inClass || i === 1) {
				out += escaped;
				continue;
			}
			const from = alternativeStarts[alternativeStarts.length - 1];
			const before = out.slice(from);
			if (endsInWordChar(before)) out += '(?!\\w)';
			else if (startsWithWordChar(source.slice(i + 1))) out += '(?<!\\w)';
			else out = out.slice(0, from) + (edgeAfterEachAlternative(before) ?? before + escaped);
			continue;
		}
		if (inClass) inClass = char !== ']';
		else if (char === '[') inClass = true;
		else if (char === '(') alternativeStarts.push(out.length + 1);
		else if (char === ')') alternativeStarts.pop();
		else if (char === '|') alternativeStarts[alternativeStarts.length - 1] = out.length + 1;
		out += char;
	}
	return out;
}

/**
 * "(?:a|b)\\b" as "(?:a\\b|b\\b)", each edge then spelled out where it can be; undefined when `pattern` does not
 * end in a plain group.
 */
function edgeAfterEachAlternative(pattern: string): string | undefined {
	const open = pattern.endsWith(')') && !escapedAt(pattern, pattern.length - 1) ? lastAtom(pattern) : -1;
	if (open < 0 || !pattern.startsWith('(?:', open)) return undefined;
	// An alternative that ends in a letter takes "no letter follows" (once); any other keeps the boundary, even one
	// ending in a lookahead such as (?!\w): that says nothing of the character before it.
	const edged = readGroup(pattern.slice(open + 3, -1)).alternatives.map((alternative) =>
		!endsInWordChar(alternative) ? `${alternative}\\b` : alternative.endsWith('(?!\\w)') ? alternative : `${alternative}(?!\\w)`
	);
	return `${pattern.slice(0, open)}(?:${edged.join('|')})`;
}

const WORD_CLASS = /^\[(?:[a-z0-9_](?:-[a-z0-9])?)+\]$/;
/** Whether the character at `at` is escaped: an odd number of backslashes before it. */
function escapedAt(pattern: string, at: number): boolean {
	let backslashes = 0;
	while (pattern[at - 1 - backslashes] === '\\') backslashes++;
	return backslashes % 2 === 1;
}

/** Whether whatever `pattern` matches always ends in a letter, digit or underscore. */
function endsInWordChar(pattern: string): boolean {
	const last = pattern.length - 1;
	if (last < 0) return false;
	const quantifier = pattern[last];
	if ((quantifier === '+' || quantifier === '?' || quantifier === '*') && !escapedAt(pattern, last)) {
		const atom = lastAtom(pattern.slice(0, last));
		if (atom < 0 || !endsInWordChar(pattern.slice(0, last))) return false;
		// "s?" may match nothing: then what came before it must end in a letter too.
		return quantifier === '+' || endsInWordChar(pattern.slice(0, atom));
	}
	if (/[a-z0-9]/.test(quantifier)) return !escapedAt(pattern, last) || /[wd]/.test(quantifier);
	if (quantifier === ']' && !escapedAt(pattern, last)) return WORD_CLASS.test(pattern.slice(lastAtom(pattern)));
	if (quantifier !== ')' || escapedAt(pattern, last)) return false;
	const open = lastAtom(pattern);
	const body = pattern.slice(open + 1, last);
	if (open < 0) return false;
	// A lookaround matches no text: what ends the match is what came before it.
	if (/^\?(?:[=!]|<[=!])/.test(body)) return endsInWordChar(pattern.slice(0, open));
	return readGroup(body.replace(/^\?:/, '')).alternatives.every(endsInWordChar);
}

/** Whether whatever `pattern` matches always starts with a letter, digit or underscore. */
function startsWithWordChar(pattern: string): boolean {
	if (/^[a-z0-9](?![?*{])/.test(pattern) || /^\\[wd](?![?*{])/.test(pattern)) return true;
	if (pattern[0] === '[') {
		const close = pattern.indexOf(']', 1);
		return close > 0 && WORD_CLASS.test(pattern.slice(0, close + 1)) && !/^[?*{]/.test(pattern.slice(close + 1));
	}
	const group = /^\((?:\?:)?/.exec(pattern)?.[0];
	if (!group || pattern[group.length] === '?') return false;
	const body = pattern.slice(group.length);
	const { alternatives, close } = readGroup(body);
	if (close === body.length || /^[?*{]/.test(body.slice(close + 1))) return false;
	return alternatives.every(startsWithWordChar);
}

/** Where the last atom of `pattern` (a character, a class or a group) starts; -1 if it cannot tell. */
function lastAtom(pattern: string): number {
	const last = pattern.length - 1;
	if (last < 0) return -1;
	if (pattern[last] !== ')' && pattern[last] !== ']') return escapedAt(pattern, last) ? last - 1 : last;
	const opens: number[] = [];
	let classAt = -1;
	for (let i = 0; i < last; i++) {
		const char = pattern[i];
		if (char === '\\') i++;
		else if (classAt >= 0) {
			if (char === ']') classAt = -1;
		} else if (char === '[') classAt = i;
		else if (char === '(') opens.push(i);
		else if (char === ')') opens.pop();
	}
	return pattern[last] === ']' ? classAt : (opens.pop() ?? -1);
}

/**
 * A group's body read from its start: its alternatives (split at each `|` outside any inner group or class) and
 * where it closes (the first `)` left unbalanced; the end of `text` if none is).
 */
function readGroup(text: string): { alternatives: string[]; close: number } {
	const alternatives: string[] = [];
	let depth = 0;
	let inClass = false;
	let from = 0;
	let i = 0;
	for (; i < text.length; i++) {
		const char = text[i];
		if (char === '\\') i++;
		else if (inClass) inClass = char !== ']';
		else if (char === '[') inClass = true;
		else if (char === '(') depth++;
		else if (char === ')' && depth-- === 0) break;
		else if (char === '|' && depth === 0) {
			alternatives.push(text.slice(from, i));
			from = i + 1;
		}
	}
	return { alternatives: [...alternatives, text.slice(from, i)], close: i };
}
