import { DEFAULT_PASS_MARK } from '$lib/core/pass-mark';
import { learnerDashboard } from '$lib/dashboard/chart-data';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { learnerAttempts, type LearnerAttempts } from '$lib/storage/dashboard';
import type { PageLoad } from './$types';

/** Lets the browser run other work (and paint) before going on: reading, computing and drawing are three tasks, not one long one. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export const load: PageLoad = async ({ depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const profileId = app.profileId;
	const none: LearnerAttempts = { completed: [], unfinished: [] };
	// Through the [profileId+completedAt] and [profileId+status] indexes; the figures are computed once, here.
	const { completed, unfinished } = await app.recover(() => (profileId ? learnerAttempts(profileId) : Promise.resolve(none)), none);
	await nextTask();
	const attempts = [...completed, ...unfinished];
	const dashboard = learnerDashboard(completed, unfinished, DEFAULT_PASS_MARK, Date.now());
	const titles = new Map(attempts.map((attempt) => [attempt.scenarioId, attempt.scenarioTitle]));
	await nextTask();
	return { attempts, dashboard, titles };
};
