import { hashSource } from '$lib/core/hash';
import type { ScenarioInspection } from '$lib/core/inspect';
import type { Diagnostic } from '$lib/core/types';
import type { AuthoredRevision, AuthoredScenario } from '$lib/storage/db';
import {
	createAuthored,
	publishAuthored,
	saveAuthored,
	saveCursor,
	SaveConflictError,
	unpublishAuthored,
	type SourceSummary
} from '$lib/storage/authored';
import { getAuthored } from '$lib/storage/published';

export type Cursor = NonNullable<AuthoredScenario['cursor']>;
const stashKey = (id: string) => `service-drill:unsaved:${id}`;
const forgetStash = (id: string) => {
	try {
		localStorage.removeItem(stashKey(id));
	} catch {
		// storage blocked: nothing was stashed either
	}
};
/** saved: on disk; pending: changed, a save is scheduled; conflict: another tab saved first; failed: storage refused. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'conflict' | 'failed';

/** Every change is on disk within this long (and at once when the tab is hidden or closed). */
export const SAVE_WITHIN_MS = 1000;
const QUIET_MS = 400;

/**
 * One authored scenario open in the studio: its text as the manager types,
 * what the core says about it (from a worker), and autosave with revision
 * checks so a second tab can never silently overwrite a newer save.
 */
export class StudioSession {
	source = $state('');
	cursor = $state.raw<Cursor>({ anchor: 0, head: 0 });
	/** The last version this tab saved or loaded. */
	saved = $state.raw<AuthoredScenario>(undefined as unknown as AuthoredScenario);
	saveState = $state<SaveState>('saved');
	saveProblem = $state<string | undefined>(undefined);
	/** The newer version another tab saved, while this tab holds different text. */
	conflict = $state.raw<AuthoredScenario | null>(null);
	inspection = $state.raw<ScenarioInspection | null>(null);
	inspectionProblem = $state<string | undefined>(undefined);
	/** Bumped when the text is replaced from outside the editor (a restored version, another tab's text). */
	replaced = $state(0);

	/** The text the inspection describes: the editor places its diagnostics where that text now is. */
	inspectedSource = $state<string | null>(null);
	/** Diagnostics that came ahead of their inspection (the worker sends them before the slower path analysis). */
	early = $state.raw<{ source: string; diagnostics: Diagnostic[] } | null>(null);
	/** The newest diagnostics, and the text they describe: for the editor and the list of problems. */
	diagnostics = $derived(this.early?.diagnostics ?? this.inspection?.diagnostics ?? []);
	diagnosticsSource = $derived(this.early?.source ?? this.inspectedSource);
	/** The inspection describes the text on screen (not an older one still being replaced). */
	current = $derived(this.inspection !== null && this.inspectedSource === this.source);
	/** The saved text's hash: computed once per save, not on every keystroke. */
	#savedHash = $derived(hashSource(this.saved.source));
	status = $derived.by(() => {
		const published = this.saved.publishedHash;
		if (!published) return 'draft' as const;
		return this.source === this.saved.source && published === this.#savedHash ? ('published' as const) : ('changed-since-publishing' as const);
	});

	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#firstPendingAt = 0;
	#cursorTimer: ReturnType<typeof setTimeout> | undefined;
	#saving: Promise<void> | undefined;

	constructor(
		scenario: AuthoredScenario,
		private readonly inspect: (source: string) => Promise<ScenarioInspection>,
		private readonly onStorageError: (error: unknown) => void
	) {
		this.saved = scenario;
		this.source = scenario.source;
		this.cursor = scenario.cursor ?? { anchor: 0, head: 0 };
		this.recoverStash();
		void this.refreshInspection();
	}

	/**
	 * The page is going away with changes not yet in IndexedDB: an IndexedDB
	 * write may not finish before the page is gone, but localStorage is written
	 * at once. The next visit finds the text there (see recoverStash).
	 */
	stash(): void {
		if (this.saveState !== 'pending' && this.saveState !== 'saving' && this.saveState !== 'failed') return;
		try {
			localStorage.setItem(stashKey(this.id), JSON.stringify({ baseRevision: this.saved.revision, source: this.source, cursor: this.cursor }));
		} catch {
			// Too large for localStorage, or storage blocked: the IndexedDB save already under way is all there is.
		}
	}

	private recoverStash() {
		let stash: { baseRevision: number; source: string; cursor?: Cursor } | undefined;
		try {
			stash = JSON.parse(localStorage.getItem(stashKey(this.id)) ?? 'null') ?? undefined;
		} catch {
			stash = undefined;
		}
		if (!stash || typeof stash.source !== 'string' || typeof stash.baseRevision !== 'number') return;
		if (stash.source === this.saved.source) {
			// The last save did land.
			forgetStash(this.id);
			return;
		}
		this.source = stash.source;
		if (stash.cursor) this.cursor = stash.cursor;
		if (stash.baseRevision === this.saved.revision) this.schedule();
		else {
			// Saved from elsewhere since: never overwrite it silently.
			this.conflict = this.saved;
			this.saveState = 'conflict';
		}
	}

	get id(): string {
		return this.saved.id;
	}

	/** A text's diagnostics, ahead of its inspection. */
	showEarly(source: string, diagnostics: Diagnostic[]): void {
		this.early = { source, diagnostics };
	}

	/** The manager typed: remember, re-inspect, and save within a second. */
	edit(source: string, cursor: Cursor): void {
		this.cursor = cursor;
		if (source === this.source) return;
		this.source = source;
		if (this.saveState === 'conflict') return; // nothing is written until the manager chooses
		this.schedule();
		void this.refreshInspection();
	}

	/** The selection moved without a change: remember it (no new version). */
	moveCursor(cursor: Cursor): void {
		this.cursor = cursor;
		clearTimeout(this.#cursorTimer);
		this.#cursorTimer = setTimeout(() => void saveCursor(this.id, cursor).catch(() => undefined), QUIET_MS);
	}

	/** Saves now if anything is waiting (the tab is being hidden or closed, or the manager is leaving). */
	async flush(): Promise<void> {
		clearTimeout(this.#saveTimer);
		if (this.saveState === 'pending' || this.saveState === 'failed') await this.save();
		else await this.#saving;
	}

	/** Back on this tab: if another tab saved meanwhile, say so before the manager types over it. */
	async checkForNewer(): Promise<void> {
		if (this.saveState === 'conflict') return;
		const stored = await getAuthored(this.id).catch(() => undefined);
		if (stored && stored.revision > this.saved.revision) this.takeNewer(stored);
	}

	private takeNewer(stored: AuthoredScenario) {
		if (stored.source === this.source) {
			this.saved = stored;
			this.saveState = 'saved';
			return;
		}
		if (this.saveState === 'saved') {
			// Nothing of ours is unsaved: show theirs.
			this.replaceText(stored);
			return;
		}
		clearTimeout(this.#saveTimer);
		this.conflict = stored;
		this.saveState = 'conflict';
	}

	/** Conflict: drop this tab's text and continue from the newer version. */
	takeTheirs(): void {
		if (this.conflict) this.replaceText(this.conflict);
	}

	/** Conflict: keep this tab's text as a new scenario; returns its id. The other version stays as it is. */
	async keepMineAsCopy(): Promise<string> {
		const copy = await createAuthored(this.source, { ...this.summary(), title: `${this.summary().title} (my copy)` });
		this.conflict = null;
		return copy.id;
	}

	/** Puts an earlier version's text back, as a new version (nothing is lost: the current text stays in the history). */
	async restore(revision: AuthoredRevision): Promise<void> {
		this.source = revision.source;
		this.replaced++;
		this.saveState = 'pending';
		void this.refreshInspection();
		await this.flush();
	}

	/** Publishes the saved text to the device's library. Only a text without errors can be published. */
	async publish(): Promise<void> {
		await this.flush();
		if (this.saveState !== 'saved') throw new Error('Save the scenario before publishing it.');
		const { compileInBrowser } = await import('./compile');
		const record = compileInBrowser(this.id, this.saved.source);
		if (!record.scenario) throw new Error('Fix the errors before publishing: trainees can only play a scenario without errors.');
		this.saved = await publishAuthored(this.id, record);
	}

	async unpublish(): Promise<void> {
		await unpublishAuthored(this.id);
		const stored = await getAuthored(this.id);
		if (stored) this.saved = { ...this.saved, publishedHash: stored.publishedHash, publishedCard: stored.publishedCard };
	}

	private replaceText(stored: AuthoredScenario) {
		clearTimeout(this.#saveTimer);
		this.saved = stored;
		this.source = stored.source;
		this.conflict = null;
		this.saveState = 'saved';
		this.replaced++;
		void this.refreshInspection();
	}

	private schedule() {
		if (this.saveState !== 'pending') this.#firstPendingAt = Date.now();
		this.saveState = 'pending';
		clearTimeout(this.#saveTimer);
		// Quiet typing saves after a short pause; continuous typing still saves within SAVE_WITHIN_MS.
		const wait = Math.min(QUIET_MS, Math.max(0, this.#firstPendingAt + SAVE_WITHIN_MS - Date.now()));
		this.#saveTimer = setTimeout(() => void this.save(), wait);
	}

	private save(): Promise<void> {
		this.#saving = (async () => {
			await this.#saving;
			if (this.saveState !== 'pending' && this.saveState !== 'failed') return;
			const source = this.source;
			this.saveState = 'saving';
			try {
				this.saved = await saveAuthored(this.id, source, this.saved.revision, this.summary(), this.cursor);
				this.saveProblem = undefined;
				forgetStash(this.id);
				// Typed on while saving: another save is due.
				if (this.source !== source) this.schedule();
				else this.saveState = 'saved';
			} catch (error) {
				if (error instanceof SaveConflictError) {
					this.takeNewer(error.current);
					return;
				}
				this.saveState = 'failed';
				this.saveProblem = 'Your latest changes are not saved yet: the browser refused to store them. They are still on screen; they will be saved on your next change, or copy them somewhere safe.';
				this.onStorageError(error);
			}
		})();
		return this.#saving;
	}

	/** Title and problem counts for the studio's list: from the inspection when it describes this text. */
	private summary(): SourceSummary {
		const title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(this.source)?.[1] ?? 'Untitled scenario';
		if (!this.current || !this.inspection) return { title, errors: this.saved.errors, warnings: this.saved.warnings };
		const errors = this.inspection.diagnostics.filter((d) => d.severity === 'error').length;
		return { title: this.inspection.draft.meta?.title ?? title, errors, warnings: this.inspection.diagnostics.length - errors };
	}

	private async refreshInspection() {
		const source = this.source;
		try {
			const inspection: ScenarioInspection & { source?: string } = await this.inspect(source);
			// Results come in order, each for the text it names (a newer one when this request was superseded):
			// show each as it comes, so the problems follow the typing instead of waiting for a pause.
			const inspected = inspection.source ?? source;
			if (inspected !== this.source && this.inspectedSource === this.source) return;
			this.inspection = inspection;
			this.inspectedSource = inspected;
			// Early diagnostics for this text or an older one are now in the inspection.
			if (this.early && this.early.source === inspected) this.early = null;
			this.inspectionProblem = undefined;
		} catch (error) {
			if (source !== this.source) return;
			console.error(error);
			this.inspectionProblem = `The file could not be checked: ${(error as Error).message}`;
		}
	}
}
