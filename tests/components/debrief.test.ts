// @vitest-environment jsdom
import { flushSync, mount, tick, unmount } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import Debrief from '../../src/lib/components/Debrief.svelte';
import { choose, compileScenario, scoreRun, startRun, type Scenario } from '../../src/lib/core';
import { createMarkdownRenderer } from '../../src/lib/markdown';
import WithScenarioText from './WithScenarioText.svelte';

const SOURCE = `---
title: Debrief shapes
customer: Sam Lee
summary: One reply is best on everything; the other only on empathy.
mood: 50
---
## Start

- [I'll fix it now, Sam.](#next) empathy +2, flexibility +1, ownership +2, mood +10
  > Best on every count.
- [Not my department.](#next) empathy -2, flexibility -1, ownership -2, mood -20
  > Passing the buck.

## Next

- [Sorry, that's the rule.](#end) empathy +1, flexibility -2, mood -30
  > Kind words, but a wall.
- [Let me bend it for you.](#end) empathy +1, flexibility +2, ownership +1, mood +10
  > Flexible.
- [I understand how upsetting this is.](#end) empathy +3, mood -5
  > Warm.

## End
`;

async function render(picks: number[]) {
	const record = compileScenario('shapes', SOURCE, createMarkdownRenderer());
	const scenario = record.scenario as Scenario;
	let run = startRun(scenario, { scenarioId: 'shapes', scenarioHash: 'h' });
	for (const pick of picks) run = choose(scenario, run, pick);
	const target = document.createElement('div');
	const component = mount(WithScenarioText, {
		target,
		props: { component: Debrief, props: { scenario, run, score: scoreRun(scenario, run) }, html: record.html }
	});
	flushSync();
	// The chart module loads lazily.
	await vi.waitFor(() => expect(target.querySelector('.mood-chart svg')).not.toBeNull(), { timeout: 10_000 });
	await tick();
	return { target, done: () => unmount(component) };
}

describe('the debrief', () => {
	it('names a reply that is best on all three dimensions once, and the mood change once', async () => {
		const { target, done } = await render([1, 0]);
		const text = target.textContent!;
		expect(text).toContain("Best on all three (empathy +2, policy flexibility +1, ownership +2): I'll fix it now, Sam.");
		expect(text).not.toMatch(/Best for empathy[^:]*: I'll fix it now/);
		const effects = [...target.querySelectorAll('.replay > li > .effects')].map((p) => p.textContent);
		expect(effects[0]).toBe('empathy -2, policy flexibility -1, ownership -2; mood -20');
		expect(effects.every((line) => (line!.match(/mood/g) ?? []).length === 1)).toBe(true);
		done();
	});

	it('groups the dimensions a better reply wins on', async () => {
		const { target, done } = await render([0, 0]);
		const better = [...target.querySelectorAll('.better li')].map((li) => li.textContent);
		expect(better).toContain('Best for policy flexibility +2 and ownership +1: Let me bend it for you.');
		expect(better).toContain('Best for empathy +3: I understand how upsetting this is.');
		done();
	});

	it('charts the mood with the biggest fall labelled, and gives the same figures as a table', async () => {
		const { target, done } = await render([1, 0]);
		const svg = target.querySelector('svg[role="img"]')!;
		expect(svg).not.toBeNull();
		expect(svg.querySelector('desc')!.textContent).toBe(
			"Sam's mood went from 50 to 0 over 2 decisions. The biggest fall was -30 at decision 2, after “Sorry, that's the rule.”."
		);
		expect([...svg.querySelectorAll('.fall-label')].map((label) => label.textContent)).toEqual([
			'-30: “Sorry, that\'s the rule.”',
			'-20: “Not my department.”'
		]);
		const rows = [...target.querySelectorAll('.mood-chart tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
		expect(rows).toEqual([
			['1', 'Not my department.', '-20', '30'],
			['2', "Sorry, that's the rule.", '-30', '0']
		]);
		done();
	});
});
