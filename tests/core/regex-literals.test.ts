import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PatternGate, requiredLiterals } from '../../src/lib/core/regex-literals';
import { normalise } from '../../src/lib/core/rubric-names';
import { RULES, rulesThatMayMatch } from '../../src/lib/core/rubric-rules';

const sorted = (strings: string[] | undefined) => strings && [...strings].sort();

describe('requiredLiterals: the strings every match of a pattern holds one of', () => {
	it.each([
		['sorry', ['sorry']],
		["i'?ll call", ["i'll call", 'ill call']],
		['(?:waive|refund) the fee', ['refund the fee', 'waive the fee']],
		['authori[sz]e', ['authorise', 'authorize']],
		// Zero-width assertions join the text on either side of them.
		[String.raw`\bsorry(?!\w)\b for`, ['sorry for']],
		[String.raw`(?<!\w)no(?= way)`, ['no']],
		// An optional part or a repeat splits the fixed text; the longer part is kept.
		[String.raw`[a-z]+ing the form`, ['ing the form']],
		[String.raw`re(?:fund)* policy`, [' policy']],
		[String.raw`(?:ab)+c`, ['ab']],
		[String.raw`x{2}yz`, ['yz']],
		[String.raw`\u2014 see`, ['\u2014 see']],
		[String.raw`a\.b\?`, ['a.b?']],
		// A named group is a group; its backreference is not fixed text.
		[String.raw`(?<same>[a-z]+) is \k<same> anyway`, [' anyway']]
	])('/%s/ → %j', (source, expected) => {
		expect(sorted(requiredLiterals(source))).toEqual(sorted(expected));
	});

	it.each([String.raw`[a-z]+`, 'sorry|\\w+', 'a?', String.raw`(?:\d+|x)`, String.raw`(\w+)\1`, '.*', ''])('/%s/ promises no fixed text', (source) => {
		expect(requiredLiterals(source)).toBeUndefined();
	});

	it('throws on an unbalanced group rather than reading it wrong', () => {
		expect(() => requiredLiterals('a)b')).toThrow(/Unbalanced/);
		expect(() => requiredLiterals('(?:ab')).toThrow(/Unclosed/);
	});

	// Patterns from a small grammar of the constructs the rules use, on texts over the same few characters: whenever
	// a pattern matches, the text holds one of its strings.
	const atom: fc.Arbitrary<string> = fc.letrec<{ pattern: string; atom: string }>((tie) => ({
		atom: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			fc.constantFrom('a', 'b', "'", ' ', '[ab]', String.raw`\w`, '.', String.raw`\b`, '(?!a)', '(?<=b)', '^', '$'),
			tie('pattern').map((p) => `(?:${p})`),
			tie('pattern').map((p) => `(${p})`)
		),
		pattern: fc
			.array(fc.array(fc.tuple(tie('atom'), fc.constantFrom('', '', '', '?', '*', '+', '{2}', '{0,2}', '{1,3}?')), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
			// No repeat of a group (nested repeats backtrack for ever on a text that fails), none of an assertion.
			.map((alternatives) =>
				alternatives.map((terms) => terms.map(([a, q]) => (/^(?:\\b|\(\?[!=<]|\^|\$)/.test(a) ? a : a.startsWith('(') ? a + (q === '?' ? q : '') : a + q)).join('')).join('|')
			)
	})).pattern;

	it('never rules out a text a pattern matches (property)', () => {
		fc.assert(
			fc.property(atom, fc.array(fc.stringMatching(/^[ab' x]{0,12}$/), { minLength: 1, maxLength: 20 }), (source, texts) => {
				const pattern = new RegExp(source);
				const required = requiredLiterals(source);
				for (const text of texts) if (pattern.test(text) && required) expect(required.some((s) => text.includes(s))).toBe(true);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('PatternGate: which patterns a text may match', () => {
	it('runs a pattern only on texts holding one of its strings, and one that promises no fixed text on every text', () => {
		const sources = [String.raw`\bsorry for (?:the|your) wait\b`, '(?:🙄|no)', String.raw`[a-z]+`];
		const read: number[] = [];
		const gate = new PatternGate(3, (index) => (read.push(index), sources[index]));
		const steps = gate.steps();
		// One pattern read per step, then one indexed per step.
		expect(steps).toHaveLength(6);
		steps[1]();
		expect(read).toEqual([1]);
		expect(gate.mayMatch('so sorry for the wait')).toEqual([true, false, true]);
		expect(read).toEqual([1, 0, 2]);
		for (const step of steps) step();
		expect(read).toEqual([1, 0, 2]);
		expect(gate.mayMatch('sorry for your trouble')).toEqual([false, false, true]);
		expect(gate.mayMatch('oh 🙄')).toEqual([false, true, true]);
		expect(gate.mayMatch('')).toEqual([false, false, true]);
	});

});

describe('the rubric rules behind the gate', () => {
	const dir = 'tests/fixtures/replies';
	const replies = readdirSync(dir)
		.filter((file) => file.endsWith('.json') && file !== 'guide-raters.json')
		.flatMap((file) => (JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as { reply: string }[]).map((item) => normalise(item.reply)));

	it('lets through every rule that matches each labelled reply, and rules out most that do not', () => {
		let ruledOut = 0;
		let runs = 0;
		for (const lower of replies) {
			const mayMatch = rulesThatMayMatch(lower);
			RULES.forEach((rule, index) => {
				rule.pattern.lastIndex = 0;
				if (rule.pattern.test(lower)) expect(mayMatch[index], `${rule.id} on "${lower}"`).toBe(true);
				rule.pattern.lastIndex = 0;
				if (mayMatch[index]) runs++;
				else ruledOut++;
			});
		}
		expect(replies.length).toBeGreaterThan(4000);
		// About three rules in four are never run on a labelled reply.
		expect(ruledOut / (ruledOut + runs)).toBeGreaterThan(0.6);
	});

	it('lets through every rule that matches text stitched from pieces of other replies (property)', () => {
		const words = [...new Set(replies.flatMap((reply) => reply.split(' ')))];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 25 }), fc.constantFrom(' ', ', ', '. ', '! '), (picked, joiner) => {
				const lower = picked.join(joiner);
				const mayMatch = rulesThatMayMatch(lower);
				RULES.forEach((rule, index) => {
					rule.pattern.lastIndex = 0;
					if (rule.pattern.test(lower)) expect(mayMatch[index], `${rule.id} on "${lower}"`).toBe(true);
					rule.pattern.lastIndex = 0;
				});
			}),
			{ numRuns: 3000 }
		);
	});
});
