import { DIMENSIONS, perDimension, type Dimension } from '$lib/core/types';
import type { Attempt } from './db';

/** An attempt without its run state: all a summary reads (the dashboard does not load transcripts). */
export type AttemptSummary = Omit<Attempt, 'state'>;

export interface ScenarioProgress<A extends AttemptSummary = Attempt> {
	scenarioId: string;
	status: 'new' | 'in-progress' | 'completed';
	attempts: number;
	completed: number;
	/** Best score per dimension over completed attempts (null: never assessed). */
	best: Record<Dimension, number | null>;
	latest?: A;
	lastPlayed?: number;
}

/** Per-scenario progress from a profile's attempts (newest first or any order). */
export function summariseProgress<A extends AttemptSummary>(attempts: A[]): Map<string, ScenarioProgress<A>> {
	const byScenario = new Map<string, ScenarioProgress<A>>();
	const ordered = [...attempts].sort((a, b) => b.updatedAt - a.updatedAt);
	for (const attempt of ordered) {
		let entry = byScenario.get(attempt.scenarioId);
		if (!entry) {
			entry = {
				scenarioId: attempt.scenarioId,
				status: 'new',
				attempts: 0,
				completed: 0,
				best: perDimension(() => null),
				lastPlayed: attempt.updatedAt
			};
			byScenario.set(attempt.scenarioId, entry);
		}
		if (attempt.status === 'abandoned') continue;
		entry.attempts++;
		if (attempt.status === 'in-progress') entry.status = 'in-progress';
		if (attempt.status === 'completed' && attempt.score) {
			entry.completed++;
			entry.latest ??= attempt;
			if (entry.status === 'new') entry.status = 'completed';
			for (const dimension of DIMENSIONS) {
				const value = attempt.score.dimensions[dimension].score;
				if (value !== null && (entry.best[dimension] === null || value > entry.best[dimension]!)) entry.best[dimension] = value;
			}
		}
	}
	return byScenario;
}

