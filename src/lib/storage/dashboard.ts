import Dexie from 'dexie';
import { database, type Attempt, type Enrolment, type Profile } from './db';
import type { AttemptSummary } from './summary';

/*
 * Reads for the progress dashboard and the trainer's view. A learner's
 * completed attempts come through the `[profileId+completedAt]` index, in time
 * order, and their unfinished ones through `[profileId+status]`: no read scans
 * the attempts table. Long histories are read in pages: one `getAll` of 10,000
 * attempts (each with its transcript) kept Chromium's main thread busy for
 * 300–470 ms at a time while it unpacked them (a visible stall); pages of
 * PAGE_SIZE keep each piece of that work short, so the page stays responsive.
 * Nothing here needs an attempt's run state (its transcript, most of its
 * size), so it is dropped as each page arrives: 10,000 transcripts are not
 * held in memory for nothing, and the garbage collector clears them young.
 */

/** An attempt without its run state. */
const withoutState = ({ state: _state, ...attempt }: Attempt): AttemptSummary => attempt;

/** Attempts per read. */
export const PAGE_SIZE = 250;

/**
 * A learner's completed attempts, oldest first (ties in time by id, the
 * index's own order). Each page starts at the last time read, so attempts
 * completed in the same millisecond across a page boundary are neither lost
 * nor read twice.
 */
export async function completedAttempts(profileId: string, pageSize = PAGE_SIZE): Promise<AttemptSummary[]> {
	const index = database().attempts.where('[profileId+completedAt]');
	const all: AttemptSummary[] = [];
	let from: number = -Infinity;
	// Ids already taken at time `from`: the next page starts at `from` again and skips them.
	let taken = new Set<string>();
	for (;;) {
		const page = await index
			.between([profileId, from], [profileId, Dexie.maxKey], true, true)
			.limit(pageSize + taken.size)
			.toArray();
		let added = 0;
		for (const attempt of page) {
			if (attempt.completedAt === from && taken.has(attempt.id)) continue;
			all.push(withoutState(attempt));
			added++;
		}
		if (page.length < pageSize + taken.size || added === 0) return all;
		const last = all[all.length - 1].completedAt!;
		const atLast = new Set<string>(last === from ? taken : []);
		for (let i = all.length - 1; i >= 0 && all[i].completedAt === last; i--) atLast.add(all[i].id);
		from = last;
		taken = atLast;
	}
}

/** A learner's attempts that never completed: in progress or abandoned (they count towards time spent and "last active"). */
export async function unfinishedAttempts(profileId: string): Promise<AttemptSummary[]> {
	const attempts = await database()
		.attempts.where('[profileId+status]')
		.anyOf([
			[profileId, 'in-progress'],
			[profileId, 'abandoned']
		])
		.toArray();
	return attempts.map(withoutState);
}

export interface LearnerAttempts {
	/** Oldest first. */
	completed: AttemptSummary[];
	unfinished: AttemptSummary[];
}

/** Everything the dashboard reads for one learner, through the two indexes. */
export async function learnerAttempts(profileId: string): Promise<LearnerAttempts> {
	const [completed, unfinished] = await Promise.all([completedAttempts(profileId), unfinishedAttempts(profileId)]);
	return { completed, unfinished };
}

/** One learner as the trainer's view reads them. */
export interface LearnerRecord extends LearnerAttempts {
	profile: Profile;
	enrolments: Enrolment[];
}

/** Every learner on this device with their enrolments and attempts, in the order they were added. */
export async function allLearners(): Promise<LearnerRecord[]> {
	const db = database();
	const [profiles, enrolments] = await Promise.all([db.profiles.toArray(), db.enrolments.toArray()]);
	profiles.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
	const byProfile = new Map<string, Enrolment[]>();
	for (const enrolment of enrolments) {
		const list = byProfile.get(enrolment.profileId) ?? [];
		list.push(enrolment);
		byProfile.set(enrolment.profileId, list);
	}
	const records: LearnerRecord[] = [];
	// One learner at a time: a trainer's device holds a boot camp's worth, and reads stay in small pieces.
	for (const profile of profiles) {
		records.push({ profile, enrolments: byProfile.get(profile.id) ?? [], ...(await learnerAttempts(profile.id)) });
	}
	return records;
}
