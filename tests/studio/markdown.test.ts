import { describe, expect, it } from 'vitest';
import { scenarioMarkdown } from '../../src/lib/studio/editor/markdown.ts';

/** The top-level syntax nodes of `text`, as `Name text`. */
function blocks(text: string): string[] {
	const tree = scenarioMarkdown.parser.parse(text);
	const out: string[] = [];
	const cursor = tree.cursor();
	if (cursor.firstChild()) {
		do out.push(`${cursor.name} ${JSON.stringify(text.slice(cursor.from, cursor.to))}`);
		while (cursor.nextSibling());
	}
	return out;
}

describe('the editor reads the front matter as the parser does', () => {
	it('takes --- to the closing --- at the top of the file as one block, not a heading', () => {
		expect(blocks('---\ntitle: T\ncustomer: C\n---\n\n## Start\n')).toEqual([
			'FrontMatter "---\\ntitle: T\\ncustomer: C\\n---"',
			'ATXHeading2 "## Start"'
		]);
	});

	it('runs an unclosed front matter to the end, as the parser does', () => {
		expect(blocks('---\ntitle: T\n\n## Start')).toEqual(['FrontMatter "---\\ntitle: T\\n\\n## Start"']);
	});

	it('leaves a --- further down a rule', () => {
		expect(blocks('Intro\n\n---\n\nmore')[1]).toBe('HorizontalRule "---"');
	});

	it('ends at a closing fence on the last line', () => {
		expect(blocks('---\ntitle: T\n---')).toEqual(['FrontMatter "---\\ntitle: T\\n---"']);
	});
});
