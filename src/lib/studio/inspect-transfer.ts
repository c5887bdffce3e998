/*
 * What the inspector and its worker say to each other. A 2,000-node draft is
 * a megabyte of objects; copying it to the page on every keystroke would cost
 * more than the parse. So the worker sends each node only when it changed:
 * otherwise "the same as node 12 of the last result" or "node 12 of the last
 * result, 3 lines down", and the page rebuilds the draft from the last one it
 * decoded (unchanged nodes keep their identity, which the map can use too).
 * The analysis and the path analysis, which the worker keeps while only
 * narration and line numbers change, keep their identity the same way: a
 * screen can skip its work while `inspection.paths` is the same object.
 */
import { shiftNode, type InspectCache } from '$lib/core/incremental';
import type { ScenarioInspection } from '$lib/core/inspect';
import type { Diagnostic, ScenarioNode } from '$lib/core/types';

export interface InspectRequest {
	id: number;
	source: string;
	/** The id of the last result the page decoded and keeps: the worker may send nodes relative to it. */
	base: number | null;
}

export type NodeRef = { node: ScenarioNode } | { same: number } | { moved: number; by: number };

/** The analyses the worker keeps while only narration and line numbers change: sent as "the same as the base result's" then. */
const KEPT = ['analysis', 'paths'] as const;
type Kept = (typeof KEPT)[number];
const SAME = { same: true } as const;

/** An inspection whose draft's nodes are references to the base result's nodes where they did not change, and likewise its analyses. */
export type EncodedInspection = Omit<ScenarioInspection, 'draft' | Kept> & {
	draft: Omit<ScenarioInspection['draft'], 'nodes'> & { nodes: NodeRef[] };
} & { [K in Kept]: ScenarioInspection[K] | typeof SAME };

export type InspectReply =
	| { id: number; ok: true; base: number | null; inspection: EncodedInspection }
	| { id: number; ok: false; error: string }
	/** Sent ahead of the full reply: the diagnostics are known before the path analysis is done. */
	| { id: number; early: true; diagnostics: Diagnostic[]; playable: boolean };

/** A reply that settles a request: the inspection, or the reason there is none. */
export type FinalReply = Exclude<InspectReply, { early: true }>;

/** The worker's side: remembers what it last sent, to send the next result relative to it. */
export class InspectionEncoder {
	private sent: { id: number; index: Map<ScenarioNode, number>; kept: Pick<ScenarioInspection, Kept> } | null = null;

	constructor(private readonly cache: InspectCache) {}

	encode(id: number, base: number | null, inspection: ScenarioInspection): InspectReply {
		const known = this.sent !== null && this.sent.id === base ? this.sent.index : null;
		const nodes = inspection.draft.nodes.map((node): NodeRef => {
			if (known) {
				const same = known.get(node);
				if (same !== undefined) return { same };
				const origin = this.cache.parse.origins.get(node);
				const moved = origin && known.get(origin.node);
				if (origin && moved !== undefined) return { moved, by: origin.delta };
			}
			return { node };
		});
		const kept = known ? this.sent!.kept : null;
		const encoded = { ...inspection, draft: { ...inspection.draft, nodes } } as EncodedInspection;
		for (const key of KEPT) if (kept && kept[key] === inspection[key]) (encoded as Record<Kept, unknown>)[key] = SAME;
		this.sent = { id, index: new Map(inspection.draft.nodes.map((node, i) => [node, i])), kept: { analysis: inspection.analysis, paths: inspection.paths } };
		return { id, ok: true, base: known ? base : null, inspection: encoded };
	}
}

/** The page's side: rebuilds each draft from the last decoded one. */
export class InspectionDecoder {
	private last: { id: number; nodes: ScenarioNode[]; kept: Pick<ScenarioInspection, Kept> } | null = null;

	/** The id to send as `base` with the next request. */
	get base(): number | null {
		return this.last?.id ?? null;
	}

	decode(reply: Extract<InspectReply, { ok: true }>): ScenarioInspection {
		const previous = reply.base === null ? null : this.last;
		if (reply.base !== null && previous?.id !== reply.base) {
			throw new Error(`the reply refers to result ${reply.base}, but the last one decoded is ${this.last?.id ?? 'none'}`);
		}
		const nodes = reply.inspection.draft.nodes.map((ref) => {
			if ('node' in ref) return ref.node;
			const node = previous!.nodes['same' in ref ? ref.same : ref.moved];
			if (!node) throw new Error('the reply refers to a node the last result does not have');
			return 'same' in ref ? node : shiftNode(node, ref.by);
		});
		const kept = {} as Pick<ScenarioInspection, Kept>;
		for (const key of KEPT) {
			const value = reply.inspection[key];
			if (value !== null && typeof value === 'object' && 'same' in value && (value as typeof SAME).same === true && Object.keys(value).length === 1) {
				if (!previous) throw new Error(`the reply keeps the ${key} of a result the page does not have`);
				(kept as Record<Kept, unknown>)[key] = previous.kept[key];
			} else (kept as Record<Kept, unknown>)[key] = value;
		}
		this.last = { id: reply.id, nodes, kept };
		return { ...reply.inspection, ...kept, draft: { ...reply.inspection.draft, nodes } } as ScenarioInspection;
	}

	/** Forget the last result (the worker restarted): the next reply comes whole. */
	reset(): void {
		this.last = null;
	}
}
