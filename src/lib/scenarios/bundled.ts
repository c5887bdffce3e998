import type { Diagnostic, Scenario } from '$lib/core/types';

/** A scenario file as the app sees it: parsed, or not playable with the reasons why. */
export interface LoadedScenario {
	id: string;
	/** Hash of the file's text, to notice when an attempt began on another version. */
	hash: string;
	scenario: Scenario | null;
	diagnostics: Diagnostic[];
}

/**
 * The scenarios shipped with the app: `scenarios/*.md`, parsed at build time
 * (see vite.config.ts). Each becomes its own small chunk, so the player loads
 * only the one it plays.
 */
const files = import.meta.glob(['/scenarios/*.md', '!/scenarios/README.md'], { query: '?scenario', import: 'default' }) as Record<
	string,
	() => Promise<Omit<LoadedScenario, 'id'>>
>;

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
const loaders = new Map(Object.entries(files).map(([path, load]) => [idOf(path), load]));

export const bundledScenarioIds: string[] = [...loaders.keys()].sort();

export async function loadBundledScenario(id: string): Promise<LoadedScenario | null> {
	const load = loaders.get(id);
	return load ? { id, ...(await load()) } : null;
}

export async function loadAllBundledScenarios(): Promise<LoadedScenario[]> {
	const loaded = await Promise.all(bundledScenarioIds.map(loadBundledScenario));
	return loaded.filter((entry): entry is LoadedScenario => entry !== null);
}
