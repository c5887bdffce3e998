import type { PathAnalysis } from '$lib/core/paths';
import { plainInline } from '$lib/core/slug';
import { DIMENSIONS, type Choice, type Outcome, type ScenarioDraft } from '$lib/core/types';

/*
 * What the branch map and the outline show, worked out once from a draft and
 * its path analysis: plain data, no DOM, so it can be laid out in a worker and
 * tested anywhere. Every text here is plain text (headings and replies reduced
 * with plainInline); components print it as text, never as HTML.
 */

export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;
/** Edge labels are drawn at this font size; their box is estimated from the text's length. */
export const LABEL_FONT_PX = 11;
const LABEL_CHAR_PX = 6.6;
const LABEL_PAD_PX = 6;
export const LABEL_HEIGHT = 16;

export interface MapNode {
	id: string;
	/** The heading as plain text; for a missing node, the link's target. */
	title: string;
	kind: 'decision' | 'ending' | 'missing';
	start: boolean;
	/** Endings: the authored outcome; null when it follows the final mood. */
	outcome: Outcome | null;
	/** Endings whose outcome follows the final mood: the outcomes a path can bring (from the path analysis). */
	moodOutcomes: Outcome[];
	/** No path from the start leads here. */
	unreachable: boolean;
	/** No ending can be reached from here. */
	trap: boolean;
	/** 1-based line of the heading; 0 for a missing node. */
	line: number;
	replies: number;
	width: number;
	height: number;
}

export interface MapEdge {
	/** `node/index` of the reply. */
	id: string;
	from: string;
	/** A node id, or a missing node's id when the link is broken. */
	to: string;
	/** The link's target as written (after the `#`). */
	target: string;
	/** The reply's index in its node. */
	choice: number;
	/** The reply as plain text. */
	text: string;
	/** "2 · E+2 O−1 M+15": the reply's number and its effects, short. */
	label: string;
	/** The reply's effects in words, for the outline and tooltips. */
	effects: string;
	free: boolean;
	/** Goes back to a node already on the way from the start (a loop). */
	back: boolean;
	broken: boolean;
	labelWidth: number;
	labelHeight: number;
}

export interface MapGraph {
	nodes: MapNode[];
	edges: MapEdge[];
}

const SHORT: Record<(typeof DIMENSIONS)[number] | 'mood', string> = { empathy: 'E', flexibility: 'F', ownership: 'O', mood: 'M' };
const WORD: Record<(typeof DIMENSIONS)[number] | 'mood', string> = {
	empathy: 'empathy',
	flexibility: 'policy flexibility',
	ownership: 'ownership',
	mood: 'mood'
};
const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');

/** "E+2 O−1 M+15", "typed", or "no effect". */
export function shortEffects(choice: Choice): string {
	if (choice.free) return 'typed';
	const parts = [...DIMENSIONS, 'mood' as const].filter((key) => choice.effects[key]).map((key) => `${SHORT[key]}${signed(choice.effects[key]!)}`);
	return parts.join(' ') || 'no effect';
}

/** "empathy +2, ownership −1, mood +15", "a typed reply, scored by the rubric", or "no effect". */
export function effectsInWords(choice: Choice): string {
	if (choice.free) return 'typed reply, scored by the rubric';
	const parts = [...DIMENSIONS, 'mood' as const].filter((key) => choice.effects[key]).map((key) => `${WORD[key]} ${signed(choice.effects[key]!)}`);
	return parts.join(', ') || 'no effect';
}

const MISSING = 'missing:';
/** A missing node's id (real node ids are slugs and never contain a colon). */
export const missingId = (target: string) => `${MISSING}${target}`;

/**
 * The map's nodes and edges. `paths` gives the flags (unreachable, trap), the
 * loops back and the outcomes of endings that follow the mood.
 */
export function mapGraph(draft: ScenarioDraft, paths: PathAnalysis): MapGraph {
	const ids = new Set(draft.nodes.map((node) => node.id));
	const broken = new Set(draft.broken.map((link) => `${link.node}/${link.choice}`));
	const back = new Set(paths.loopsBack.map((step) => `${step.node}/${step.choice}`));
	const endings = new Map(paths.endings.map((ending) => [ending.id, ending]));
	const nodes: MapNode[] = draft.nodes.map((node, i) => {
		const flags = paths.nodes[node.id];
		const ending = node.choices.length === 0;
		return {
			id: node.id,
			title: node.title,
			kind: ending ? 'ending' : 'decision',
			start: i === 0,
			outcome: node.outcome ?? null,
			moodOutcomes: ending && !node.outcome ? (endings.get(node.id)?.outcomes ?? []) : [],
			unreachable: flags ? !flags.reachable : false,
			trap: flags ? flags.trap && !ending : false,
			line: node.line,
			replies: node.choices.length,
			width: NODE_WIDTH,
			height: NODE_HEIGHT
		};
	});
	const missing = new Map<string, MapNode>();
	const edges: MapEdge[] = [];
	for (const node of draft.nodes) {
		node.choices.forEach((choice, c) => {
			const id = `${node.id}/${c}`;
			const isBroken = broken.has(id) || !ids.has(choice.target);
			let to = choice.target;
			if (isBroken) {
				to = missingId(choice.target);
				if (!missing.has(to)) {
					missing.set(to, {
						id: to,
						title: choice.target === '' ? '#' : `#${choice.target}`,
						kind: 'missing',
						start: false,
						outcome: null,
						moodOutcomes: [],
						unreachable: false,
						trap: false,
						line: 0,
						replies: 0,
						width: NODE_WIDTH,
						height: NODE_HEIGHT
					});
				}
			}
			const label = `${c + 1} · ${shortEffects(choice)}`;
			edges.push({
				id,
				from: node.id,
				to,
				target: choice.target,
				choice: c,
				text: plainInline(choice.text),
				label,
				effects: effectsInWords(choice),
				free: choice.free,
				back: back.has(id),
				broken: isBroken,
				labelWidth: Math.ceil(label.length * LABEL_CHAR_PX + 2 * LABEL_PAD_PX),
				labelHeight: LABEL_HEIGHT
			});
		});
	}
	return { nodes: [...nodes, ...missing.values()], edges };
}

/** What the layout depends on: a new layout is needed only when this changes (not on every keystroke in a node's body). */
export function layoutKey(graph: MapGraph): string {
	const nodes = graph.nodes.map((node) => `${node.id}:${node.width}x${node.height}`).join('|');
	const edges = graph.edges.map((edge) => `${edge.from}>${edge.to}:${edge.labelWidth}${edge.back ? 'b' : ''}`).join('|');
	return `${nodes}#${edges}`;
}
