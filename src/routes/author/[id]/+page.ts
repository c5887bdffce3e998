import { app } from '$lib/state/app.svelte';
import { getAuthored } from '$lib/storage/published';
import type { PageLoad } from './$types';

// Authored scenarios live in IndexedDB: the app shell serves this page, offline too.
export const prerender = false;

export const load: PageLoad = async ({ params }) => {
	await app.init();
	const scenario = await getAuthored(params.id);
	return { id: params.id, scenario: scenario?.deletedAt === undefined ? scenario : undefined, deleted: scenario?.deletedAt !== undefined };
};
