import { readScenarioRecord, type ScenarioCard, type ScenarioRecord } from '$lib/core/record';

/*
 * The one place that answers "which scenarios exist, and what is in each" for
 * every screen. Bundled scenarios come from the build (/data/scenarios.json and
 * one /data/scenarios/<id>.json each, precached for offline use).
 */

type Fetch = typeof fetch;

/** A scenario could not be fetched: offline before the app saved itself, or an update removed the file. */
export class CatalogueUnavailableError extends Error {
	override name = 'CatalogueUnavailableError';
}

async function fetchJson(fetcher: Fetch, url: string): Promise<unknown> {
	let response: Response;
	try {
		response = await fetcher(url);
	} catch (error) {
		throw new CatalogueUnavailableError(`${url} could not be fetched: ${(error as Error).message}`);
	}
	if (!response.ok) throw new CatalogueUnavailableError(`${url} answered ${response.status}.`);
	try {
		return await response.json();
	} catch {
		throw new CatalogueUnavailableError(`${url} is not the app's data (was the app updated?).`);
	}
}

/** The cards of every scenario in the library, in title order. */
export async function listScenarios(fetcher: Fetch = fetch): Promise<ScenarioCard[]> {
	const cards = await fetchJson(fetcher, '/data/scenarios.json');
	if (!Array.isArray(cards)) throw new CatalogueUnavailableError('The scenario index is not a list.');
	return (cards as ScenarioCard[]).toSorted((a, b) => a.title.localeCompare(b.title));
}

/** One scenario's record; null when no scenario has this id. */
export async function loadScenario(id: string, fetcher: Fetch = fetch): Promise<ScenarioRecord | null> {
	// The index says what exists, whatever a static host answers for a missing file.
	const cards = await listScenarios(fetcher);
	if (!cards.some((card) => card.id === id)) return null;
	const record = readScenarioRecord(await fetchJson(fetcher, `/data/scenarios/${encodeURIComponent(id)}.json`));
	if (!record) throw new CatalogueUnavailableError(`The file of ${id} is from another version of the app.`);
	return record;
}
