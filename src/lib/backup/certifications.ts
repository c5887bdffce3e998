/*
 * Certifications as they stand when a backup is made: derived from attempts
 * and enrolments by the programme rules (`programmeProgress`), written into
 * the file for people reading it, and ignored on import (they follow from the
 * data). Cheap: one pass per enrolment over that learner's attempts.
 */
import { programmeProgress } from '$lib/core/programme-progress';
import type { ProgrammeEntry } from '$lib/core/record';
import type { AttemptRecord, ComputedCertification, EnrolmentRecord } from './format';

export function certificationsOf(
	attempts: readonly AttemptRecord[],
	enrolments: readonly EnrolmentRecord[],
	programmes: readonly ProgrammeEntry[],
	now: number
): ComputedCertification[] {
	const byLearner = new Map<string, AttemptRecord[]>();
	for (const attempt of attempts) {
		const list = byLearner.get(attempt.profileId);
		if (list) list.push(attempt);
		else byLearner.set(attempt.profileId, [attempt]);
	}
	const certifications: ComputedCertification[] = [];
	for (const enrolment of enrolments) {
		const programme = programmes.find((entry) => entry.id === enrolment.programmeId)?.programme;
		if (!programme) continue;
		const progress = programmeProgress(programme, byLearner.get(enrolment.profileId) ?? [], { enrolledAt: enrolment.enrolledAt, now });
		for (const { certifiedAt, expiresAt } of progress.certifications) {
			certifications.push({ profileId: enrolment.profileId, programmeId: enrolment.programmeId, certifiedAt, expiresAt });
		}
	}
	return certifications;
}
