/*
 * Answers the inspector's requests: the same core (parse, lint, analyse) the
 * checker and the player use, with a cache kept between requests so that a
 * keystroke costs about one node's parse. Runs in the worker, or on the page
 * where there are no Web Workers.
 */
import { InspectCache } from '$lib/core/incremental';
import { inspectScenario } from '$lib/core/inspect';
import { InspectionEncoder, type InspectReply, type InspectRequest } from './inspect-transfer.ts';

/** Answers a request through `post`: first the diagnostics (as soon as the parse is done), then the whole inspection. */
export function createChecker(): (request: InspectRequest, post: (reply: InspectReply) => void) => void {
	let cache = new InspectCache();
	let encoder = new InspectionEncoder(cache);
	return ({ id, source, base }, post) => {
		let reply: InspectReply;
		try {
			const inspection = inspectScenario(source, { cache, onDiagnostics: (diagnostics, playable) => post({ id, early: true, diagnostics, playable }) });
			reply = encoder.encode(id, base, inspection);
		} catch (error) {
			// Start afresh: nothing half-updated is reused, and the next reply comes whole.
			cache = new InspectCache();
			encoder = new InspectionEncoder(cache);
			reply = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
		}
		post(reply);
	};
}
