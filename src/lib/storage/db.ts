import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Dispute } from '$lib/core/disputes';
import type { RunScore, RunState, Step } from '$lib/core/engine';
import type { ScenarioCard } from '$lib/core/record';

/** A learner on this device. Boot camps share machines, so progress is per profile. */
export interface Profile {
	id: string;
	name: string;
	createdAt: number;
	/** Coach mode shows each reply's feedback at once; exam mode holds it for the debrief. */
	coachMode: boolean;
}

export type AttemptStatus = 'in-progress' | 'completed' | 'abandoned';

/** One play of one scenario by one profile. `state` is the core's plain run state. */
export interface Attempt {
	id: string;
	profileId: string;
	scenarioId: string;
	/** Hash of the scenario file the attempt began on. */
	scenarioHash: string;
	scenarioTitle: string;
	mode: 'coach' | 'exam';
	status: AttemptStatus;
	startedAt: number;
	updatedAt: number;
	completedAt?: number;
	state: RunState;
	/** Set when completed. */
	score?: RunScore;
}

/** Each decision, appended once: a stale tab cannot overwrite a step another tab already wrote. */
export interface StepRecord {
	attemptId: string;
	index: number;
	at: number;
	step: Step;
}

/**
 * A scenario written on this device in the studio. Its id starts with `~`,
 * which no bundled file name can (see AUTHORED_PREFIX), so the two never collide.
 */
export interface AuthoredScenario {
	id: string;
	source: string;
	/** Bumped by every save. A save names the revision it started from, so a tab holding an older copy cannot overwrite a newer save. */
	revision: number;
	/** From the latest save's parse, for the studio's list. */
	title: string;
	errors: number;
	warnings: number;
	createdAt: number;
	updatedAt: number;
	/** Where the editor's selection was at the last save: reopening puts it back. */
	cursor?: { anchor: number; head: number };
	/** Deleted softly: listed under "Recently deleted" until restored or deleted for good. */
	deletedAt?: number;
	/** The version in the library: the hash of its source (kept in publishedVersions). Absent for drafts. */
	publishedHash?: string;
	/** The library card of the published version. */
	publishedCard?: ScenarioCard;
}

/** One autosaved version of an authored scenario (the last HISTORY_LIMIT are kept). */
export interface AuthoredRevision {
	seq?: number;
	scenarioId: string;
	revision: number;
	source: string;
	savedAt: number;
}

/** Every version ever published, by its source's hash, so a learner's old debrief replays against what they played. */
export interface PublishedVersion {
	scenarioId: string;
	hash: string;
	source: string;
	publishedAt: number;
}

/** A learner's place in a programme (boot camp or refresher). Certifications follow from attempts and this date. */
export interface Enrolment {
	id: string;
	profileId: string;
	/** The programme file's name, e.g. `new-hire-boot-camp`. */
	programmeId: string;
	enrolledAt: number;
}

export interface Setting {
	key: string;
	value: unknown;
}

/** A trainee's "I don't agree" with a typed reply's score (the core's `Dispute`, stored as it is). */
export type DisputeRecord = Dispute;

export class ServiceDrillDatabase extends Dexie {
	profiles!: EntityTable<Profile, 'id'>;
	attempts!: EntityTable<Attempt, 'id'>;
	steps!: Table<StepRecord, [string, number]>;
	settings!: Table<Setting, string>;
	authored!: EntityTable<AuthoredScenario, 'id'>;
	authoredRevisions!: EntityTable<AuthoredRevision, 'seq'>;
	publishedVersions!: Table<PublishedVersion, [string, string]>;
	disputes!: EntityTable<DisputeRecord, 'id'>;
	enrolments!: EntityTable<Enrolment, 'id'>;

	constructor(name = 'service-drill') {
		super(name);
		// Keep every version: each upgrade runs in order on old databases.
		this.version(1).stores({
			profiles: 'id, name, createdAt',
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt',
			steps: '[attemptId+index], attemptId, at',
			settings: 'key'
		});
		// Version 2: the authoring studio's scenarios, their autosaved and published versions, and disputed
		// typed-reply scores. New tables only, so existing data needs no upgrade.
		this.version(2).stores({
			authored: 'id, updatedAt, deletedAt',
			authoredRevisions: '++seq, scenarioId, [scenarioId+revision]',
			publishedVersions: '[scenarioId+hash], scenarioId',
			disputes: 'id, profileId, attemptId, [attemptId+stepIndex], createdAt'
		});
		// Version 3: programmes. Enrolments are new; attempts gain a [profileId+completedAt] index, so a learner's
		// completed attempts are read in time order without scanning the table (the dashboard with 10,000 attempts).
		this.version(3)
			.stores({
				attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt, [profileId+completedAt]',
				enrolments: 'id, profileId, programmeId, [profileId+programmeId]'
			})
			.upgrade(async (transaction) => {
				// Completed attempts from before completedAt was always written get it from their last write.
				await transaction
					.table<Attempt, string>('attempts')
					.toCollection()
					.modify((attempt) => {
						if (attempt.status === 'completed' && attempt.completedAt === undefined) attempt.completedAt = attempt.updatedAt;
					});
			});
	}
}

let instance: ServiceDrillDatabase | undefined;

/** The app's one database, opened on first use. */
export function database(): ServiceDrillDatabase {
	instance ??= new ServiceDrillDatabase();
	return instance;
}

/** Tests open their own databases. */
export function useDatabase(db: ServiceDrillDatabase): void {
	instance = db;
}
