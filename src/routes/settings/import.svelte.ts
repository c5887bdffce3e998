import { invalidateAll } from '$app/navigation';
import type { BackupFile } from '$lib/backup/format';
import { changesNothing, planFingerprint, planImport, type ImportPlan, type LearnerChoice, type LocalRecords } from '$lib/backup/merge';
import { readBackupBlob } from '$lib/backup/read';
import { app } from '$lib/state/app.svelte';
import { backupReminder } from '$lib/state/backup-reminder.svelte';
import { updates } from '$lib/state/updates.svelte';
import { applyImport, previewImport, schemaVersion } from '$lib/storage/backup';
import { describeStorageError } from '$lib/storage/errors';
import { currentProfileId, listProfiles } from '$lib/storage/progress';

export type ImportStage = 'idle' | 'reading' | 'refused' | 'preview' | 'importing' | 'done' | 'failed';

/**
 * Importing one backup file: read and checked, previewed (what it holds, what
 * it would change, which learners share a name), confirmed, then applied in
 * one transaction. Nothing is written before the confirmation.
 */
export class ImportFlow {
	stage = $state<ImportStage>('idle');
	fileName = $state('');
	/** Why the file was refused, or why the import failed (then nothing was changed). */
	problem = $state<string | null>(null);
	backup = $state.raw<BackupFile | null>(null);
	bytes = $state(0);
	choices = $state<Record<string, LearnerChoice>>({});
	/** 0–1 while importing. */
	fraction = $state(0);
	/** What the import did, once done. */
	result = $state.raw<ImportPlan | null>(null);
	#local = $state.raw<LocalRecords | null>(null);

	/** What importing would do now, with the choices made so far. */
	plan = $derived(this.backup && this.#local ? planImport(this.backup.data, this.#local, this.choices) : null);
	nothingToDo = $derived(this.plan !== null && changesNothing(this.plan));

	async pick(file: File): Promise<void> {
		this.reset();
		this.fileName = file.name;
		this.stage = 'reading';
		const reading = await readBackupBlob(file, schemaVersion());
		if (!reading.ok) {
			this.problem = reading.problem.message;
			this.stage = 'refused';
			return;
		}
		try {
			const { local } = await previewImport(reading.backup);
			this.backup = reading.backup;
			this.bytes = reading.bytes;
			this.#local = local;
			this.stage = 'preview';
		} catch (error) {
			this.problem = describeStorageError(error);
			this.stage = 'failed';
		}
	}

	choose(fileProfileId: string, choice: LearnerChoice): void {
		this.choices = { ...this.choices, [fileProfileId]: choice };
	}

	async confirm(): Promise<void> {
		const { backup, plan } = this;
		if (!backup || !plan || plan.undecided.length > 0 || this.stage !== 'preview') return;
		this.stage = 'importing';
		this.fraction = 0;
		try {
			this.result = await applyImport(backup, this.choices, planFingerprint(plan), (fraction) => (this.fraction = fraction));
			this.stage = 'done';
		} catch (error) {
			console.error(error);
			const why = error instanceof Error && (error.name === 'ImportChangedError' || error.name === 'ImportChoiceError') ? error.message : describeStorageError(error).replace(/^Your progress could not be saved: /, '');
			this.problem = `The import failed, so nothing on this device was changed. ${why}`;
			this.stage = 'failed';
			return;
		}
		await this.#afterImport(backup);
	}

	/** The app's learners, the selected learner and every page's data follow what was imported. */
	async #afterImport(backup: BackupFile): Promise<void> {
		try {
			app.profiles = await listProfiles();
			if (!app.profile) {
				const saved = await currentProfileId();
				const next = app.profiles.find((profile) => profile.id === saved) ?? app.profiles[0];
				if (next) await app.switchTo(next.id);
			}
		} catch (error) {
			app.report(error);
		}
		// Scenarios made on a device play offline only once the studio's compiler is cached.
		if (backup.data.authored.length > 0 || backup.data.publishedVersions.length > 0) void updates.cacheStudio().catch((error) => console.warn(error));
		void backupReminder.refresh();
		await invalidateAll();
	}

	reset(): void {
		this.stage = 'idle';
		this.problem = null;
		this.backup = null;
		this.#local = null;
		this.choices = {};
		this.result = null;
		this.fraction = 0;
		this.fileName = '';
	}
}
