/*
 * The backup file: one JSON document holding a whole device's progress, or
 * one learner's, with what it is (format name and version), what made it
 * (app version, Dexie schema version), when, how many records of each kind it
 * holds, and a SHA-256 checksum of everything else. Pure types and constants:
 * no Dexie, Svelte or DOM here.
 */
import type { Dispute } from '$lib/core/disputes';
import type { RunScore, RunState, Step } from '$lib/core/engine';
import type { ScenarioCard } from '$lib/core/record';

/** What the file says it is; anything else is not a Service Drill backup. */
export const BACKUP_FORMAT = 'service-drill-backup';
/** Bumped when the file's shape changes; a file with a higher number is refused (made by a newer app). */
export const BACKUP_FORMAT_VERSION = 1;
/**
 * Files larger than this are refused before they are read. A device with
 * 10,000 completed attempts exports about 25 MB (see the README), so this
 * leaves room for that and refuses what no device of ours writes.
 */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;
/** Learner names are at most 40 characters when typed (MAX_PROFILE_NAME in storage/progress.ts); a file may not bring longer ones. */
export const MAX_NAME = 40;
/** Deeper nesting than this is no backup of ours (the deepest record nests about 7 levels). */
export const MAX_DEPTH = 32;

/** The tables a backup carries, in the order they are written on import. */
export const BACKUP_TABLES = [
	'profiles',
	'attempts',
	'steps',
	'enrolments',
	'disputes',
	'authored',
	'authoredRevisions',
	'publishedVersions',
	'settings'
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** What each table is called in sentences (plural). */
/** "1 learner", "3 disputed scores": a count with the table's word for it. */
export function countOf(table: BackupTable, count: number): string {
	return `${count} ${count === 1 ? TABLE_LABEL_ONE[table] : TABLE_LABEL[table]}`;
}

const TABLE_LABEL_ONE: Record<BackupTable, string> = {
	profiles: 'learner',
	attempts: 'attempt',
	steps: 'decision',
	enrolments: 'enrolment',
	disputes: 'disputed score',
	authored: 'scenario written on the device',
	authoredRevisions: 'autosaved version',
	publishedVersions: 'published version',
	settings: 'setting'
};

export const TABLE_LABEL: Record<BackupTable, string> = {
	profiles: 'learners',
	attempts: 'attempts',
	steps: 'decisions',
	enrolments: 'enrolments',
	disputes: 'disputed scores',
	authored: 'scenarios written on the device',
	authoredRevisions: 'autosaved versions',
	publishedVersions: 'published versions',
	settings: 'settings'
};

/*
 * The records, as the database keeps them (src/lib/storage/db.ts), restated
 * here so the format is defined in one place and the storage layer is checked
 * against it by the type checker (see src/lib/storage/backup.ts).
 */
export interface ProfileRecord {
	id: string;
	name: string;
	createdAt: number;
	coachMode: boolean;
}

export interface AttemptRecord {
	id: string;
	profileId: string;
	scenarioId: string;
	scenarioHash: string;
	scenarioTitle: string;
	mode: 'coach' | 'exam';
	status: 'in-progress' | 'completed' | 'abandoned';
	startedAt: number;
	updatedAt: number;
	completedAt?: number;
	state: RunState;
	score?: RunScore;
}

export interface StepRow {
	attemptId: string;
	index: number;
	at: number;
	step: Step;
}

/**
 * A decision as the file holds it: `step` is left out when it is the same as
 * the attempt's `state.steps[index]`, which it always is for decisions the app
 * wrote (both are written in one transaction). That makes a file about a third
 * smaller; reading the file puts `step` back.
 */
export type FileStepRow = Omit<StepRow, 'step'> & { step?: Step };

export interface EnrolmentRecord {
	id: string;
	profileId: string;
	programmeId: string;
	enrolledAt: number;
}

export interface AuthoredRecord {
	id: string;
	source: string;
	revision: number;
	title: string;
	errors: number;
	warnings: number;
	createdAt: number;
	updatedAt: number;
	cursor?: { anchor: number; head: number };
	deletedAt?: number;
	publishedHash?: string;
	publishedCard?: ScenarioCard;
}

export interface AuthoredRevisionRecord {
	/** The device's own key; kept when free on import, given a new one otherwise (revisions are matched by scenario and revision). */
	seq?: number;
	scenarioId: string;
	revision: number;
	source: string;
	savedAt: number;
}

export interface PublishedVersionRecord {
	scenarioId: string;
	hash: string;
	source: string;
	publishedAt: number;
}

/** Only settings worth moving are exported (PORTABLE_SETTINGS); the rest belong to the device. */
export interface SettingRecord {
	key: string;
	value: unknown;
}

/**
 * Settings a backup carries. `currentProfileId` (whole-device files only): the
 * learner selected when the file was made, selected again on a device that has
 * none selected. Not carried: `persistAsked` and the backup times, which
 * describe this browser, not the learners.
 */
export const PORTABLE_SETTINGS = ['currentProfileId'] as const;

export interface BackupData {
	profiles: ProfileRecord[];
	attempts: AttemptRecord[];
	steps: StepRow[];
	enrolments: EnrolmentRecord[];
	disputes: Dispute[];
	authored: AuthoredRecord[];
	authoredRevisions: AuthoredRevisionRecord[];
	publishedVersions: PublishedVersionRecord[];
	settings: SettingRecord[];
}

export type BackupCounts = Record<BackupTable, number>;

/** A whole device, or one learner (with the published versions of device-made scenarios their attempts were played on). */
export type BackupScope = { kind: 'device' } | { kind: 'learner'; profileId: string; name: string };

/**
 * Certifications as the app worked them out when the file was made (from
 * attempts and enrolments, `programmeProgress`). For people reading the file:
 * an import ignores them, since they follow from the data.
 */
export interface ComputedCertification {
	profileId: string;
	programmeId: string;
	certifiedAt: number;
	/** Null for boot camps, which never expire. */
	expiresAt: number | null;
}

export interface BackupComputed {
	certifications: ComputedCertification[];
}

export interface BackupChecksum {
	algorithm: 'SHA-256';
	/** Lower-case hex of SHA-256 over the canonical JSON (`canonicalJson`) of the document without `checksum`. */
	value: string;
}

/** A backup as read (`readBackupText`): every decision has its step. */
export interface BackupFile {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	/** The app build that wrote it (SvelteKit's `version`). */
	appVersion: string;
	/** The Dexie schema version of the database it was read from. */
	schemaVersion: number;
	/** ISO 8601, UTC. */
	createdAt: string;
	scope: BackupScope;
	counts: BackupCounts;
	data: BackupData;
	/** Absent when the programmes could not be read when the file was made. */
	computed?: BackupComputed;
	checksum: BackupChecksum;
}

/** A backup as written in the file (and checksummed): decisions may leave out their step (FileStepRow). */
export type BackupFileText = Omit<BackupFile, 'data'> & { data: Omit<BackupData, 'steps'> & { steps: FileStepRow[] } };

export function emptyData(): BackupData {
	return {
		profiles: [],
		attempts: [],
		steps: [],
		enrolments: [],
		disputes: [],
		authored: [],
		authoredRevisions: [],
		publishedVersions: [],
		settings: []
	};
}

export function countsOf(data: BackupData): BackupCounts {
	return Object.fromEntries(BACKUP_TABLES.map((table) => [table, data[table].length])) as BackupCounts;
}

/** `service-drill-backup-2026-11-29.json`, or `service-drill-ada-lovelace-2026-11-29.json` for one learner. */
export function backupFileName(scope: BackupScope, createdAt: string): string {
	const day = createdAt.slice(0, 10);
	if (scope.kind === 'device') return `service-drill-backup-${day}.json`;
	const slug = scope.name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
	return `service-drill-${slug || 'learner'}-${day}.json`;
}
