import { practiseToday, type PractiseItem } from '$lib/core/programme-practice';
import { programmeProgress, weakestDimension, type ProgrammeProgress } from '$lib/core/programme-progress';
import type { Programme } from '$lib/core/programme';
import type { ProgrammeEntry, ScenarioCard } from '$lib/core/record';
import type { Dimension } from '$lib/core/types';
import type { Enrolment } from '$lib/storage/db';
import type { AttemptSummary } from '$lib/storage/summary';

/** A programme as one learner sees it: enrolled (with progress) or not. */
export interface LearnerProgramme {
	id: string;
	programme: Programme;
	enrolment?: Enrolment;
	progress?: ProgrammeProgress;
}

export interface LearnerOverview {
	programmes: LearnerProgramme[];
	/** The short "practise today" list. */
	today: PractiseItem[];
	/** Scenario titles by id, for lists that name scenarios. */
	titles: Map<string, string>;
}

/**
 * Everything the home screen and the programme pages say about one learner's
 * programmes at `now`: each programme's progress (with the refresher order and
 * renewal state) and the practise-today list, from the learner's attempts.
 */
export function learnerOverview(input: {
	programmes: ProgrammeEntry[];
	cards: ScenarioCard[];
	attempts: AttemptSummary[];
	enrolments: Enrolment[];
	now: number;
}): LearnerOverview {
	const { cards, enrolments, now } = input;
	// Oldest first: programmeProgress then skips its own sort.
	const attempts = [...input.attempts].sort((a, b) => (a.completedAt ?? a.updatedAt) - (b.completedAt ?? b.updatedAt));
	const emphasis = new Map<string, Record<Dimension, number>>(cards.map((card) => [card.id, card.emphasis]));
	const programmes: LearnerProgramme[] = input.programmes.flatMap((entry) => {
		if (!entry.programme) return [];
		const enrolment = enrolments.find((candidate) => candidate.programmeId === entry.id);
		const progress = enrolment ? programmeProgress(entry.programme, attempts, { enrolledAt: enrolment.enrolledAt, now, emphasis }) : undefined;
		return [{ id: entry.id, programme: entry.programme, enrolment, progress }];
	});
	const enrolled = programmes.flatMap((item) => (item.progress ? [{ programmeId: item.id, programme: item.programme, progress: item.progress }] : []));
	// When each scenario was last completed, and the weakest dimension: all practise-today needs of the history
	// (the dashboard's full summary would load its aggregates on the home screen for nothing).
	const scenarios = new Map<string, { latest: { at: number } }>();
	for (const attempt of attempts) if (attempt.status === 'completed' && attempt.completedAt) scenarios.set(attempt.scenarioId, { latest: { at: attempt.completedAt } });
	const summary = { weakest: weakestDimension(attempts, now), scenarios };
	const today = enrolled.length > 0 || attempts.length > 0 ? practiseToday({ now, enrolled, summary, emphasis }) : [];
	return { programmes, today, titles: new Map(cards.map((card) => [card.id, card.title])) };
}
