// @vitest-environment jsdom
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import ScenarioCard from '../../src/lib/components/ScenarioCard.svelte';
import { cardOf, compileScenario } from '../../src/lib/core';

describe('a scenario card in the library', () => {
	it('says why a scenario with errors cannot be played, at the line and column', () => {
		const source = '---\ntitle: Broken\ncustomer: Sam Lee\nsummary: S.\n---\n## Start\n\n- [Go](#nowhere) empathy +1\n  > Why.\n';
		const record = compileScenario('broken', source);
		expect(record.scenario).toBeNull();
		const target = document.createElement('div');
		const card = mount(ScenarioCard, { target, props: { card: cardOf(record) } });
		flushSync();
		expect(target.textContent).toContain(`Not playable: this file has ${record.diagnostics.filter((d) => d.severity === 'error').length} errors.`);
		expect(target.textContent).toContain('Line 8, column 8');
		expect(target.textContent).toContain('#nowhere');
		expect(target.querySelector('a')).toBeNull();
		unmount(card);
	});

	it('links a playable scenario and shows its details', () => {
		const source = '---\ntitle: Fine\ncustomer: Sam Lee\nsummary: All good.\ndifficulty: 3\nminutes: 5\ntags: [phone]\n---\n## Start\n\n- [Go](#end) empathy +1, flexibility -1, ownership +1\n  > Why.\n\n## End\n\nOutcome: resolved\n';
		const target = document.createElement('div');
		const card = mount(ScenarioCard, { target, props: { card: cardOf(compileScenario('fine', source)) } });
		flushSync();
		expect(target.querySelector('h2 a')?.getAttribute('href')).toBe('/play/fine');
		expect(target.textContent).toContain('Difficulty 3 of 3');
		expect(target.textContent).toContain('About 5 min');
		expect(target.textContent).toContain('New');
		unmount(card);
	});
});
