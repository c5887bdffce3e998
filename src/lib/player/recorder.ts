import { scoreRun, type RunState } from '$lib/core/engine';
import type { Scenario } from '$lib/core/types';
import type { Attempt } from '$lib/storage/db';
import { newId, recordStep, startAttempt } from '$lib/storage/progress';

/**
 * Where a run's attempt and decisions are written. The player never writes
 * anywhere else, so a learner's runs go to IndexedDB and a manager's
 * playtests stay in memory with the same code.
 */
export interface RunRecorder {
	/** Progress kept for a learner (so asking the browser to keep storage makes sense). */
	readonly keepsProgress: boolean;
	start(input: { scenarioId: string; scenarioTitle: string; mode: Attempt['mode']; state: RunState }): Promise<Attempt>;
	/** Commits one decision before the screen shows its result. */
	step(attemptId: string, scenario: Scenario, next: RunState): Promise<Attempt>;
}

/** A learner's runs, in IndexedDB (see recordStep: write-ahead, append-only steps). */
export function learnerRecorder(profileId: string): RunRecorder {
	return {
		keepsProgress: true,
		start: (input) => startAttempt({ profileId, ...input }),
		step: (attemptId, scenario, next) => recordStep(attemptId, scenario, next)
	};
}

/** A playtest: the same player, nothing written anywhere, so no learner's progress ever shows it. */
export function memoryRecorder(): RunRecorder {
	let attempt: Attempt | undefined;
	return {
		keepsProgress: false,
		async start(input) {
			const now = Date.now();
			attempt = {
				id: newId(),
				profileId: '',
				scenarioId: input.scenarioId,
				scenarioHash: input.state.scenarioHash,
				scenarioTitle: input.scenarioTitle,
				mode: input.mode,
				status: 'in-progress',
				startedAt: now,
				updatedAt: now,
				state: input.state
			};
			return attempt;
		},
		async step(attemptId, scenario, next) {
			if (!attempt || attempt.id !== attemptId) throw new Error('This playtest was restarted.');
			const now = Date.now();
			attempt = {
				...attempt,
				state: next,
				updatedAt: now,
				status: next.ended ? 'completed' : 'in-progress',
				...(next.ended ? { completedAt: now, score: scoreRun(scenario, next) } : {})
			};
			return attempt;
		}
	};
}
