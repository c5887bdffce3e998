import { listProgrammes, listScenarios } from '$lib/catalogue/catalogue';
import type { ProgrammeEntry, ScenarioCard } from '$lib/core/record';
import { app } from '$lib/state/app.svelte';
import { learnerAttempts } from '$lib/storage/dashboard';
import type { AttemptSummary } from '$lib/storage/summary';
import { enrolmentsOf } from '$lib/storage/enrolments';
import type { LearnerOverview } from './overview';

/**
 * What a page needs to show the current learner's programmes: the catalogue
 * (scenarios and programmes) and the learner's attempts and enrolments. A
 * storage failure shows in the banner and the page goes on without progress.
 */
export async function loadLearnerOverview(
	fetcher: typeof fetch,
	known: { cards?: ScenarioCard[]; attempts?: AttemptSummary[] } = {}
): Promise<LearnerOverview & { entries: ProgrammeEntry[] }> {
	await app.init();
	const profileId = app.profileId;
	const [entries, scenarioCards, attempts, enrolments] = await Promise.all([
		listProgrammes(fetcher).catch(() => [] as ProgrammeEntry[]),
		known.cards ?? listScenarios(fetcher),
		known.attempts ?? app.recover(() => (profileId ? learnerAttemptsList(profileId) : Promise.resolve([])), []),
		app.recover(() => (profileId ? enrolmentsOf(profileId) : Promise.resolve([])), [])
	]);
	const titles = new Map(scenarioCards.map((card) => [card.id, card.title]));
	// A learner with no history and no programme has nothing to work out: the programme rules load only when needed.
	if (attempts.length === 0 && enrolments.length === 0) {
		return { entries, titles, today: [], programmes: entries.flatMap((entry) => (entry.programme ? [{ id: entry.id, programme: entry.programme }] : [])) };
	}
	const { learnerOverview } = await import('./overview');
	return { entries, ...learnerOverview({ programmes: entries, cards: scenarioCards, attempts, enrolments, now: Date.now() }) };
}

/** A learner's attempts without their transcripts, read through the indexes (fast with a long history). */
export async function learnerAttemptsList(profileId: string): Promise<AttemptSummary[]> {
	const { completed, unfinished } = await learnerAttempts(profileId);
	return [...completed, ...unfinished];
}
