/*
 * The page's handle on the scenario checker in its Web Worker. Latest wins:
 * one request is in the worker at a time, and while it runs only the newest
 * source waits; a source replaced before it was sent is never checked, and
 * its promise resolves with the newer source's inspection (`source` says
 * which). Results arrive in the order asked, never older than one already given.
 */
import type { ScenarioInspection } from '$lib/core/inspect';
import type { Diagnostic } from '$lib/core/types';
import { InspectionDecoder, type InspectReply, type InspectRequest } from './inspect-transfer.ts';

/** An inspection and the source it describes (newer than the one asked for when that was superseded). */
export type Inspection = ScenarioInspection & { source: string };

export interface Inspector {
	/** Checks a source off the main thread. Rejects with a readable message when the checker fails. */
	inspect(source: string): Promise<Inspection>;
	/** Stops the worker; promises still waiting never settle. */
	dispose(): void;
}

/** What the inspector needs of a Worker (a fake one in tests). */
export interface WorkerLike {
	postMessage(message: InspectRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<InspectReply>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	onmessageerror: ((event: MessageEvent) => void) | null;
}

interface Waiter {
	resolve: (inspection: Inspection) => void;
	reject: (error: Error) => void;
}

const startWorker = (): WorkerLike =>
	new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module', name: 'scenario-checker' }) as unknown as WorkerLike;

/** The diagnostics of a source, ahead of its whole inspection. */
export interface EarlyDiagnostics {
	source: string;
	diagnostics: Diagnostic[];
	playable: boolean;
}

export interface InspectorOptions {
	/** Starts the worker (tests pass a fake); where there are no Web Workers the check runs on the page's thread instead. */
	createWorker?: () => WorkerLike;
	/**
	 * Called with each checked source's diagnostics as soon as the parse is
	 * done, before its promise resolves (the path analysis of a large file
	 * takes longer than the parse): the editor can show them at once.
	 */
	ondiagnostics?: (early: EarlyDiagnostics) => void;
}

export function createInspector(options: InspectorOptions = {}): Inspector {
	const createWorker = options.createWorker ?? (typeof Worker === 'undefined' ? mainThreadWorker : startWorker);

	const decoder = new InspectionDecoder();
	let worker: WorkerLike | null = null;
	let nextId = 1;
	let running: { id: number; source: string; waiters: Waiter[] } | null = null;
	let waiting: { source: string; waiters: Waiter[] } | null = null;
	let disposed = false;

	function fail(message: string) {
		const failed = running;
		running = null;
		worker?.terminate();
		worker = null;
		decoder.reset();
		for (const waiter of failed?.waiters ?? []) waiter.reject(new Error(message));
		send();
	}

	function connect(): WorkerLike {
		const started = createWorker();
		started.onmessage = (event) => receive(event.data);
		started.onerror = (event) => {
			event.preventDefault?.();
			fail(`The scenario checker stopped: ${event.message || 'it could not start or crashed'}.`);
		};
		started.onmessageerror = () => fail('The scenario checker sent a result the page could not read.');
		return started;
	}

	function send() {
		if (running || !waiting || disposed) return;
		running = { id: nextId++, ...waiting };
		waiting = null;
		worker ??= connect();
		worker.postMessage({ id: running.id, source: running.source, base: decoder.base });
	}

	function receive(reply: InspectReply) {
		if (!running || reply.id !== running.id) return; // from a worker or request given up on
		const { source, waiters } = running;
		if ('early' in reply) {
			options.ondiagnostics?.({ source, diagnostics: reply.diagnostics, playable: reply.playable });
			return;
		}
		if (!reply.ok) {
			running = null;
			for (const waiter of waiters) waiter.reject(new Error(`The scenario could not be checked: ${reply.error}`));
			send();
			return;
		}
		let inspection: ScenarioInspection;
		try {
			inspection = decoder.decode(reply);
		} catch (error) {
			fail(`The scenario checker's result could not be read: ${(error as Error).message}.`);
			return;
		}
		running = null;
		for (const waiter of waiters) waiter.resolve({ ...inspection, source });
		send();
	}

	return {
		inspect(source) {
			if (disposed) return Promise.reject(new Error('The scenario checker was closed.'));
			return new Promise<Inspection>((resolve, reject) => {
				if (waiting) {
					waiting.source = source;
					waiting.waiters.push({ resolve, reject });
				} else {
					waiting = { source, waiters: [{ resolve, reject }] };
				}
				send();
			});
		},
		dispose() {
			disposed = true;
			running = null;
			waiting = null;
			worker?.terminate();
			worker = null;
		}
	};
}

/** Without Web Workers: the same checker on the page's thread (loaded only then), behind the same protocol. */
function mainThreadWorker(): WorkerLike {
	let stopped = false;
	const checker = import('./inspect-checker.ts').then(({ createChecker }) => createChecker());
	const fake: WorkerLike = {
		onmessage: null,
		onerror: null,
		onmessageerror: null,
		postMessage(request) {
			checker
				.then((check) => {
					// A macrotask, as a worker's reply would be: the page paints and takes input first.
					setTimeout(() => {
						if (!stopped) check(request, (reply) => fake.onmessage?.({ data: reply } as MessageEvent<InspectReply>));
					});
				})
				.catch((error: Error) => {
					if (!stopped) fake.onerror?.({ message: error.message } as ErrorEvent);
				});
		},
		terminate() {
			stopped = true;
		}
	};
	return fake;
}
