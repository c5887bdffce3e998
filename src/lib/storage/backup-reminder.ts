import Dexie from 'dexie';
import { LAST_EXPORT_KEY, learnerExportKey, REMINDER_DISMISSED_KEY } from '$lib/backup/reminder';
import { database } from './db';

/*
 * What the layout's backup reminder reads: kept apart from backup.ts (the
 * settings page's export and import) so that every page loads only this.
 */

/**
 * When the oldest completed attempt that no export holds was completed, and
 * when the reminder was last dismissed. One indexed lookup per learner
 * ([profileId+completedAt]), so it costs the same with 10 or 10,000 attempts.
 */
export async function backupReminderState(): Promise<{ oldestUnexported: number | undefined; dismissedAt: number | undefined }> {
	const db = database();
	return db.transaction('r', db.profiles, db.attempts, db.settings, async () => {
		const exports = await db.settings.where('key').startsWith(LAST_EXPORT_KEY).toArray();
		const at = (key: string) => {
			const value = exports.find((setting) => setting.key === key)?.value;
			return typeof value === 'number' ? value : -Infinity;
		};
		const device = at(LAST_EXPORT_KEY);
		let oldest: number | undefined;
		for (const profileId of await db.profiles.toCollection().primaryKeys()) {
			const since = Math.max(device, at(learnerExportKey(profileId)));
			const first = await db.attempts.where('[profileId+completedAt]').between([profileId, since], [profileId, Dexie.maxKey], false, true).first();
			if (first?.completedAt !== undefined && (oldest === undefined || first.completedAt < oldest)) oldest = first.completedAt;
		}
		const dismissed = await db.settings.get(REMINDER_DISMISSED_KEY);
		return { oldestUnexported: oldest, dismissedAt: typeof dismissed?.value === 'number' ? dismissed.value : undefined };
	});
}

export async function dismissBackupReminder(at: number): Promise<void> {
	await database().settings.put({ key: REMINDER_DISMISSED_KEY, value: at });
}
