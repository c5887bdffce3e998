import type { Audience } from '$lib/core/programme';
import { renewalLabel, type ProgrammeProgress } from '$lib/core/programme-progress';

export const AUDIENCE_LABEL: Record<Audience, string> = { 'boot-camp': 'Boot camp', refresher: 'Refresher' };

export const dateOf = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/** One line on where a learner stands in a programme: certified, due, overdue, or how far along. */
export function standing(progress: ProgrammeProgress): string {
	const renewal = progress.renewal;
	const due = renewalLabel(renewal);
	if (due) return `${due} (certified ${dateOf(renewal.state === 'not-certified' ? 0 : renewal.certifiedAt)})`;
	if (renewal.state === 'certified') {
		return renewal.expiresAt === null ? `Certified on ${dateOf(renewal.certifiedAt)}` : `Certified on ${dateOf(renewal.certifiedAt)}, until ${dateOf(renewal.expiresAt)}`;
	}
	return `${progress.passed} of ${progress.total} steps passed`;
}
