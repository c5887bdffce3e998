import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	compileScenario,
	inspectScenario,
	markdownPieces,
	MAX_CHECK_STEPS,
	MAX_CHECKS,
	parseScenario,
	scoreReply,
	type CheckResult,
	type Diagnostic
} from '../../src/lib/core';

/** A small scenario: two decisions, a mood-gated reply, the same words written twice for two moods, a typed reply routed by its score. */
const BASE = `---
title: The Broken Vase
customer: Dana Whitfield
summary: Dana's vase arrived broken.
mood: 40
---

You answer the phone.

## Start

> **Dana:** "This is my third call. Can you sort it?"

- [Sorry for the wait, Dana. I'll sort it now.](#the-vase) empathy +2, flexibility +1, ownership +2, mood +20
  > Apologise, then commit.
- [Sorry, you'll have to call back tomorrow.](#lost) empathy -1, flexibility -1, ownership -2, mood -20
  > Sending her away solves nothing.
- [Let me *transfer* you to Returns.](#lost) ownership -2, mood -10 when mood < 30
  > A third transfer tells her nobody owns her problem.

## The vase

> **Dana:** "It arrived in pieces. What now?"

- [I'll send a new one today, by express.](#sorted) ownership +2, mood +20 when mood >= 50
  > A dated commitment, in your own name.
- [I'll send a new one today, by express.](#grudging) ownership +2, mood +10 when mood < 50
  > Right, though she is still cross.
- [Please fill in the claim form on our website.](#lost) ownership -2, flexibility -1, mood -20
  > It hands the work back to her.
- [Write your own reply](#sorted) free when reply.ownership >= 2
  > You said what you would do and when.
  - Look for "replacement", "new one": ownership +1
- [Write your own reply](#lost) free
  > She still doesn't know who will fix it.

## Sorted

Outcome: resolved

## Grudging

Outcome: retained

## Lost

Outcome: lost
`;

const parse = (checks: string, source = BASE) => parseScenario(`${source}\n${checks}\n`);
/** The 1-based line of the first line holding `needle` in `source`. */
const lineOf = (source: string, needle: string) => source.split('\n').findIndex((line) => line.includes(needle)) + 1;
const only = (checks: CheckResult[]) => {
	expect(checks).toHaveLength(1);
	return checks[0];
};
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

describe('a check block', () => {
	it('reads a named path and its expectations, runs it and passes', () => {
		const checks = `<!-- check: Best path
- Sorry for the wait
- 1
expect: outcome resolved, ending sorted, mood >= 70, empathy 100, flexibility 100, ownership 100
-->`;
		const result = parse(checks);
		expect(result.diagnostics).toEqual([]);
		expect(result.scenario).not.toBeNull();
		const check = only(result.checks);
		const source = `${BASE}\n${checks}\n`;
		expect(check).toMatchObject({ name: 'Best path', status: 'passed', line: lineOf(source, '<!-- check'), endLine: lineOf(source, '-->'), problems: [] });
		expect(check.path).toEqual([
			{ line: lineOf(source, '- Sorry for the wait'), node: 'start', reply: 1, text: "Sorry for the wait, Dana. I'll sort it now." },
			{ line: lineOf(source, '- 1'), node: 'the-vase', reply: 1, text: "I'll send a new one today, by express." }
		]);
		expect(check.result).toEqual({ ending: 'sorted', outcome: 'resolved', mood: 80, scores: { empathy: 100, flexibility: 100, ownership: 100 } });
		expect(check.expectations.map((e) => [e.expected, e.actual, e.passed])).toEqual([
			['outcome resolved', 'outcome resolved', true],
			['ending sorted', 'ending sorted', true],
			['mood >= 70', 'mood 80', true],
			['empathy 100', 'empathy 100', true],
			['flexibility 100', 'flexibility 100', true],
			['ownership 100', 'ownership 100', true]
		]);
	});

	it('takes `check "Name"`, list markers or none, numbered steps and several expect lines', () => {
		const { checks, diagnostics } = parse(`<!-- check "Worst, numbered"
1. 2
expect: outcome lost
Expect: empathy 0..10, ownership < 1
-->
<!--check: Bare lines
sorry for the wait
#3
expect: ending grudging
-->`);
		expect(codes(diagnostics)).toEqual(['check-failed']);
		expect(checks.map((c) => [c.name, c.status, c.path.map((p) => `${p.node}:${p.reply}`).join(' ')])).toEqual([
			['Worst, numbered', 'passed', 'start:2'],
			['Bare lines', 'failed', 'start:1 the-vase:3']
		]);
		// "#3" at the vase is the claim form, which leads to Lost, not Grudging
		expect(checks[1].problems.map((d) => d.message)).toEqual(['Check "Bare lines": ending is lost, expected grudging.']);
	});

	it('reads ranges written every way, and `not assessed`', () => {
		const { checks, diagnostics } = parse(`<!-- check: Ranges
- call back tomorrow
expect: mood 0..25, empathy => 0, flexibility =< 0, ownership = 0
-->
<!-- check: Not assessed
- call back
expect: outcome lost or escalated, mood 20-25, empathy <= 0
-->`);
		expect(diagnostics).toEqual([]);
		expect(checks.map((c) => c.status)).toEqual(['passed', 'passed']);
		expect(checks[0].expectations.map((e) => e.expected)).toEqual(['mood 0..25', 'empathy >= 0', 'flexibility <= 0', 'ownership 0']);
		expect(checks[1].expectations.map((e) => e.expected)).toEqual(['outcome lost or escalated', 'mood 20..25', 'empathy <= 0']);

		// A path with one decision where the replies all give the same flexibility does not assess it.
		const flat = BASE.replace('empathy +2, flexibility +1, ownership +2, mood +20', 'empathy +2, flexibility -1, ownership +2, mood +20');
		const notAssessed = parse(`<!-- check: Flat
- call back
expect: flexibility not assessed, empathy not assessed
-->`, flat);
		expect(notAssessed.diagnostics.map((d) => d.message)).toEqual(['Check "Flat": empathy is 0, expected not assessed.']);
		expect(only(notAssessed.checks).expectations.map((e) => e.actual)).toEqual(['flexibility not assessed', 'empathy 0']);
	});
});

describe('out of the trainee\'s view', () => {
	const checks = `<!-- check: Best path
- Sorry for the wait
- 1
expect: outcome resolved
-->`;

	it('leaves no trace in any node body, the briefing or the compiled record', () => {
		const inBriefing = BASE.replace('You answer the phone.\n', `You answer the phone.\n\n${checks}\n`);
		const atTheEnd = `${BASE}\n${checks}\n`;
		const mid = BASE.replace('## The vase', `${checks}\n\n## The vase`);
		for (const source of [inBriefing, atTheEnd, mid]) {
			const { scenario, diagnostics, checks: results } = parseScenario(source);
			expect(diagnostics).toEqual([]);
			expect(only(results).status).toBe('passed');
			const record = compileScenario('vase', source, { block: (markdown) => markdown, inline: (markdown) => markdown });
			const shown = JSON.stringify([record.scenario, record.html, [...markdownPieces(scenario!).block]]);
			expect(shown).not.toMatch(/check|expect:|<!--/);
			expect(scenario!.meta.briefing).toBe('You answer the phone.');
			expect(scenario!.nodes.find((n) => n.id === 'lost')!.body).toBe('');
		}
	});

	it('does not break the list of replies it follows, even without a blank line', () => {
		const source = BASE.replace(
			'  > It hands the work back to her.\n',
			`  > It hands the work back to her.\n<!-- check: Claim form\n- Sorry for the wait\n- claim form\nexpect: outcome lost\n-->\n`
		);
		const { diagnostics, scenario, checks: results } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(scenario!.nodes[1].choices).toHaveLength(5);
		expect(only(results).status).toBe('passed');
	});

	it('leaves other comments alone, and is text inside a code block or another comment', () => {
		const source = `${BASE}
<!-- Check with Sam before publishing. -->

\`\`\`markdown
<!-- check: Inside a fence
- 9
-->
\`\`\`

<!--
<!-- check: Inside a comment
- 9
-->
`;
		const { diagnostics, checks: results, scenario } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(results).toEqual([]);
		// They stay in the last node's body, exactly as before checks existed.
		expect(scenario!.nodes.at(-1)!.body).toContain('<!-- Check with Sam before publishing. -->');
		expect(scenario!.nodes.at(-1)!.body).toContain('<!-- check: Inside a fence');
	});

	it('reads the same from a file with CRLF line ends and a byte-order mark', () => {
		const source = `${BASE}\n${checks}\n`;
		const plain = parseScenario(source);
		expect(parseScenario('\uFEFF' + source.replace(/\n/g, '\r\n'))).toEqual(plain);
	});
});

describe('steps', () => {
	it('match words whatever their capitals, punctuation, quotes and Markdown, but only whole words', () => {
		const { checks, diagnostics } = parse(`<!-- check: Transfer
- sorry you\u2019ll have to CALL back
expect: outcome lost
-->
<!-- check: Markdown
- “Let me transfer you”
expect: outcome lost
-->
<!-- check: Part of a word
- sor
expect: outcome lost
-->`, BASE.replace('mood: 40', 'mood: 20'));
		expect(checks.map((c) => c.status)).toEqual(['passed', 'passed', 'failed']);
		expect(checks[1].path[0]).toMatchObject({ node: 'start', reply: 3, text: 'Let me transfer you to Returns.' });
		expect(diagnostics.map((d) => [d.code, d.message])).toEqual([['check-reply-not-found', 'Check "Part of a word", step 1: no reply in `start` contains "sor".']]);
	});

	it('count replies by their written number, whatever order the player would show them in', () => {
		for (const order of ['', 'Order: as written\n\n']) {
			const source = BASE.replace('> **Dana:** "This is my third call.', `${order}> **Dana:** "This is my third call.`);
			const { checks } = parse(`<!-- check: Second\n- 2\nexpect: outcome lost\n-->`, source);
			expect(only(checks).path).toEqual([expect.objectContaining({ node: 'start', reply: 2, text: "Sorry, you'll have to call back tomorrow." })]);
		}
	});

	it('take the one reply on offer when the same words are written twice for different moods', () => {
		// Mood 40 + 20 = 60 at the vase: the `when mood >= 50` copy, to Sorted.
		const happy = only(parse(`<!-- check: Happy\n- Sorry for the wait\n- a new one today\nexpect: ending sorted\n-->`).checks);
		expect(happy.status).toBe('passed');
		expect(happy.path[1].reply).toBe(1);
		// Starting at 0, the mood is 20 there: the `when mood < 50` copy, to Grudging.
		const cross = only(parse(`<!-- check: Cross\n- Sorry for the wait\n- a new one today\nexpect: ending grudging\n-->`, BASE.replace('mood: 40', 'mood: 0')).checks);
		expect(cross.status).toBe('passed');
		expect(cross.path[1].reply).toBe(2);
	});

	it('report words that are in two different replies', () => {
		const source = `${BASE}\n<!-- check: Sorry\n- sorry\nexpect: outcome lost\n-->\n`;
		const { diagnostics, checks } = parseScenario(source);
		expect(diagnostics).toEqual([
			{
				severity: 'warning',
				code: 'check-reply-ambiguous',
				message: 'Check "Sorry", step 1: "sorry" is in 2 replies of `start` (1, 2).',
				hint: "Add words until only one reply holds them, or give the reply's number.",
				line: lineOf(source, '- sorry'),
				column: 3,
				endLine: lineOf(source, '- sorry'),
				endColumn: 8
			}
		]);
		expect(only(checks)).toMatchObject({ status: 'failed', path: [] });
		expect(checks[0].result).toBeUndefined();
		expect(checks[0].expectations).toEqual([expect.objectContaining({ expected: 'outcome lost', actual: null, passed: null })]);
	});

	it('report a reply the node does not have, at the step', () => {
		const { diagnostics } = parse(`<!-- check: Gone
- Sorry for the wait
- 6
-->
<!-- check: Typed by number
- Sorry for the wait
- 4
-->
<!-- check: Typed where none is
- typed: Hello
-->
<!-- check: Label
- Write your own reply
-->
<!-- check: Reworded
- refund the vase
-->`);
		expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
			['check-reply-not-found', 'Check "Gone", step 2: `the-vase` has no reply 6 (it has 5).'],
			['check-reply-not-found', 'Check "Typed by number", step 2: reply 4 in `the-vase` is a typed reply.'],
			['check-reply-not-found', 'Check "Typed where none is", step 1: `start` takes no typed reply.'],
			['check-reply-not-found', 'Check "Label", step 1: no reply in `start` contains "Write your own reply".'],
			['check-reply-not-found', 'Check "Reworded", step 1: no reply in `start` contains "refund the vase".']
		]);
		expect(diagnostics[0].hint).toBe(
			'Number the replies as written in the node, from 1. Its replies: 1 "I\'ll send a new one today, by express.", 2 "I\'ll send a new one today, by express.", 3 "Please fill in the claim form on our web…", 4 typed, 5 typed.'
		);
		expect(diagnostics[4].hint).toMatch(/^Copy a few words from the reply, or give its number\. Its replies: 1 "Sorry for the wait/);
	});

	it('report a reply its condition hides at that point of the path, saying why', () => {
		const { diagnostics } = parse(`<!-- check: Transfer
- transfer
-->`);
		expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
			['check-reply-unavailable', 'Check "Transfer", step 1: reply 3 in `start` is not offered here: `when mood < 30` does not hold (mood is 40).']
		]);
		const totals = BASE.replace('ownership -2, mood -10 when mood < 30', 'ownership -2, mood -10 when ownership >= 2');
		expect(parse(`<!-- check: Transfer\n- 3\n-->`, totals).diagnostics.map((d) => d.message)).toEqual([
			'Check "Transfer", step 1: reply 3 in `start` is not offered here: `when ownership >= 2` does not hold (ownership total is 0).'
		]);
		const hiddenBox = BASE.replace('](#sorted) free when reply.ownership >= 2', '](#sorted) free when mood < 10').replace('](#lost) free\n', '](#lost) free when mood < 10\n');
		expect(parse(`<!-- check: Typed\n- Sorry for the wait\n- typed: I'll send one.\n-->`, hiddenBox).diagnostics.map((d) => d.message)).toEqual([
			'Check "Typed", step 2: the typed reply in `the-vase` is not offered here: `when mood < 10` does not hold (mood is 60).'
		]);
	});

	it('report a path that stops before an ending, or goes on after one', () => {
		const source = `${BASE}\n<!-- check: Short\n- Sorry for the wait\n-->\n<!-- check: Empty\n-->\n<!-- check: Long\n- call back\n- 1\n- 1\n-->\n`;
		const { diagnostics, checks } = parseScenario(source);
		expect(diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([
			['check-ends-early', lineOf(source, '- Sorry for the wait'), 3, 'Check "Short": after step 1 the path stops at `the-vase`, which is not an ending.'],
			['check-ends-early', lineOf(source, 'check: Empty'), 1, 'Check "Empty": with no steps the path stops at `start`, which is not an ending.'],
			['check-past-ending', lineOf(source, '- call back') + 1, 3, 'Check "Long", step 2: the path has already ended at `lost` after step 1.']
		]);
		expect(diagnostics[0].hint).toBe(`Add a step for the reply to take at \`the-vase\` (line ${lineOf(BASE, '## The vase')}), and more until the path reaches an ending.`);
		expect(checks.map((c) => c.status)).toEqual(['failed', 'failed', 'failed']);
		// Only the first problem on a path is reported: the steps after it cannot be placed.
		expect(checks[2].problems).toHaveLength(1);
	});
});

describe('typed replies in a check', () => {
	it('are scored by the real rubric, with the node\'s cues, and routed by that score', () => {
		const strong = "I'm so sorry, Dana. I'll send a replacement by express today, so it's with you tomorrow.";
		const weak = 'ok';
		const source = `${BASE}\n<!-- check: Strong\n- Sorry for the wait\n- typed: ${strong}\nexpect: ending sorted, ownership 100\n-->\n<!-- check: Weak\n- Sorry for the wait\n- typed: ${weak}\nexpect: ending lost\n-->\n`;
		const { diagnostics, checks } = parseScenario(source);
		expect(diagnostics).toEqual([]);
		expect(checks[0].path[1]).toEqual({ line: lineOf(source, 'typed: I'), node: 'the-vase', reply: 4, text: 'Write your own reply', typed: strong });
		expect(checks[1].path[1]).toMatchObject({ reply: 5, typed: weak });
		// What the rubric gives the strong reply is what decided the route.
		const assessed = scoreReply(strong, {
			customer: 'Dana Whitfield',
			customerLine: '"It arrived in pieces. What now?"',
			cues: [{ kind: 'look-for', phrases: ['replacement', 'new one'], effects: { ownership: 1 }, line: 0 }]
		});
		expect(assessed.ownership).toBeGreaterThanOrEqual(2);
	});

	it('fail when the rubric no longer scores the reply as the author expected', () => {
		const { diagnostics, checks } = parse(`<!-- check: Typed
- Sorry for the wait
- typed: Please could you fill in the form.
expect: ending sorted
-->`);
		expect(only(checks).status).toBe('failed');
		expect(diagnostics.map((d) => d.message)).toEqual(['Check "Typed": ending is lost, expected sorted.']);
	});
});

describe('expectations', () => {
	it('report each unmet one at itself, with what the path gave', () => {
		const checks = `<!-- check: Worst
- call back
expect: outcome resolved or retained, ending sorted, mood >= 50, empathy 100, flexibility 0, ownership >= 80
-->`;
		const source = `${BASE}\n${checks}\n`;
		const { diagnostics, checks: results, scenario } = parseScenario(source);
		const line = lineOf(source, 'expect:');
		const text = source.split('\n')[line - 1];
		expect(diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn, d.message])).toEqual([
			['check-failed', line, text.indexOf('outcome') + 1, text.indexOf('outcome') + 1 + 'outcome resolved or retained'.length, 'Check "Worst": outcome is lost, expected resolved or retained.'],
			['check-failed', line, text.indexOf('ending') + 1, text.indexOf('ending') + 1 + 'ending sorted'.length, 'Check "Worst": ending is lost, expected sorted.'],
			['check-failed', line, text.indexOf('mood') + 1, text.indexOf('mood') + 1 + 'mood >= 50'.length, 'Check "Worst": mood is 20, expected >= 50.'],
			['check-failed', line, text.indexOf('empathy') + 1, text.indexOf('empathy') + 1 + 'empathy 100'.length, 'Check "Worst": empathy is 0, expected 100.'],
			['check-failed', line, text.indexOf('ownership') + 1, text.indexOf('ownership') + 1 + 'ownership >= 80'.length, 'Check "Worst": ownership is 0, expected >= 80.']
		]);
		expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
		// A failing check is a warning: the file is still playable.
		expect(scenario).not.toBeNull();
		const check = only(results);
		expect(check.status).toBe('failed');
		expect(check.expectations.map((e) => e.passed)).toEqual([false, false, false, false, true, false]);
		expect(check.expectations[5]).toEqual({ expected: 'ownership >= 80', actual: 'ownership 0', passed: false, line, column: text.indexOf('ownership') + 1 });
		expect(check.problems).toEqual(diagnostics);
	});

	it('say when the ending they name is no node at all', () => {
		expect(parse(`<!-- check: Renamed\n- call back\nexpect: ending gone-away\n-->`).diagnostics.map((d) => d.message)).toEqual([
			'Check "Renamed": ending is lost, expected gone-away (no node has that id).'
		]);
	});

	it('report lines that cannot be read as bad-check, and run the rest', () => {
		const source = `${BASE}
<!-- check: Typos
- call back
expect: outcom lost, empathy >= 900, flexibility lots, outcome maybe, ownership 0, ownership 0, ending #, mood not assessed
-->
<!-- check:
- call back
-->
<!-- check: Typos
- call back
-
- ...
expect outcome lost
-->
`;
		const { diagnostics, checks } = parseScenario(source);
		expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
			['bad-check', lineOf(source, 'expect: outcom'), 'Cannot read the expectation `outcom lost`.'],
			['bad-check', lineOf(source, 'expect: outcom'), 'Cannot read the range `>= 900` for empathy.'],
			['bad-check', lineOf(source, 'expect: outcom'), 'Cannot read the range `lots` for flexibility.'],
			['bad-check', lineOf(source, 'expect: outcom'), 'Unknown outcome `maybe` in this check.'],
			['bad-check', lineOf(source, 'expect: outcom'), '`ownership` is expected twice in this check.'],
			['bad-check', lineOf(source, 'expect: outcom'), 'This expectation names no ending.'],
			['bad-check', lineOf(source, 'expect: outcom'), 'Cannot read the range `not assessed` for mood.'],
			['bad-check', lineOf(source, '<!-- check: Typos') + 4, 'This check has no name.'],
			['bad-check', lineOf(source, '<!-- check: Typos') + 7, `Another check (line ${lineOf(source, '<!-- check: Typos')}) is already called "Typos".`],
			['bad-check', lineOf(source, '<!-- check: Typos') + 9, 'This step is empty.'],
			['bad-check', lineOf(source, '<!-- check: Typos') + 10, 'Cannot read the step `...`: it has no words to find a reply by.'],
			['bad-check', lineOf(source, '<!-- check: Typos') + 11, 'An expectation line needs a colon after `expect`.']
		]);
		expect(diagnostics[0].hint).toMatch(/^Did you mean `outcome`\?/);
		expect(checks.map((c) => c.name)).toEqual(['Typos', `Check on line ${lineOf(source, '<!-- check: Typos') + 4}`, 'Typos']);
		// The readable expectation still ran and passed; the check fails for its unreadable lines.
		expect(checks[0].expectations.map((e) => [e.expected, e.passed])).toEqual([['ownership 0', true]]);
		expect(checks.map((c) => c.status)).toEqual(['failed', 'failed', 'failed']);
	});

	it('an unclosed check hides the rest of the file, as any unclosed comment does, and says so', () => {
		const source = BASE.replace('## Lost', '<!-- check: Open\n- call back\n\n## Lost');
		const { diagnostics, checks } = parseScenario(source);
		expect(checks).toEqual([]);
		expect(diagnostics.find((d) => d.code === 'bad-check')).toMatchObject({
			line: lineOf(source, '<!-- check: Open'),
			column: 1,
			message: 'This check is never closed, so the rest of the file is hidden inside it.'
		});
		expect(diagnostics.some((d) => d.code === 'broken-link')).toBe(true);
	});
});

describe('checks and errors', () => {
	it('do not run while the file has errors, and run again once it is fixed', () => {
		const checks = `<!-- check: Best path\n- Sorry for the wait\n- 1\nexpect: outcome resolved\n-->`;
		const broken = parse(checks, BASE.replace('(#sorted) ownership +2, mood +20', '(#sortd) ownership +2, mood +20'));
		expect(broken.scenario).toBeNull();
		expect(codes(broken.diagnostics)).toEqual(['broken-link']);
		expect(only(broken.checks)).toMatchObject({
			status: 'not-run',
			reason: 'The file has errors; its checks run once they are fixed.',
			path: [],
			problems: [],
			expectations: [{ expected: 'outcome resolved', actual: null, passed: null }]
		});
		expect(only(parse(checks).checks).status).toBe('passed');
	});

	it('are only ever warnings', () => {
		for (const file of readdirSync('tests/fixtures/diagnostics').filter((name) => /check/.test(name))) {
			const { diagnostics, scenario } = parseScenario(readFileSync(`tests/fixtures/diagnostics/${file}`, 'utf8'));
			expect(diagnostics.length, file).toBeGreaterThan(0);
			expect(diagnostics.every((d) => d.severity === 'warning'), file).toBe(true);
			expect(scenario, file).not.toBeNull();
		}
	});
});

describe('limits', () => {
	it(`runs at most ${MAX_CHECKS} checks of ${MAX_CHECK_STEPS} steps, quickly, and hides the rest too`, () => {
		const typed = `<!-- check: C{n}\n- Sorry for the wait\n${'- typed: sorry sorry I will send it today\n'.repeat(MAX_CHECK_STEPS + 5)}-->\n`;
		const many = Array.from({ length: MAX_CHECKS + 3 }, (_, n) => typed.replace('{n}', String(n))).join('');
		const started = performance.now();
		const { checks, diagnostics, scenario } = parse(many);
		const ms = performance.now() - started;
		expect(checks).toHaveLength(MAX_CHECKS);
		const limits = diagnostics.filter((d) => d.code === 'bad-check').map((d) => d.message);
		expect(limits.filter((m) => m.startsWith('A check takes at most'))).toHaveLength(MAX_CHECKS);
		expect(limits.filter((m) => m.startsWith(`A file runs at most ${MAX_CHECKS} checks`))).toHaveLength(3);
		// Each path ends after its first typed reply; the steps after it are reported once per check.
		expect(diagnostics.filter((d) => d.code === 'check-past-ending')).toHaveLength(MAX_CHECKS);
		expect(JSON.stringify(scenario)).not.toContain('typed:');
		expect(ms).toBeLessThan(3000);
	});
});

describe('the studio\'s view', () => {
	it('inspectScenario carries the checks', () => {
		const source = `${BASE}\n<!-- check: Best path\n- Sorry for the wait\n- 1\nexpect: outcome resolved\n-->\n`;
		expect(inspectScenario(source).checks).toEqual(parseScenario(source).checks);
		expect(inspectScenario(source).checks[0].status).toBe('passed');
	});
});

describe('the bundled scenarios', () => {
	const files = readdirSync('scenarios').filter((name) => name.endsWith('.md') && name !== 'README.md');
	const withChecks = files
		.map((name) => ({ name, source: readFileSync(`scenarios/${name}`, 'utf8') }))
		.map((file) => ({ ...file, ...parseScenario(file.source) }))
		.filter((file) => file.checks.length > 0);

	it('at least three carry a best, a worst and a mixed path, and every check passes', () => {
		expect(withChecks.length).toBeGreaterThanOrEqual(3);
		for (const file of withChecks) {
			expect(file.diagnostics, file.name).toEqual([]);
			const names = file.checks.map((c) => c.name);
			expect(names, file.name).toEqual(expect.arrayContaining(['Best path', 'Worst path']));
			expect(names.length, file.name).toBeGreaterThanOrEqual(3);
			for (const check of file.checks) {
				expect(check.status, `${file.name}: ${check.name}`).toBe('passed');
				expect(check.result, `${file.name}: ${check.name}`).toBeDefined();
				expect(check.expectations.length, `${file.name}: ${check.name} expects something`).toBeGreaterThanOrEqual(3);
			}
			const best = file.checks.find((c) => c.name === 'Best path')!.result!;
			const worst = file.checks.find((c) => c.name === 'Worst path')!.result!;
			expect(best.outcome, file.name).toBe('resolved');
			expect(['escalated', 'lost'], file.name).toContain(worst.outcome);
			const total = (r: typeof best) => Object.values(r.scores).reduce<number>((sum, s) => sum + (s ?? 0), 0);
			for (const mixed of file.checks.filter((c) => c.name !== 'Best path' && c.name !== 'Worst path')) {
				expect(total(mixed.result!), `${file.name}: ${mixed.name} is between the best and the worst`).toBeLessThan(total(best));
				expect(total(mixed.result!)).toBeGreaterThan(total(worst));
				expect(mixed.path.some((step) => step.typed !== undefined), `${file.name}: ${mixed.name} types a reply`).toBe(true);
			}
		}
	});

	it('fail at the right line when an edit changes what a path scores', () => {
		const file = withChecks.find((f) => f.name === 'the-third-call.md')!;
		// "That's awful timing" loses its empathy: the best path no longer scores 100 on empathy.
		const edited = file.source.replace('empathy +2, ownership +2, mood +10\n  > Connecting her deadline', 'empathy -2, ownership +2, mood +10\n  > Connecting her deadline');
		expect(edited).not.toBe(file.source);
		const { diagnostics, scenario } = parseScenario(edited);
		expect(scenario).not.toBeNull();
		const best = file.checks.find((c) => c.name === 'Best path')!;
		const lines = edited.split('\n');
		const expectLine = lines.findIndex((line, i) => i >= best.line && line.startsWith('expect:')) + 1;
		expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
			['check-failed', expectLine, 'Check "Best path": empathy is 88, expected 100.']
		]);
		expect(diagnostics[0].column).toBe(lines[expectLine - 1].indexOf('empathy 100') + 1);
	});

	it('say where a reworded reply leaves a check', () => {
		const file = withChecks.find((f) => f.name === 'the-third-call.md')!;
		const edited = file.source.replace("That's awful timing, with the wedding", "What a time for it, with the wedding");
		const { diagnostics } = parseScenario(edited);
		const step = edited.split('\n').findIndex((line) => line === "- That's awful timing") + 1;
		expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['check-reply-not-found', step, 3]]);
	});
});

describe('the authoring guide', () => {
	const guide = readFileSync('scenarios/README.md', 'utf8');
	const quickStart = /````markdown\n([\s\S]*?)````/.exec(guide)![1];
	const example = /```markdown\n(<!-- check:[\s\S]*?)```/.exec(guide)![1];

	it('has check examples that pass on the quick-start file', () => {
		const { diagnostics, checks } = parseScenario(`${quickStart}\n${example}`);
		expect(diagnostics).toEqual([]);
		expect(checks.map((c) => [c.name, c.status])).toEqual([
			['Best path', 'passed'],
			['Worst path', 'passed'],
			['A slow start, then a typed refund', 'passed']
		]);
	});

	it('shows the checker\'s line for a failing expectation as the checker prints it', () => {
		const printed = /```text\n(scenarios\/the-cold-curry\.md:\d+:\d+: warning check-failed .*)\n```/.exec(guide)![1];
		const { diagnostics } = parseScenario(`${quickStart}\n${example.replace('mood >= 70', 'mood >= 80')}`);
		expect(diagnostics).toHaveLength(1);
		const [d] = diagnostics;
		expect(printed).toBe(`scenarios/the-cold-curry.md:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
	});
});
