import { version } from '$app/environment';
import { certificationsOf } from '$lib/backup/certifications';
import { buildBackup } from '$lib/backup/export';
import type { AttemptRecord, BackupComputed, BackupCounts, EnrolmentRecord } from '$lib/backup/format';
import { listProgrammes } from '$lib/catalogue/catalogue';
import { download } from '$lib/download';
import { backupReminder } from '$lib/state/backup-reminder.svelte';
import { markExported, readForExport, schemaVersion } from '$lib/storage/backup';
import { describeStorageError } from '$lib/storage/errors';

export type ExportChoice = { kind: 'device' } | { kind: 'learner'; profileId: string };

/** Share of the progress bar taken by reading the database; the rest is writing and checking the file. */
const READING = 0.4;

/** One export at a time: read, build, check, offer. */
export class ExportJob {
	running = $state(false);
	/** 0–1 */
	fraction = $state(0);
	step = $state('');
	done = $state<{ fileName: string; bytes: number; counts: BackupCounts; certifications: number | null } | null>(null);
	problem = $state<string | null>(null);

	async run(choice: ExportChoice): Promise<void> {
		if (this.running) return;
		this.running = true;
		this.done = null;
		this.problem = null;
		this.fraction = 0;
		this.step = 'Reading this device’s progress';
		// Results completed from here on may not be in the file: the reminder counts up to this moment.
		const startedAt = Date.now();
		try {
			const { data, scope } = await readForExport(choice, (fraction) => (this.fraction = READING * fraction));
			const computed = await this.#certifications(data.attempts, data.enrolments, startedAt);
			const built = await buildBackup(
				{ data, scope, appVersion: version, schemaVersion: schemaVersion(), createdAt: new Date(startedAt), computed },
				(fraction, what) => {
					this.fraction = READING + (1 - READING) * fraction;
					this.step = what;
				}
			);
			download(built.fileName, built.text, 'application/json');
			this.done = { fileName: built.fileName, bytes: built.bytes, counts: built.counts, certifications: computed?.certifications.length ?? null };
			await markExported(scope, startedAt);
			void backupReminder.refresh();
		} catch (error) {
			console.error(error);
			this.problem = error instanceof Error && error.name === 'BackupCheckError' ? error.message : `The backup could not be made: ${describeStorageError(error).replace(/^Your progress could not be saved: /, '')}`;
		} finally {
			this.running = false;
		}
	}

	/** Certifications as of now, for people reading the file; left out when the programmes cannot be read (offline before they were cached). */
	async #certifications(attempts: AttemptRecord[], enrolments: EnrolmentRecord[], now: number): Promise<BackupComputed | undefined> {
		if (enrolments.length === 0) return { certifications: [] };
		try {
			return { certifications: certificationsOf(attempts, enrolments, await listProgrammes(), now) };
		} catch (error) {
			console.warn('Certifications left out of the backup:', error);
			return undefined;
		}
	}
}
