import { loadLearnerOverview } from '$lib/programmes/load';
import { PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends(PROFILE_DEPENDENCY);
	return loadLearnerOverview(fetch);
};
