import { disputeId, MAX_DISPUTE_WHY, type Dispute } from '$lib/core/disputes';
import type { ReplyAssessment, ReplyContext } from '$lib/core/rubric';
import type { Dimension } from '$lib/core/types';
import type { ExpectedSign } from '$lib/core/labelled';
import { database } from './db';

/** Where a disputed reply was typed: enough for a trainer to find it and score it again. */
export interface DisputeTarget {
	profileId: string;
	attemptId: string;
	stepIndex: number;
	scenarioId: string;
	context: ReplyContext;
}

/** What the screen knows when the trainee disputes a score. */
export interface DisputeInput extends DisputeTarget {
	reply: string;
	assessment: ReplyAssessment;
	dimension: Dimension;
	expected: ExpectedSign;
	why?: string;
}

/**
 * Saves a dispute on this device. Disputing the same dimension of the same
 * reply again replaces the earlier dispute.
 */
export async function saveDispute(input: DisputeInput): Promise<Dispute> {
	const dispute: Dispute = {
		id: disputeId(input.attemptId, input.stepIndex, input.dimension),
		profileId: input.profileId,
		attemptId: input.attemptId,
		stepIndex: input.stepIndex,
		scenarioId: input.scenarioId,
		reply: input.reply,
		// Plain JSON, as the rubric returned it, so what is stored is what the trainee saw.
		context: JSON.parse(JSON.stringify(input.context)),
		assessment: JSON.parse(JSON.stringify(input.assessment)),
		dimension: input.dimension,
		expected: input.expected,
		why: (input.why ?? '').trim().slice(0, MAX_DISPUTE_WHY),
		createdAt: Date.now()
	};
	await database().disputes.put(dispute);
	return dispute;
}

/** Every dispute on this device, oldest first (a trainer reviews them all). */
export async function listDisputes(): Promise<Dispute[]> {
	return database().disputes.orderBy('createdAt').toArray();
}

/** The disputes on one typed reply. */
export async function disputesOn(attemptId: string, stepIndex: number): Promise<Dispute[]> {
	return database().disputes.where({ attemptId, stepIndex }).toArray();
}
