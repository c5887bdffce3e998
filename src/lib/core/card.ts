import { analyseScenario } from './analyse.ts';
import { dimensionEmphasis } from './programme-progress.ts';
import type { ScenarioCard, ScenarioRecord } from './record.ts';
import { perDimension } from './types.ts';

// Apart from compile.ts so that saving a card (the studio's publish) does not load the parser and the rubric.
/** What a library card shows of a compiled scenario. */
export function cardOf(record: ScenarioRecord): ScenarioCard {
	const meta = record.scenario?.meta;
	const errors = record.diagnostics.filter((d) => d.severity === 'error');
	return {
		id: record.id,
		hash: record.hash,
		title: meta?.title ?? record.id,
		customer: meta?.customer ?? '',
		summary: meta?.summary ?? '',
		difficulty: meta?.difficulty ?? 1,
		...(meta?.minutes === undefined ? {} : { minutes: meta.minutes }),
		tags: meta?.tags ?? [],
		errors: errors.length,
		warnings: record.diagnostics.length - errors.length,
		problems: errors.slice(0, 5),
		emphasis: record.scenario ? dimensionEmphasis(analyseScenario(record.scenario)) : perDimension(() => 0)
	};
}
