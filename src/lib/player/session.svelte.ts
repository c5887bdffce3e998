import { availableChoices, choose, newRunSeed, readRunState, scoreRun, startRun, type RunState } from '$lib/core/engine';
import { loadBundledScenario, type LoadedScenario } from '$lib/scenarios/bundled';
import type { Attempt } from '$lib/storage/db';
import { abandonAttempt, latestAttempt, recordStep, shouldAskToPersist, startAttempt } from '$lib/storage/progress';

const randomFraction = () => crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296;

export type PlayerPhase = 'loading' | 'unavailable' | 'missing' | 'broken' | 'briefing' | 'changed' | 'playing' | 'ended';

/**
 * One scenario being played by one profile. Every decision is written to
 * IndexedDB before the screen moves on, so a reload resumes exactly here.
 */
export class PlayerSession {
	phase = $state<PlayerPhase>('loading');
	loaded = $state.raw<LoadedScenario | null>(null);
	attempt = $state.raw<Attempt | null>(null);
	run = $state.raw<RunState | null>(null);
	/** A write is in flight; choices are disabled until it lands. */
	busy = $state(false);
	/** What went wrong with the last action, shown next to the choices. */
	problem = $state<string | undefined>(undefined);
	/** Set once, after the first completed scenario, with what the browser said about keeping data. */
	persistNote = $state<string | undefined>(undefined);

	scenario = $derived(this.loaded?.scenario ?? null);
	coach = $derived(this.attempt?.mode !== 'exam');
	choices = $derived(this.scenario && this.run ? availableChoices(this.scenario, this.run) : []);
	score = $derived(this.scenario && this.run?.ended ? scoreRun(this.scenario, this.run) : null);

	constructor(
		private readonly profileId: string,
		private readonly scenarioId: string,
		private readonly onStorageError: (error: unknown) => void
	) {}

	async load(): Promise<void> {
		let loaded: LoadedScenario | null;
		try {
			loaded = await loadBundledScenario(this.scenarioId);
		} catch (error) {
			// The scenario's file could not be fetched: offline before it was cached, or an update removed it.
			console.error(error);
			this.phase = 'unavailable';
			return;
		}
		this.loaded = loaded;
		if (!loaded) {
			this.phase = 'missing';
			return;
		}
		if (!loaded.scenario) {
			this.phase = 'broken';
			return;
		}
		try {
			const attempt = await latestAttempt(this.profileId, this.scenarioId);
			const state = attempt ? readRunState(attempt.state) : null;
			const sameFile = attempt?.scenarioHash === loaded.hash;
			if (attempt && state && (attempt.status === 'in-progress' || sameFile)) {
				this.attempt = attempt;
				this.run = state;
				this.phase = !sameFile ? 'changed' : state.ended ? 'ended' : 'playing';
				return;
			}
		} catch (error) {
			this.onStorageError(error);
		}
		this.phase = 'briefing';
	}

	/** Begins a fresh attempt (also after the file changed, or to play again). */
	async begin(mode: Attempt['mode']): Promise<void> {
		const loaded = this.loaded;
		if (!loaded?.scenario || this.busy) return;
		this.busy = true;
		this.problem = undefined;
		try {
			if (this.attempt?.status === 'in-progress') await abandonAttempt(this.attempt.id);
			// A fresh reply order for every attempt, never the previous attempt's at the first decision.
			const seed = newRunSeed(loaded.scenario, this.run?.seed, randomFraction);
			const state = startRun(loaded.scenario, { scenarioId: loaded.id, scenarioHash: loaded.hash, seed });
			this.attempt = await startAttempt({
				profileId: this.profileId,
				scenarioId: loaded.id,
				scenarioTitle: loaded.scenario.meta.title,
				mode,
				state
			});
			this.run = state;
			this.phase = state.ended ? 'ended' : 'playing';
		} catch (error) {
			this.fail(error);
		} finally {
			this.busy = false;
		}
	}

	pick(choiceIndex: number): Promise<void> {
		return this.advance((scenario, run) => choose(scenario, run, choiceIndex));
	}

	/** Loads and warms the rubric while the trainee is still typing. */
	prepareTypedReply(): void {
		// Best effort: if it fails, sending the reply says so.
		import('$lib/core/free-reply').then((module) => module.warmUpRubric()).catch(() => undefined);
	}

	async reply(text: string): Promise<void> {
		// The rubric is loaded on the first typed reply, not with the player.
		let submitReply: typeof import('$lib/core/free-reply').submitReply;
		try {
			({ submitReply } = await import('$lib/core/free-reply'));
		} catch (error) {
			console.error(error);
			this.problem = 'Typed replies cannot be scored right now (part of the app did not load). Your text is still in the box: reload, then send it again.';
			return;
		}
		return this.advance((scenario, run) => submitReply(scenario, run, text));
	}

	private async advance(step: (scenario: NonNullable<PlayerSession['scenario']>, run: RunState) => RunState) {
		const scenario = this.scenario;
		const run = this.run;
		const attempt = this.attempt;
		if (!scenario || !run || !attempt || this.busy || run.ended) return;
		this.busy = true;
		this.problem = undefined;
		try {
			const next = step(scenario, run);
			// Commit first; only then show the result.
			this.attempt = await recordStep(attempt.id, scenario, next);
			this.run = next;
			if (next.ended) {
				this.phase = 'ended';
				void this.askToPersist();
			}
		} catch (error) {
			this.fail(error);
		} finally {
			this.busy = false;
		}
	}

	private fail(error: unknown) {
		this.onStorageError(error);
		this.problem = 'That reply could not be saved, so the conversation has not moved on. See the message at the top of the page.';
	}

	private async askToPersist() {
		try {
			if (!(await shouldAskToPersist()) || !navigator.storage?.persist) return;
			const granted = (await navigator.storage.persisted?.()) || (await navigator.storage.persist());
			this.persistNote = granted
				? 'Your browser has agreed to keep your progress on this device.'
				: 'Your progress lives in this browser only. The browser may clear it if space runs low or the site is unused for a long time.';
		} catch (error) {
			this.onStorageError(error);
		}
	}
}
