/*
 * What the inspector and its worker say to each other. A 2,000-node draft is
 * a megabyte of objects; copying it to the page on every keystroke would cost
 * more than the parse. So the worker sends each node only when it changed:
 * otherwise "the same as node 12 of the last result" or "node 12 of the last
 * result, 3 lines down", and the page rebuilds the draft from the last one it
 * decoded (unchanged nodes keep their identity, which the map can use too).
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

/** An inspection whose draft's nodes are references to the base result's nodes where they did not change. */
export type EncodedInspection = Omit<ScenarioInspection, 'draft'> & {
	draft: Omit<ScenarioInspection['draft'], 'nodes'> & { nodes: NodeRef[] };
};

export type InspectReply =
	| { id: number; ok: true; base: number | null; inspection: EncodedInspection }
	| { id: number; ok: false; error: string }
	/** Sent ahead of the full reply: the diagnostics are known before the path analysis is done. */
	| { id: number; early: true; diagnostics: Diagnostic[]; playable: boolean };

/** A reply that settles a request: the inspection, or the reason there is none. */
export type FinalReply = Exclude<InspectReply, { early: true }>;

/** The worker's side: remembers what it last sent, to send the next result relative to it. */
export class InspectionEncoder {
	private sent: { id: number; index: Map<ScenarioNode, number> } | null = null;

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
		this.sent = { id, index: new Map(inspection.draft.nodes.map((node, i) => [node, i])) };
		return { id, ok: true, base: known ? base : null, inspection: { ...inspection, draft: { ...inspection.draft, nodes } } };
	}
}

/** The page's side: rebuilds each draft from the last decoded one. */
export class InspectionDecoder {
	private last: { id: number; nodes: ScenarioNode[] } | null = null;

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
		this.last = { id: reply.id, nodes };
		return { ...reply.inspection, draft: { ...reply.inspection.draft, nodes } };
	}

	/** Forget the last result (the worker restarted): the next reply comes whole. */
	reset(): void {
		this.last = null;
	}
}
