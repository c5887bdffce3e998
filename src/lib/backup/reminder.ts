/*
 * When to remind people to export: results that are in no backup yet, the
 * oldest of them more than REMINDER_AFTER_DAYS old. Never blocking; a
 * dismissed reminder stays away for the same number of days.
 */
export const REMINDER_AFTER_DAYS = 7;
const DAY = 86_400_000;

/**
 * The N of "your results from the last N days are only in this browser", or
 * null when no reminder is due. `oldestUnexported` is when the oldest result
 * that no export holds was completed.
 */
export function reminderDays(oldestUnexported: number | undefined, dismissedAt: number | undefined, now: number): number | null {
	if (oldestUnexported === undefined) return null;
	const age = now - oldestUnexported;
	if (age <= REMINDER_AFTER_DAYS * DAY) return null;
	if (dismissedAt !== undefined && now - dismissedAt < REMINDER_AFTER_DAYS * DAY && dismissedAt <= now) return null;
	return Math.floor(age / DAY);
}

/** Settings keys: the last whole-device export, one learner's last export, and the last dismissal. */
export const LAST_EXPORT_KEY = 'lastExportAt';
export const learnerExportKey = (profileId: string) => `${LAST_EXPORT_KEY}:${profileId}`;
export const REMINDER_DISMISSED_KEY = 'backupReminderDismissedAt';
