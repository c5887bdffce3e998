// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/core';
import DiagnosticsList from '../../src/lib/studio/editor/DiagnosticsList.svelte';

const diagnostic = (severity: Diagnostic['severity'], line: number, column: number, message: string): Diagnostic => ({
	severity,
	code: severity === 'error' ? 'broken-link' : 'missing-feedback',
	message,
	hint: `Hint for line ${line}: write \`#start\`.`,
	line,
	column
});

function render(diagnostics: Diagnostic[]) {
	const target = document.createElement('div');
	const selected: Diagnostic[] = [];
	const component = mount(DiagnosticsList, { target, props: { diagnostics, onselect: (d: Diagnostic) => selected.push(d) } });
	flushSync();
	return { target, selected, done: () => unmount(component) };
}

describe('the list of problems beside the editor', () => {
	it('says "No problems" in a status region when there are none', () => {
		const { target, done } = render([]);
		expect(target.querySelector('[role="status"]')?.textContent).toBe('No problems');
		expect(target.querySelectorAll('button')).toHaveLength(0);
		done();
	});

	it('counts errors and warnings, and lists errors first, each by position, as buttons named by line and column', () => {
		const { target, done } = render([
			diagnostic('warning', 3, 1, 'A warning early on.'),
			diagnostic('error', 30, 8, 'This reply links to `#nowhere`.'),
			diagnostic('error', 12, 8, 'Another broken link.')
		]);
		expect(target.querySelector('[role="status"]')?.textContent).toBe('2 errors, 1 warning');
		const buttons = [...target.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
		expect(buttons).toEqual([
			'Line 12, column 8: Another broken link. Hint for line 12: write #start.',
			'Line 30, column 8: This reply links to #nowhere. Hint for line 30: write #start.',
			'Line 3, column 1: A warning early on. Hint for line 3: write #start.'
		]);
		expect([...target.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Errors', 'Warnings']);
		// Backticks become code, as text: never parsed as HTML.
		expect(target.querySelector('button code')?.textContent).toBe('#start');
		done();
	});

	it('shows Markdown and HTML in a message as text', () => {
		const { target, done } = render([diagnostic('error', 1, 1, 'Unknown effect `<img src=x onerror=alert(1)>`.')]);
		expect(target.querySelector('img')).toBeNull();
		expect(target.querySelector('code')?.textContent).toBe('<img src=x onerror=alert(1)>');
		done();
	});

	it('hands the chosen diagnostic to onselect', () => {
		const list = [diagnostic('error', 7, 2, 'One.'), diagnostic('warning', 9, 1, 'Two.')];
		const { target, selected, done } = render(list);
		target.querySelectorAll('button')[1].click();
		expect(selected).toEqual([list[1]]);
		done();
	});

	it('shows a long list a page at a time', () => {
		const many = Array.from({ length: 450 }, (_, i) => diagnostic('warning', i + 1, 1, `Problem ${i + 1}.`));
		const { target, done } = render(many);
		expect(target.querySelector('[role="status"]')?.textContent).toBe('450 warnings');
		expect(target.querySelectorAll('li')).toHaveLength(200);
		const more = [...target.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show more'))!;
		expect(more.textContent).toContain('250 not shown');
		more.click();
		flushSync();
		expect(target.querySelectorAll('li')).toHaveLength(400);
		done();
	});
});
