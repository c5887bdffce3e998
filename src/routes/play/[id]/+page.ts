import { loadScenario } from '$lib/catalogue/catalogue';
import type { PlayData } from '$lib/player/session.svelte';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { latestAttempt } from '$lib/storage/progress';
import type { PageLoad } from './$types';

// Scenarios are data, not pages: the app shell (200.html) serves every /play/ address, offline too.
export const prerender = false;

export const load: PageLoad = async ({ params, fetch, depends }): Promise<PlayData & { profileId?: string }> => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const record = await loadScenario(params.id, fetch).catch((error: unknown) => {
		console.error(error);
		return undefined;
	});
	const profileId = app.profileId;
	if (record === undefined) return { id: params.id, profileId, record: null, unavailable: true };
	const attempt =
		profileId && record?.scenario ? await app.recover(() => latestAttempt(profileId, params.id), undefined) : undefined;
	return { id: params.id, profileId, record, unavailable: false, attempt };
};
