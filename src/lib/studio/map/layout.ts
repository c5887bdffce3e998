import type { MapGraph } from './graph.ts';

export interface Point {
	x: number;
	y: number;
}

export interface Box extends Point {
	width: number;
	height: number;
}

/** Where everything goes: boxes by node id (top-left corner), edge polylines and label boxes by edge id. */
export interface MapLayout {
	width: number;
	height: number;
	nodes: Record<string, Box>;
	edges: Record<string, { points: Point[]; label?: Box }>;
}

/**
 * Lays a graph out. Implementations must not touch the DOM (they may run in a
 * worker) and should reject with an AbortError once `signal` is aborted.
 */
export type LayoutFunction = (graph: MapGraph, signal: AbortSignal) => Promise<MapLayout>;

export const abortError = () => new DOMException('The layout was cancelled.', 'AbortError');
export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs layouts so that the newest graph wins: one layout at a time; a graph
 * asked for while one is running waits, replacing any graph already waiting;
 * a result that is no longer the newest is dropped. So typing fast never
 * queues up layouts in the worker, and a slow old layout never overwrites a
 * newer one.
 */
export class LayoutScheduler {
	#layout: LayoutFunction;
	#onresult: (layout: MapLayout, graph: MapGraph) => void;
	#onerror: (error: unknown) => void;
	#running: AbortController | null = null;
	#waiting: MapGraph | null = null;
	#generation = 0;
	#closed = false;

	constructor(layout: LayoutFunction, onresult: (layout: MapLayout, graph: MapGraph) => void, onerror: (error: unknown) => void) {
		this.#layout = layout;
		this.#onresult = onresult;
		this.#onerror = onerror;
	}

	/** Whether a layout is running or waiting. */
	get busy(): boolean {
		return this.#running !== null || this.#waiting !== null;
	}

	request(graph: MapGraph): void {
		if (this.#closed) return;
		this.#generation++;
		if (this.#running) {
			this.#waiting = graph;
			this.#running.abort();
			return;
		}
		void this.#run(graph, this.#generation);
	}

	/** Stops: a running layout's result is dropped and nothing waiting starts. */
	close(): void {
		this.#closed = true;
		this.#waiting = null;
		this.#running?.abort();
	}

	async #run(graph: MapGraph, generation: number): Promise<void> {
		const controller = new AbortController();
		this.#running = controller;
		let outcome: { result: MapLayout } | { error: unknown };
		try {
			outcome = { result: await this.#layout(graph, controller.signal) };
		} catch (error) {
			outcome = { error };
		}
		this.#running = null;
		const next = this.#waiting;
		this.#waiting = null;
		if (next && !this.#closed) void this.#run(next, this.#generation);
		// A graph asked for since this one started makes this result stale.
		if (this.#closed || generation !== this.#generation) return;
		if ('result' in outcome) this.#onresult(outcome.result, graph);
		else if (!isAbort(outcome.error)) this.#onerror(outcome.error);
	}
}
