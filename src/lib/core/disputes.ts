import { signOf, type ExpectedSign, type LabelledReply } from './labelled.ts';
import type { ReplyAssessment, ReplyContext } from './rubric.ts';
import { DIMENSIONS, type Dimension } from './types.ts';

/*
 * A trainee's "I don't agree" with a typed reply's score: which dimension,
 * which sign they expected and why, kept with the reply, its context and the
 * rubric's evidence so a trainer can review it and add it to the labelled
 * sets. This module imports the rubric's types only, so the screens that show
 * disputes do not load the rubric.
 */

/** One disputed score, as stored on the device. */
export interface Dispute {
	id: string;
	profileId: string;
	attemptId: string;
	/** Index of the typed reply's step in the run. */
	stepIndex: number;
	scenarioId: string;
	reply: string;
	/** What the rubric was given: the customer, the policy, the customer's last line. */
	context: ReplyContext;
	/** The rubric's scores and evidence, as the trainee saw them. */
	assessment: ReplyAssessment;
	dimension: Dimension;
	/** The sign the trainee expected on `dimension`. */
	expected: ExpectedSign;
	/** The trainee's reason, possibly empty. */
	why: string;
	createdAt: number;
}

/** Longest reason kept; a dispute is a note, not an essay. */
export const MAX_DISPUTE_WHY = 1000;


/** One dispute per attempt, reply and dimension: disputing again replaces the earlier one. */
export const disputeId = (attemptId: string, stepIndex: number, dimension: Dimension) => `${attemptId}:${stepIndex}:${dimension}`;

/**
 * Disputes in the labelled-set format (`{id, reply, context, expected, note}`),
 * one item per disputed reply: the expected signs are the rubric's, with each
 * disputed dimension replaced by the sign the trainee expected.
 * @example disputesToLabelled([dispute]) // [{ id: 'dispute-…-2', reply, context, expected: { empathy: '+', … }, note }]
 */
export function disputesToLabelled(disputes: readonly Dispute[]): LabelledReply[] {
	const byReply = new Map<string, Dispute[]>();
	for (const dispute of [...disputes].sort((a, b) => a.createdAt - b.createdAt)) {
		const key = `${dispute.attemptId}:${dispute.stepIndex}`;
		byReply.set(key, [...(byReply.get(key) ?? []), dispute]);
	}
	return [...byReply.values()].map((group) => {
		const first = group[0];
		const expected = Object.fromEntries(DIMENSIONS.map((d) => [d, signOf(first.assessment[d])])) as Record<Dimension, ExpectedSign>;
		for (const dispute of group) expected[dispute.dimension] = dispute.expected;
		const notes = group.map((dispute) => {
			const why = dispute.why.trim();
			return `trainee disputed ${dispute.dimension}: rubric ${signOf(dispute.assessment[dispute.dimension])}, expected ${dispute.expected}${why ? ` (${why})` : ''}`;
		});
		return {
			id: `dispute-${first.scenarioId}-${first.attemptId}-${first.stepIndex}`,
			reply: first.reply,
			context: { ...first.context },
			expected,
			note: `${notes.join('; ')}; scenario ${first.scenarioId}`
		};
	});
}
