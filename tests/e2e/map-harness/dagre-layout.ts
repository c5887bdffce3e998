import type { MapGraph } from '$lib/studio/map/graph';
import { abortError, type LayoutFunction, type MapLayout } from '$lib/studio/map/layout';

/** For comparison only (README.md, Studio map): the light alternative to ELK, @dagrejs/dagre, on the calling thread. */
export const dagreLayout: LayoutFunction = async (graph, signal) => {
	const { default: dagre } = await import('@dagrejs/dagre');
	if (signal.aborted) throw abortError();
	const g = new dagre.graphlib.Graph({ multigraph: true });
	g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 44, edgesep: 10, marginx: 16, marginy: 16 });
	g.setDefaultEdgeLabel(() => ({}));
	for (const node of graph.nodes) g.setNode(node.id, { width: node.width, height: node.height });
	for (const edge of graph.edges) g.setEdge(edge.from, edge.to, { width: edge.labelWidth, height: edge.labelHeight, labelpos: 'c' }, edge.id);
	dagre.layout(g);
	const layout: MapLayout = { width: g.graph().width ?? 0, height: g.graph().height ?? 0, nodes: {}, edges: {} };
	for (const node of graph.nodes) {
		const { x, y, width, height } = g.node(node.id);
		layout.nodes[node.id] = { x: x - width / 2, y: y - height / 2, width, height };
	}
	for (const edge of graph.edges) {
		const label = g.edge(edge.from, edge.to, edge.id);
		layout.edges[edge.id] = {
			points: (label.points ?? []).map(({ x, y }: { x: number; y: number }) => ({ x, y })),
			label: { x: (label.x ?? 0) - edge.labelWidth / 2, y: (label.y ?? 0) - edge.labelHeight / 2, width: edge.labelWidth, height: edge.labelHeight }
		};
	}
	return layout;
};
