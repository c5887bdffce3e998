import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	analyseScenario,
	availableChoices,
	choose,
	displayOrder,
	newRunSeed,
	parseScenario,
	readRunState,
	startRun,
	type Scenario
} from '../../src/lib/core';
import { seededRandom } from '../../src/lib/core/random';

function load(source: string): Scenario {
	const { scenario, diagnostics } = parseScenario(source);
	if (!scenario) throw new Error(JSON.stringify(diagnostics));
	return scenario;
}

const FOUR = `---
title: Four replies
customer: Sam Lee
summary: A decision with four replies and a text box.
---
## Start

- [Best](#end) empathy +3, flexibility +2, ownership +3
  > Best.
- [Good](#end) empathy +1, flexibility +1, ownership +1
  > Good.
- [Poor](#end) empathy -1, flexibility -1, ownership -1
  > Poor.
- [Worst](#end) empathy -3, flexibility -2, ownership -3
  > Worst.
- [Write your own](#end) free

## Steps

Order: as written

- [Step one](#end) empathy +1, flexibility +1, ownership +1
  > One.
- [Step two](#end) empathy -1
  > Two.

## End
`;
const scenario = load(FOUR);
const start = scenario.nodes[0];
const steps = scenario.nodes[1];
const run = (seed?: number) => startRun(scenario, { scenarioId: 'four', scenarioHash: 'h', seed });

describe('the order replies are shown in', () => {
	it('is the same for the same attempt seed, every time', () => {
		for (const seed of [0, 1, 42, 4294967295]) {
			expect(displayOrder(scenario, start, seed)).toEqual(displayOrder(scenario, start, seed));
			expect(availableChoices(scenario, run(seed)).map((o) => o.index)).toEqual(displayOrder(scenario, start, seed));
		}
	});

	it('differs across attempts, and each reply comes first about equally often', () => {
		const firsts = [0, 0, 0, 0];
		const orders = new Set<string>();
		for (let seed = 0; seed < 4000; seed++) {
			const order = displayOrder(scenario, start, seed);
			firsts[order[0]]++;
			orders.add(order.join());
		}
		expect(orders.size).toBe(24); // every permutation of four replies turns up
		for (const count of firsts) expect(count).toBeGreaterThan(850); // 1,000 expected each
	});

	it('keeps the typed-reply box after the buttons, and the written order where the author asks', () => {
		for (let seed = 0; seed < 50; seed++) {
			expect(displayOrder(scenario, start, seed).at(-1)).toBe(4);
			expect(displayOrder(scenario, steps, seed)).toEqual([0, 1]);
		}
	});

	it('follows `shuffle: false`, and a node\'s `Order: shuffled` overrides it', () => {
		const fixed = load(FOUR.replace('---\n## Start', 'shuffle: false\n---\n## Start').replace('Order: as written', 'Order: shuffled'));
		const seen = new Set<string>();
		for (let seed = 0; seed < 50; seed++) {
			expect(displayOrder(fixed, fixed.nodes[0], seed)).toEqual([0, 1, 2, 3, 4]);
			seen.add(displayOrder(fixed, fixed.nodes[1], seed).join());
		}
		expect(seen).toEqual(new Set(['0,1', '1,0']));
	});

	it('is file order for runs saved before shuffling (no seed)', () => {
		expect(availableChoices(scenario, run()).map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
	});

	it('is recorded with each step, so the debrief can show what the trainee saw', () => {
		const state = run(7);
		const shown = availableChoices(scenario, state).map((o) => o.index);
		const next = choose(scenario, state, shown[0]);
		expect(next.steps[0].available).toEqual(shown);
		expect(next.seed).toBe(7);
	});
});

describe('a new attempt\'s seed', () => {
	it('never repeats the previous attempt\'s order at the first decision', () => {
		const random = seededRandom(99, 'test');
		let previous = newRunSeed(scenario, undefined, random);
		for (let attempt = 0; attempt < 200; attempt++) {
			const seed = newRunSeed(scenario, previous, random);
			expect(displayOrder(scenario, start, seed)).not.toEqual(displayOrder(scenario, start, previous));
			previous = seed;
		}
	});

	it('looks past a start that keeps its written order, to the first decision that shuffles', () => {
		const random = seededRandom(5, 'test');
		const later = load(FOUR.replace('## Start\n', '## Start\n\nOrder: as written\n').replace('Order: as written\n\n- [Step one]', 'Order: shuffled\n\n- [Step one]'));
		let previous = newRunSeed(later, undefined, random);
		for (let attempt = 0; attempt < 50; attempt++) {
			const seed = newRunSeed(later, previous, random);
			expect(displayOrder(later, later.nodes[0], seed)).toEqual([0, 1, 2, 3, 4]);
			expect(displayOrder(later, later.nodes[1], seed)).not.toEqual(displayOrder(later, later.nodes[1], previous));
			previous = seed;
		}
	});
});

describe('stored runs', () => {
	it('reads a run saved before shuffling (version 1, no seed) and refuses a seed that is not a 32-bit whole number', () => {
		const state = run(3);
		const { seed: _seed, ...v1 } = { ...state, saveVersion: 1 };
		expect(readRunState(v1)).toEqual(v1);
		for (const seed of [-1, 1.5, 2 ** 32, '7']) expect(readRunState({ ...state, seed })).toBeNull();
	});
});

describe('where the best reply is written', () => {
	it('is counted per decision, with those kept in written order', () => {
		expect(analyseScenario(scenario).order).toEqual({ decisions: 2, bestFirst: 2, bestFirstKept: 1 });
	});

	it('shows the library writes the best reply first almost everywhere, which is why the player shuffles', () => {
		const library = ['the-third-call', 'let-her-vent', 'outside-the-window'].map((id) =>
			analyseScenario(load(readFileSync(`scenarios/${id}.md`, 'utf8'))).order
		);
		for (const order of library) {
			expect(order.bestFirst).toBeGreaterThan(order.decisions / 2);
			expect(order.bestFirstKept).toBe(0);
		}
	});
});
