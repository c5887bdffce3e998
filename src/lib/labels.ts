import { DIMENSIONS, type Effects, type Subject } from '$lib/core/types';

/** What the learner reads for each dimension (and mood), in one place for every screen. */
export const SUBJECT_LABEL: Record<Subject, string> = {
	empathy: 'Empathy',
	flexibility: 'Policy flexibility',
	ownership: 'Ownership',
	mood: 'Mood'
};

/** +2, 0, -1: effects and reply scores as authors write them. */
export const signed = (value: number) => (value > 0 ? `+${value}` : `${value}`);

/**
 * "empathy +2, ownership -1; mood -20": the dimensions a reply moved, then the
 * mood once. `moodChange` is what happened to the mood (after clamping), when known.
 */
export function effectsText(effects: Effects, moodChange = effects.mood ?? 0): string {
	const moved = DIMENSIONS.filter((dimension) => effects[dimension]).map(
		(dimension) => `${SUBJECT_LABEL[dimension].toLowerCase()} ${signed(effects[dimension]!)}`
	);
	return `${moved.join(', ') || 'no score change'}; ${moodChange ? `mood ${signed(moodChange)}` : 'mood unchanged'}`;
}

/** "empathy", "empathy and ownership", "empathy, policy flexibility and ownership". */
export function listOf(words: string[]): string {
	return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
