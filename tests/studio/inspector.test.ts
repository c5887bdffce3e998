import { describe, expect, it } from 'vitest';
import { inspectScenario } from '../../src/lib/core';
import { createChecker } from '../../src/lib/studio/inspect-checker.ts';
import type { FinalReply, InspectReply, InspectRequest } from '../../src/lib/studio/inspect-transfer.ts';
import { createInspector, type EarlyDiagnostics, type WorkerLike } from '../../src/lib/studio/inspector.ts';
import { generateScenario } from '../bench/generate.ts';

/** A worker the test drives: requests queue until `answer()` runs the real checker on the next one (or `crash()`). */
class FakeWorker implements WorkerLike {
	onmessage: WorkerLike['onmessage'] = null;
	onerror: WorkerLike['onerror'] = null;
	onmessageerror: WorkerLike['onmessageerror'] = null;
	readonly posted: InspectRequest[] = [];
	readonly replies: FinalReply[] = [];
	readonly early: InspectReply[] = [];
	terminated = false;
	private readonly check = createChecker();
	private queue: InspectRequest[] = [];

	postMessage(message: InspectRequest) {
		// A worker gets a copy, as structured clone would make.
		const copy = structuredClone(message);
		this.posted.push(copy);
		this.queue.push(copy);
	}
	terminate() {
		this.terminated = true;
	}
	/** Answers the oldest request, through a structured clone as postMessage would. */
	answer(change?: (reply: FinalReply) => FinalReply) {
		const request = this.queue.shift();
		if (!request) throw new Error('no request waiting');
		this.check(request, (reply) => {
			if ('early' in reply) {
				this.early.push(reply);
				this.onmessage?.({ data: structuredClone(reply) } as MessageEvent<InspectReply>);
				return;
			}
			this.replies.push(reply);
			this.onmessage?.({ data: structuredClone(change ? change(reply) : reply) } as MessageEvent<InspectReply>);
		});
	}
	crash(message: string) {
		this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
	}
}

function harness() {
	const workers: FakeWorker[] = [];
	const early: EarlyDiagnostics[] = [];
	const inspector = createInspector({
		ondiagnostics: (diagnostics) => early.push(diagnostics),
		createWorker: () => {
			const worker = new FakeWorker();
			workers.push(worker);
			return worker;
		}
	});
	return { inspector, workers, early, worker: () => workers[workers.length - 1] };
}

const settled = <T>(promise: Promise<T>) => {
	const state: { value?: T; error?: Error; done: boolean } = { done: false };
	promise.then(
		(value) => Object.assign(state, { value, done: true }),
		(error: Error) => Object.assign(state, { error, done: true })
	);
	return state;
};
const tick = () => new Promise((resolve) => setTimeout(resolve));

const SOURCE = generateScenario(12);
const edit = (n: number) => SOURCE.replace('problem number 5 ', `problem number 5 ${'x'.repeat(n)} `);

describe('createInspector', () => {
	it('checks a source in the worker and resolves with what the core reports, and the source it describes', async () => {
		const { inspector, worker } = harness();
		const result = inspector.inspect(SOURCE);
		worker().answer();
		const inspection = await result;
		expect(inspection.source).toBe(SOURCE);
		const { source, ...rest } = inspection;
		expect(rest).toStrictEqual(inspectScenario(SOURCE));
	});

	it('keeps one request in the worker: sources typed meanwhile are superseded by the newest, which is checked next', async () => {
		const { inspector, worker } = harness();
		const first = settled(inspector.inspect(edit(1)));
		const second = settled(inspector.inspect(edit(2)));
		const third = settled(inspector.inspect(edit(3)));
		expect(worker().posted.map((r) => r.source)).toEqual([edit(1)]);

		worker().answer();
		await tick();
		expect(first.value?.source).toBe(edit(1));
		expect(second.done).toBe(false);
		// Only the newest waiting source goes to the worker; the second is never checked.
		expect(worker().posted.map((r) => r.source)).toEqual([edit(1), edit(3)]);

		worker().answer();
		await tick();
		expect(second.value?.source).toBe(edit(3));
		expect(third.value?.source).toBe(edit(3));
		expect(third.value!.draft).toStrictEqual(inspectScenario(edit(3)).draft);
	});

	it('rebuilds each draft from the last one: unchanged nodes keep their identity, changed and moved ones match a fresh parse', async () => {
		const { inspector, worker } = harness();
		const check = async (source: string) => {
			const result = inspector.inspect(source);
			worker().answer();
			return result;
		};
		const first = await check(SOURCE);
		const typed = await check(edit(1));
		expect(typed.draft.nodes[2]).toBe(first.draft.nodes[2]);
		expect(typed.draft.nodes[5]).not.toBe(first.draft.nodes[5]);
		// Narration only: the analyses are the very same objects, so a map can skip its work.
		expect(typed.paths).toBe(first.paths);
		expect(typed.analysis).toBe(first.analysis);
		const withLine = SOURCE.replace('problem number 5 ', 'problem number 5\n');
		const moved = await check(withLine);
		expect(moved.draft.nodes[2]).toBe(first.draft.nodes[2]);
		expect(moved.paths).toBe(first.paths);
		const { source, ...rest } = moved;
		expect(rest).toStrictEqual(inspectScenario(withLine));
		// The worker sent only the changed node whole: the others as "node 2 of the last result" or "node 9, one line down".
		const reply = worker().replies.at(-1)!;
		expect(reply.ok && reply.inspection.draft.nodes.slice(0, 10)).toEqual([
			...[0, 1, 2, 3, 4].map((same) => ({ same })),
			{ node: moved.draft.nodes[5] },
			...[6, 7, 8, 9].map((index) => ({ moved: index, by: 1 }))
		]);
		// A link changed: the analyses are computed again.
		const relinked = await check(SOURCE.replace('(#node-7)', '(#node-8)'));
		expect(relinked.paths).not.toBe(first.paths);
		expect(relinked.paths).toStrictEqual(inspectScenario(SOURCE.replace('(#node-7)', '(#node-8)')).paths);
	});

	it('hands over the diagnostics before the whole inspection, for the source they describe', async () => {
		const { inspector, worker, early } = harness();
		const broken = SOURCE.replace('(#node-7)', '(#nowhere)');
		let resolvedAfter = -1;
		const result = inspector.inspect(broken).then((inspection) => {
			resolvedAfter = early.length;
			return inspection;
		});
		worker().answer();
		const inspection = await result;
		expect(early).toHaveLength(1);
		expect(resolvedAfter).toBe(1);
		expect(early[0]).toStrictEqual({ source: broken, diagnostics: inspection.diagnostics, playable: false });
		expect(early[0].diagnostics.map((d) => d.code)).toContain('broken-link');
	});

	it('rejects with a readable message when the checker fails, and checks the next source normally', async () => {
		const { inspector, worker } = harness();
		const failed = inspector.inspect(SOURCE);
		worker().answer((reply) => ({ id: reply.id, ok: false, error: 'out of memory' }));
		await expect(failed).rejects.toThrow('The scenario could not be checked: out of memory');
		const next = inspector.inspect(SOURCE);
		worker().answer();
		expect((await next).diagnostics).toEqual([]);
	});

	it('rejects what was running when the worker crashes, and starts a new worker for the next source', async () => {
		const { inspector, workers, worker } = harness();
		const failed = inspector.inspect(SOURCE);
		const waiting = inspector.inspect(edit(1));
		worker().crash('Uncaught RangeError');
		await expect(failed).rejects.toThrow('The scenario checker stopped: Uncaught RangeError.');
		expect(workers[0].terminated).toBe(true);
		// The waiting source goes to a fresh worker, which answers in full.
		expect(workers).toHaveLength(2);
		worker().answer();
		expect((await waiting).draft).toStrictEqual(inspectScenario(edit(1)).draft);
	});

	it('rejects a result that refers to a draft it never had, rather than guessing', async () => {
		const { inspector, worker } = harness();
		const result = inspector.inspect(SOURCE);
		worker().answer((reply) => (reply.ok ? { ...reply, base: 41 } : reply));
		await expect(result).rejects.toThrow(/could not be read: the reply refers to result 41/);
	});

	it('stops the worker on dispose; what was waiting never settles and new requests are refused', async () => {
		const { inspector, worker } = harness();
		const waiting = settled(inspector.inspect(SOURCE));
		const current = worker();
		inspector.dispose();
		expect(current.terminated).toBe(true);
		await tick();
		expect(waiting.done).toBe(false);
		await expect(inspector.inspect(SOURCE)).rejects.toThrow('closed');
	});

	it('checks on the page itself where there are no Web Workers', async () => {
		expect(typeof Worker).toBe('undefined');
		const inspector = createInspector();
		const first = inspector.inspect(edit(1));
		const second = inspector.inspect(edit(2));
		const third = inspector.inspect(edit(3));
		expect((await first).source).toBe(edit(1));
		expect((await second).source).toBe(edit(3));
		const { source, ...rest } = await third;
		expect(rest).toStrictEqual(inspectScenario(edit(3)));
	});
});

describe('the draft sent as changes', () => {
	it('rebuilds exactly what a fresh inspection gives, whatever the edits', async () => {
		const { inspector, worker } = harness();
		const { SCENARIO_TEMPLATE } = await import('../../src/lib/studio/template.ts');
		const texts = [
			SCENARIO_TEMPLATE,
			'',
			SCENARIO_TEMPLATE.replace('(#sorted) empathy +2', '(#sortd) empathy +2'),
			SCENARIO_TEMPLATE.replace('## Start', '## Start\n\nMore words.\n'),
			SCENARIO_TEMPLATE,
			SCENARIO_TEMPLATE.replace('---\n\n', '---\n\n\n\n'),
			SCENARIO_TEMPLATE.slice(0, 400),
			SCENARIO_TEMPLATE
		];
		for (const source of texts) {
			const result = inspector.inspect(source);
			worker().answer();
			const { source: inspected, ...rest } = await result;
			expect(inspected).toBe(source);
			expect(rest).toStrictEqual(inspectScenario(source));
		}
	});
});
