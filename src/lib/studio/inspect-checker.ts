/*
 * Answers the inspector's requests: the same core (parse, lint, analyse) the
 * checker and the player use, with a cache kept between requests so that a
 * keystroke costs about one node's parse. Runs in the worker, or on the page
 * where there are no Web Workers.
 */
import { InspectCache } from '$lib/core/incremental';
import { inspectScenario } from '$lib/core/inspect';
import { InspectionEncoder, type InspectReply, type InspectRequest } from './inspect-transfer.ts';

export function createChecker(): (request: InspectRequest) => InspectReply {
	let cache = new InspectCache();
	let encoder = new InspectionEncoder(cache);
	return ({ id, source, base }) => {
		try {
			return encoder.encode(id, base, inspectScenario(source, { cache }));
		} catch (error) {
			// Start afresh: nothing half-updated is reused, and the next reply comes whole.
			cache = new InspectCache();
			encoder = new InspectionEncoder(cache);
			return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
		}
	};
}
