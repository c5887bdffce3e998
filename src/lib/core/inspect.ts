import { analyseScenario, type ScenarioAnalysis } from './analyse.ts';
import type { CheckResult } from './checks.ts';
import type { InspectCache } from './incremental.ts';
import { parseScenario } from './parse.ts';
import { analysePaths, type PathAnalysis } from './paths.ts';
import type { Diagnostic, ScenarioDraft } from './types.ts';

/** Everything the studio shows about a source as the manager types: computed in a worker, from the same core. */
export interface ScenarioInspection {
	diagnostics: Diagnostic[];
	draft: ScenarioDraft;
	analysis: ScenarioAnalysis;
	/** Best and worst scores per dimension and per ending, node flags and plain-language warnings (paths.ts). */
	paths: PathAnalysis;
	/** The file has no errors: it can be played and published. */
	playable: boolean;
	/** The file's checks (golden paths) and how each went; `not-run` while the file has errors. */
	checks: CheckResult[];
}

export interface InspectOptions {
	/**
	 * Kept across calls for one file (the studio's worker keeps one), so that
	 * each call redoes only what the change touched; the result is the same as without it.
	 */
	cache?: InspectCache;
	/** Called with the diagnostics as soon as they are known, before the slower analyses (the editor shows them at once). */
	onDiagnostics?: (diagnostics: Diagnostic[], playable: boolean) => void;
}

export function inspectScenario(source: string, options: InspectOptions = {}): ScenarioInspection {
	const { cache } = options;
	const { scenario, draft, diagnostics, checks } = parseScenario(source, { cache: cache?.parse });
	options.onDiagnostics?.(diagnostics, scenario !== null);
	const analysis = cache ? cache.analysis(draft, analyseScenario) : analyseScenario(draft);
	const paths = cache ? cache.paths(draft, analysePaths) : analysePaths(draft);
	return { diagnostics, draft, analysis, paths, playable: scenario !== null, checks };
}
