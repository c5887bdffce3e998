import { bandFor, outcomeFromMood } from './scoring.ts';
import { slugify } from './slug.ts';
import { DIMENSION_LIMIT, DIMENSIONS, MOOD_LIMIT, OUTCOMES, perDimension, type Dimension, type Effects, type Outcome, type ScenarioDraft } from './types.ts';
import { reachability } from './graph.ts';

/*
 * Path analysis for the studio: what scores a trainee can reach, and where.
 *
 * The model (stated once, shown to authors in the analysis panel):
 * - Conditions (`when`) are ignored, as analyseScenario does: every reply of a
 *   node is on offer, so the spread at each decision is that of all its listed replies.
 * - A typed reply can score anything the rubric gives, −3..+3 on each
 *   dimension (its mood change follows the rubric's formula); it is scored as
 *   the player scores it: it joins the listed replies on offer, or, alone,
 *   is placed on the rubric's scale.
 * - Loops: a path may go back round a loop at most LOOPS_BACK time(s) in all;
 *   without that bound a trainee going round a loop forever has no last score.
 * - Links to no node lead nowhere; a path ends at an ending (a node without replies).
 *
 * A dimension score is a ratio of path sums, 100 × Σ(picked − worst)/Σ(best − worst),
 * so the best path is not the one with the best decisions one by one. Each
 * path is the point (B, A) = (Σ spread, Σ gained); the best score over a set of
 * paths is the steepest line from the origin to one of them, which always
 * touches a vertex of the set's upper convex hull. The hulls are carried forward
 * through the graph in topological order (translate by each reply's (b, a), merge,
 * hull again), so every node and every ending gets its exact best and worst
 * score in one pass, with an example path kept for each vertex.
 */

/** How many times in all a path may go back round a loop. */
export const LOOPS_BACK = 1;
/** Paths are counted up to this many per ending (and in all); beyond it, "more than". */
export const PATH_COUNT_CAP = 100_000;

/** The score from which a dimension is "good" (bandFor's threshold), so the warnings follow the bands. */
const GOOD_FROM = Array.from({ length: 101 }, (_, score) => score).find((score) => bandFor(score) !== 'needs-work') ?? 70;

/** How the warnings name a dimension. */
const DIMENSION_WORD: Record<Dimension, string> = { empathy: 'empathy', flexibility: 'policy flexibility', ownership: 'ownership' };

/** One decision on a path: the node and the index of the reply taken. */
export interface PathStep {
	node: string;
	choice: number;
}

/** A path to an ending that gives a score, as an example of how to get it. */
export interface ExamplePath {
	/** 0–100, as scoreDimension rounds it. */
	score: number;
	/** The decisions, in order; the last one's reply leads to `ending`. */
	steps: PathStep[];
	ending: string;
	/** Typed replies on the path are assumed to score this on the dimension (+3 for the best path, −3 for the worst). */
	typed: number;
}

export interface DimensionPaths {
	/** The best and worst score (0–100) any path to an ending gives; null when no path varies this dimension. */
	best: ExamplePath | null;
	worst: ExamplePath | null;
	/** Some path reaches an ending without a decision that varies this dimension (scored "not assessed"). */
	unassessedPath: boolean;
	/** The highest and lowest raw total (the sum of the effects) any path to an ending adds up. */
	totals: { best: number; worst: number } | null;
}

export interface EndingPaths {
	id: string;
	title: string;
	/** The ending's `Outcome:` line; null when the outcome follows the final mood. */
	outcome: Outcome | null;
	/** The outcomes a trainee can get here: the authored one, or those of the final moods a path can bring. */
	outcomes: Outcome[];
	/** Paths from the start to this ending (each a different sequence of replies), up to PATH_COUNT_CAP. */
	paths: number;
	/** There are more paths than `paths`. */
	capped: boolean;
	/** The lowest and highest final mood on the way in; null when unreachable. */
	mood: { low: number; high: number } | null;
	/** Per dimension, the best and worst score of the paths that end here; null when none varies it (or none arrives). */
	scores: Record<Dimension, { best: number; worst: number } | null>;
}

export interface NodePaths {
	/** Some path from the start leads here (as the linter counts links, a link meant for this node included). */
	reachable: boolean;
	/** No ending can be reached from here (a trap). */
	trap: boolean;
	ending: boolean;
}

export type PathWarningCode =
	| 'no-ending'
	| 'unreachable-ending'
	| 'not-assessed'
	| 'sometimes-unassessed'
	| 'best-below-good'
	| 'worst-above-good'
	| 'same-score'
	| 'outcome-out-of-reach';

export interface PathWarning {
	code: PathWarningCode;
	/** A sentence for the author. */
	message: string;
	dimension?: Dimension;
	/** The node the warning is about, for "show on the map". */
	node?: string;
	outcome?: Outcome;
}

export interface PathAnalysis {
	dimensions: Record<Dimension, DimensionPaths>;
	/** Every ending, in file order, reachable or not. */
	endings: EndingPaths[];
	/** Per node id. */
	nodes: Record<string, NodePaths>;
	/** Paths from the start to any ending, up to PATH_COUNT_CAP. */
	paths: number;
	capped: boolean;
	/** Replies that lead back to a node already on the way from the start (loops), as `node`/`choice`. */
	loopsBack: PathStep[];
	warnings: PathWarning[];
}

/** What the analysis reads: a playable scenario or a draft. */
type Analysable = Pick<ScenarioDraft, 'meta' | 'nodes'> & { broken?: ScenarioDraft['broken'] };

/**
 * A hull: its vertices left to right, STRIDE numbers each: x = Σ spread,
 * y = ±Σ gained, then the way back to the start: the layered vertex and the
 * point there that this one extends, and the edge taken (−1 at the start).
 */
type Hull = Int32Array;
const STRIDE = 5;
const START_HULL: Hull = Int32Array.of(0, 0, -1, -1, -1);

/** A predecessor's hull, translated by the reply taken from it. */
interface HullSource {
	hull: Hull;
	dx: number;
	dy: number;
	vertex: number;
	edge: number;
}

/**
 * Best and worst scores, totals, endings and warnings over every path from
 * the start to an ending (see the model above).
 *
 * @example
 * const { draft } = parseScenario(source);
 * const paths = analysePaths(draft);
 * paths.dimensions.ownership.best?.score; // 85
 * paths.warnings[0]?.message; // "No path reaches 70 in empathy: the best is 55."
 */
export function analysePaths(scenario: Analysable): PathAnalysis {
	const nodes = scenario.nodes;
	const count = nodes.length;
	const graph = edgesOf(scenario);
	const flags = nodeFlags(nodes, graph.flagEdges);
	const { first, from: edgeFrom, to: edgeTo, choice: edgeChoice } = graph;

	// Depth-first from the start: edges into a node still on the way are loops back; the rest form a DAG.
	const back = new Uint8Array(edgeTo.length);
	const order: number[] = [];
	const loopsBack: PathStep[] = [];
	if (count > 0) {
		const state = new Uint8Array(count); // 0 new, 1 on the way, 2 done
		const stack: number[] = [0];
		const next = Int32Array.from(first.subarray(0, count));
		state[0] = 1;
		while (stack.length > 0) {
			const node = stack[stack.length - 1];
			if (next[node] < first[node + 1]) {
				const edge = next[node]++;
				const to = edgeTo[edge];
				if (state[to] === 1) {
					back[edge] = 1;
					loopsBack.push({ node: nodes[node].id, choice: edgeChoice[edge] });
				} else if (state[to] === 0) {
					state[to] = 1;
					stack.push(to);
				}
			} else {
				state[node] = 2;
				order.push(node);
				stack.pop();
			}
		}
		order.reverse();
	}

	// Incoming edges per node, grouped (counting sort by target).
	const inFirst = new Int32Array(count + 1);
	for (let e = 0; e < edgeTo.length; e++) inFirst[edgeTo[e] + 1]++;
	for (let i = 0; i < count; i++) inFirst[i + 1] += inFirst[i];
	const inEdges = new Int32Array(edgeTo.length);
	const filled = inFirst.slice(0, count);
	for (let e = 0; e < edgeTo.length; e++) inEdges[filled[edgeTo[e]]++] = e;

	// The layered graph: vertex = layer × count + node; loops back go up a layer, so it has no cycle.
	const layers = LOOPS_BACK + 1;
	const vertices = layers * count;
	const dimensionCount = DIMENSIONS.length;
	const pathCount = new Float64Array(vertices);
	const moodLow = new Float64Array(vertices).fill(Infinity);
	const moodHigh = new Float64Array(vertices).fill(-Infinity);
	const totalHigh = new Float64Array(vertices * dimensionCount).fill(-Infinity);
	const totalLow = new Float64Array(vertices * dimensionCount).fill(Infinity);
	// Per vertex and dimension: some path gets here without a decision that varies the dimension.
	const unvaried = new Uint8Array(vertices * dimensionCount);
	// Per vertex and dimension: hulls of (spread, gained) with typed replies at +3, and of (spread, −gained) at −3.
	const upper = new Array<Hull>(vertices * dimensionCount);
	const lower = new Array<Hull>(vertices * dimensionCount);

	if (count > 0) {
		pathCount[0] = 1;
		moodLow[0] = moodHigh[0] = clampMood(scenario.meta?.mood ?? 50);
		for (let d = 0; d < dimensionCount; d++) {
			totalHigh[d] = totalLow[d] = 0;
			unvaried[d] = 1;
			upper[d] = lower[d] = START_HULL;
		}
	}
	const sources: HullSource[] = [];
	const ups: HullSource[] = [];
	const downs: HullSource[] = [];
	for (let layer = 0; layer < layers; layer++) {
		for (const node of order) {
			const vertex = layer * count + node;
			if (vertex === 0) continue; // the start; a loop back to it arrives in the next layer
			sources.length = 0;
			let paths = 0;
			for (let i = inFirst[node]; i < inFirst[node + 1]; i++) {
				const edge = inEdges[i];
				const fromLayer = layer - back[edge];
				const p = fromLayer * count + edgeFrom[edge];
				if (fromLayer < 0 || pathCount[p] === 0) continue;
				paths = Math.min(PATH_COUNT_CAP + 1, paths + pathCount[p]);
				moodLow[vertex] = Math.min(moodLow[vertex], clampMood(moodLow[p] + graph.moodLow[edge]));
				moodHigh[vertex] = Math.max(moodHigh[vertex], clampMood(moodHigh[p] + graph.moodHigh[edge]));
				sources.push({ hull: START_HULL, dx: 0, dy: 0, vertex: p, edge });
			}
			if (paths === 0) continue;
			pathCount[vertex] = paths;
			for (let d = 0; d < dimensionCount; d++) {
				const at = vertex * dimensionCount + d;
				ups.length = 0;
				downs.length = 0;
				for (const { vertex: p, edge } of sources) {
					const before = p * dimensionCount + d;
					const e = edge * dimensionCount + d;
					totalHigh[at] = Math.max(totalHigh[at], totalHigh[before] + graph.rawHigh[e]);
					totalLow[at] = Math.min(totalLow[at], totalLow[before] + graph.rawLow[e]);
					if (unvaried[before] && graph.unvaried[e]) unvaried[at] = 1;
					ups.push({ hull: upper[before], dx: graph.high[2 * e], dy: graph.high[2 * e + 1], vertex: p, edge });
					downs.push({ hull: lower[before], dx: graph.low[2 * e], dy: -graph.low[2 * e + 1], vertex: p, edge });
				}
				// A score is a ratio in 0..1, so only the part of a hull highest for a slope in 0..1 (−1..0 below) matters.
				upper[at] = extendHull(ups, 0, 1);
				lower[at] = extendHull(downs, -1, 0);
			}
		}
	}

	// Gather per ending (every layer), then over all endings.
	const endingIndexes = nodes.flatMap((node, i) => (node.choices.length === 0 ? [i] : []));
	const endingVertices = (node: number) => Array.from({ length: layers }, (_, layer) => layer * count + node).filter((v) => pathCount[v] > 0);
	const allEndingVertices = endingIndexes.flatMap(endingVertices);

	const trace = (hulls: Hull[], d: number, vertex: number, point: number): PathStep[] => {
		const steps: PathStep[] = [];
		for (let hull = hulls[vertex * dimensionCount + d], at = point * STRIDE; hull[at + 4] >= 0; ) {
			const edge = hull[at + 4];
			steps.push({ node: nodes[edgeFrom[edge]].id, choice: edgeChoice[edge] });
			const previous = hull[at + 2];
			at = hull[at + 3] * STRIDE;
			hull = hulls[previous * dimensionCount + d];
		}
		return steps.reverse();
	};

	/** The steepest hull vertex from the origin (x > 0) among these layered vertices. */
	const steepest = (hulls: Hull[], d: number, at: number[]) => {
		let found: { vertex: number; point: number; x: number; y: number } | null = null;
		for (const vertex of at) {
			const hull = hulls[vertex * dimensionCount + d];
			for (let i = 0; i < hull.length; i += STRIDE) {
				const x = hull[i];
				const y = hull[i + 1];
				if (x > 0 && (!found || y * found.x > found.y * x)) found = { vertex, point: i / STRIDE, x, y };
			}
		}
		return found;
	};
	const toScore = (gained: number, spread: number) => Math.round((100 * gained) / spread) || 0; // never −0

	/** Best and worst over the given layered vertices (see the note on typed replies at the top for the fallbacks). */
	const range = (d: number, at: number[]) => {
		const high = steepest(upper, d, at);
		const low = steepest(lower, d, at);
		const best = high ? toScore(high.y, high.x) : low ? 0 : null;
		const worst = low ? toScore(-low.y, low.x) : high ? 100 : null;
		return { high, low, best, worst };
	};

	const dimensions = perDimension((dimension): DimensionPaths => {
		const d = DIMENSIONS.indexOf(dimension);
		const { high, low, best, worst } = range(d, allEndingVertices);
		// In the fallback cases (no varying path with typed replies at this extreme) the other extreme's path is the example.
		const example = (score: number | null, found: typeof high, hulls: Hull[], typed: number): ExamplePath | null =>
			score === null || !found ? null : { score, steps: trace(hulls, d, found.vertex, found.point), ending: nodes[found.vertex % count].id, typed };
		let totals: DimensionPaths['totals'] = null;
		if (allEndingVertices.length > 0) {
			totals = {
				best: Math.max(...allEndingVertices.map((v) => totalHigh[v * dimensionCount + d])),
				worst: Math.min(...allEndingVertices.map((v) => totalLow[v * dimensionCount + d]))
			};
		}
		return {
			best: high ? example(best, high, upper, DIMENSION_LIMIT) : example(best, low, lower, -DIMENSION_LIMIT),
			worst: low ? example(worst, low, lower, -DIMENSION_LIMIT) : example(worst, high, upper, DIMENSION_LIMIT),
			unassessedPath: best !== null && allEndingVertices.some((vertex) => unvaried[vertex * dimensionCount + d] === 1),
			totals
		};
	});

	let allPaths = 0;
	const endings = endingIndexes.map((i): EndingPaths => {
		const node = nodes[i];
		const at = endingVertices(i);
		let paths = 0;
		let low = Infinity;
		let high = -Infinity;
		for (const vertex of at) {
			paths = Math.min(PATH_COUNT_CAP + 1, paths + pathCount[vertex]);
			low = Math.min(low, moodLow[vertex]);
			high = Math.max(high, moodHigh[vertex]);
		}
		allPaths = Math.min(PATH_COUNT_CAP + 1, allPaths + paths);
		const mood = at.length > 0 ? { low, high } : null;
		return {
			id: node.id,
			title: node.title,
			outcome: node.outcome ?? null,
			outcomes: node.outcome ? (at.length > 0 ? [node.outcome] : []) : mood ? outcomesBetween(mood.low, mood.high) : [],
			paths: Math.min(paths, PATH_COUNT_CAP),
			capped: paths > PATH_COUNT_CAP,
			mood,
			scores: perDimension((dimension) => {
				const { best, worst } = range(DIMENSIONS.indexOf(dimension), at);
				return best === null || worst === null ? null : { best, worst };
			})
		};
	});

	const analysis: PathAnalysis = {
		dimensions,
		endings,
		nodes: Object.fromEntries(nodes.map((node, i) => [node.id, flags[i]])),
		paths: Math.min(allPaths, PATH_COUNT_CAP),
		capped: allPaths > PATH_COUNT_CAP,
		loopsBack,
		warnings: []
	};
	analysis.warnings = warningsFor(analysis, count > 0);
	return analysis;
}

/**
 * The replies a trainee can take, as a table: edges grouped by the node they
 * leave (`first[node]` .. `first[node + 1]`), with per dimension (index
 * edge × 3 + d) the (spread, gained) pair at a decision as scoreDimension
 * sees it (`high`: typed replies at +3; `low`: at −3), the raw values, whether
 * the decision can leave the dimension unvaried, and the mood change. Links to
 * no node are left out, but `flagEdges` keeps those the linter counts as meant.
 */
function edgesOf(scenario: Analysable) {
	const nodes = scenario.nodes;
	const index = new Map(nodes.map((node, i) => [node.id, i]));
	const broken = new Set((scenario.broken ?? []).map((link) => `${link.node}\u0000${link.choice}`));
	const flagEdges: number[][] = nodes.map(() => []);
	const from: number[] = [];
	const to: number[] = [];
	const choice: number[] = [];
	const first = new Int32Array(nodes.length + 1);
	nodes.forEach((node, i) => {
		node.choices.forEach((reply, c) => {
			const target = broken.has(`${node.id}\u0000${c}`) ? undefined : index.get(reply.target);
			if (target === undefined) {
				const meant = index.get(slugify(reply.target));
				if (meant !== undefined) flagEdges[i].push(meant);
				return;
			}
			flagEdges[i].push(target);
			from.push(i);
			to.push(target);
			choice.push(c);
		});
		first[i + 1] = from.length;
	});

	const edges = from.length;
	const dimensionCount = DIMENSIONS.length;
	const high = new Int32Array(2 * edges * dimensionCount);
	const low = new Int32Array(2 * edges * dimensionCount);
	const rawHigh = new Int32Array(edges * dimensionCount);
	const rawLow = new Int32Array(edges * dimensionCount);
	const unvaried = new Uint8Array(edges * dimensionCount);
	const moodLow = new Int32Array(edges);
	const moodHigh = new Int32Array(edges);
	const offeredLow = new Int32Array(dimensionCount);
	const offeredHigh = new Int32Array(dimensionCount);
	for (let i = 0; i < nodes.length; i++) {
		if (first[i] === first[i + 1]) continue;
		const replies = nodes[i].choices;
		// The values on offer: the listed replies' (conditions aside); a typed reply alone is placed on −3..+3.
		let listed = 0;
		offeredLow.fill(DIMENSION_LIMIT);
		offeredHigh.fill(-DIMENSION_LIMIT);
		for (const reply of replies) {
			if (reply.free) continue;
			listed++;
			for (let d = 0; d < dimensionCount; d++) {
				const value = reply.effects[DIMENSIONS[d]] ?? 0;
				offeredLow[d] = Math.min(offeredLow[d], value);
				offeredHigh[d] = Math.max(offeredHigh[d], value);
			}
		}
		const typed = typedMood(replies);
		for (let e = first[i]; e < first[i + 1]; e++) {
			const reply = replies[choice[e]];
			for (let d = 0; d < dimensionCount; d++) {
				const at = e * dimensionCount + d;
				const pair = (picked: number, into: Int32Array) => {
					const best = listed > 0 ? Math.max(offeredHigh[d], picked) : DIMENSION_LIMIT;
					const worst = listed > 0 ? Math.min(offeredLow[d], picked) : -DIMENSION_LIMIT;
					into[2 * at] = best - worst;
					into[2 * at + 1] = picked - worst;
				};
				const value = reply.free ? DIMENSION_LIMIT : (reply.effects[DIMENSIONS[d]] ?? 0);
				rawHigh[at] = value;
				rawLow[at] = reply.free ? -DIMENSION_LIMIT : value;
				pair(rawHigh[at], high);
				pair(rawLow[at], low);
				// Listed values all equal: the decision does not vary the dimension (a typed reply can match them).
				unvaried[at] = listed > 0 && offeredLow[d] === offeredHigh[d] ? 1 : 0;
			}
			moodLow[e] = reply.free ? typed.low : (reply.effects.mood ?? 0);
			moodHigh[e] = reply.free ? typed.high : (reply.effects.mood ?? 0);
		}
	}
	return {
		first,
		from: Int32Array.from(from),
		to: Int32Array.from(to),
		choice: Int32Array.from(choice),
		high,
		low,
		rawHigh,
		rawLow,
		unvaried,
		moodLow,
		moodHigh,
		flagEdges
	};
}

/**
 * The mood change a typed reply can bring at a node: the rubric's
 * 6 × empathy + 4 × ownership + 4 × flexibility at −3 and +3, plus the
 * node's cues' mood effects (each phrase once), within ±100.
 */
function typedMood(choices: Analysable['nodes'][number]['choices']): { low: number; high: number } {
	const swing = (6 + 4 + 4) * DIMENSION_LIMIT;
	if (!choices.some((choice) => choice.free)) return { low: -swing, high: swing };
	const seen = new Set<string>();
	let up = 0;
	let down = 0;
	for (const cue of choices.flatMap((choice) => (choice.free ? choice.cues : []))) {
		const key = `${cue.kind}|${cue.phrases.join('|')}|${JSON.stringify(cue.effects)}`;
		if (seen.has(key)) continue;
		seen.add(key);
		up += Math.max(0, cue.effects.mood ?? 0);
		down += Math.min(0, cue.effects.mood ?? 0);
	}
	return { low: Math.max(-MOOD_LIMIT, -swing + down), high: Math.min(MOOD_LIMIT, swing + up) };
}

const clampMood = (mood: number) => Math.min(100, Math.max(0, Math.round(mood)));

/** The outcomes of final moods from low to high (mood bands). */
function outcomesBetween(low: number, high: number): Outcome[] {
	const found = new Set<Outcome>();
	for (let mood = low; mood <= high; mood++) found.add(outcomeFromMood(mood));
	return OUTCOMES.filter((outcome) => found.has(outcome));
}

let scratch = new Int32Array(STRIDE * 256);
let cursors = new Int32Array(16);
/** Up to this many predecessors, hulls are merged source by source; beyond, all their points are sorted. */
const MERGE_UP_TO = 8;

/**
 * The upper convex hull of the sources' translated hulls (each already a hull
 * sorted by x), merged left to right, keeping only the vertices that are the
 * highest for some slope λ in lo..hi (the maximum of y − λx over the points,
 * and so the steepest point from the origin, is always at one of them).
 */
function extendHull(sources: HullSource[], lo: number, hi: number): Hull {
	let total = 0;
	for (const source of sources) total += source.hull.length / STRIDE;
	if (scratch.length < total * STRIDE) scratch = new Int32Array(total * STRIDE * 2);
	let n = 0;
	const add = (x: number, y: number, source: HullSource, point: number) => {
		if (n > 0 && scratch[(n - 1) * STRIDE] === x) return; // a lower point at the same x
		// Drop the last vertex while it lies on or below the segment from the one before it to the new point.
		while (n >= 2) {
			const o = (n - 2) * STRIDE;
			const a = (n - 1) * STRIDE;
			if ((scratch[a] - scratch[o]) * (y - scratch[o + 1]) - (scratch[a + 1] - scratch[o + 1]) * (x - scratch[o]) >= 0) n--;
			else break;
		}
		const at = n * STRIDE;
		scratch[at] = x;
		scratch[at + 1] = y;
		scratch[at + 2] = source.vertex;
		scratch[at + 3] = point;
		scratch[at + 4] = source.edge;
		n++;
	};
	if (sources.length <= MERGE_UP_TO) {
		// Few sources (the usual case): merge them by x, the highest first at equal x.
		if (cursors.length < sources.length) cursors = new Int32Array(sources.length * 2);
		cursors.fill(0, 0, sources.length);
		for (let taken = 0; taken < total; taken++) {
			let pick = -1;
			let x = 0;
			let y = 0;
			for (let s = 0; s < sources.length; s++) {
				const { hull, dx, dy } = sources[s];
				const at = cursors[s] * STRIDE;
				if (at >= hull.length) continue;
				const px = hull[at] + dx;
				const py = hull[at + 1] + dy;
				if (pick < 0 || px < x || (px === x && py > y)) {
					pick = s;
					x = px;
					y = py;
				}
			}
			add(x, y, sources[pick], cursors[pick]++);
		}
	} else {
		// Many replies into one node (a wide fan-in): sort all the points instead.
		const points: { x: number; y: number; source: HullSource; point: number }[] = [];
		for (const source of sources) {
			for (let at = 0; at < source.hull.length; at += STRIDE) {
				points.push({ x: source.hull[at] + source.dx, y: source.hull[at + 1] + source.dy, source, point: at / STRIDE });
			}
		}
		points.sort((p, q) => p.x - q.x || q.y - p.y);
		for (const { x, y, source, point } of points) add(x, y, source, point);
	}
	// Slopes fall from left to right: drop vertices highest only for slopes above hi (left) or below lo (right).
	const rise = (i: number) => scratch[(i + 1) * STRIDE + 1] - scratch[i * STRIDE + 1];
	const run = (i: number) => scratch[(i + 1) * STRIDE] - scratch[i * STRIDE];
	let first = 0;
	let last = n - 1;
	while (first < last && rise(first) > hi * run(first)) first++;
	while (last > first && rise(last - 1) < lo * run(last - 1)) last--;
	return scratch.slice(first * STRIDE, (last + 1) * STRIDE);
}

/** Reachable from the start, and able to reach an ending, as the linter counts links. */
function nodeFlags(nodes: Analysable['nodes'], edges: number[][]): NodePaths[] {
	const { reached, canEnd } = reachability(edges, (i) => nodes[i].choices.length === 0);
	return nodes.map((node, i) => ({ reachable: reached[i] === 1, trap: canEnd[i] === 0, ending: node.choices.length === 0 }));
}

function warningsFor(analysis: PathAnalysis, hasNodes: boolean): PathWarning[] {
	const warnings: PathWarning[] = [];
	if (!hasNodes) return warnings;
	const reachable = analysis.endings.filter((ending) => ending.mood !== null);
	if (reachable.length === 0) {
		warnings.push({ code: 'no-ending', message: 'No path from the start reaches an ending.' });
	}
	for (const ending of analysis.endings) {
		// Cut off only by a broken link (a link meant for it): that error is already reported.
		if (ending.mood === null && !analysis.nodes[ending.id].reachable) {
			warnings.push({
				code: 'unreachable-ending',
				message: `Ending ${ending.title} is unreachable: no path from the start leads to it.`,
				node: ending.id
			});
		}
	}
	if (reachable.length === 0) return warnings;
	for (const dimension of DIMENSIONS) {
		const { best, worst, unassessedPath } = analysis.dimensions[dimension];
		const word = DIMENSION_WORD[dimension];
		if (!best || !worst) {
			warnings.push({ code: 'not-assessed', message: `No decision varies ${word}, so no path assesses it.`, dimension });
			continue;
		}
		if (best.score === worst.score) {
			warnings.push({ code: 'same-score', message: `Every path scores the same on ${word} (${best.score}).`, dimension });
		} else if (worst.score >= GOOD_FROM) {
			warnings.push({
				code: 'worst-above-good',
				message: `Every path scores at least ${GOOD_FROM} in ${word} (the worst is ${worst.score}), so weak replies never show.`,
				dimension
			});
		}
		if (best.score < GOOD_FROM) {
			warnings.push({ code: 'best-below-good', message: `No path reaches ${GOOD_FROM} in ${word}: the best is ${best.score}.`, dimension });
		}
		if (unassessedPath) {
			warnings.push({
				code: 'sometimes-unassessed',
				message: `Some paths reach an ending without a decision that varies ${word}, so they leave it not assessed.`,
				dimension
			});
		}
	}
	const possible = new Set(reachable.flatMap((ending) => ending.outcomes));
	if (!possible.has('resolved')) {
		warnings.push({ code: 'outcome-out-of-reach', message: 'No path ends resolved: the customer can never be satisfied.', outcome: 'resolved' });
	}
	return warnings;
}
