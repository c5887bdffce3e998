import { describe, expect, it } from 'vitest';
import { playedRuns } from '../bench/dashboard-data';

describe("the dashboard benchmark's attempts", () => {
	it('are finished runs of the bundled scenarios, scored by the core, with their transcripts', () => {
		const runs = playedRuns(30);
		expect(runs.length).toBeGreaterThanOrEqual(28);
		expect(new Set(runs.map((run) => run.scenarioId)).size).toBeGreaterThanOrEqual(10);
		for (const run of runs) {
			expect(run.state.ended).toBe(true);
			expect(run.state.steps.length).toBeGreaterThan(0);
			expect(run.score.outcome).not.toBeNull();
			expect(run.durationMs).toBeGreaterThan(0);
		}
		// Same seed, same runs: the benchmark measures the same data every time.
		expect(playedRuns(5).map((run) => run.state.steps.length)).toEqual(playedRuns(5).map((run) => run.state.steps.length));
	});
});
