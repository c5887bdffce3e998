import { listProgrammes, listScenarios } from '$lib/catalogue/catalogue';
import { trainerRows } from '$lib/dashboard/trainer';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { allLearners } from '$lib/storage/dashboard';
import { listDisputes } from '$lib/storage/disputes';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const [entries, learners, disputes, cards] = await Promise.all([
		// Without the programme index (offline before the app saved itself) the learners still show, their programmes unknown.
		listProgrammes(fetch).catch((problem: unknown) => {
			console.error(problem);
			return null;
		}),
		app.recover(() => allLearners(), []),
		app.recover(() => listDisputes(), []),
		// Only for the disputed scores' scenario titles: without the index they show the scenario's id.
		listScenarios(fetch).catch(() => [])
	]);
	const now = Date.now();
	return {
		rows: trainerRows(learners, entries ?? [], now),
		programmes: (entries ?? []).flatMap((entry) => (entry.programme ? [{ id: entry.id, title: entry.programme.title }] : [])),
		programmesMissing: entries === null,
		disputes,
		scenarioTitles: Object.fromEntries(cards.map((card) => [card.id, card.title])),
		learnerNames: Object.fromEntries(learners.map((learner) => [learner.profile.id, learner.profile.name])),
		now
	};
};
