/*
 * What the browser says about keeping this site's data: whether it is
 * persistent (not deleted to free space), and how much is used of what the
 * site may use. Every part may be missing: older browsers and some private
 * modes have no StorageManager, or only part of it.
 */
export type Persistence = 'persisted' | 'best-effort' | 'unsupported';

export interface StorageState {
	persistence: Persistence;
	/** Bytes this site uses and may use, when the browser says. */
	usage?: number;
	quota?: number;
}

type StorageApi = Partial<Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>> | undefined;

export async function readStorageState(storage: StorageApi = globalThis.navigator?.storage): Promise<StorageState> {
	const state: StorageState = { persistence: 'unsupported' };
	if (typeof storage?.persisted === 'function') {
		try {
			state.persistence = (await storage.persisted()) ? 'persisted' : 'best-effort';
		} catch {
			state.persistence = 'unsupported';
		}
	}
	if (typeof storage?.estimate === 'function') {
		try {
			const { usage, quota } = await storage.estimate();
			if (typeof usage === 'number') state.usage = usage;
			if (typeof quota === 'number') state.quota = quota;
		} catch {
			// No figures, then.
		}
	}
	return state;
}

/** Asks the browser to keep this site's data; true when it agreed. */
export async function askToPersist(storage: StorageApi = globalThis.navigator?.storage): Promise<boolean | 'unsupported'> {
	if (typeof storage?.persist !== 'function') return 'unsupported';
	return storage.persist();
}

/** 1.2 MB, 340 KB, 2.1 GB */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	const units = ['KB', 'MB', 'GB', 'TB'];
	let value = bytes / 1024;
	let unit = 0;
	while (value >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
