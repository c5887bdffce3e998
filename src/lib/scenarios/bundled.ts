import { hashSource, parseScenario, type Diagnostic, type Scenario } from '$lib/core';

/**
 * The scenarios shipped with the app: `scenarios/*.md`, read at build time.
 * Each file becomes its own small chunk, so the player loads only the one it plays.
 */
const files = import.meta.glob(['/scenarios/*.md', '!/scenarios/README.md'], { query: '?raw', import: 'default' }) as Record<
	string,
	() => Promise<string>
>;

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
const loaders = new Map(Object.entries(files).map(([path, load]) => [idOf(path), load]));

export const bundledScenarioIds: string[] = [...loaders.keys()].sort();

/** A scenario file as the app sees it: parsed, or not playable with the reasons why. */
export interface LoadedScenario {
	id: string;
	hash: string;
	scenario: Scenario | null;
	diagnostics: Diagnostic[];
}

export async function loadBundledScenario(id: string): Promise<LoadedScenario | null> {
	const load = loaders.get(id);
	if (!load) return null;
	const source = await load();
	const { scenario, diagnostics } = parseScenario(source);
	return { id, hash: hashSource(source), scenario, diagnostics };
}

export async function loadAllBundledScenarios(): Promise<LoadedScenario[]> {
	const loaded = await Promise.all(bundledScenarioIds.map(loadBundledScenario));
	return loaded.filter((entry): entry is LoadedScenario => entry !== null);
}
