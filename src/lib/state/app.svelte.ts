import { invalidate } from '$app/navigation';
import { database } from '$lib/storage/db';
import type { Profile } from '$lib/storage/db';
import { describeStorageError } from '$lib/storage/errors';
import { createProfile, currentProfileId, listProfiles, selectProfile, setCoachMode } from '$lib/storage/progress';

/** Page loads that read the current learner's data `depends()` on this, so they run again when the learner changes. */
export const PROFILE_DEPENDENCY = 'app:profile';

/** App-wide state: who is learning on this device, and anything the user must hear about storage. */
class AppState {
	profiles = $state.raw<Profile[]>([]);
	profileId = $state<string | undefined>(undefined);
	ready = $state(false);
	/** A storage failure the user must see; never swallowed. */
	storageProblem = $state<string | undefined>(undefined);
	/** Another tab upgraded the database; this tab must reload. */
	needsReload = $state(false);

	profile = $derived(this.profiles.find((profile) => profile.id === this.profileId));

	#opening: Promise<void> | undefined;

	/** Reads who is learning on this device; every page's load waits for it. Runs once. */
	init(): Promise<void> {
		this.#opening ??= this.#open();
		return this.#opening;
	}

	async #open(): Promise<void> {
		try {
			const db = database();
			db.on('versionchange', () => {
				db.close();
				this.needsReload = true;
				return false;
			});
			this.profiles = await listProfiles();
			const saved = await currentProfileId();
			this.profileId = this.profiles.some((profile) => profile.id === saved) ? saved : this.profiles[0]?.id;
		} catch (error) {
			this.report(error);
		} finally {
			this.ready = true;
		}
	}

	report(error: unknown): void {
		console.error(error);
		this.storageProblem = describeStorageError(error);
	}

	/** Storage work a page can do without: a failure is shown in the banner, and the page goes on with `fallback`. */
	async recover<T>(work: () => Promise<T>, fallback: T): Promise<T> {
		try {
			return await work();
		} catch (error) {
			this.report(error);
			return fallback;
		}
	}

	async addProfile(name: string): Promise<Profile> {
		const profile = await createProfile(name);
		this.profiles = [...this.profiles, profile];
		this.profileId = profile.id;
		await invalidate(PROFILE_DEPENDENCY);
		return profile;
	}

	async switchTo(profileId: string): Promise<void> {
		try {
			await selectProfile(profileId);
			this.profileId = profileId;
			await invalidate(PROFILE_DEPENDENCY);
		} catch (error) {
			this.report(error);
		}
	}

	async setCoachMode(on: boolean): Promise<void> {
		const profile = this.profile;
		if (!profile) return;
		try {
			await setCoachMode(profile.id, on);
			this.profiles = this.profiles.map((p) => (p.id === profile.id ? { ...p, coachMode: on } : p));
		} catch (error) {
			this.report(error);
		}
	}
}

export const app = new AppState();
