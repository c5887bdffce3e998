import { describe, expect, it } from 'vitest';
import { parseScenario, splitSegments } from '../../src/lib/core';
import { closesFence, fenceOpenedBy, literalLines } from '../../src/lib/core/blocks';

const scenario = (body: string) => `---
title: Blocks
customer: Dana Whitfield
summary: Code and comments are text.
---

${body}`;

describe('one rule for code fences and HTML comments', () => {
	it('closes a fence only with a bare run of the same character at least as long', () => {
		expect(fenceOpenedBy('```js')).toBe('```');
		expect(fenceOpenedBy('  ~~~~')).toBe('~~~~');
		expect(fenceOpenedBy('``` a`b')).toBeNull(); // a backtick in the info string: inline code, not a fence
		expect(closesFence('```', '```')).toBe(true);
		expect(closesFence('`````  ', '```')).toBe(true);
		expect(closesFence('```js', '```')).toBe(false);
		expect(closesFence('~~~', '```')).toBe(false);
		expect(closesFence('``', '```')).toBe(false);
	});

	it('marks fences and HTML comment blocks, and nothing around them', () => {
		const lines = ['text', '```', '## code', '```js', '```', 'after', '<!-- note', '## hidden', '-->', '<!-- one line -->', 'end'];
		expect([...literalLines(lines)]).toEqual([0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
	});

	it('makes no node from a heading inside an HTML comment', () => {
		const { scenario: parsed, diagnostics } = parseScenario(
			scenario(`## Start

<!--
## Draft node
- [Draft reply](#nowhere) empathy +1
-->

- [Fine](#end) empathy +1
  > Good.

## End

Outcome: resolved
`)
		);
		expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(parsed!.nodes.map((node) => node.id)).toEqual(['start', 'end']);
		expect(parsed!.nodes[0].choices.map((choice) => choice.text)).toEqual(['Fine']);
	});

	it('keeps a speech bubble out of a code block that a fence with an info string does not close', () => {
		const body = ['Narration.', '', '```', '> **Dana:** "in code"', '```js', '> **Dana:** "still code"', '```', '', '> **Dana:** "spoken"'].join('\n');
		const segments = splitSegments(body);
		const speech = segments.filter((segment) => segment.kind === 'speech');
		expect(speech).toEqual([{ kind: 'speech', speaker: 'Dana', markdown: '"spoken"' }]);
		expect(segments[0].kind).toBe('narration');
		expect(segments[0].markdown).toContain('"still code"');
	});

	it('keeps a speech bubble out of an HTML comment', () => {
		const segments = splitSegments('<!--\n> **Dana:** "hidden"\n-->\n\n> **Dana:** "shown"');
		expect(segments.filter((segment) => segment.kind === 'speech').map((segment) => segment.markdown)).toEqual(['"shown"']);
	});
});
