import { availableChoices, choose, newRunSeed, readRunState, scoreRun, startRun, type RunStart, type RunState } from '$lib/core/engine';
import type { ScenarioRecord } from '$lib/core/record';
import type { Scenario } from '$lib/core/types';
import type { Attempt } from '$lib/storage/db';
import { shouldAskToPersist } from '$lib/storage/progress';
import type { RunRecorder } from './recorder';

export type PlayerPhase = 'unavailable' | 'missing' | 'broken' | 'briefing' | 'changed' | 'playing' | 'ended';

/** What the player route loads before it shows anything (see src/routes/play/[id]/+page.ts). */
export interface PlayData {
	id: string;
	/** Null when no scenario has this id. */
	record: ScenarioRecord | null;
	/** The scenario's file could not be fetched (offline before it was saved, or removed by an update). */
	unavailable: boolean;
	/** The learner's latest attempt at it that was not abandoned: one to resume, or one to debrief. */
	attempt?: Attempt;
	/** A playtest may start anywhere, with a chosen mood and totals. */
	from?: RunStart;
}

const randomFraction = () => crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296;

/**
 * One scenario being played. Every decision goes through the recorder before
 * the screen moves on: for a learner that is IndexedDB (write-ahead, so a
 * reload resumes exactly here), for a playtest it is memory.
 */
export class PlayerSession {
	phase = $state<PlayerPhase>('briefing');
	attempt = $state.raw<Attempt | null>(null);
	run = $state.raw<RunState | null>(null);
	/** A write is in flight; choices are disabled until it lands. */
	busy = $state(false);
	/** What went wrong with the last action, shown next to the choices. */
	problem = $state<string | undefined>(undefined);
	/** Set once, after the first completed scenario, with what the browser said about keeping data. */
	persistNote = $state<string | undefined>(undefined);

	coach = $derived(this.attempt?.mode !== 'exam');
	choices = $derived(this.scenario && this.run ? availableChoices(this.scenario, this.run) : []);
	score = $derived(this.scenario && this.run?.ended ? scoreRun(this.scenario, this.run) : null);

	readonly #data: PlayData;

	constructor(
		data: PlayData,
		private readonly recorder: RunRecorder,
		private readonly onStorageError: (error: unknown) => void
	) {
		this.#data = data;
		if (data.unavailable) this.phase = 'unavailable';
		else if (!data.record) this.phase = 'missing';
		else if (!data.record.scenario) this.phase = 'broken';
		else this.resume(data.record, data.attempt);
	}

	/** A learner's run (kept) rather than a playtest. */
	get keepsProgress(): boolean {
		return this.recorder.keepsProgress;
	}

	get record(): ScenarioRecord | null {
		return this.#data.record;
	}

	get scenario(): Scenario | null {
		return this.#data.record?.scenario ?? null;
	}

	private resume(record: ScenarioRecord, attempt: Attempt | undefined) {
		const state = attempt ? readRunState(attempt.state) : null;
		const sameFile = attempt?.scenarioHash === record.hash;
		if (attempt && state && (attempt.status === 'in-progress' || sameFile)) {
			this.attempt = attempt;
			this.run = state;
			this.phase = !sameFile ? 'changed' : state.ended ? 'ended' : 'playing';
		}
	}

	/** Begins a fresh attempt (also after the file changed, or to play again). */
	async begin(mode: Attempt['mode']): Promise<void> {
		const record = this.record;
		if (!record?.scenario || this.busy) return;
		this.busy = true;
		this.problem = undefined;
		try {
			// A fresh reply order for every attempt, never the previous attempt's at the first decision.
			const seed = newRunSeed(record.scenario, this.run?.seed, randomFraction);
			const state = startRun(record.scenario, { scenarioId: record.id, scenarioHash: record.hash, seed }, this.#data.from);
			this.attempt = await this.recorder.start({
				scenarioId: record.id,
				scenarioTitle: record.scenario.meta.title,
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

	/** Loads and warms the rubric while the trainee is still typing, a step at a time when the browser is idle. */
	prepareTypedReply(): void {
		if (rubricWarming) return;
		rubricWarming = true;
		// Best effort: if it fails, sending the reply says so.
		import('$lib/core/free-reply')
			.then((module) => runWhenIdle(module.rubricWarmUpSteps()))
			.catch(() => undefined);
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
			this.attempt = await this.recorder.step(attempt.id, scenario, next);
			this.run = next;
			if (next.ended) {
				this.phase = 'ended';
				if (this.recorder.keepsProgress) void this.askToPersist();
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

/** The rubric is warmed once per page: its compiled expressions last as long as the page. */
let rubricWarming = false;

/**
 * Runs `steps` in the browser's idle time, as many per idle period as fit in a few milliseconds, so no step of the
 * warm-up delays a keystroke by more than one compile (a `timeout` keeps it moving on a page that is never idle).
 */
function runWhenIdle(steps: (() => void)[]): void {
	const later = (run: () => void) =>
		typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 500 }) : setTimeout(run, 1);
	let next = 0;
	const run = () => {
		const started = performance.now();
		while (next < steps.length && performance.now() - started < 8) steps[next++]();
		if (next < steps.length) later(run);
	};
	later(run);
}
