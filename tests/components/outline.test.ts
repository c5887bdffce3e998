// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core';
import Outline from '../../src/lib/studio/map/Outline.svelte';

const SOURCE = `---
title: Outline
customer: Sam Lee
summary: S.
---

## Start

- [I'm *so* sorry, Sam.](#listen) empathy +2, mood +10
  > a
- [Guess](#nowhere) ownership -1
  > b

## Listen

- [Ask again](#start) empathy +1
  > c
- [Say it your way](#sorted) free

## Sorted

Outcome: resolved

## <img src=x onerror=alert(1)> Stuck

- [Round](#img-srcx-onerroralert1-stuck)
  > d
`;

describe('the outline', () => {
	it('lists every node with what it is, and its replies with their targets, effects, loops and broken links, as text', () => {
		const target = document.createElement('div');
		const selections: string[] = [];
		const outline = mount(Outline, { target, props: { draft: parseScenario(SOURCE).draft, selected: 'listen', onselect: (id: string) => selections.push(id) } });
		flushSync();
		const items = [...target.querySelectorAll('.nodes > li')];
		expect(items.map((li) => li.querySelector('button.node')!.textContent!.trim())).toEqual(['Start', 'Listen', 'Sorted', '<img src=x onerror=alert(1)> Stuck']);
		expect(target.querySelector('img')).toBeNull();
		expect(target.textContent).toContain('4 nodes, 5 replies, 1 broken link.');
		expect(items[0].querySelector('.what')!.textContent).toBe('Start · 2 replies · line 7');
		expect(items[0].textContent).toContain("“I'm so sorry, Sam.” → Listen (empathy +2, mood +10)");
		expect(items[0].textContent).toContain('“Guess” → #nowhere: broken link, no such node (ownership −1)');
		expect(items[1].textContent).toContain('“Ask again” → Start (empathy +1; loops back)');
		expect(items[1].textContent).toContain('“Say it your way” → Sorted (typed reply, scored by the rubric)');
		expect(items[2].querySelector('.what')!.textContent).toBe('Ending · Resolved · line 20');
		expect(items[3].querySelector('.what')!.textContent).toBe('1 reply · Unreachable · Trap · line 24');
		expect(items[1].querySelector('button.node')!.getAttribute('aria-current')).toBe('true');

		(items[3].querySelector('button.node') as HTMLButtonElement).click();
		(items[1].querySelector('button.target') as HTMLButtonElement).click();
		expect(selections).toEqual(['img-srcx-onerroralert1-stuck', 'start']);
		unmount(outline);
	});

	it('says what to do when the file has no node yet', () => {
		const target = document.createElement('div');
		const outline = mount(Outline, { target, props: { draft: parseScenario('---\ntitle: T\ncustomer: C\nsummary: S.\n---\nBriefing.\n').draft, onselect: () => {} } });
		flushSync();
		expect(target.textContent).toContain('0 nodes, 0 replies.');
		expect(target.textContent).toContain('No nodes yet');
		unmount(outline);
	});
});
