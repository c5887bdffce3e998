/*
 * "Practise today": the home screen's short list, each item with the reason
 * it is there. Built from the learner's programmes (refreshers that fall due,
 * failed steps whose spaced-practice gap is over, next steps) and from the
 * learner's weakest dimension.
 */
import {
	DAY_MS,
	DIMENSION_NAME,
	type ProgrammeProgress,
	type StepProgress,
	type WeakestDimension
} from './programme-progress.ts';
import type { Programme } from './programme.ts';
import type { Dimension } from './types.ts';

/** The list is short on purpose. */
export const PRACTISE_LIMIT = 5;
/** At most this many places go to weakest-dimension practice outside the programmes. */
export const WEAKEST_PICKS = 2;

export type PractiseKind = 'refresher' | 'retry' | 'next-step' | 'weakest';

export interface PractiseItem {
	scenarioId: string;
	kind: PractiseKind;
	/** The programme it comes from; null for weakest-dimension practice. */
	programmeId: string | null;
	/** One sentence for the learner. */
	reason: string;
}

/** A programme the learner is enrolled in, with its progress at `now` (`programmeProgress`). */
export interface Enrolled {
	programmeId: string;
	programme: Programme;
	progress: ProgrammeProgress;
}

/** What practise-today reads of a learner's history: a ProgressSummary fits, and so does a lighter one. */
export interface PlayedSummary {
	weakest: WeakestDimension | null;
	scenarios: ReadonlyMap<string, { latest: { at: number } }>;
}

export interface PractiseInput {
	now: number;
	enrolled: readonly Enrolled[];
	/** The learner's weakest dimension and when each scenario was last played (the dashboard's summary has both). */
	summary: PlayedSummary;
	/** How much each scenario in the library tests each dimension (`dimensionEmphasis`). */
	emphasis: ReadonlyMap<string, Record<Dimension, number>>;
	limit?: number;
}

const days = (n: number) => (n === 1 ? 'a day' : `${n} days`);

/**
 * Up to `limit` (5) scenarios to play today, most pressing first, each once:
 * 1. refreshers that are overdue, then due (soonest expiry first): their next
 *    step and their failed steps whose retry is due;
 * 2. failed steps of other programmes whose spaced-practice retry is due, the
 *    longest-waiting first;
 * 3. the next step of each programme not yet certified;
 * 4. up to two scenarios that test the weakest dimension most, skipping any
 *    completed in the last 24 hours.
 */
export function practiseToday({ now, enrolled, summary, emphasis, limit = PRACTISE_LIMIT }: PractiseInput): PractiseItem[] {
	const items: PractiseItem[] = [];
	const listed = new Set<string>();
	const add = (scenarioId: string, kind: PractiseKind, programmeId: string | null, reason: string) => {
		if (listed.has(scenarioId) || items.length >= limit) return;
		listed.add(scenarioId);
		items.push({ scenarioId, kind, programmeId, reason });
	};
	const open = (entry: StepProgress) => entry.status === 'next' || (entry.status === 'failed' && entry.retry?.due === true);

	const refreshers = enrolled
		.filter(({ progress }) => progress.renewal.state === 'due' || progress.renewal.state === 'overdue')
		.sort((a, b) => expiry(a.progress) - expiry(b.progress));
	for (const { programmeId, programme, progress } of refreshers) {
		const renewal = progress.renewal;
		const when =
			renewal.state === 'overdue'
				? renewal.daysOverdue === 0
					? 'is overdue'
					: `is ${days(renewal.daysOverdue)} overdue`
				: `is due in ${days(renewal.state === 'due' ? renewal.daysLeft : 0)}`;
		for (const entry of progress.steps.filter(open)) {
			add(
				entry.step.scenarioId,
				'refresher',
				programmeId,
				entry.status === 'next'
					? `Your ${programme.title} ${when}; this is its next step.`
					: `Your ${programme.title} ${when}, and you haven't passed this step in it yet.`
			);
		}
	}

	const retries = enrolled
		.flatMap(({ programmeId, programme, progress }) =>
			progress.steps.filter((entry) => entry.status === 'failed' && entry.retry?.due).map((entry) => ({ programmeId, programme, entry }))
		)
		.sort((a, b) => a.entry.retry!.dueAt - b.entry.retry!.dueAt);
	for (const { programmeId, programme, entry } of retries) {
		const below = entry.below.map((dimension) => `${DIMENSION_NAME[dimension]} ${entry.latest!.scores[dimension]} of ${programme.passMark[dimension]}`);
		add(
			entry.step.scenarioId,
			'retry',
			programmeId,
			`Not passed yet in your ${programme.title}${below.length > 0 ? ` (${below.join(', ')})` : ''}; ` +
				`it comes back ${days(entry.retry!.gapDays)} after your last try.`
		);
	}

	for (const { programmeId, programme, progress } of enrolled) {
		if (progress.renewal.state !== 'not-certified' || !progress.next) continue;
		const position = progress.steps.indexOf(progress.next) + 1;
		add(progress.next.step.scenarioId, 'next-step', programmeId, `Step ${position} of ${progress.total} in your ${programme.title}.`);
	}

	const weakest = summary.weakest;
	if (weakest) {
		const dimension = weakest.dimension;
		const candidates = [...emphasis.entries()]
			.filter(([id, weights]) => weights[dimension] > 0 && !listed.has(id) && !playedRecently(summary, id, now))
			.sort(([a, x], [b, y]) => y[dimension] - x[dimension] || (a < b ? -1 : a > b ? 1 : 0))
			.slice(0, WEAKEST_PICKS);
		for (const [id] of candidates) {
			add(id, 'weakest', null, `It tests ${DIMENSION_NAME[dimension]} more than most, and that is your weakest dimension (average ${weakest.average}).`);
		}
	}
	return items;
}

function expiry(progress: ProgrammeProgress): number {
	const renewal = progress.renewal;
	return renewal.state === 'due' || renewal.state === 'overdue' ? renewal.expiresAt : Infinity;
}

function playedRecently(summary: Pick<PlayedSummary, 'scenarios'>, scenarioId: string, now: number): boolean {
	const at = summary.scenarios.get(scenarioId)?.latest.at;
	return at !== undefined && at > now - DAY_MS;
}
