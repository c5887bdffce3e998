import { scoreRun, type RunState } from '$lib/core/engine';
import type { Scenario } from '$lib/core/types';
import { database, type Attempt, type Profile } from './db';
import { StaleAttemptError } from './errors';

/** Random id; `crypto.randomUUID` is missing on plain-http LAN addresses, so build one from random bytes. */
export function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const MAX_PROFILE_NAME = 40;

export class ProfileNameError extends Error {
	override name = 'ProfileNameError';
}

/** Learners in the order they were added (by name when added in the same millisecond). */
export async function listProfiles(): Promise<Profile[]> {
	const profiles = await database().profiles.toArray();
	return profiles.sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
}

/** Creates a learner profile; names are trimmed and must be unique on this device (ignoring case). */
export async function createProfile(rawName: string): Promise<Profile> {
	const name = rawName.replace(/\s+/g, ' ').trim();
	if (name === '') throw new ProfileNameError('Type a name for the new learner.');
	if (name.length > MAX_PROFILE_NAME) throw new ProfileNameError(`Keep the name under ${MAX_PROFILE_NAME} characters.`);
	const db = database();
	return db.transaction('rw', db.profiles, db.settings, async () => {
		const existing = await db.profiles.toArray();
		if (existing.some((profile) => profile.name.toLowerCase() === name.toLowerCase())) {
			throw new ProfileNameError(`There is already a learner called ${name} on this device.`);
		}
		const profile: Profile = { id: newId(), name, createdAt: Date.now(), coachMode: true };
		await db.profiles.add(profile);
		await db.settings.put({ key: 'currentProfileId', value: profile.id });
		return profile;
	});
}

export async function setCoachMode(profileId: string, coachMode: boolean): Promise<void> {
	await database().profiles.update(profileId, { coachMode });
}

export async function currentProfileId(): Promise<string | undefined> {
	const setting = await database().settings.get('currentProfileId');
	return typeof setting?.value === 'string' ? setting.value : undefined;
}

export async function selectProfile(profileId: string): Promise<void> {
	await database().settings.put({ key: 'currentProfileId', value: profileId });
}

/** The profile's unfinished attempt at a scenario, if any. */
export async function openAttempt(profileId: string, scenarioId: string): Promise<Attempt | undefined> {
	const latest = await latestAttempt(profileId, scenarioId);
	return latest?.status === 'in-progress' ? latest : undefined;
}

/** The profile's latest attempt at a scenario that was not abandoned: one to resume, or one to debrief. */
export async function latestAttempt(profileId: string, scenarioId: string): Promise<Attempt | undefined> {
	const attempts = await database().attempts.where({ profileId, scenarioId }).toArray();
	return attempts.filter((attempt) => attempt.status !== 'abandoned').sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

export async function getAttempt(id: string): Promise<Attempt | undefined> {
	return database().attempts.get(id);
}

/** Starts an attempt; any unfinished attempt at the same scenario is marked abandoned. */
export async function startAttempt(input: {
	profileId: string;
	scenarioId: string;
	scenarioTitle: string;
	mode: Attempt['mode'];
	state: RunState;
}): Promise<Attempt> {
	const db = database();
	const now = Date.now();
	const attempt: Attempt = {
		id: newId(),
		profileId: input.profileId,
		scenarioId: input.scenarioId,
		scenarioHash: input.state.scenarioHash,
		scenarioTitle: input.scenarioTitle,
		mode: input.mode,
		status: 'in-progress',
		startedAt: now,
		updatedAt: now,
		state: input.state
	};
	await db.transaction('rw', db.attempts, async () => {
		const open = await db.attempts.where({ profileId: input.profileId, scenarioId: input.scenarioId }).toArray();
		for (const old of open) {
			if (old.status === 'in-progress') await db.attempts.update(old.id, { status: 'abandoned', updatedAt: now });
		}
		await db.attempts.add(attempt);
	});
	return attempt;
}

/**
 * Write-ahead: commits a decision before the UI shows its result. The step is
 * appended under its index, so if another tab already took this step the
 * write fails with StaleAttemptError instead of overwriting.
 */
export async function recordStep(attemptId: string, scenario: Scenario, next: RunState): Promise<Attempt> {
	const db = database();
	const index = next.steps.length - 1;
	return db.transaction('rw', db.attempts, db.steps, async () => {
		const attempt = await db.attempts.get(attemptId);
		if (!attempt || attempt.status !== 'in-progress' || attempt.state.steps.length !== index) {
			throw new StaleAttemptError('The attempt changed in another tab.');
		}
		const now = Date.now();
		await db.steps.add({ attemptId, index, at: now, step: next.steps[index] });
		const updated: Attempt = {
			...attempt,
			state: next,
			updatedAt: now,
			status: next.ended ? 'completed' : 'in-progress',
			completedAt: next.ended ? now : undefined,
			score: next.ended ? scoreRun(scenario, next) : undefined
		};
		await db.attempts.put(updated);
		return updated;
	});
}

export async function abandonAttempt(attemptId: string): Promise<void> {
	await database().attempts.update(attemptId, { status: 'abandoned', updatedAt: Date.now() });
}

/** All of a profile's attempts, newest first. */
export async function attemptsOf(profileId: string): Promise<Attempt[]> {
	const attempts = await database().attempts.where('profileId').equals(profileId).toArray();
	return attempts.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** True the first time it is called after a completed scenario: the moment to ask for persistent storage. */
export async function shouldAskToPersist(): Promise<boolean> {
	const db = database();
	return db.transaction('rw', db.settings, async () => {
		const asked = await db.settings.get('persistAsked');
		if (asked?.value) return false;
		await db.settings.put({ key: 'persistAsked', value: Date.now() });
		return true;
	});
}
