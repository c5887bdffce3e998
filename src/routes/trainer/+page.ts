import { listProgrammes } from '$lib/catalogue/catalogue';
import { trainerRows } from '$lib/dashboard/trainer';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { allLearners } from '$lib/storage/dashboard';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const [entries, learners] = await Promise.all([
		// Without the programme index (offline before the app saved itself) the learners still show, their programmes unknown.
		listProgrammes(fetch).catch((problem: unknown) => {
			console.error(problem);
			return null;
		}),
		app.recover(() => allLearners(), [])
	]);
	const now = Date.now();
	return {
		rows: trainerRows(learners, entries ?? [], now),
		programmes: (entries ?? []).flatMap((entry) => (entry.programme ? [{ id: entry.id, title: entry.programme.title }] : [])),
		programmesMissing: entries === null,
		now
	};
};
