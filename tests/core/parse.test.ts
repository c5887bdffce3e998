import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	analyseScenario,
	DIAGNOSTIC_CODES,
	MAX_NODES,
	MAX_SOURCE_CHARS,
	parseProgramme,
	parseScenario,
	PROGRAMME_DIAGNOSTIC_CODES,
	slugify,
	type Diagnostic,
	type Scenario
} from '../../src/lib/core';

const FIXTURES = new URL('../fixtures/diagnostics/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURES), 'utf8')) as Record<
	string,
	Pick<Diagnostic, 'severity' | 'code' | 'line' | 'column'>[]
>;
const fixtureFiles = readdirSync(FIXTURES)
	.filter((name) => name.endsWith('.md'))
	.sort();

const position = ({ severity, code, line, column }: Diagnostic) => ({ severity, code, line, column });

/** `<code>.programme.md` fixtures are programmes, read against the bundled scenario ids; the rest are scenarios. */
const isProgramme = (file: string) => file.endsWith('.programme.md');
const BUNDLED_IDS = readdirSync(new URL('../../scenarios/', import.meta.url))
	.filter((name) => name.endsWith('.md') && name !== 'README.md')
	.map((name) => name.slice(0, -3));
function parseFixture(file: string, source: string): { parsed: unknown; diagnostics: Diagnostic[] } {
	if (!isProgramme(file)) {
		const { scenario, diagnostics } = parseScenario(source);
		return { parsed: scenario, diagnostics };
	}
	const { programme, diagnostics } = parseProgramme(source, BUNDLED_IDS);
	return { parsed: programme, diagnostics };
}

/** Every code the parser can emit; each must have at least one fixture (or a generated test below). */
const EMITTABLE = DIAGNOSTIC_CODES.filter((code) => code !== 'file-too-large' && code !== 'too-many-nodes');

describe('diagnostic fixtures', () => {
	it('has an expectation for every fixture and a fixture for every expectation', () => {
		expect(Object.keys(expected).sort()).toEqual(fixtureFiles);
	});

	it('covers every diagnostic code the parser can emit', () => {
		const covered = new Set(Object.values(expected).flatMap((list) => list.map((d) => d.code)));
		for (const code of EMITTABLE) expect(covered, code).toContain(code);
	});

	it('covers every programme code with a programme fixture, and no scenario fixture reports one', () => {
		const fromProgrammes = new Set(
			Object.entries(expected)
				.filter(([file]) => isProgramme(file))
				.flatMap(([, list]) => list.map((d) => d.code))
		);
		for (const code of PROGRAMME_DIAGNOSTIC_CODES) expect(fromProgrammes, code).toContain(code);
		const programmeCodes: readonly string[] = PROGRAMME_DIAGNOSTIC_CODES;
		for (const [file, list] of Object.entries(expected)) {
			if (!isProgramme(file)) for (const d of list) expect(programmeCodes, `${file} ${d.code}`).not.toContain(d.code);
		}
	});

	const cases = fixtureFiles.map((file) => {
		const first = expected[file]?.[0];
		return { file, title: first ? `${first.code} at ${first.line}:${first.column}` : 'nothing' };
	});

	it.each(cases)('$file reports $title', ({ file }) => {
		const source = readFileSync(new URL(file, FIXTURES), 'utf8');
		const { parsed, diagnostics } = parseFixture(file, source);
		expect(diagnostics.map(position)).toEqual(expected[file]);
		for (const diagnostic of diagnostics) {
			expect(diagnostic.message.trim(), `${diagnostic.code} message`).not.toBe('');
			expect(diagnostic.hint.trim(), `${diagnostic.code} hint`).not.toBe('');
		}
		const hasError = diagnostics.some((d) => d.severity === 'error');
		if (hasError) expect(parsed).toBeNull();
		else expect(parsed).not.toBeNull();
	});

	it('names every fixture after a code it reports', () => {
		for (const file of fixtureFiles) {
			const code = file.replace(/(\.programme)?\.md$/, '');
			expect(expected[file].map((d) => d.code), file).toContain(code);
		}
	});
});

describe('limits, generated in code', () => {
	it('reports file-too-large at 1:1 for a file over MAX_SOURCE_CHARS', () => {
		const { scenario, diagnostics } = parseScenario('x'.repeat(MAX_SOURCE_CHARS + 1));
		expect(scenario).toBeNull();
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'file-too-large', line: 1, column: 1 }]);
		expect(diagnostics[0].message).not.toBe('');
		expect(diagnostics[0].hint).not.toBe('');
	});

	it('reports too-many-nodes at the first heading over the limit', () => {
		const header = '---\ntitle: T\ncustomer: Dana Whitfield\nsummary: S.\n---\n';
		const headings = Array.from({ length: MAX_NODES + 1 }, (_, i) => `## Node ${i}`).join('\n');
		const { scenario, diagnostics } = parseScenario(header + headings);
		expect(scenario).toBeNull();
		// 5 front matter lines, then heading number MAX_NODES (0-based) on line 6 + MAX_NODES
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'too-many-nodes', line: 6 + MAX_NODES, column: 1 }]);
	});
});

const FULL = `---
title: The Shape Test
customer: Dana Whitfield
summary: Dana wants her broken vase put right.
difficulty: 2
minutes: 6
tags: [ownership, phone]
mood: 30
policy: |
  Refunds need a receipt.
  Shipping is not refunded.
---

# The Shape Test

You are on the phones at *Hearth & Hollow*.

Your screen shows her order.

## Start

Dana's voice is tight.

\`\`\`text
## not a heading
- [not a choice](#nowhere) empathy +3
\`\`\`

> **Dana:** "This is the third time I'm calling."

- [I'm sorry you've been passed around, Dana. I'll stay with you.](#danas-refund) empathy +2, ownership +2, mood +15
  > Naming the repeat calls shows you listened.
  > Promising to stay ends the pass-the-parcel.
- [Let me transfer you to returns.](#step-2-the-real-fix) ownership \u22122, mood -25
  > A third transfer tells her nobody owns her problem.
- [Shipping damage is the courier's fault.](#café--co--finally) empathy -2, flexibility -1, ownership -3, mood -30 when mood < 60
  > Blaming a third party is still not owning it.
- [Write your own reply](#danas-refund) free
  > Own it: name her repeat calls.
  - Look for "stay on the line", "I'll sort", \u201cmyself\u201d: ownership +2
  - Avoid "transfer", "another department": ownership -2, mood -10
  - Model answer: Dana, I'm so sorry you've had to call three times.
    I'll sort it myself.

## Dana's *refund*

> **Dana:** "Fine."

- [I'll refund it today.](#sorted) flexibility +2, ownership +1, mood +20 When empathy >= 2
  > Concrete and in your own name.
- [Refunds take ten days.](#step-2-the-real-fix) flexibility -2, mood -10
  > A policy wall.

## Step 2: the **real** fix!

She sighs.

Outcome: escalated

## Café & Co. — "Finally"

Outcome: lost

## Sorted ##

Dana thanks you.
`;

describe('a valid scenario', () => {
	const result = parseScenario(FULL);
	const scenario = result.scenario as Scenario;

	it('parses without diagnostics', () => {
		expect(result.diagnostics).toEqual([]);
		expect(scenario).not.toBeNull();
	});

	it('reads the front matter', () => {
		const { briefing, ...meta } = scenario.meta;
		expect(meta).toEqual({
			title: 'The Shape Test',
			customer: 'Dana Whitfield',
			summary: 'Dana wants her broken vase put right.',
			difficulty: 2,
			minutes: 6,
			tags: ['ownership', 'phone'],
			mood: 30,
			policy: 'Refunds need a receipt.\nShipping is not refunded.',
			shuffle: true
		});
		expect(briefing).toBe('You are on the phones at *Hearth & Hollow*.\n\nYour screen shows her order.');
	});

	it('defaults difficulty, mood and tags, and leaves minutes and policy out', () => {
		const { scenario: minimal, diagnostics } = parseScenario(`---
title: Minimal
customer: Sam Lee
summary: The least a scenario needs.
---
## Start

- [Hello Sam, sorry, I'll fix it.](#end) empathy +1, flexibility +1, ownership +1
  > Good.
- [Hello.](#end) empathy -1, flexibility -1, ownership -1
  > Bare.

## End
`);
		expect(diagnostics).toEqual([]);
		expect(minimal!.meta).toEqual({
			title: 'Minimal',
			customer: 'Sam Lee',
			summary: 'The least a scenario needs.',
			difficulty: 1,
			minutes: undefined,
			tags: [],
			mood: 50,
			policy: undefined,
			shuffle: true,
			briefing: ''
		});
	});

	it('reads tags written as a comma-separated string', () => {
		const { scenario: s } = parseScenario(FULL.replace('tags: [ownership, phone]', 'tags: ownership, phone , '));
		expect(s!.meta.tags).toEqual(['ownership', 'phone']);
	});

	it('starts at the first node and keeps the nodes in file order, with GitHub slugs as ids', () => {
		expect(scenario.start).toBe('start');
		expect(scenario.nodes.map((node) => node.id)).toEqual([
			'start',
			'danas-refund',
			'step-2-the-real-fix',
			'café--co--finally',
			'sorted'
		]);
		expect(scenario.nodes.map((node) => node.title)).toEqual([
			'Start',
			"Dana's refund",
			'Step 2: the real fix!',
			'Café & Co. — "Finally"',
			'Sorted'
		]);
		expect(scenario.nodes.map((node) => node.line)).toEqual([20, 45, 54, 60, 64]);
	});

	it('keeps a code fence, with a `## not a heading` line, in the body', () => {
		const start = scenario.nodes[0];
		expect(start.body).toBe(
			[
				"Dana's voice is tight.",
				'',
				'```text',
				'## not a heading',
				'- [not a choice](#nowhere) empathy +3',
				'```',
				'',
				'> **Dana:** "This is the third time I\'m calling."'
			].join('\n')
		);
		expect(scenario.nodes.some((node) => node.id === 'not-a-heading')).toBe(false);
	});

	it('reads choices with text, target, effects, free, when, feedback, cues and model answer', () => {
		const [sorry, transfer, blame, own] = scenario.nodes[0].choices;
		expect(scenario.nodes[0].choices).toHaveLength(4);
		expect(sorry).toEqual({
			text: "I'm sorry you've been passed around, Dana. I'll stay with you.",
			target: 'danas-refund',
			effects: { empathy: 2, ownership: 2, mood: 15 },
			free: false,
			feedback: 'Naming the repeat calls shows you listened.\nPromising to stay ends the pass-the-parcel.',
			cues: [],
			line: 31
		});
		expect(transfer.effects).toEqual({ ownership: -2, mood: -25 });
		expect(transfer.target).toBe('step-2-the-real-fix');
		expect(transfer.when).toBeUndefined();
		expect(blame).toMatchObject({
			target: 'café--co--finally',
			effects: { empathy: -2, flexibility: -1, ownership: -3, mood: -30 },
			when: { scope: 'run', subject: 'mood', op: '<', value: 60 },
			feedback: 'Blaming a third party is still not owning it.'
		});
		expect(own).toEqual({
			text: 'Write your own reply',
			target: 'danas-refund',
			effects: {},
			free: true,
			feedback: 'Own it: name her repeat calls.',
			cues: [
				{ kind: 'look-for', phrases: ['stay on the line', "i'll sort", 'myself'], effects: { ownership: 2 }, line: 40 },
				{ kind: 'avoid', phrases: ['transfer', 'another department'], effects: { ownership: -2, mood: -10 }, line: 41 }
			],
			modelAnswer: "Dana, I'm so sorry you've had to call three times. I'll sort it myself.",
			line: 38
		});
	});

	it('reads a `When` condition whatever its case, and on a running total', () => {
		const refund = scenario.nodes[1].choices[0];
		expect(refund.effects).toEqual({ flexibility: 2, ownership: 1, mood: 20 });
		expect(refund.when).toEqual({ scope: 'run', subject: 'empathy', op: '>=', value: 2 });
	});

	it('reads effects with or without a space before the sign, and typographic minus signs', () => {
		const { scenario: s, diagnostics } = parseScenario(
			FULL.replace('flexibility -2, mood -10', 'flexibility-2,mood \u221210 , ownership+1,')
		);
		expect(diagnostics).toEqual([]);
		expect(s!.nodes[1].choices[1].effects).toEqual({ flexibility: -2, mood: -10, ownership: 1 });
	});

	it('reports an unknown hyphenated effect as one token', () => {
		const source = FULL.replace('flexibility -2, mood -10', 'policy-flexibility -2, mood -10');
		const { diagnostics } = parseScenario(source);
		const lines = source.split('\n');
		const line = lines.findIndex((text) => text.includes('policy-flexibility')) + 1;
		const column = lines[line - 1].indexOf('policy-flexibility') + 1;
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'unknown-effect', line, column }]);
		expect(diagnostics[0].message).toContain('policy-flexibility -2');
	});

	it('reads every comparator and reply conditions on free choices', () => {
		const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
		const items = ops
			.map((op, i) => `- [Reply ${i}](#end) free when reply.ownership ${op} ${i - 2}\n  > Feedback.`)
			.join('\n');
		const { scenario: s, diagnostics } = parseScenario(
			`---\ntitle: T\ncustomer: Sam Lee\nsummary: S.\n---\n## Start\n\n${items}\n- [Fallback](#end) free\n\n## End\n`
		);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(s!.nodes[0].choices.map((choice) => choice.when)).toEqual([
			...ops.map((op, i) => ({ scope: 'reply', subject: 'ownership', op, value: i - 2 })),
			undefined
		]);
	});

	it('gives endings their authored outcome, and none when the outcome follows the mood', () => {
		const byId = Object.fromEntries(scenario.nodes.map((node) => [node.id, node]));
		expect(byId['step-2-the-real-fix'].outcome).toBe('escalated');
		expect(byId['café--co--finally'].outcome).toBe('lost');
		expect(byId['sorted'].outcome).toBeUndefined();
		expect(byId['start'].outcome).toBeUndefined();
		// the Outcome: line is not part of the body
		expect(byId['step-2-the-real-fix'].body).toBe('She sighs.');
		expect(byId['café--co--finally'].body).toBe('');
		expect(byId['sorted'].body).toBe('Dana thanks you.');
	});

	it('accepts the outcome in bold and in any case', () => {
		for (const line of ['**Outcome:** Resolved', 'outcome: RESOLVED.', '__Outcome__: resolved']) {
			const { scenario: s, diagnostics } = parseScenario(FULL.replace('Outcome: escalated', line));
			expect(diagnostics, line).toEqual([]);
			expect(s!.nodes[2].outcome, line).toBe('resolved');
		}
	});

	it('does not take narration that starts with "Outcomes" for an outcome line', () => {
		const source = FULL.replace('Dana thanks you.', 'Dana thanks you.\n\nOutcomes like this one keep customers.');
		const { scenario: s, diagnostics } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(s!.nodes[4].outcome).toBeUndefined();
		expect(s!.nodes[4].body).toBe('Dana thanks you.\n\nOutcomes like this one keep customers.');
	});

	it('points bad-outcome at the unknown word', () => {
		for (const [line, column] of [
			['outcome: come', 10],
			['Outcome: out', 10],
			['**Outcome:** solved', 14],
			['Outcome:', 9]
		] as const) {
			const source = FULL.replace('Outcome: escalated', line);
			const { scenario: s, diagnostics } = parseScenario(source);
			expect(diagnostics.map(position), line).toEqual([{ severity: 'error', code: 'bad-outcome', line: 58, column }]);
			expect(s).toBeNull();
		}
	});

	it('gives the same result for CRLF line ends and a byte order mark', () => {
		expect(parseScenario(FULL.replace(/\n/g, '\r\n'))).toEqual(result);
		expect(parseScenario('\uFEFF' + FULL)).toEqual(result);
		expect(parseScenario('\uFEFF' + FULL.replace(/\n/g, '\r\n'))).toEqual(result);
	});
});

describe('slugs', () => {
	it.each([
		['A fresh start', 'a-fresh-start'],
		["Dana's refund", 'danas-refund'],
		["Dana's *third* call", 'danas-third-call'],
		['The **real** fix!', 'the-real-fix'],
		['Step 2: greet', 'step-2-greet'],
		['`Code` and _underscore_ words', 'code-and-underscore-words'],
		['snake_case_name', 'snake_case_name'],
		['See [the docs](https://example.com)', 'see-the-docs'],
		['A [b [c] d](u) e', 'a-b-c-d-e'],
		['Link [x](https://example.com/a_(b)) y', 'link-x-y'],
		['A -- B', 'a----b'],
		['Café & Co. — "Finally"', 'café--co--finally'],
		['Why? Because.', 'why-because']
	])('%s → %s', (heading, slug) => {
		expect(slugify(heading)).toBe(slug);
	});

	it('links to headings with punctuation and emphasis by their slug', () => {
		const source = `---
title: T
customer: Sam Lee
summary: S.
---
## Start

- [Go](#whats-next-sam) empathy +1, flexibility +1, ownership +1
  > Good.
- [Stop](#the-end) empathy -1, flexibility -1, ownership -1
  > Bad.

## What's *next*, Sam?

- [On](#the-end) empathy +1
  > Fine.

## The end ##
`;
		const { scenario, diagnostics } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(scenario!.nodes.map((node) => node.id)).toEqual(['start', 'whats-next-sam', 'the-end']);
	});
});

describe('errors and the scenario', () => {
	it('returns no scenario whenever there is an error, and one when there are only warnings', () => {
		const withError = parseScenario(FULL.replace('#sorted', '#sortd'));
		expect(withError.diagnostics.some((d) => d.severity === 'error')).toBe(true);
		expect(withError.scenario).toBeNull();

		const withWarning = parseScenario(FULL.replace('  > Concrete and in your own name.\n', ''));
		expect(withWarning.diagnostics.map((d) => d.code)).toEqual(['missing-feedback']);
		expect(withWarning.scenario).not.toBeNull();
	});

	it('sorts diagnostics by position', () => {
		const { diagnostics } = parseScenario(
			FULL.replace('#sorted', '#sortd').replace('difficulty: 2', 'difficulty: 9').replace('Outcome: lost', 'Outcome: lots')
		);
		const keys = diagnostics.map((d) => d.line * 1e6 + d.column);
		expect(keys).toEqual([...keys].sort((a, b) => a - b));
		expect(diagnostics.map((d) => d.code)).toEqual(
			expect.arrayContaining(['front-matter-field-invalid', 'broken-link', 'bad-outcome'])
		);
	});

	it('never throws on a non-string', () => {
		for (const value of [undefined, null, 42, {}, []]) {
			const { scenario, diagnostics } = parseScenario(value as unknown as string);
			expect(scenario).toBeNull();
			expect(diagnostics.length).toBeGreaterThan(0);
		}
	});
});

describe('effects written without commas', () => {
	const source = '---\ntitle: T\ncustomer: A B\nsummary: S.\n---\n## Start\n\n- [Go](#end) empathy +2 ownership +1\n  > Why.\n\n## End\n\nOutcome: lost\n';

	it('says to separate them with commas, once, without echo warnings', () => {
		const { diagnostics } = parseScenario(source);
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({ code: 'bad-effect-value', line: 8, column: 14 });
		expect(diagnostics[0].hint).toContain('Separate effects with commas');
	});
});

describe('links written the way people write them', () => {
	const source = (link: string) =>
		`---\ntitle: T\ncustomer: A B\nsummary: S.\n---\n## Start\n\n- [Go](${link}) empathy +2, flexibility +1, ownership +1\n  > Why.\n- [Stay](#start) empathy -1\n  > Why.\n\n## A fresh start\n\nOutcome: lost\n`;

	it('reports a link to the heading text at the link, suggesting the id, without echoes', () => {
		const { diagnostics } = parseScenario(source('#A fresh start'));
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'broken-link', line: 8, column: 8 }]);
		expect(diagnostics[0].hint).toContain('#a-fresh-start');
	});

	it('reports a node link without its # instead of silently dropping the reply', () => {
		const { diagnostics } = parseScenario(source('a-fresh-start'));
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'broken-link', line: 8, column: 8 }]);
		expect(diagnostics[0].hint).toBe('Write `(#a-fresh-start)`.');
	});

	it('leaves ordinary links alone', () => {
		const { diagnostics } = parseScenario(source('https://example.com/help'));
		expect(diagnostics.some((d) => d.code === 'stray-list-item' && d.line === 8)).toBe(true);
		expect(diagnostics.some((d) => d.code === 'broken-link')).toBe(false);
	});
});

describe('feedback written without its indent', () => {
	it('still belongs to the reply right above it', () => {
		const source = '---\ntitle: T\ncustomer: A B\nsummary: S.\n---\n## Start\n\n- [Go](#end) empathy +2, flexibility +1, ownership +1\n> Why this helps.\n- [Stay](#start) empathy -1\n> Why this hurts.\n\n## End\n\nOutcome: lost\n';
		const { scenario, diagnostics } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(scenario!.nodes[0].choices.map((c) => c.feedback)).toEqual(['Why this helps.', 'Why this hurts.']);
		expect(scenario!.nodes[0].body).toBe('');
	});
});

describe('reply order', () => {
	const ordered = (frontMatter: string, startExtra: string) =>
		parseScenario(`---
title: Ordered
customer: Sam Lee
summary: Steps in sequence.
${frontMatter}---
## Start

${startExtra}

- [First](#end) empathy +1, flexibility +1, ownership +1
  > One.
- [Second](#end) empathy -1, flexibility -1, ownership -1
  > Two.

## End
`);

	it('shuffles by default and reads `shuffle: false` from the front matter', () => {
		expect(ordered('', '').scenario!.meta.shuffle).toBe(true);
		expect(ordered('shuffle: false\n', '').scenario!.meta.shuffle).toBe(false);
	});

	it('reports a `shuffle` that is not true or false at its value', () => {
		const { scenario, diagnostics } = ordered('shuffle: sometimes\n', '');
		expect(scenario).toBeNull();
		expect(diagnostics.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
			{ code: 'front-matter-field-invalid', line: 5, column: 10 }
		]);
	});

	it('reads a node\'s `Order:` line in its forms and leaves it out of the body', () => {
		for (const [line, order] of [
			['Order: as written', 'written'],
			['**Order:** As Written', 'written'],
			['order: fixed', 'written'],
			['Order: shuffled', 'shuffled']
		] as const) {
			const { scenario, diagnostics } = ordered('', `Sam waits.\n\n${line}`);
			expect(diagnostics).toEqual([]);
			expect(scenario!.nodes[0].order).toBe(order);
			expect(scenario!.nodes[0].body).toBe('Sam waits.');
		}
		expect(ordered('', '').scenario!.nodes[0].order).toBeUndefined();
	});

	it('leaves narration that happens to start with "Order:" in the body', () => {
		const { scenario, diagnostics } = ordered('', 'Order: #A-1142, two lamps.');
		expect(diagnostics).toEqual([]);
		expect(scenario!.nodes[0].order).toBeUndefined();
		expect(scenario!.nodes[0].body).toBe('Order: #A-1142, two lamps.');
	});

	it('points bad-order at the misspelt value, with the word meant', () => {
		const { diagnostics } = ordered('', 'Order: shufled');
		expect(diagnostics).toHaveLength(1);
		expect(diagnostics[0]).toMatchObject({ code: 'bad-order', severity: 'error', line: 8, column: 8 });
		expect(diagnostics[0].hint).toContain('`shuffled`');
	});
});

describe('a partial parse for the editor and the map', () => {
	const BROKEN = `---
title: Half done
customer: Sam Lee
summary: One link leads nowhere.
---
## Start

- [Help](#sorted) empathy +1, flexibility +1, ownership +1
  > Good.
- [Pass it on](#nowhere-yet) empathy -1, flexibility -1, ownership -1
  > Bad.

## Sorted

Outcome: resolved
`;

	it('keeps players on the null scenario, and gives the editor every node with the broken link marked', () => {
		const { scenario, draft, diagnostics } = parseScenario(BROKEN);
		expect(scenario).toBeNull();
		expect(draft.meta?.title).toBe('Half done');
		expect(draft.start).toBe('start');
		expect(draft.nodes.map((node) => node.id)).toEqual(['start', 'sorted']);
		expect(draft.nodes[0].choices.map((choice) => choice.target)).toEqual(['sorted', 'nowhere-yet']);
		expect(draft.broken).toEqual([{ node: 'start', choice: 1 }]);
		expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['broken-link']);
	});

	it('gives the broken link an end position that spans its target', () => {
		const { diagnostics } = parseScenario(BROKEN);
		const line = BROKEN.split('\n')[9];
		const link = diagnostics.find((d) => d.code === 'broken-link')!;
		expect(line.slice(link.column - 1, link.endColumn! - 1)).toBe('#nowhere-yet');
		expect(link.endLine).toBe(link.line);
	});

	it('spans a bad effect, a bad condition and a misspelt outcome', () => {
		const source = BROKEN.replace('empathy +1, flexibility +1', 'empthy +1, flexibility +1').replace('Outcome: resolved', 'Outcome: resolvd').replace(
			'ownership -1\n',
			'ownership -1 when mod < 3\n'
		);
		const lines = source.split('\n');
		const spans = parseScenario(source)
			.diagnostics.filter((d) => d.endColumn !== undefined)
			.map((d) => [d.code, lines[d.line - 1].slice(d.column - 1, d.endColumn! - 1)]);
		expect(spans).toEqual(
			expect.arrayContaining([
				['unknown-effect', 'empthy +1'],
				['bad-when', 'mod < 3'],
				['bad-outcome', 'resolvd'],
				['broken-link', '#nowhere-yet']
			])
		);
	});

	it('analyses a draft as far as its links lead', () => {
		const { draft } = parseScenario(BROKEN);
		const analysis = analyseScenario(draft);
		expect(analysis.nodes).toBe(2);
		expect(analysis.totals.empathy).toEqual({ best: 1, worst: 1 });
		expect(analyseScenario({ meta: null, nodes: [] }).nodes).toBe(0);
	});

	it('gives an empty draft when the file is refused before reading', () => {
		expect(parseScenario('x'.repeat(MAX_SOURCE_CHARS + 1)).draft).toEqual({ meta: null, start: null, nodes: [], broken: [] });
	});
});
