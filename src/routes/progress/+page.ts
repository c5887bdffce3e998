import { DEFAULT_PASS_MARK } from '$lib/core/pass-mark';
import { learnerDashboard } from '$lib/dashboard/chart-data';
import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { learnerAttempts, type LearnerAttempts } from '$lib/storage/dashboard';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const profileId = app.profileId;
	const none: LearnerAttempts = { completed: [], unfinished: [] };
	// Through the [profileId+completedAt] and [profileId+status] indexes; the figures are computed once, here.
	const { completed, unfinished } = await app.recover(() => (profileId ? learnerAttempts(profileId) : Promise.resolve(none)), none);
	// A task of its own for the figures: unpacking the last page of attempts and computing them are not one long task.
	await new Promise((resolve) => setTimeout(resolve, 0));
	const attempts = [...completed, ...unfinished];
	return {
		attempts,
		dashboard: learnerDashboard(completed, unfinished, DEFAULT_PASS_MARK, Date.now()),
		titles: new Map(attempts.map((attempt) => [attempt.scenarioId, attempt.scenarioTitle]))
	};
};
