import { bundledCards } from '$lib/catalogue/catalogue';
import { app } from '$lib/state/app.svelte';
import { listAuthored } from '$lib/storage/authored';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends('studio:list');
	await app.init();
	const [authored, deleted, bundled] = await Promise.all([
		app.recover(() => listAuthored(), []),
		app.recover(() => listAuthored({ deleted: true }), []),
		// The list of bundled scenarios to copy from is a nicety: without it the studio still works.
		bundledCards(fetch).catch(() => [])
	]);
	return { authored, deleted, bundled: bundled.toSorted((a, b) => a.title.localeCompare(b.title)) };
};
