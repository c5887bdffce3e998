import type { Subject } from '$lib/core/types';

/** What the learner reads for each dimension (and mood), in one place for every screen. */
export const SUBJECT_LABEL: Record<Subject, string> = {
	empathy: 'Empathy',
	flexibility: 'Policy flexibility',
	ownership: 'Ownership',
	mood: 'Mood'
};

/** +2, 0, -1: effects and reply scores as authors write them. */
export const signed = (value: number) => (value > 0 ? `+${value}` : `${value}`);
