import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProgramme, parseScenario, type Programme } from '../../src/lib/core';

const scenarioIds = readdirSync('scenarios')
	.filter((name) => name.endsWith('.md') && name !== 'README.md')
	.map((name) => name.slice(0, -3));
const difficulty = new Map(
	scenarioIds.map((id) => [id, parseScenario(readFileSync(`scenarios/${id}.md`, 'utf8')).scenario!.meta.difficulty as number])
);
const title = new Map(scenarioIds.map((id) => [id, parseScenario(readFileSync(`scenarios/${id}.md`, 'utf8')).scenario!.meta.title]));

function shipped(name: string): Programme {
	const { programme, diagnostics } = parseProgramme(readFileSync(`scenarios/programs/${name}.md`, 'utf8'), scenarioIds);
	expect(diagnostics).toEqual([]);
	return programme!;
}
const levels = (programme: Programme) => programme.steps.map((step) => difficulty.get(step.scenarioId)!);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('the shipped programmes', () => {
	const boot = shipped('new-hire-boot-camp');
	const refresher = shipped('annual-refresher');

	it('are the two in scenarios/programs', () => {
		expect(readdirSync('scenarios/programs').sort()).toEqual(['annual-refresher.md', 'new-hire-boot-camp.md']);
	});

	it('New-hire boot camp: 6–8 scenarios from foundation to advanced, never getting easier', () => {
		expect(boot.title).toBe('New-hire boot camp');
		expect(boot.audience).toBe('boot-camp');
		expect(boot.steps.length).toBeGreaterThanOrEqual(6);
		expect(boot.steps.length).toBeLessThanOrEqual(8);
		const path = levels(boot);
		expect(path[0]).toBe(1);
		expect(path[path.length - 1]).toBe(3);
		for (let i = 1; i < path.length; i++) expect(path[i]).toBeGreaterThanOrEqual(path[i - 1]);
		expect(new Set(path)).toEqual(new Set([1, 2, 3]));
	});

	it('Annual refresher: shorter and harder than the boot camp, renewed every 12 months', () => {
		expect(refresher.title).toBe('Annual refresher');
		expect(refresher.audience).toBe('refresher');
		expect(refresher.renewal).toEqual({ amount: 12, unit: 'months' });
		expect(refresher.steps.length).toBeLessThan(boot.steps.length);
		expect(Math.min(...levels(refresher))).toBeGreaterThanOrEqual(2);
		expect(mean(levels(refresher))).toBeGreaterThan(mean(levels(boot)));
	});

	it('label each step with its scenario\'s title, with a note for every step, and pass at 70', () => {
		for (const programme of [boot, refresher]) {
			expect(programme.passMark).toEqual({ empathy: 70, flexibility: 70, ownership: 70 });
			expect(programme.summary).not.toBe('');
			expect(programme.description).not.toBe('');
			for (const step of programme.steps) {
				expect(step.label).toBe(title.get(step.scenarioId));
				expect(step.notes.length, step.scenarioId).toBeGreaterThan(20);
			}
		}
	});

	it('are listed as they are in the authoring guide', () => {
		const guide = readFileSync('scenarios/README.md', 'utf8');
		for (const [file, programme] of [
			['new-hire-boot-camp', boot],
			['annual-refresher', refresher]
		] as const) {
			const row = guide.split('\n').find((line) => line.startsWith(`| \`programs/${file}.md\``));
			expect(row, file).toBeDefined();
			expect(row).toContain(`| ${programme.steps.length}, `);
			expect(row).toContain(programme.steps.map((step) => step.label).join(', '));
		}
	});

	it('the guide\'s example programme reads without a problem', () => {
		const guide = readFileSync('scenarios/README.md', 'utf8');
		const example = [...guide.matchAll(/````markdown\n([\s\S]*?)````/g)].map((match) => match[1]).find((block) => block.includes('audience:'));
		expect(example).toBeDefined();
		expect(parseProgramme(example!, scenarioIds).diagnostics).toEqual([]);
	});
});
