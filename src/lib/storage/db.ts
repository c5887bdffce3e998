import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Dispute } from '$lib/core/disputes';
import type { RunScore, RunState, Step } from '$lib/core/engine';

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
	disputes!: EntityTable<DisputeRecord, 'id'>;

	constructor(name = 'service-drill') {
		super(name);
		// Keep every version: each upgrade runs in order on old databases.
		this.version(1).stores({
			profiles: 'id, name, createdAt',
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt',
			steps: '[attemptId+index], attemptId, at',
			settings: 'key'
		});
		// Disputed typed-reply scores; a new table, so nothing to upgrade.
		this.version(2).stores({
			disputes: 'id, profileId, attemptId, [attemptId+stepIndex], createdAt'
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
