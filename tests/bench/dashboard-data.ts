/**
 * Realistic stored attempts for the dashboard benchmark and tests: the bundled
 * scenarios played by the real core along random paths (typed replies scored
 * by the rubric), so each record carries a full run state and transcript, as
 * the app stores it. A few dozen distinct runs are played; `spreadAttempts`
 * copies them into as many attempts as asked, over a span of time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	availableChoices,
	choose,
	hashSource,
	parseScenario,
	scoreRun,
	startRun,
	submitReply,
	type RunScore,
	type RunState,
	type Scenario
} from '../../src/lib/core/index.ts';
import { seededRandom } from '../../src/lib/core/random.ts';

const TYPED = [
	"I'm so sorry about this, I'll sort it out myself today.",
	'That is our policy, there is nothing I can do.',
	"I understand how frustrating this is. Let me send a replacement now and call you back by five.",
	'Someone from the returns team will contact you.'
];

export interface PlayedRun {
	scenarioId: string;
	scenarioTitle: string;
	scenarioHash: string;
	state: RunState;
	score: RunScore;
	/** How long the run took, in milliseconds. */
	durationMs: number;
}

/** `count` finished runs of the bundled scenarios along random paths. */
export function playedRuns(count: number, seed = 7, root = '.'): PlayedRun[] {
	const random = seededRandom(seed, 'runs');
	const files = readdirSync(join(root, 'scenarios')).filter((name) => name.endsWith('.md') && name !== 'README.md');
	const scenarios = files.map((file) => {
		const source = readFileSync(join(root, 'scenarios', file), 'utf8');
		const { scenario } = parseScenario(source);
		if (!scenario) throw new Error(`${file} does not parse`);
		return { id: file.slice(0, -3), scenario: scenario as Scenario, hash: hashSource(source) };
	});
	const runs: PlayedRun[] = [];
	for (let i = 0; i < count; i++) {
		const { id, scenario, hash } = scenarios[i % scenarios.length];
		let state = startRun(scenario, { scenarioId: id, scenarioHash: hash, seed: Math.floor(random() * 2 ** 32) });
		for (let guard = 0; !state.ended && guard < 60; guard++) {
			const options = availableChoices(scenario, state);
			const listed = options.filter((option) => !option.choice.free);
			if (listed.length > 0 && (random() < 0.85 || listed.length === options.length)) {
				state = choose(scenario, state, listed[Math.floor(random() * listed.length)].index);
			} else {
				state = submitReply(scenario, state, TYPED[Math.floor(random() * TYPED.length)]);
			}
		}
		if (!state.ended) continue;
		runs.push({
			scenarioId: id,
			scenarioTitle: scenario.meta.title,
			scenarioHash: hash,
			state,
			score: scoreRun(scenario, state),
			durationMs: 120_000 + Math.floor(random() * 600_000)
		});
	}
	return runs;
}
