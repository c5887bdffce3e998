import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { attemptsOf } from '$lib/storage/progress';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const profileId = app.profileId;
	return { attempts: await app.recover(() => (profileId ? attemptsOf(profileId) : Promise.resolve([])), []) };
};
