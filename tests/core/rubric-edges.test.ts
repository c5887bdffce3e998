import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spelledOutEdges } from '../../src/lib/core/regex-edges';
import { RULES } from '../../src/lib/core/rubric-rules';

/** Every match (index and text) of `source` in `text`, as the rubric's loop reads them. */
function matches(source: string, text: string): string[] {
	const pattern = new RegExp(source, 'g');
	const found: string[] = [];
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		found.push(`${match.index}:${match[0]}`);
		if (match[0] === '') pattern.lastIndex++;
	}
	return found;
}

describe('word boundaries spelled out as lookarounds', () => {
	it('writes a boundary after a letter as "no letter follows" and one before a letter as "none precedes"', () => {
		expect(spelledOutEdges(String.raw`\bfoo\b`)).toBe(String.raw`\bfoo(?!\w)`);
		expect(spelledOutEdges(String.raw`x \b(?:late|early)`)).toBe(String.raw`x (?<!\w)(?:late|early)`);
		expect(spelledOutEdges(String.raw`\b(?:in|on)s?\b`)).toBe(String.raw`\b(?:in|on)s?(?!\w)`);
		expect(spelledOutEdges(String.raw`\b[a-z]+\b`)).toBe(String.raw`\b[a-z]+(?!\w)`);
	});

	it('leaves a boundary alone where either side could be anything, and spells it out per alternative where that helps', () => {
		expect(spelledOutEdges(String.raw`\b(?:a|b )\b`)).toBe(String.raw`\b(?:a(?!\w)|b \b)`);
		expect(spelledOutEdges(String.raw`a \b[^x]`)).toBe(String.raw`a \b[^x]`);
		expect(spelledOutEdges(String.raw`a.?\b.`)).toBe(String.raw`a.?\b.`);
	});

	it('does not read an escaped backslash or a class as a boundary', () => {
		expect(spelledOutEdges(String.raw`a\\b`)).toBe(String.raw`a\\b`);
		expect(spelledOutEdges(String.raw`a[\b]`)).toBe(String.raw`a[\b]`);
		expect(spelledOutEdges(String.raw`a\s\b`)).toBe(String.raw`a\s\b`);
	});

	it('keeps the boundary after an alternative that ends in a lookahead, which says nothing of the character before it', () => {
		// Found by the property below: "(?!\w)" standing alone had been taken for a boundary already spelled out.
		const pattern = String.raw`\b\s(?:(?:(?!\w)|a?)\b|a)`;
		expect(matches(spelledOutEdges(pattern), 'a ')).toEqual(matches(pattern, 'a '));
		expect(spelledOutEdges(String.raw`\b(?:no|\s(?!\w))\b`)).toBe(String.raw`\b(?:no(?!\w)|\s(?!\w)\b)`);
	});

	it('keeps every match of any pattern on any text', () => {
		const atom: fc.Arbitrary<string> = fc.letrec<{ pattern: string; atom: string }>((tie) => ({
			atom: fc.oneof(
				{ depthSize: 'small' },
				fc.constantFrom('a', 'no', 'it', ' ', "'", '.', String.raw`\b`, String.raw`\w+`, '[a-z]', '[^.!?]{0,3}?', String.raw`(?=\s*$)`, String.raw`(?!\w)`, String.raw`\s`, '$', '^'),
				tie('pattern').map((inner) => `(?:${inner})`),
				fc.tuple(tie('pattern'), tie('pattern')).map(([a, b]) => `(?:${a}|${b})`),
				// Only a character, a class or a group may be made optional as written; anything else is grouped first.
				tie('atom').map((inner) => (/^(?:[a-z]|\[a-z\]|\(\?:.*\))$/.test(inner) ? `${inner}?` : `(?:${inner})?`))
			),
			pattern: fc.array(tie('atom'), { minLength: 1, maxLength: 5 }).map((atoms) => atoms.join(''))
		})).atom;
		const source = fc.array(atom, { minLength: 1, maxLength: 6 }).map((atoms) => String.raw`\b` + atoms.join(''));
		const text = fc.array(fc.constantFrom('a', 'no', 'it', 'ab', ' ', "'", '.', ',', '!', '_', '1', 'é'), { maxLength: 24 }).map((parts) => parts.join(''));
		fc.assert(
			fc.property(source, fc.array(text, { minLength: 1, maxLength: 4 }), (pattern, texts) => {
				const rewritten = spelledOutEdges(pattern);
				for (const t of texts) expect(matches(rewritten, t)).toEqual(matches(pattern, t));
			}),
			{ numRuns: 1500 }
		);
	});

	it('is what every rule is compiled from: few boundaries are left inside the rules', () => {
		// 20 are left of the 330 written (after a group whose alternatives end in anything, or before a class like [^.!?]).
		const inner = RULES.map((rule) => (rule.pattern.source.slice(2).match(/(?<!\\)\\b/g) ?? []).length);
		expect(inner.reduce((a, b) => a + b, 0)).toBeLessThan(30);
	});
});
