import { error } from '@sveltejs/kit';
import { loadLearnerOverview } from '$lib/programmes/load';
import { PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import type { PageLoad } from './$types';

export const prerender = false;

export const load: PageLoad = async ({ params, fetch, depends }) => {
	depends(PROFILE_DEPENDENCY);
	const overview = await loadLearnerOverview(fetch);
	const item = overview.programmes.find((candidate) => candidate.id === params.id);
	const entry = overview.entries.find((candidate) => candidate.id === params.id);
	if (!item || !entry) error(404, 'There is no programme with this address.');
	return { item, html: entry.html, titles: overview.titles };
};
