import { analyseScenario, type ScenarioAnalysis } from './analyse.ts';
import type { CheckResult } from './checks.ts';
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

export function inspectScenario(source: string): ScenarioInspection {
	const { scenario, draft, diagnostics, checks } = parseScenario(source);
	return { diagnostics, draft, analysis: analyseScenario(draft), paths: analysePaths(draft), playable: scenario !== null, checks };
}
