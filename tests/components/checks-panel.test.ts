// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import ChecksPanel from '../../src/lib/studio/checks/ChecksPanel.svelte';
import { inspectScenario, type CheckResult } from '../../src/lib/core';

const SOURCE = `---
title: Checks panel
customer: Sam Lee
summary: One decision, two endings.
---
## Start

- [I'll fix it now, Sam.](#fixed) empathy +2, ownership +2, mood +30
  > Best on every count.
- [Not my department.](#gone) empathy -2, ownership -2, mood -30
  > Passing the buck.

## Fixed

Outcome: resolved

## Gone

Outcome: lost

<!-- check: Best path
- fix it now
expect: outcome resolved, empathy 100, ownership >= 90
-->

<!-- check: Worst path
- my department
expect: outcome lost, ownership >= 50
-->

<!-- check: Stale
- 3
expect: outcome lost
-->
`;
const line = (needle: string) => SOURCE.split('\n').findIndex((text) => text.includes(needle)) + 1;

function render(checks: CheckResult[]) {
	const selected: number[] = [];
	const target = document.createElement('div');
	document.body.append(target);
	const panel = mount(ChecksPanel, { target, props: { checks, onselect: (at: number) => void selected.push(at) } });
	flushSync();
	const items = [...target.querySelectorAll<HTMLLIElement>('li.check')];
	const done = () => {
		unmount(panel);
		target.remove();
	};
	return { target, items, selected, done };
}

const buttonNamed = (root: Element, name: RegExp) => [...root.querySelectorAll('button')].find((button) => name.test(button.textContent ?? ''))!;

describe('the checks panel', () => {
	const { checks } = inspectScenario(SOURCE);

	it('lists each check with whether it passed, what it expected and what it got', () => {
		const { target, items, done } = render(checks);
		expect(target.querySelector('h2')?.textContent).toBe('Checks');
		expect(target.querySelector('section')?.getAttribute('aria-labelledby')).toBe(target.querySelector('h2')?.id);
		expect(target.textContent).toContain('1 of 3 checks passed.');
		expect(items.map((item) => [item.dataset.status, item.querySelector('.status')?.textContent])).toEqual([
			['passed', 'Passed'],
			['failed', 'Failed'],
			['failed', 'Failed']
		]);
		const rows = (item: Element) => [...item.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
		expect(rows(items[0])).toEqual([
			['outcome resolved', 'outcome resolved', 'met'],
			['empathy 100', 'empathy 100', 'met'],
			['ownership >= 90', 'ownership 100', 'met']
		]);
		expect(items[0].textContent).toContain('1 step to fixed: resolved, mood 80.');
		expect(rows(items[1])).toEqual([
			['outcome lost', 'outcome lost', 'met'],
			['ownership >= 50', 'ownership 0', 'not met']
		]);
		expect(items[1].querySelector('.problems')?.textContent).toContain(`Line ${line('ownership >= 50')} Ownership is 0, expected >= 50.`);
		// A path that does not match the file never reached an ending: nothing to compare.
		expect(rows(items[2])).toEqual([['outcome lost', '—', 'not reached']]);
		expect(items[2].querySelector('.problems')?.textContent).toContain('Step 1: `start` has no reply 3 (it has 2).');
		expect(items[0].querySelector('.problems')).toBeNull();
		done();
	});

	it('calls onselect with the line of the check, or of the problem, that was pressed', () => {
		const { items, selected, done } = render(checks);
		buttonNamed(items[0], /^Best path/).click();
		buttonNamed(items[1], /^Line /).click();
		buttonNamed(items[2], /^Line /).click();
		expect(selected).toEqual([line('check: Best path'), line('ownership >= 50'), line('- 3')]);
		// Each button says where it goes to a screen reader, not only by colour or position.
		expect(buttonNamed(items[0], /^Best path/).textContent).toBe(`Best path, go to line ${line('check: Best path')}`);
		done();
	});

	it('says the checks did not run while the file has errors', () => {
		const broken = inspectScenario(SOURCE.replace('(#gone)', '(#gon)'));
		expect(broken.playable).toBe(false);
		const { target, items, done } = render(broken.checks);
		expect(target.textContent).toContain('3 checks, not run: the file has errors.');
		expect(items.map((item) => item.querySelector('.status')?.textContent)).toEqual(['Not run', 'Not run', 'Not run']);
		expect(items[0].textContent).toContain('The file has errors; its checks run once they are fixed.');
		done();
	});

	it('says how to add one when there are none', () => {
		const { target, items, done } = render([]);
		expect(items).toEqual([]);
		expect(target.textContent).toContain('No checks yet.');
		expect(target.textContent).toContain('<!-- check: Best path');
		done();
	});
});
