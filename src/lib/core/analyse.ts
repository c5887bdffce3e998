import { replyOrderAt } from './engine.ts';
import { DIMENSIONS, OUTCOMES, type Dimension, type Effects, type Outcome, type ScenarioDraft } from './types.ts';

/** A playable scenario or a draft: the analysis reads only the nodes, their links and the reply order. */
type Analysable = Pick<ScenarioDraft, 'meta' | 'nodes'>;

export interface ScenarioAnalysis {
	nodes: number;
	endings: number;
	/** Endings by authored outcome; `byMood` counts endings whose outcome follows the final mood. */
	outcomes: Record<Outcome | 'byMood', number>;
	/** Decisions (nodes with two or more replies) on the shortest and the longest way from the start to an ending. */
	shortestDecisions: number;
	longestDecisions: number;
	/** Per dimension, the highest and lowest total a trainee can end with (conditions and typed replies aside). */
	totals: Record<Dimension, { best: number; worst: number }>;
	/** The file has cycles; the longest path then counts each node once. */
	cyclic: boolean;
	/**
	 * Decisions whose listed replies differ in value (the sum of their three
	 * dimensions), how many of them list a best reply first, and how many of
	 * those keep the written order in play (the rest are shuffled per attempt).
	 */
	order: { decisions: number; bestFirst: number; bestFirstKept: number };
}

/**
 * Path analysis for authors and the checker. Conditions are ignored (any
 * reply may be taken) and typed replies count as 0, so the figures describe
 * the map, not one play. Loops are walked once. A draft with errors is
 * analysed as far as its links lead; links to no node are left out.
 */
export function analyseScenario(scenario: Analysable): ScenarioAnalysis {
	// Plain loops, not map/forEach: the studio runs this as the manager types, on files of thousands of nodes.
	const count = scenario.nodes.length;
	const index = new Map<string, number>();
	for (let i = 0; i < count; i++) index.set(scenario.nodes[i].id, i);
	type Edge = { target: number; effects: Effects };
	const edges: Edge[][] = new Array(count);
	const isDecision = new Uint8Array(count);
	for (let i = 0; i < count; i++) {
		const out: Edge[] = [];
		const choices = scenario.nodes[i].choices;
		for (const choice of choices) {
			const target = index.get(choice.target);
			if (target !== undefined) out.push({ target, effects: choice.effects });
		}
		edges[i] = out;
		isDecision[i] = choices.length >= 2 ? 1 : 0;
	}

	// Depth-first post-order from the start, dropping edges back into the current path (loops).
	const state = new Uint8Array(count); // 0 new, 1 on path, 2 done
	const order: number[] = [];
	const forward: Edge[][] = new Array(count);
	for (let i = 0; i < count; i++) forward[i] = [];
	let cyclic = false;
	const stack: { node: number; next: number }[] = count > 0 ? [{ node: 0, next: 0 }] : [];
	if (stack.length > 0) state[0] = 1;
	while (stack.length > 0) {
		const top = stack[stack.length - 1];
		const out = edges[top.node];
		if (top.next < out.length) {
			const edge = out[top.next++];
			if (state[edge.target] === 1) {
				cyclic = true;
				continue;
			}
			forward[top.node].push(edge);
			if (state[edge.target] === 0) {
				state[edge.target] = 1;
				stack.push({ node: edge.target, next: 0 });
			}
		} else {
			state[top.node] = 2;
			order.push(top.node);
			stack.pop();
		}
	}

	const none = -Infinity;
	const longest = new Array<number>(count).fill(none);
	const shortest = new Array<number>(count).fill(Infinity);
	const best = DIMENSIONS.map(() => new Array<number>(count).fill(none));
	const worst = DIMENSIONS.map(() => new Array<number>(count).fill(Infinity));
	for (const node of order) {
		if (scenario.nodes[node].choices.length === 0) {
			longest[node] = 0;
			shortest[node] = 0;
			for (let d = 0; d < DIMENSIONS.length; d++) {
				best[d][node] = 0;
				worst[d][node] = 0;
			}
			continue;
		}
		for (const edge of forward[node]) {
			if (longest[edge.target] === none) continue; // leads nowhere that ends
			longest[node] = Math.max(longest[node], isDecision[node] + longest[edge.target]);
			shortest[node] = Math.min(shortest[node], isDecision[node] + shortest[edge.target]);
			for (let d = 0; d < DIMENSIONS.length; d++) {
				const value = edge.effects[DIMENSIONS[d]] ?? 0;
				best[d][node] = Math.max(best[d][node], value + best[d][edge.target]);
				worst[d][node] = Math.min(worst[d][node], value + worst[d][edge.target]);
			}
		}
	}

	const outcomes = Object.fromEntries([...OUTCOMES, 'byMood'].map((key) => [key, 0])) as ScenarioAnalysis['outcomes'];
	let endings = 0;
	for (const node of scenario.nodes) {
		if (node.choices.length > 0) continue;
		endings++;
		outcomes[node.outcome ?? 'byMood']++;
	}
	const finite = (value: number) => (Number.isFinite(value) ? value : 0);
	return {
		nodes: scenario.nodes.length,
		endings,
		outcomes,
		shortestDecisions: finite(shortest[0]),
		longestDecisions: finite(longest[0]),
		totals: Object.fromEntries(
			DIMENSIONS.map((dimension, d) => [dimension, { best: finite(best[d][0]), worst: finite(worst[d][0]) }])
		) as ScenarioAnalysis['totals'],
		cyclic,
		order: bestFirst(scenario)
	};
}

function bestFirst(scenario: Analysable): ScenarioAnalysis['order'] {
	const order = { decisions: 0, bestFirst: 0, bestFirstKept: 0 };
	for (const node of scenario.nodes) {
		const values = node.choices
			.filter((choice) => !choice.free)
			.map((choice) => DIMENSIONS.reduce((sum, dimension) => sum + (choice.effects[dimension] ?? 0), 0));
		if (values.length < 2) continue;
		const best = Math.max(...values);
		if (best === Math.min(...values)) continue;
		order.decisions++;
		if (values[0] !== best) continue;
		order.bestFirst++;
		if (replyOrderAt(scenario, node) === 'written') order.bestFirstKept++;
	}
	return order;
}
