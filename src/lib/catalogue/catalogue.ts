import { readScenarioRecord, type ProgrammeEntry, type ScenarioCard, type ScenarioRecord } from '$lib/core/record';
import { getAuthored, isAuthoredId, publishedAuthored, publishedVersion } from '$lib/storage/published';

/*
 * The one place that answers "which scenarios exist, and what is in each" for
 * every screen, whatever the source: bundled scenarios come from the build
 * (/data/scenarios.json and one /data/scenarios/<id>.json each, precached for
 * offline use); scenarios published in the studio come from IndexedDB, every
 * published version kept by hash, compiled in the browser when played.
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

/** The cards of every bundled scenario. */
export async function bundledCards(fetcher: Fetch = fetch): Promise<ScenarioCard[]> {
	const cards = await fetchJson(fetcher, '/data/scenarios.json');
	if (!Array.isArray(cards)) throw new CatalogueUnavailableError('The scenario index is not a list.');
	return cards as ScenarioCard[];
}

/** The cards of every scenario in the library, bundled and published on this device, in title order. */
export async function listScenarios(fetcher: Fetch = fetch): Promise<ScenarioCard[]> {
	const [bundled, authored] = await Promise.all([bundledCards(fetcher), publishedAuthored()]);
	const local = authored.map((scenario) => ({ ...scenario.publishedCard!, origin: 'device' as const }));
	return [...bundled, ...local].sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * One scenario's record; null when no scenario has this id. `hash` asks for
 * one version (a past attempt's): bundled scenarios only have their current
 * one, scenarios made on this device every version they were published as.
 */
export async function loadScenario(id: string, fetcher: Fetch = fetch, hash?: string): Promise<ScenarioRecord | null> {
	if (isAuthoredId(id)) return loadAuthored(id, hash);
	// The index says what exists, whatever a static host answers for a missing file.
	const cards = await bundledCards(fetcher);
	if (!cards.some((card) => card.id === id)) return null;
	const record = readScenarioRecord(await fetchJson(fetcher, `/data/scenarios/${encodeURIComponent(id)}.json`));
	if (!record) throw new CatalogueUnavailableError(`The file of ${id} is from another version of the app.`);
	return record;
}

async function loadAuthored(id: string, hash: string | undefined): Promise<ScenarioRecord | null> {
	let wanted = hash;
	if (!wanted) {
		const scenario = await getAuthored(id);
		if (!scenario || scenario.deletedAt !== undefined) return null;
		wanted = scenario.publishedHash;
	}
	const version = wanted ? await publishedVersion(id, wanted) : undefined;
	if (!version) return null;
	let compile: typeof import('$lib/studio/compile').compileInBrowser;
	try {
		({ compileInBrowser: compile } = await import('$lib/studio/compile'));
	} catch (error) {
		throw new CatalogueUnavailableError(`The part of the app that reads scenarios made on this device did not load: ${(error as Error).message}`);
	}
	return compile(id, version.source);
}

/** The programmes (boot camps and refreshers), parsed at build time, each with its diagnostics. */
export async function listProgrammes(fetcher: Fetch = fetch): Promise<ProgrammeEntry[]> {
	const entries = await fetchJson(fetcher, '/data/programmes.json');
	if (!Array.isArray(entries)) throw new CatalogueUnavailableError('The programme index is not a list.');
	return entries as ProgrammeEntry[];
}
