import type { RunState } from './engine.ts';

export interface MoodTimeline {
	/** The mood before the first decision. */
	start: number;
	/** One point per decision taken: the mood after it and how far it moved. */
	points: { decision: number; moodBefore: number; moodAfter: number; change: number }[];
	/** Indexes into `points` of the biggest falls (at least `minimumFall`), biggest first. */
	falls: number[];
}

/**
 * The conversation's mood over time, for the debrief chart: where it started,
 * where each decision left it, and the decisions that made it fall most.
 */
export function moodTimeline(state: RunState, options: { falls?: number; minimumFall?: number } = {}): MoodTimeline {
	const { falls = 2, minimumFall = 5 } = options;
	const points = state.steps.map((step, i) => ({
		decision: i + 1,
		moodBefore: step.moodBefore,
		moodAfter: step.moodAfter,
		change: step.moodAfter - step.moodBefore
	}));
	const biggest = points
		.map((point, index) => ({ index, change: point.change }))
		.filter((point) => point.change <= -minimumFall)
		.sort((a, b) => a.change - b.change || a.index - b.index)
		.slice(0, falls)
		.map((point) => point.index);
	return { start: state.steps[0]?.moodBefore ?? state.mood, points, falls: biggest };
}
