import { app, PROFILE_DEPENDENCY } from '$lib/state/app.svelte';
import { lastDeviceExport } from '$lib/storage/backup';
import { readStorageState } from './storage-state';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ depends }) => {
	depends(PROFILE_DEPENDENCY);
	await app.init();
	const [storage, lastExport] = await Promise.all([readStorageState(), app.recover(lastDeviceExport, undefined)]);
	return { storage, lastExport };
};
