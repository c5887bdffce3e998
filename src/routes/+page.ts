import { error } from '@sveltejs/kit';
import { listScenarios } from '$lib/catalogue/catalogue';
import { learnerAttemptsList, loadLearnerOverview } from '$lib/programmes/load';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { summariseProgress } from '$lib/storage/summary';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const profileId = app.profileId;
	const [cards, attempts] = await Promise.all([
		listScenarios(fetch).catch((problem: unknown) => {
			console.error(problem);
			error(503, 'The scenario library could not be loaded: this device may have gone offline before the app finished saving itself for offline use.');
		}),
		app.recover(() => (profileId ? learnerAttemptsList(profileId) : Promise.resolve([])), [])
	]);
	return { cards, progress: summariseProgress(attempts), overview: await loadLearnerOverview(fetch, { cards, attempts }) };
};
