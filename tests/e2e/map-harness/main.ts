// Test harness only: what tests/e2e/map.spec.ts drives in Chromium through `window.harness`.
import '../../../src/app.css';
import { mount, unmount } from 'svelte';
import { analysePaths, parseScenario } from '$lib/core';
import { dagreLayout } from './dagre-layout';
import { ELK_OPTIONS, LABEL_OPTIONS, elkLayout } from '$lib/studio/map/elk-layout';
import { mapGraph } from '$lib/studio/map/graph';
import type { LayoutFunction } from '$lib/studio/map/layout';
import Harness from './Harness.svelte';
import { conversation } from './generate';

const engines: Record<string, LayoutFunction> = { elk: elkLayout, dagre: dagreLayout };
let shown: ReturnType<typeof mount> | undefined;
const selections: string[] = [];

const harness = {
	selections,
	conversation,
	/** For trying ELK options by hand. */
	elkOptions: { root: ELK_OPTIONS, label: LABEL_OPTIONS },
	show(source: string, engine = 'elk') {
		if (shown) unmount(shown);
		selections.length = 0;
		shown = mount(Harness, { target: document.body, props: { source, layout: engines[engine], onselect: (id: string) => selections.push(id) } });
	},
	setSource(source: string) {
		(shown as unknown as { setSource(s: string): void }).setSource(source);
	},
	select(id: string | undefined) {
		(shown as unknown as { select(id: string | undefined): void }).select(id);
	},
	/** Milliseconds per layout of a generated conversation: the first (cold) and the median of `runs` more. */
	async time(engine: string, nodes: number, runs = 5) {
		const { draft } = parseScenario(conversation(nodes));
		const graph = mapGraph(draft, analysePaths(draft));
		const layout = engines[engine];
		const once = async () => {
			const started = performance.now();
			const result = await layout(graph, new AbortController().signal);
			return { ms: performance.now() - started, result };
		};
		const first = await once();
		const times: number[] = [];
		for (let i = 0; i < runs; i++) times.push((await once()).ms);
		times.sort((a, b) => a - b);
		return {
			nodes: graph.nodes.length,
			edges: graph.edges.length,
			backEdges: graph.edges.filter((edge) => edge.back).length,
			cold: Math.round(first.ms),
			warm: Math.round(times[Math.floor(times.length / 2)]),
			width: Math.round(first.result.width),
			height: Math.round(first.result.height),
			overlaps: overlaps(first.result.nodes)
		};
	}
};

/** Node boxes that overlap (a layout must have none). */
function overlaps(nodes: Record<string, { x: number; y: number; width: number; height: number }>): number {
	const boxes = Object.values(nodes);
	let found = 0;
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found++;
		}
	return found;
}

(window as unknown as { harness: typeof harness }).harness = harness;
document.body.dataset.ready = 'true';
