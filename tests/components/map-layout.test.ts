import ELK from 'elkjs/lib/elk.bundled.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analysePaths, parseScenario } from '../../src/lib/core';
import { fromElkGraph, toElkGraph } from '../../src/lib/studio/map/elk-layout';
import { layoutKey, mapGraph, type MapGraph } from '../../src/lib/studio/map/graph';
import { LayoutScheduler, abortError, type LayoutFunction, type MapLayout } from '../../src/lib/studio/map/layout';
import { fitView, keepAnchor, reveal, zoomAt } from '../../src/lib/studio/map/view';

const graphOf = (source: string) => {
	const { draft } = parseScenario(source);
	return mapGraph(draft, analysePaths(draft));
};

describe('the map graph', () => {
	it('turns a draft into nodes and replies, with a missing node per broken target, loops back and short effects', () => {
		const graph = graphOf(`---\ntitle: T\ncustomer: C\nsummary: S.\n---\n## Start\n\n- [A](#end) empathy +2, flexibility -1, mood -15\n  > a\n- [B](#gone) free\n- [C](#gone)\n  > c\n- [D](#start)\n  > d\n\n## End\n`);
		expect(graph.nodes.map((node) => [node.id, node.kind])).toEqual([
			['start', 'decision'],
			['end', 'ending'],
			['missing:gone', 'missing']
		]);
		expect(graph.edges.map((edge) => [edge.id, edge.to, edge.label, edge.broken, edge.back])).toEqual([
			['start/0', 'end', '1 · E+2 F−1 M−15', false, false],
			['start/1', 'missing:gone', '2 · typed', true, false],
			['start/2', 'missing:gone', '3 · no effect', true, false],
			['start/3', 'start', '4 · no effect', false, true]
		]);
		expect(graph.edges[0].effects).toBe('empathy +2, policy flexibility −1, mood −15');
	});

	it('keys the layout on structure, not on node text', () => {
		const base = `---\ntitle: T\ncustomer: C\nsummary: S.\n---\n## Start\n\n- [A](#end) empathy +2\n  > a\n\n## End\n`;
		expect(layoutKey(graphOf(base))).toBe(layoutKey(graphOf(base.replace('## Start\n', '## Start\n\nSam sighs.\n'))));
		expect(layoutKey(graphOf(base))).not.toBe(layoutKey(graphOf(base.replace('empathy +2', 'empathy +2, ownership +1'))));
		expect(layoutKey(graphOf(base))).not.toBe(layoutKey(graphOf(base + '\n## Other\n')));
	});
});

describe('ELK on a bundled scenario (the same algorithm the worker runs)', () => {
	it('places every node without overlap and routes every reply from its node to its target', async () => {
		const graph = graphOf(readFileSync('scenarios/the-third-call.md', 'utf8'));
		const layout = fromElkGraph(await new ELK().layout(toElkGraph(graph)), graph);
		const boxes = graph.nodes.map((node) => layout.nodes[node.id]);
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const [a, b] = [boxes[i], boxes[j]];
				expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
			}
		const near = (p: { x: number; y: number }, box: MapLayout['nodes'][string]) =>
			p.x >= box.x - 1 && p.x <= box.x + box.width + 1 && p.y >= box.y - 1 && p.y <= box.y + box.height + 1;
		for (const edge of graph.edges) {
			const { points, label } = layout.edges[edge.id];
			expect(points.length).toBeGreaterThanOrEqual(2);
			expect(near(points[0], layout.nodes[edge.from]), `${edge.id} starts at its node`).toBe(true);
			expect(near(points[points.length - 1], layout.nodes[edge.to]), `${edge.id} ends at its target`).toBe(true);
			expect(label).toBeDefined();
		}
		// The start is on top: the layered layout reads from the top down.
		expect(Math.min(...boxes.map((box) => box.y))).toBe(layout.nodes[graph.nodes[0].id].y);
	});
});

describe('the layout scheduler', () => {
	const graph = (id: string): MapGraph => ({ nodes: [{ id } as MapGraph['nodes'][number]], edges: [] });
	const laid = (graph: MapGraph): MapLayout => ({ width: 1, height: 1, nodes: { [graph.nodes[0].id]: { x: 0, y: 0, width: 1, height: 1 } }, edges: {} });

	it('runs one layout at a time, the newest graph next, and drops stale results', async () => {
		const started: { graph: MapGraph; signal: AbortSignal; done: () => void }[] = [];
		const layout: LayoutFunction = (g, signal) => new Promise((resolve) => started.push({ graph: g, signal, done: () => resolve(laid(g)) }));
		const results: string[] = [];
		const scheduler = new LayoutScheduler(layout, (_, g) => results.push(g.nodes[0].id), (error) => results.push(`error ${error}`));
		scheduler.request(graph('a'));
		scheduler.request(graph('b'));
		scheduler.request(graph('c'));
		expect(started.map((s) => s.graph.nodes[0].id)).toEqual(['a']);
		expect(started[0].signal.aborted).toBe(true);
		expect(scheduler.busy).toBe(true);
		started[0].done();
		await Promise.resolve();
		await Promise.resolve();
		expect(started.map((s) => s.graph.nodes[0].id)).toEqual(['a', 'c']);
		started[1].done();
		await new Promise((resolve) => setTimeout(resolve));
		expect(results).toEqual(['c']);
		expect(scheduler.busy).toBe(false);
	});

	it('reports a failed layout, ignores an aborted one, and stops when closed', async () => {
		const results: string[] = [];
		let fail: (error: unknown) => void = () => {};
		const layout: LayoutFunction = () => new Promise((_, reject) => (fail = reject));
		const scheduler = new LayoutScheduler(layout, () => results.push('laid out'), (error) => results.push(String(error)));
		scheduler.request(graph('a'));
		fail(new Error('no worker'));
		await new Promise((resolve) => setTimeout(resolve));
		scheduler.request(graph('b'));
		fail(abortError());
		await new Promise((resolve) => setTimeout(resolve));
		scheduler.request(graph('c'));
		scheduler.close();
		fail(new Error('after close'));
		await new Promise((resolve) => setTimeout(resolve));
		scheduler.request(graph('d'));
		expect(results).toEqual(['Error: no worker']);
	});
});

describe('pan and zoom', () => {
	it('zooms around a point, which stays where it is on screen', () => {
		const view = zoomAt({ x: 10, y: 20, k: 1 }, 2, 110, 220);
		expect(view).toEqual({ x: -90, y: -180, k: 2 });
		// The layout point under (110, 220) was (100, 200) before and is still.
		expect([(110 - view.x) / view.k, (220 - view.y) / view.k]).toEqual([100, 200]);
		expect(zoomAt({ x: 0, y: 0, k: 2 }, 10, 0, 0).k).toBe(2.5);
	});

	it('fits a layout, reveals a box off screen and keeps the anchor node still across layouts', () => {
		expect(fitView({ width: 1000, height: 500 }, 532, 400)).toEqual({ k: 0.5, x: 16, y: 75 });
		expect(fitView({ width: 100, height: 100 }, 1000, 1000).k).toBe(1);
		const view = { x: 0, y: 0, k: 1 };
		expect(reveal(view, { x: 10, y: 10, width: 50, height: 50 }, 500, 500)).toBe(view);
		expect(reveal(view, { x: 900, y: 10, width: 100, height: 50 }, 500, 500)).toEqual({ k: 1, x: -700, y: 215 });
		const before: MapLayout = { width: 0, height: 0, edges: {}, nodes: { a: { x: 100, y: 100, width: 10, height: 10 }, b: { x: 400, y: 400, width: 10, height: 10 } } };
		const after: MapLayout = { width: 0, height: 0, edges: {}, nodes: { a: { x: 150, y: 90, width: 10, height: 10 }, b: { x: 0, y: 0, width: 10, height: 10 } } };
		expect(keepAnchor({ x: 0, y: 0, k: 2 }, before, after, 'a', 800, 800)).toEqual({ k: 2, x: -100, y: 20 });
		// No selection: the node nearest the middle of the screen (b, at 400 × 400 for an 800 × 800 viewport) stays.
		expect(keepAnchor({ x: 0, y: 0, k: 1 }, before, after, undefined, 800, 800)).toEqual({ k: 1, x: 400, y: 400 });
	});
});

describe('drawing only what is on screen', () => {
	it('knows the layout rectangle on screen and which boxes and lines are in it', async () => {
		const { visibleRect, overlaps, boundsOf } = await import('../../src/lib/studio/map/view');
		// At 2× zoom, panned by (−100, −50), a 400 × 300 viewport shows layout x 50..250, y 25..175 (margin 0).
		expect(visibleRect({ x: -100, y: -50, k: 2 }, 400, 300, 0)).toEqual({ x: 50, y: 25, width: 200, height: 150 });
		const rect = visibleRect({ x: -100, y: -50, k: 2 }, 400, 300, 0);
		expect(overlaps({ x: 240, y: 170, width: 50, height: 50 }, rect)).toBe(true);
		expect(overlaps({ x: 250, y: 170, width: 50, height: 50 }, rect)).toBe(false);
		expect(boundsOf([{ x: 5, y: 9 }, { x: 1, y: 20 }, { x: 3, y: 2 }])).toEqual({ x: 1, y: 2, width: 4, height: 18 });
	});
});
