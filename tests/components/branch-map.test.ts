// @vitest-environment jsdom
import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MapGraph } from '../../src/lib/studio/map/graph';
import type { LayoutFunction, MapLayout } from '../../src/lib/studio/map/layout';
import MapHost from './map-host.svelte';

beforeAll(() => {
	// jsdom has no ResizeObserver (bind:clientWidth uses one); the viewport then measures 0 × 0.
	globalThis.ResizeObserver ??= class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof ResizeObserver;
});

const SOURCE = `---
title: Map
customer: Sam Lee
summary: S.
---

## Start

- [Listen](#listen) empathy +2, mood +10
  > a
- [Guess](#nowhere) ownership +1
  > b

## Listen

- [Ask again](#start) empathy +1
  > c
- [Fix it](#sorted) ownership +2
  > d
- [Type it](#sorted) free

## Sorted

Outcome: resolved

## <script>alert(1)</script> Forgotten

Outcome: lost
`;

/** A stand-in for ELK: nodes in a column, edges straight down. Each call waits until the test releases it. */
function gridLayout() {
	const calls: { graph: MapGraph; signal: AbortSignal; release: () => void }[] = [];
	const layout: LayoutFunction = (graph, signal) =>
		new Promise<MapLayout>((resolve) => {
			const result: MapLayout = { width: 300, height: graph.nodes.length * 100, nodes: {}, edges: {} };
			graph.nodes.forEach((node, i) => (result.nodes[node.id] = { x: 20, y: i * 100, width: node.width, height: node.height }));
			for (const edge of graph.edges) {
				const from = result.nodes[edge.from];
				const to = result.nodes[edge.to];
				result.edges[edge.id] = { points: [{ x: from.x + 10, y: from.y + from.height }, { x: to.x + 10, y: to.y }] };
			}
			calls.push({ graph, signal, release: () => resolve(result) });
		});
	return { layout, calls };
}

let mounted: ReturnType<typeof mount> | undefined;
afterEach(() => {
	if (mounted) unmount(mounted);
	mounted = undefined;
	document.body.innerHTML = '';
});

function show(layout: LayoutFunction, selected?: string) {
	const selections: string[] = [];
	const target = document.createElement('div');
	document.body.append(target);
	mounted = mount(MapHost, { target, props: { source: SOURCE, layout, onselect: (id: string) => selections.push(id), selected } });
	flushSync();
	return { target, selections, host: mounted as unknown as { setSource(s: string): void } };
}

const settle = async () => {
	for (let i = 0; i < 5; i++) await tick();
	flushSync();
};

describe('the branch map', () => {
	it('draws what the layout placed: the start, endings, flags, broken links and loops, with headings as text', async () => {
		const { layout, calls } = gridLayout();
		const { target } = show(layout);
		expect(target.textContent).toContain('Laying out 5 nodes');
		calls[0].release();
		await settle();
		const node = (id: string) => target.querySelector(`[data-node="${id}"]`)!;
		expect(node('start').classList.contains('start')).toBe(true);
		expect(node('start').textContent).toContain('Start · 2 replies');
		expect(node('sorted').className).toContain('outcome-resolved');
		expect(node('missing:nowhere').tagName).toBe('DIV');
		expect(node('missing:nowhere').textContent).toContain('#nowhere');
		const hostile = target.querySelector('[data-node="scriptalert1script-forgotten"]')!;
		expect(hostile.querySelector('.title')!.textContent).toBe('<script>alert(1)</script> Forgotten');
		expect(hostile.querySelector('script')).toBeNull();
		expect(hostile.textContent).toContain('Unreachable');
		expect(target.querySelector('[data-edge="listen/0"]')!.classList.contains('back')).toBe(true);
		expect(target.querySelector('[data-edge="start/1"]')!.classList.contains('broken')).toBe(true);
		expect(target.querySelector('[data-edge="start/0"] text')!.textContent).toBe('1 · E+2 M+10');
		expect(target.querySelector('[data-edge="listen/2"] text')!.textContent).toBe('3 · typed');
		expect((node('listen') as HTMLElement).style.top).toBe('100px');
	});

	it('calls onselect with the node clicked, and marks the selected node', async () => {
		const { layout, calls } = gridLayout();
		const { target, selections } = show(layout, 'listen');
		calls[0].release();
		await settle();
		(target.querySelector('[data-node="sorted"]') as HTMLButtonElement).click();
		(target.querySelector('[data-node="start"]') as HTMLButtonElement).click();
		expect(selections).toEqual(['sorted', 'start']);
		expect(target.querySelector('[data-node="listen"]')!.getAttribute('aria-current')).toBe('true');
		expect(target.querySelector('[data-edge="start/0"]')!.classList.contains('near')).toBe(true);
	});

	it('lays out again only when the graph changes, and never shows a stale layout', async () => {
		const { layout, calls } = gridLayout();
		const { target, host } = show(layout);
		calls[0].release();
		await settle();
		// Typing in a node's body changes no node, reply or label: no new layout.
		host.setSource(SOURCE.replace('- [Listen]', 'Sam sighs.\n\n- [Listen]'));
		await settle();
		expect(calls).toHaveLength(1);
		// A new node: a new layout; while it runs, another edit arrives.
		host.setSource(SOURCE + '\n## Apology\n');
		await settle();
		expect(calls).toHaveLength(2);
		expect(target.textContent).toContain('Updating the map');
		host.setSource(SOURCE + '\n## Apology\n\n## Second apology\n');
		await settle();
		// One layout at a time: the newest graph waits, and the running one is told to stop.
		expect(calls).toHaveLength(2);
		expect(calls[1].signal.aborted).toBe(true);
		calls[1].release();
		await settle();
		expect(target.querySelector('[data-node="apology"]')).toBeNull(); // the stale result was dropped
		expect(calls).toHaveLength(3);
		expect(calls[2].graph.nodes.map((n) => n.id)).toContain('second-apology');
		calls[2].release();
		await settle();
		expect(target.querySelector('[data-node="apology"]')).not.toBeNull();
		expect(target.querySelector('[data-node="second-apology"]')).not.toBeNull();
		expect(target.textContent).not.toContain('Updating the map');
	});

	it('says so when the layout fails, and points to the outline', async () => {
		const failing: LayoutFunction = () => Promise.reject(new Error('worker failed to load'));
		const { target } = show(failing);
		await settle();
		expect(target.querySelector('[role="status"]')!.textContent).toContain('The map could not be laid out (worker failed to load). The outline lists every node and reply.');
	});

	it('zooms with its buttons and pans with the arrow keys', async () => {
		const { layout, calls } = gridLayout();
		const { target } = show(layout);
		calls[0].release();
		await settle();
		const world = () => (target.querySelector('.world') as HTMLElement).style.transform;
		expect(world()).toBe('translate(0px, 0px) scale(1)');
		const button = (name: string) => [...target.querySelectorAll('button')].find((b) => b.textContent === name)!;
		button('Zoom in').click();
		flushSync();
		expect(world()).toBe('translate(0px, 0px) scale(1.25)');
		const viewport = target.querySelector('[role="group"]')!;
		viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
		viewport.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', shiftKey: true, bubbles: true }));
		flushSync();
		expect(world()).toBe('translate(60px, 240px) scale(1.25)');
		// Zooming keeps the middle of the viewport still (here 0 × 0, so the corner).
		viewport.dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true }));
		flushSync();
		expect(world()).toBe('translate(48px, 192px) scale(1)');
	});
});
