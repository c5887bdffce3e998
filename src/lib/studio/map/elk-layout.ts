import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { MapGraph } from './graph.ts';
import { abortError, type Box, type LayoutFunction, type MapLayout, type Point } from './layout.ts';

/*
 * The branch map's layout: ELK's layered algorithm (Sugiyama), run in its own
 * Web Worker, loaded only when a map is first laid out (about 470 KB gzipped).
 * elk-api.js talks to elk-worker.min.js started by our workerFactory; the
 * bundled build would take over `self.onmessage` inside a worker of our own
 * (kieler/elkjs#141), and on the main thread it would block the page.
 */

/** Top to bottom like a script; loops back are the edges the file's order puts backwards. */
export const ELK_OPTIONS: Record<string, string> = {
	'elk.algorithm': 'layered',
	'elk.direction': 'DOWN',
	'elk.edgeRouting': 'ORTHOGONAL',
	'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
	'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
	'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
	'elk.spacing.nodeNode': '28',
	'elk.spacing.edgeEdge': '10',
	'elk.spacing.edgeNode': '14',
	'elk.spacing.edgeLabel': '2',
	'elk.layered.spacing.nodeNodeBetweenLayers': '44',
	'elk.layered.spacing.edgeNodeBetweenLayers': '14',
	'elk.layered.spacing.edgeEdgeBetweenLayers': '8',
	'elk.spacing.componentComponent': '48',
	'elk.padding': '[top=16,left=16,bottom=16,right=16]'
};

/** Effects labels sit at the reply's start, under its node (centred labels would each take a dummy node and double the map). */
export const LABEL_OPTIONS: Record<string, string> = { 'elk.edgeLabels.placement': 'TAIL' };

/** The graph as ELK reads it: nodes in file order (the model order), replies in order, each with its label box. */
export function toElkGraph(graph: MapGraph): ElkNode {
	return {
		id: 'root',
		layoutOptions: ELK_OPTIONS,
		children: graph.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height })),
		edges: graph.edges.map(
			(edge): ElkExtendedEdge => ({
				id: edge.id,
				sources: [edge.from],
				targets: [edge.to],
				labels: [{ id: `${edge.id}#label`, text: edge.label, width: edge.labelWidth, height: edge.labelHeight, layoutOptions: LABEL_OPTIONS }]
			})
		)
	};
}

/** ELK's answer as the map's layout: every node and edge of the graph, with whole-pixel-ish coordinates. */
export function fromElkGraph(result: ElkNode, graph: MapGraph): MapLayout {
	const nodes: Record<string, Box> = {};
	for (const child of result.children ?? []) {
		nodes[child.id] = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
	}
	const edges: MapLayout['edges'] = {};
	for (const edge of (result.edges ?? []) as ElkExtendedEdge[]) {
		const points: Point[] = [];
		for (const section of edge.sections ?? []) {
			points.push(section.startPoint, ...(section.bendPoints ?? []), section.endPoint);
		}
		const label = edge.labels?.[0];
		edges[edge.id] = {
			points: points.map(({ x, y }) => ({ x, y })),
			...(label && label.x !== undefined && label.y !== undefined
				? { label: { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 } }
				: {})
		};
	}
	for (const node of graph.nodes) if (!nodes[node.id]) throw new Error(`ELK left node ${node.id} out.`);
	return { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
}

let engine: Promise<ELK> | undefined;

/** One ELK worker for the page, started on the first layout. */
function loadElk(): Promise<ELK> {
	engine ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
		([api, worker]) => new api.default({ workerFactory: () => new Worker(worker.default, { name: 'elk-layout' }) })
	);
	// A failed download (offline before the studio was cached) may succeed later.
	engine.catch(() => (engine = undefined));
	return engine;
}

/**
 * Lays a graph out with ELK in its worker. An aborted layout's result is
 * dropped (the worker finishes it: ELK cannot stop midway, and starting a new
 * worker costs more than a small layout).
 */
export const elkLayout: LayoutFunction = async (graph, signal) => {
	if (signal.aborted) throw abortError();
	const elk = await loadElk();
	if (signal.aborted) throw abortError();
	const result = await elk.layout(toElkGraph(graph));
	if (signal.aborted) throw abortError();
	return fromElkGraph(result, graph);
};
