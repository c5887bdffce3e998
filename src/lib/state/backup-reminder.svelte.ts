import { reminderDays } from '$lib/backup/reminder';
import { backupReminderState, dismissBackupReminder } from '$lib/storage/backup-reminder';

/**
 * The layout's gentle export reminder: how many days of results are only in
 * this browser (null: nothing to say). Checked when the app opens and after
 * an export or import; only time passing makes it due, not a new result.
 */
class BackupReminder {
	days = $state<number | null>(null);

	async refresh(): Promise<void> {
		try {
			const { oldestUnexported, dismissedAt } = await backupReminderState();
			this.days = reminderDays(oldestUnexported, dismissedAt, Date.now());
		} catch (error) {
			// A reminder is never worth an error banner: storage problems are reported where data is saved.
			console.warn('Backup reminder:', error);
			this.days = null;
		}
	}

	async dismiss(): Promise<void> {
		this.days = null;
		try {
			await dismissBackupReminder(Date.now());
		} catch (error) {
			console.warn('Backup reminder:', error);
		}
	}
}

export const backupReminder = new BackupReminder();
