import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	analyseScenario,
	availableChoices,
	choose,
	lastCustomerLine,
	MAX_NODES,
	MAX_SOURCE_CHARS,
	parseScenario,
	reviewRun,
	scoreRun,
	splitSegments,
	startRun,
	submitReply,
	DIAGNOSTIC_CODES,
	type ParseResult,
	type Scenario
} from '../../src/lib/core';

/** `FC_SCALE=20 npx vitest run tests/core/hostile.test.ts` for a longer hunt. */
const SCALE = Math.max(1, Number(process.env.FC_SCALE) || 1);

const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const realFiles = readdirSync(SCENARIOS)
	.filter((name) => name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md')
	.sort()
	.map((name) => ({ name, source: readFileSync(new URL(name, SCENARIOS), 'utf8') }));

const CODES = new Set<string>(DIAGNOSTIC_CODES);

/** The file's lines as the parser counts them. */
const linesOf = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);

/** Plays a scenario to an end (or 60 steps), picking replies by a seed, and scores it. */
function playThrough(scenario: Scenario, seed: number): void {
	let state = startRun(scenario, { scenarioId: 'hostile', scenarioHash: 'h' });
	for (let step = 0; step < 60 && !state.ended; step++) {
		const options = availableChoices(scenario, state);
		expect(options.length).toBeGreaterThan(0);
		const pick = options[(seed + step * 7) % options.length];
		state = pick.choice.free ? submitReply(scenario, state, step % 2 ? "Sorry, I'll sort it today." : '') : choose(scenario, state, pick.index);
		expect(state.mood).toBeGreaterThanOrEqual(0);
		expect(state.mood).toBeLessThanOrEqual(100);
	}
	const score = scoreRun(scenario, state);
	for (const dimension of Object.values(score.dimensions)) {
		if (dimension.score !== null) {
			expect(dimension.score).toBeGreaterThanOrEqual(0);
			expect(dimension.score).toBeLessThanOrEqual(100);
		}
	}
	reviewRun(scenario, state);
	expect(JSON.parse(JSON.stringify(state))).toEqual(state);
}

/** What must hold for any input whatsoever. */
function checkResult(source: string, result: ParseResult, seed = 0): void {
	const lines = linesOf(source);
	expect(Array.isArray(result.diagnostics)).toBe(true);
	let previous = 0;
	for (const d of result.diagnostics) {
		expect(CODES.has(d.code), d.code).toBe(true);
		expect(['error', 'warning']).toContain(d.severity);
		expect(d.message.trim()).not.toBe('');
		expect(d.hint.trim()).not.toBe('');
		expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `${d.code} line ${d.line} of ${lines.length}`).toBe(true);
		if (d.code !== 'file-too-large') {
			const width = lines[d.line - 1].length + 1;
			expect(Number.isInteger(d.column) && d.column >= 1 && d.column <= width, `${d.code} column ${d.column} of ${width}`).toBe(true);
		}
		const key = d.line * 1e9 + d.column;
		expect(key).toBeGreaterThanOrEqual(previous);
		previous = key;
	}
	const hasError = result.diagnostics.some((d) => d.severity === 'error');
	if (hasError) expect(result.scenario).toBeNull();
	const scenario = result.scenario;
	if (!scenario) return;
	expect(hasError).toBe(false);
	expect(scenario.nodes.length).toBeGreaterThan(0);
	expect(scenario.start).toBe(scenario.nodes[0].id);
	const ids = new Set(scenario.nodes.map((node) => node.id));
	expect(ids.size).toBe(scenario.nodes.length);
	for (const node of scenario.nodes) {
		expect(node.id).not.toBe('');
		for (const choice of node.choices) expect(ids.has(choice.target), `${node.id} → ${choice.target}`).toBe(true);
		splitSegments(node.body);
		lastCustomerLine(node.body, scenario.meta.customer);
	}
	expect(scenario.meta.mood).toBeGreaterThanOrEqual(0);
	expect(scenario.meta.mood).toBeLessThanOrEqual(100);
	analyseScenario(scenario);
	playThrough(scenario, seed);
}

function parseChecked(source: string, seed = 0): ParseResult {
	const result = parseScenario(source);
	checkResult(source, result, seed);
	return result;
}

describe('the real scenarios', () => {
	it('are there to mutate', () => {
		expect(realFiles.length).toBeGreaterThanOrEqual(10);
	});

	it.each(realFiles.map((file) => [file.name, file.source]))('%s parses, plays and scores', (_, source) => {
		const result = parseChecked(source);
		expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
		expect(result.scenario).not.toBeNull();
		for (let seed = 0; seed < 10; seed++) playThrough(result.scenario!, seed);
	});
});

describe('parseScenario never throws', () => {
	it('on random strings', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (source) => {
				parseChecked(source);
			}),
			{ numRuns: 500 * SCALE }
		);
	});

	it('on random UTF-16 (lone surrogates, NULs, control characters)', () => {
		const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
		fc.assert(
			fc.property(fc.string({ unit, maxLength: 400 }), (source) => {
				parseChecked(source);
				parseChecked(`---\ntitle: ${source}\ncustomer: Dana\nsummary: s\n---\n## ${source}\n\n- [${source}](#${source}) ${source}\n  > ${source}\n`);
			}),
			{ numRuns: 300 * SCALE }
		);
	});

	const word = fc.constantFrom('Dana', 'mood', 'empathy', 'ownership', 'flexibility', 'free', 'when', 'reply.mood', 'Outcome', 'lost', '#start', 'x');
	const number = fc.integer({ min: -200, max: 200 }).map((n) => (n >= 0 ? `+${n}` : `${n}`));
	const op = fc.constantFrom('<', '<=', '>', '>=', '==', '!=', '=', '=>', '');
	const effect = fc.tuple(fc.constantFrom('empathy', 'flexibility', 'ownership', 'mood', 'kindness', 'free', ''), number).map(([name, n]) => `${name} ${n}`);
	const effects = fc.tuple(fc.array(effect, { maxLength: 4 }), fc.constantFrom(', ', ',', ' ')).map(([list, separator]) => list.join(separator));
	const target = fc.constantFrom('start', 'a', 'b', 'the-end', 'missing', '', '%E0%A4%A', 'Start');
	const condition = fc.tuple(fc.constantFrom('', 'reply.'), fc.constantFrom('mood', 'empathy', 'ownership', 'moood'), op, number).map(
		([scope, subject, o, n]) => ` when ${scope}${subject} ${o} ${n}`
	);
	const line = fc.oneof(
		fc.constantFrom(
			'---',
			'...',
			'',
			'   ',
			'title: T',
			'customer: Dana Whitfield',
			'summary: S.',
			'mood: 40',
			'difficulty: 9',
			'tags: [a, b',
			'policy: |',
			'  Refunds within 30 days.',
			'a: &a [1, 2]',
			'b: [*a, *a]',
			'## Start',
			'## A',
			'## B',
			'## The end ##',
			'##',
			'# Title',
			'### Sub',
			'```',
			'~~~',
			'<!--',
			'-->',
			'> **Dana:** "Hello."',
			'> > nested',
			'  > feedback',
			'    > deeper',
			'  - Look for "sorry", "today": ownership +2',
			'  - Avoid "policy": flexibility -1',
			'  - Model answer: I will fix it.',
			'  - Look for sorry',
			'Outcome: resolved',
			'Outcome: lots',
			'**Outcome:** lost',
			'1. [numbered](#a) empathy +1',
			'* [star](#b) mood -5'
		),
		fc.tuple(fc.constantFrom('- ', '* ', '  - ', '1. ', '-'), fc.string({ maxLength: 8 }), target, effects, fc.option(condition)).map(
			([marker, text, t, e, c]) => `${marker}[${text}](#${t}) ${e}${c ?? ''}`
		),
		fc.tuple(fc.constantFrom('## ', '##', ' ## '), fc.array(word, { maxLength: 3 })).map(([h, words]) => h + words.join(' ')),
		fc.string({ maxLength: 30 })
	);

	it('on Markdown-ish line soups', () => {
		fc.assert(
			fc.property(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), fc.nat(), (lines, eol, seed) => {
				parseChecked(lines.join(eol), seed);
			}),
			{ numRuns: 700 * SCALE }
		);
	});

	it('gives the same result for LF, CRLF and a byte order mark', () => {
		fc.assert(
			fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
				const source = lines.join('\n').replace(/\r/g, '');
				const result = parseScenario(source);
				expect(parseScenario(source.replace(/\n/g, '\r\n'))).toEqual(result);
				expect(parseScenario('\uFEFF' + source)).toEqual(result);
			}),
			{ numRuns: 300 * SCALE }
		);
	});

	it('on line soups that start with valid front matter', () => {
		const header = ['---', 'title: T', 'customer: Dana Whitfield', 'summary: S.', '---'];
		fc.assert(
			fc.property(fc.array(line, { maxLength: 60 }), fc.nat(), (lines, seed) => {
				parseChecked([...header, ...lines].join('\n'), seed);
			}),
			{ numRuns: 700 * SCALE }
		);
	});

	type Mutation =
		| { kind: 'delete'; at: number }
		| { kind: 'duplicate'; at: number }
		| { kind: 'swap'; at: number; with: number }
		| { kind: 'insert'; at: number; offset: number; text: string };
	const mutation: fc.Arbitrary<Mutation> = fc.oneof(
		fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
		fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
		fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
		fc.record({
			kind: fc.constant('insert' as const),
			at: fc.nat(),
			offset: fc.nat(),
			text: fc.oneof(
				fc.string({ unit: 'binary', minLength: 1, maxLength: 5 }),
				fc.constantFrom('#', '##', '-', '>', '[', ']', '(', ')', '`', '```', '*', '_', ',', ':', '\n', '\r', '\t', '\0', '\uD800', 'when', 'free', '---')
			)
		})
	);

	function mutate(source: string, mutations: Mutation[]): string {
		const lines = source.split('\n');
		for (const m of mutations) {
			if (lines.length === 0) lines.push('');
			const at = m.at % lines.length;
			if (m.kind === 'delete') lines.splice(at, 1);
			else if (m.kind === 'duplicate') lines.splice(at, 0, lines[at]);
			else if (m.kind === 'swap') {
				const other = m.with % lines.length;
				[lines[at], lines[other]] = [lines[other], lines[at]];
			} else {
				const text = lines[at];
				const offset = m.offset % (text.length + 1);
				lines[at] = text.slice(0, offset) + m.text + text.slice(offset);
			}
		}
		return lines.join('\n');
	}

	it('on mutations of the real scenario files', () => {
		fc.assert(
			fc.property(fc.constantFrom(...realFiles), fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.nat(), (file, mutations, seed) => {
				parseChecked(mutate(file.source, mutations), seed);
			}),
			{ numRuns: 600 * SCALE }
		);
	});
});

/** Parses, checks the result, prints and returns the time taken. */
/**
 * Parses `source` and checks it took under 2 s of this process's CPU time (vitest runs each test file in its own
 * process), so other processes on a shared machine, and other test files running beside this one, do not decide it.
 */
function timed(name: string, source: string): { result: ParseResult; ms: number } {
	const started = process.cpuUsage();
	const result = parseScenario(source);
	for (const node of result.scenario?.nodes ?? []) splitSegments(node.body);
	const used = process.cpuUsage(started);
	const ms = (used.user + used.system) / 1000;
	console.log(`${name}: ${ms.toFixed(1)} ms (${source.length.toLocaleString('en')} characters)`);
	checkResult(source, result);
	expect(ms).toBeLessThan(2000);
	return { result, ms };
}

const HEADER = '---\ntitle: Hostile\ncustomer: Dana Whitfield\nsummary: A hostile file.\n---\n\n';
const VALID_TAIL = `## Start

> **Dana:** "Hello?"

- [Sorry for the wait, Dana. I'll sort it now.](#sorted) empathy +1, flexibility +1, ownership +1, mood +10
  > Apologise, then commit.
- [You'll have to call back.](#lost) empathy -1, flexibility -1, ownership -1, mood -20
  > Sending her away solves nothing.

## Sorted

Outcome: resolved

## Lost

Outcome: lost
`;
/** A valid scenario with `body` in the start node. */
const withBody = (body: string) => HEADER + VALID_TAIL.replace('> **Dana:** "Hello?"', `> **Dana:** "Hello?"\n\n${body}`);

describe('pathological inputs parse in well under 2 s', () => {
	it('20,000 nested blockquotes on one line', () => {
		const { result } = timed('20,000 > on one line', withBody('>'.repeat(20_000) + ' deep'));
		expect(result.scenario).not.toBeNull();
		timed('20,000 "> " on one line', withBody('> '.repeat(20_000) + 'deep'));
		timed('20,000 > speaking', withBody('>'.repeat(20_000) + ' **Dana:** "deep"'));
	});

	it('20,000 nested blockquotes as 20,000 lines', () => {
		const { result } = timed('20,000 lines of >', withBody(Array.from({ length: 20_000 }, () => '>').join('\n')));
		expect(result.scenario).not.toBeNull();
		// one level deeper on every line, up to 400 levels and back down (all 20,000 lines deep would exceed the size limit)
		const stairs = Array.from({ length: 20_000 }, (_, i) => '>'.repeat((i % 800 < 400 ? i % 400 : 400 - (i % 400)) + 1) + ' x');
		timed('20,000 lines of > stairs', withBody(stairs.join('\n')));
		timed('20,000 lines of > as choices', HEADER + '## Start\n\n' + Array.from({ length: 20_000 }, (_, i) => `${'  '.repeat(i % 50)}> - [x](#start)`).join('\n'));
	});

	const places: [string, (run: string) => string][] = [
		['a body line', (run) => withBody(run)],
		['a heading', (run) => withBody(`## a${run}b`)],
		['the first heading', (run) => `${HEADER}## ${run}\n\n${VALID_TAIL}`],
		['the text of a reply', (run) => withBody(`- [${run}](#sorted) empathy +1\n  > fb`)],
		['after a reply link', (run) => withBody(`- [x](#sorted) ${run}`)],
		['a when condition', (run) => withBody(`- [x](#sorted) empathy +1 when ${run}`)],
		['a cue', (run) => withBody(`- [x](#sorted) free\n  - Look for ${run}: ownership +1`)],
		['a speaker label', (run) => withBody(`> **${run}:** "hi"`)],
		['an outcome line', (run) => withBody(`Outcome: ${run}`)],
		['the front matter', (run) => `---\ntitle: "${run}"\ncustomer: D\nsummary: S\n---\n${VALID_TAIL}`],
		['a line of its own, 50,000 times', (run) => withBody(run.split('').join('\n'))]
	];
	const runs: [string, string][] = [
		['[', '['.repeat(50_000)],
		['*', '*'.repeat(50_000)],
		['_', '_'.repeat(50_000)],
		['`', '`'.repeat(50_000)],
		['<', '<'.repeat(50_000)],
		['[](', '[]('.repeat(20_000)],
		['[a', '[a'.repeat(25_000)],
		['( after a link', '[x](' + '('.repeat(50_000)],
		['nested [[]]', '['.repeat(25_000) + ']'.repeat(25_000) + '(#x)']
	];
	it.each(runs.flatMap(([label, run]) => places.map(([place, build]) => [`50,000 ${label}`, place, run, build] as const)))(
		'%s in %s',
		(label, place, run, build) => {
			timed(`${label} in ${place}`, build(run));
		}
	);

	it('an unclosed HTML comment', () => {
		timed('unclosed <!--', withBody('<!-- never closed'));
		timed('unclosed <!-- before everything', `${HEADER}<!--\n${VALID_TAIL}`);
		timed('50,000 <!--', withBody('<!--'.repeat(50_000)));
		timed('50,000 lines of <!--', withBody(Array.from({ length: 50_000 }, () => '<!--').join('\n')));
	});

	it('a valid scenario with 5,000 nodes', () => {
		const nodes = Array.from({ length: 5_000 }, (_, i) =>
			i === 4_999
				? `## Node ${i}\n\n> **Dana:** "Done."\n\nOutcome: resolved\n`
				: `## Node ${i}\n\n> **Dana:** "Step ${i}."\n\n- [Go on](#node-${i + 1}) empathy +1, ownership +1, mood +1\n  > Keep going.\n- [Give up](#node-4999) empathy -1, flexibility -1, ownership -1, mood -1 when mood > 10\n  > Stopping short.\n`
		);
		const { result } = timed('5,000 nodes', HEADER + nodes.join('\n'));
		expect(result.diagnostics).toEqual([]);
		const scenario = result.scenario!;
		expect(scenario.nodes).toHaveLength(5_000);
		const started = performance.now();
		const analysis = analyseScenario(scenario);
		expect(analysis).toMatchObject({ nodes: 5_000, endings: 1, longestDecisions: 4_999, shortestDecisions: 1, cyclic: false });
		let state = startRun(scenario, { scenarioId: 'big', scenarioHash: 'h' });
		while (!state.ended) state = choose(scenario, state, 0);
		expect(state.steps).toHaveLength(4_999);
		expect(scoreRun(scenario, state).dimensions.empathy).toEqual({ score: 100, band: 'excellent', decisions: 4_999 });
		const ms = performance.now() - started;
		console.log(`5,000 nodes analysed, played and scored: ${ms.toFixed(1)} ms`);
		expect(ms).toBeLessThan(2000);
	});

	it('a YAML alias bomb ("billion laughs") in the front matter', () => {
		const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
		for (let i = 1; i < 10; i++) {
			const name = String.fromCharCode(97 + i);
			const previous = String.fromCharCode(96 + i);
			levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
		}
		const source = `---\ntitle: T\ncustomer: Dana Whitfield\nsummary: S.\n${levels.join('\n')}\n---\n\n${VALID_TAIL}`;
		const { result } = timed('billion laughs', source);
		expect(result.scenario).toBeNull();
		expect(result.diagnostics.map((d) => d.code)).toContain('front-matter-yaml');
		const bombInTags = `---\ntitle: T\ncustomer: Dana Whitfield\nsummary: S.\nx: &x [a, a, a, a, a, a, a, a, a, a]\ntags: [${Array(100).fill('*x').join(', ')}]\n---\n\n${VALID_TAIL}`;
		const tags = timed('aliases in tags', bombInTags);
		expect(tags.result.diagnostics.map((d) => d.code)).toContain('front-matter-yaml');
	});

	it('huge front matter', () => {
		const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: v`).join('\n');
		const many = timed('50,000 front matter keys', `---\ntitle: T\ncustomer: D\nsummary: S\n${keys}\n---\n${VALID_TAIL}`);
		expect(many.result.scenario).toBeNull();
		timed('front matter flow list of 1,000,000 items', `---\ntitle: T\ncustomer: D\nsummary: S\ntags: [${'a,'.repeat(1_000_000)}]\n---\n${VALID_TAIL}`);
		timed('front matter 10,000 levels deep', `---\ntitle: ${'['.repeat(10_000)}\n---\n${VALID_TAIL}`);
	});

	it('deeply nested front matter, parsed again and again', () => {
		// Past a few thousand levels the YAML parser exhausts the stack, and V8 may then abort the whole
		// process on a later parse ("RegExpCompiler Allocation failed"); the nesting must be refused first.
		const deep: [string, string][] = [
			['20,000 [', `title: ${'['.repeat(20_000)}`],
			['6,000 [ then 6,000 ]', `title: ${'['.repeat(6_000)}${']'.repeat(6_000)}`],
			['20,000 {', `title: ${'{'.repeat(20_000)}`],
			['15,000 "- "', '- '.repeat(15_000)],
			['15,000 "? "', '? '.repeat(15_000)],
			['indented "- - -" stairs', Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 6)}- - -`).join('\n').slice(0, 30_000)],
			['indented "a:" stairs', Array.from({ length: 240 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')]
		];
		for (const [name, yaml] of deep) {
			for (let round = 0; round < 6; round++) {
				const { result } = timed(`front matter ${name}, round ${round + 1}`, `---\n${yaml}\n---\n${VALID_TAIL}`);
				expect(result.scenario).toBeNull();
				expect(result.diagnostics.map((d) => d.code)).toContain('front-matter-yaml');
			}
		}
	});

	it('a realistic front matter is not refused as too deep', () => {
		const source = `---
title: Nested but fine
customer: Dana Whitfield
summary: S.
tags:
  - [a, [b, {c: [d]}]]
  - e
policy: |
  Refunds:
  - within 30 days
    - with a receipt
      - or a bank statement
---

${VALID_TAIL}`;
		const { result } = timed('realistic nesting', source);
		expect(result.diagnostics.filter((d) => d.code.startsWith('front-matter'))).toEqual([
			expect.objectContaining({ code: 'front-matter-field-invalid' }) // tags must be words, but the YAML was read
		]);
	});

	it('NUL bytes', () => {
		const { result } = timed('NULs in text', withBody('\0'.repeat(10_000) + ' text \0 more'));
		expect(result.scenario).not.toBeNull();
		timed('NULs everywhere', HEADER.replace('Hostile', 'Hos\0tile') + VALID_TAIL.replace(/ /g, '\0'));
		timed('only NULs', '\0'.repeat(100_000));
		timed('NUL in a link target', withBody('- [x](#sor\0ted) empathy +1\n  > fb'));
	});

	it('lone surrogates', () => {
		timed('lone surrogates in text', withBody('\uD800 \uDC00 \uDBFF\uDBFF x\uDFFF'));
		timed('lone surrogates in a heading and a link', withBody('- [\uD800](#\uD800) empathy +1\n  > \uDC00\n\n## \uD800\uD800'));
		timed('lone surrogates in the front matter', HEADER.replace('Hostile', '\uD800') + VALID_TAIL);
		timed('100,000 lone surrogates', '\uD800'.repeat(100_000));
	});

	it('a file over MAX_SOURCE_CHARS', () => {
		const { result } = timed('over MAX_SOURCE_CHARS', withBody('x'.repeat(MAX_SOURCE_CHARS)));
		expect(result.scenario).toBeNull();
		expect(result.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
	});

	it('more than MAX_NODES headings', () => {
		const headings = Array.from({ length: MAX_NODES + 1 }, (_, i) => `## N${i}\n- [a](#n${i + 1}) empathy +1`).join('\n');
		const { result } = timed('MAX_NODES + 1 headings', HEADER + headings);
		expect(result.scenario).toBeNull();
		expect(result.diagnostics.map((d) => d.code)).toEqual(['too-many-nodes']);
		timed('MAX_NODES headings', HEADER + Array.from({ length: MAX_NODES }, (_, i) => `## N${i}\n- [a](#n${i + 1}) empathy +1`).join('\n'));
	});

	it('many broken links and duplicate headings', () => {
		timed('50,000 broken links', withBody(Array.from({ length: 50_000 }, (_, i) => `- [a](#nowhere-${i}) empathy +1`).join('\n')));
		timed('20,000 duplicate headings', HEADER + VALID_TAIL + '## Sorted\n'.repeat(MAX_NODES - 3));
		timed('a 1,000,000-character line of spaces', withBody(' '.repeat(1_000_000) + 'x'));
		timed('1,000,000 tabs before a list marker', withBody('\t'.repeat(1_000_000) + '- x'));
	});
});
