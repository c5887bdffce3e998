import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectScenario } from '../../src/lib/core';
import { InspectCache } from '../../src/lib/core/incremental.ts';
import { generateScenario } from '../bench/generate.ts';

const read = (dir: string) =>
	readdirSync(dir)
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name) => ({ name, source: readFileSync(`${dir}/${name}`, 'utf8') }));
const files = [...read('scenarios'), ...read('tests/fixtures/diagnostics'), { name: 'generated-60', source: generateScenario(60) }];

/** What a manager might type or paste: structure that moves node, list, fence and comment boundaries, and plain words. */
const SNIPPETS = [
	'\n',
	'\n\n',
	'x',
	'## ',
	'## Start\n',
	'## Node 3\n',
	'- [Reply](#node-2) empathy +1\n',
	'- [Reply](#nowhere)',
	'  > Feedback\n',
	'```\n',
	'~~~',
	'<!--',
	'-->',
	'Outcome: lost\n',
	'Order: as written\n',
	'ownership -2, mood +10',
	' when mood < 40',
	' free\n  - Look for "sorry": empathy +1\n',
	'---\n',
	'<!-- check: Best path\n- 1\nexpect: outcome resolved, empathy >= 50\n-->\n',
	'#',
	'\t'
];

type Edit = { at: number; remove: number; insert: string };
const edit = fc.record({
	at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
	remove: fc.nat({ max: 40 }),
	insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 }))
});

function apply(source: string, { at, remove, insert }: { at: number; remove: number; insert: string }): string {
	const from = Math.floor(at * source.length);
	return source.slice(0, from) + insert + source.slice(from + remove);
}

describe('inspecting with a cache kept between edits', () => {
	it.each(files.map((file) => [file.name, file.source]))(
		'gives what a fresh inspection gives after every edit of %s',
		(_, source) => {
			fc.assert(
				fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
					const cache = new InspectCache();
					let text = source;
					expect(inspectScenario(text, { cache })).toStrictEqual(inspectScenario(text));
					for (const change of edits as Edit[]) {
						text = apply(text, change);
						expect(inspectScenario(text, { cache })).toStrictEqual(inspectScenario(text));
					}
				}),
				{ numRuns: 15 }
			);
		}
	);

	it('reads again only the node a keystroke changed, and reuses the nodes after it with their lines moved', () => {
		const source = generateScenario(200);
		const cache = new InspectCache();
		inspectScenario(source, { cache });
		const before = { ...cache.parse.stats };
		const at = source.indexOf('problem number 100 ');
		const typed = source.slice(0, at) + 'x\n' + source.slice(at);
		const result = inspectScenario(typed, { cache });
		expect(result).toStrictEqual(inspectScenario(typed));
		expect(cache.parse.stats.read - before.read).toBe(1);
		expect(cache.parse.stats.reused - before.reused).toBe(199);
		expect(result.draft.nodes[150].line).toBe(inspectScenario(source).draft.nodes[150].line + 1);
	});

	it('keeps the analysis while only narration and line numbers change, and redoes it when a reply changes', () => {
		const source = generateScenario(30);
		const cache = new InspectCache();
		const first = inspectScenario(source, { cache });
		const narrated = inspectScenario(source.replace('problem number 5 ', 'problem number five '), { cache });
		expect(narrated.analysis).toBe(first.analysis);
		// New lines move every later node, but the paths stay the same.
		const moved = inspectScenario(source.replace('problem number 5 ', 'problem number 5\n\n'), { cache });
		expect(moved.analysis).toBe(first.analysis);
		const changed = source.replace('(#node-7)\n', '(#node-7) empathy +3\n');
		expect(changed).not.toBe(source);
		const rescored = inspectScenario(changed, { cache });
		expect(rescored.analysis).not.toBe(first.analysis);
		expect(rescored.analysis).toStrictEqual(inspectScenario(changed).analysis);
	});
});
