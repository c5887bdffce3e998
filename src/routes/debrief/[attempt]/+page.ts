import { loadScenario } from '$lib/catalogue/catalogue';
import { app } from '$lib/state/app.svelte';
import { getAttempt } from '$lib/storage/progress';
import type { PageLoad } from './$types';

// Attempts live in IndexedDB, so this page is resolved in the browser (the app shell serves it offline).
export const prerender = false;

export const load: PageLoad = async ({ params, fetch }) => {
	await app.init();
	const attempt = await getAttempt(params.attempt);
	// Without the scenario's file the scores can still be shown.
	const record = attempt ? await loadScenario(attempt.scenarioId, fetch, attempt.scenarioHash).catch(() => null) : null;
	return { attempt, record };
};
