/*
 * What importing a backup would change, worked out from the file and the
 * device's matching records, before anything is written. Pure: the preview
 * shows this plan and the import writes exactly it (computed again inside the
 * import's transaction, and refused if it no longer matches the preview).
 *
 * Records are merged by id, never doubled, so importing a file twice changes
 * nothing the second time:
 * - learners: the same id is the same learner (this device's name and coach
 *   mode are kept). A learner with the same name but another id is not merged
 *   silently: the person chooses to merge into this device's learner, keep
 *   both (the file's gets a suffix, "Ada (2)"), or skip that learner.
 * - attempts: an attempt and its decisions are one unit: the version with the
 *   later `updatedAt` wins, with its own decisions.
 * - enrolments: by id; a learner already enrolled in the programme stays as enrolled here.
 * - disputed scores: by id (one per reply and dimension); the later one wins.
 * - scenarios written on a device: the higher revision wins; autosaved versions
 *   by scenario and revision; published versions by scenario and hash.
 * - the selected learner: only set when this device has none.
 */
import type { Dispute } from '$lib/core/disputes';
import { canonicalJson } from './canonical';
import {
	BACKUP_TABLES,
	MAX_NAME,
	type AttemptRecord,
	type AuthoredRecord,
	type AuthoredRevisionRecord,
	type BackupData,
	type BackupTable,
	type EnrolmentRecord,
	type ProfileRecord,
	type PublishedVersionRecord,
	type SettingRecord,
	type StepRow
} from './format';

export type LearnerChoice = 'merge' | 'keep-both' | 'skip';

/** A learner in the file whose name a different learner on this device already has. */
export interface NameConflict {
	file: ProfileRecord;
	local: ProfileRecord;
	/** The name the file's learner gets if both are kept. */
	keepBothName: string;
}

/** The device's records the plan needs: those sharing a key with the file's (see `localKeysOf`), and all learners. */
export interface LocalRecords {
	profiles: ProfileRecord[];
	attempts: AttemptRecord[];
	/** The decisions of the attempts in `attempts`. */
	steps: StepRow[];
	/** Enrolments with the file's ids, and every enrolment of the learners involved. */
	enrolments: EnrolmentRecord[];
	disputes: Dispute[];
	authored: AuthoredRecord[];
	/** Versions of the file's scenarios, and any row holding one of the file's `seq` numbers. */
	authoredRevisions: AuthoredRevisionRecord[];
	publishedVersions: PublishedVersionRecord[];
	/** This device's selected learner, if any. */
	currentProfileId: string | undefined;
}

/** What happens to the file's records of one kind. */
export interface TableSummary {
	inFile: number;
	/** New on this device. */
	added: number;
	/** This device had an older version. */
	updated: number;
	/** This device already has exactly this. */
	unchanged: number;
	/** This device has a newer or different version, which stays. */
	kept: number;
	/** Left out with a skipped learner. */
	skipped: number;
}

export interface ImportPlan {
	/** Every same-name learner, decided or not. */
	conflicts: NameConflict[];
	/** File learner ids still waiting for a choice: the import cannot run until this is empty. */
	undecided: string[];
	summary: Record<BackupTable, TableSummary>;
	/** Records to write, per table, already pointing at this device's learners. */
	put: BackupData;
	/** Decisions to remove: those of attempts replaced by a later version that has fewer. */
	deleteSteps: [string, number][];
	/** Learners this import creates (added or kept both): all their results are in the file. */
	newLearners: string[];
}

/** The keys a plan reads on this device: the storage layer fetches exactly these. */
export function localKeysOf(data: BackupData) {
	return {
		attemptIds: data.attempts.map((attempt) => attempt.id),
		enrolmentIds: data.enrolments.map((enrolment) => enrolment.id),
		disputeIds: data.disputes.map((dispute) => dispute.id),
		authoredIds: data.authored.map((scenario) => scenario.id),
		revisionSeqs: data.authoredRevisions.flatMap((revision) => (revision.seq === undefined ? [] : [revision.seq])),
		publishedKeys: data.publishedVersions.map((version) => [version.scenarioId, version.hash] as [string, string])
	};
}

/** Names are unique on a device ignoring case and spacing (as createProfile checks). */
export const nameKey = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

function emptySummary(): Record<BackupTable, TableSummary> {
	return Object.fromEntries(
		BACKUP_TABLES.map((table) => [table, { inFile: 0, added: 0, updated: 0, unchanged: 0, kept: 0, skipped: 0 }])
	) as Record<BackupTable, TableSummary>;
}

/** "Ada (2)", or the first free number, within the name length limit. */
function keepBothName(name: string, taken: Set<string>): string {
	for (let n = 2; ; n++) {
		const suffix = ` (${n})`;
		const candidate = name.slice(0, MAX_NAME - suffix.length).trimEnd() + suffix;
		if (!taken.has(nameKey(candidate))) return candidate;
	}
}

/** The same-name learners of a file, with the name each would get if both are kept. */
export function nameConflicts(data: BackupData, localProfiles: readonly ProfileRecord[]): NameConflict[] {
	const localIds = new Set(localProfiles.map((profile) => profile.id));
	const localByName = new Map(localProfiles.map((profile) => [nameKey(profile.name), profile]));
	const taken = new Set([...localProfiles, ...data.profiles].map((profile) => nameKey(profile.name)));
	const conflicts: NameConflict[] = [];
	for (const profile of data.profiles) {
		if (localIds.has(profile.id)) continue;
		const local = localByName.get(nameKey(profile.name));
		if (!local) continue;
		const renamed = keepBothName(profile.name, taken);
		taken.add(nameKey(renamed));
		conflicts.push({ file: profile, local, keepBothName: renamed });
	}
	return conflicts;
}

/**
 * The plan for importing `data` into a device holding `local`, with the
 * person's `choices` for same-name learners (by the file's learner id).
 */
export function planImport(data: BackupData, local: LocalRecords, choices: Readonly<Record<string, LearnerChoice>>): ImportPlan {
	const summary = emptySummary();
	for (const table of BACKUP_TABLES) summary[table].inFile = data[table].length;
	const put: BackupData = { profiles: [], attempts: [], steps: [], enrolments: [], disputes: [], authored: [], authoredRevisions: [], publishedVersions: [], settings: [] };
	const deleteSteps: [string, number][] = [];
	const newLearners: string[] = [];

	// Learners: where each of the file's learners goes on this device (absent: skipped or undecided).
	const localProfiles = new Map(local.profiles.map((profile) => [profile.id, profile]));
	const conflicts = nameConflicts(data, local.profiles);
	const conflictOf = new Map(conflicts.map((conflict) => [conflict.file.id, conflict]));
	const learnerOf = new Map<string, string>();
	const undecided: string[] = [];
	for (const profile of data.profiles) {
		const existing = localProfiles.get(profile.id);
		const conflict = conflictOf.get(profile.id);
		if (existing) {
			learnerOf.set(profile.id, profile.id);
			summary.profiles[same(existing, profile) ? 'unchanged' : 'kept']++;
		} else if (conflict) {
			const choice = choices[profile.id];
			if (choice === 'merge') {
				learnerOf.set(profile.id, conflict.local.id);
				summary.profiles.kept++;
			} else if (choice === 'keep-both') {
				learnerOf.set(profile.id, profile.id);
				put.profiles.push({ ...profile, name: conflict.keepBothName });
				newLearners.push(profile.id);
				summary.profiles.added++;
			} else {
				if (choice !== 'skip') undecided.push(profile.id);
				summary.profiles.skipped++;
			}
		} else {
			learnerOf.set(profile.id, profile.id);
			put.profiles.push(profile);
			newLearners.push(profile.id);
			summary.profiles.added++;
		}
	}

	// Attempts, each with its decisions.
	const localAttempts = new Map(local.attempts.map((attempt) => [attempt.id, attempt]));
	const localSteps = byAttempt(local.steps);
	const fileSteps = byAttempt(data.steps);
	for (const attempt of data.attempts) {
		const learner = learnerOf.get(attempt.profileId);
		const rows = fileSteps.get(attempt.id) ?? [];
		if (learner === undefined) {
			summary.attempts.skipped++;
			summary.steps.skipped += rows.length;
			continue;
		}
		const mine = { ...attempt, profileId: learner };
		const existing = localAttempts.get(attempt.id);
		if (!existing) {
			put.attempts.push(mine);
			put.steps.push(...rows);
			summary.attempts.added++;
			summary.steps.added += rows.length;
		} else if (same(existing, mine)) {
			summary.attempts.unchanged++;
			summary.steps.unchanged += rows.length;
		} else if (attempt.updatedAt > existing.updatedAt && existing.profileId === learner) {
			put.attempts.push(mine);
			summary.attempts.updated++;
			const before = new Map((localSteps.get(attempt.id) ?? []).map((row) => [row.index, row]));
			for (const row of rows) {
				const old = before.get(row.index);
				before.delete(row.index);
				if (old && same(old, row)) {
					summary.steps.unchanged++;
					continue;
				}
				put.steps.push(row);
				summary.steps[old ? 'updated' : 'added']++;
			}
			for (const index of before.keys()) deleteSteps.push([attempt.id, index]);
		} else {
			summary.attempts.kept++;
			summary.steps.kept += rows.length;
		}
	}

	// Enrolments: by id, and one per learner and programme.
	const localEnrolments = new Map(local.enrolments.map((enrolment) => [enrolment.id, enrolment]));
	const enrolled = new Set(local.enrolments.map((enrolment) => `${enrolment.profileId}\u0000${enrolment.programmeId}`));
	for (const enrolment of data.enrolments) {
		const learner = learnerOf.get(enrolment.profileId);
		if (learner === undefined) {
			summary.enrolments.skipped++;
			continue;
		}
		const mine = { ...enrolment, profileId: learner };
		const existing = localEnrolments.get(enrolment.id);
		const key = `${learner}\u0000${enrolment.programmeId}`;
		if (existing) summary.enrolments[same(existing, mine) ? 'unchanged' : 'kept']++;
		else if (enrolled.has(key)) summary.enrolments.kept++;
		else {
			enrolled.add(key);
			put.enrolments.push(mine);
			summary.enrolments.added++;
		}
	}

	// Disputed scores: the later one wins.
	const localDisputes = new Map(local.disputes.map((dispute) => [dispute.id, dispute]));
	for (const dispute of data.disputes) {
		const learner = learnerOf.get(dispute.profileId);
		if (learner === undefined) {
			summary.disputes.skipped++;
			continue;
		}
		const mine = { ...dispute, profileId: learner };
		const existing = localDisputes.get(dispute.id);
		if (!existing) {
			put.disputes.push(mine);
			summary.disputes.added++;
		} else if (same(existing, mine)) summary.disputes.unchanged++;
		else if (dispute.createdAt > existing.createdAt) {
			put.disputes.push(mine);
			summary.disputes.updated++;
		} else summary.disputes.kept++;
	}

	// Scenarios written on a device: the higher revision wins.
	const localAuthored = new Map(local.authored.map((scenario) => [scenario.id, scenario]));
	for (const scenario of data.authored) {
		const existing = localAuthored.get(scenario.id);
		if (!existing) {
			put.authored.push(scenario);
			summary.authored.added++;
		} else if (same(existing, scenario)) summary.authored.unchanged++;
		else if (scenario.revision > existing.revision) {
			put.authored.push(scenario);
			summary.authored.updated++;
		} else summary.authored.kept++;
	}

	// Autosaved versions by scenario and revision; the device's own numbering is kept when it is free.
	const revisionKey = (revision: AuthoredRevisionRecord) => `${revision.scenarioId}\u0000${revision.revision}`;
	const localRevisions = new Map(local.authoredRevisions.map((revision) => [revisionKey(revision), revision]));
	const seqsTaken = new Set(local.authoredRevisions.map((revision) => revision.seq));
	for (const revision of data.authoredRevisions) {
		const existing = localRevisions.get(revisionKey(revision));
		if (existing) {
			const { seq: _a, ...mine } = existing;
			const { seq: _b, ...theirs } = revision;
			summary.authoredRevisions[same(mine, theirs) ? 'unchanged' : 'kept']++;
			continue;
		}
		if (revision.seq !== undefined && !seqsTaken.has(revision.seq)) {
			seqsTaken.add(revision.seq);
			put.authoredRevisions.push(revision);
		} else {
			const { seq: _seq, ...renumbered } = revision;
			put.authoredRevisions.push(renumbered);
		}
		summary.authoredRevisions.added++;
	}
	// Numbered ones first: a number the database picks is always above those already used, so it can never take one of them.
	put.authoredRevisions.sort((a, b) => Number(a.seq === undefined) - Number(b.seq === undefined));

	// Published versions by scenario and hash (the hash is the text's, checked when the file was read).
	const localPublished = new Map(local.publishedVersions.map((version) => [`${version.scenarioId}\u0000${version.hash}`, version]));
	for (const version of data.publishedVersions) {
		const existing = localPublished.get(`${version.scenarioId}\u0000${version.hash}`);
		if (!existing) {
			put.publishedVersions.push(version);
			summary.publishedVersions.added++;
		} else summary.publishedVersions[same(existing, version) ? 'unchanged' : 'kept']++;
	}

	// The selected learner: only on a device with none (or one that no longer exists).
	const hasCurrent = local.currentProfileId !== undefined && localProfiles.has(local.currentProfileId);
	for (const setting of data.settings) {
		const learner = setting.key === 'currentProfileId' ? learnerOf.get(setting.value as string) : undefined;
		if (learner === undefined) summary.settings.skipped++;
		else if (hasCurrent) summary.settings[local.currentProfileId === learner ? 'unchanged' : 'kept']++;
		else {
			put.settings.push({ key: 'currentProfileId', value: learner } satisfies SettingRecord);
			summary.settings.added++;
		}
	}

	return { conflicts, undecided, summary, put, deleteSteps, newLearners };
}

function byAttempt(rows: readonly StepRow[]): Map<string, StepRow[]> {
	const map = new Map<string, StepRow[]>();
	for (const row of rows) {
		const list = map.get(row.attemptId);
		if (list) list.push(row);
		else map.set(row.attemptId, [row]);
	}
	return map;
}

/** True when the import would write nothing. */
export function changesNothing(plan: ImportPlan): boolean {
	return plan.deleteSteps.length === 0 && BACKUP_TABLES.every((table) => plan.put[table].length === 0);
}

/** A plan's outcome in one string: the import refuses to run when it differs from the preview's (the device changed in between). */
export function planFingerprint(plan: ImportPlan): string {
	return canonicalJson({ summary: plan.summary, undecided: plan.undecided, newLearners: plan.newLearners, deleteSteps: plan.deleteSteps });
}
