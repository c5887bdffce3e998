// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import { analysePaths, parseScenario } from '../../src/lib/core';
import AnalysisPanel from '../../src/lib/studio/map/AnalysisPanel.svelte';

const SOURCE = `---
title: Analysis
customer: Sam Lee
summary: S.
mood: 50
---

## Start

- [Detour](#long) ownership +0
  > a
- [Straight](#end) ownership +1, mood +30
  > b

## Long

- [Mine](#end) ownership +3
  > c
- [Theirs](#end) ownership -3, mood -40
  > d

## End

## Never

Outcome: lost
`;

describe('the analysis panel', () => {
	it('shows per dimension the best and worst score with an example path, per ending its paths and ranges, and the warnings', () => {
		const draft = parseScenario(SOURCE).draft;
		const target = document.createElement('div');
		const selections: string[] = [];
		const panel = mount(AnalysisPanel, { target, props: { paths: analysePaths(draft), draft, onselect: (id: string) => selections.push(id) } });
		flushSync();
		const cells = (row: Element) => [...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
		const row = (dimension: string) => cells(target.querySelector(`tr[data-dimension="${dimension}"]`)!);
		expect(row('ownership')).toBe('Ownership | 100 Excellent | 0 Needs work | +3 to −3');
		expect(row('empathy')).toBe('Empathy | Not assessed: no path varies it | 0 to 0');
		expect(target.textContent).toContain('Over 3 paths from the start to an ending.');

		// The best ownership path goes straight on (100), not through the detour with the higher total.
		const best = [...target.querySelectorAll('details')].find((d) => d.querySelector('summary')!.textContent === 'Best path: 100')!;
		expect(best.querySelector('ol')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('Start: reply 2 End (ending)');

		const ending = (id: string) => cells(target.querySelector(`tr[data-ending="${id}"]`)!);
		// End's outcome follows the mood: 50 − 40 = 10 (lost) up to 50 + 30 = 80 (resolved).
		expect(ending('end')).toBe('End | By mood: Resolved, Retained, Escalated or Lost | 3 | — | — | 0–100 | 10–80');
		expect(ending('never')).toBe('Never | Lost | Unreachable');

		const warnings = [...target.querySelectorAll('.warnings li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
		expect(warnings).toEqual([
			'Ending Never is unreachable: no path from the start leads to it. Show Never',
			'No decision varies empathy, so no path assesses it.',
			'No decision varies policy flexibility, so no path assesses it.'
		]);
		(target.querySelector('.warnings button') as HTMLButtonElement).click();
		(target.querySelector('tr[data-ending="end"] button') as HTMLButtonElement).click();
		expect(selections).toEqual(['never', 'end']);
		unmount(panel);
	});

	it('names nodes as plain text without onselect, and says when there is no ending', () => {
		const draft = parseScenario('---\ntitle: T\ncustomer: C\nsummary: S.\n---\n## Start\n\n- [Round](#start)\n  > a\n').draft;
		const target = document.createElement('div');
		const panel = mount(AnalysisPanel, { target, props: { paths: analysePaths(draft), draft } });
		flushSync();
		expect(target.querySelector('button')).toBeNull();
		expect(target.textContent).toContain('No path from the start reaches an ending.');
		expect(target.textContent).toContain('No endings yet');
		unmount(panel);
	});
});
