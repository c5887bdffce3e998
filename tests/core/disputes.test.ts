import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	availableChoices,
	choose,
	replyContextAt,
	disputesToLabelled,
	hashSource,
	parseScenario,
	scoreReply,
	signOf,
	startRun,
	submitReply,
	type Dispute,
	type RunState,
	type Scenario
} from '$lib/core';
import { agreementOn } from '$lib/core/rubric-learn';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SOURCE = readFileSync(join(ROOT, 'scenarios', 'the-third-call.md'), 'utf8');
const scenario = parseScenario(SOURCE).scenario as Scenario;

/** Plays The Third Call to its typed reply and sends `reply`; returns the run and the typed step's index. */
function typed(reply: string): { run: RunState; index: number } {
	let run = startRun(scenario, { scenarioId: 'the-third-call', scenarioHash: hashSource(SOURCE) });
	for (const prefix of ["I'm sorry you've had to call three times", "That's awful timing"]) {
		const option = availableChoices(scenario, run).find((o) => !o.choice.free && o.choice.text.startsWith(prefix));
		run = choose(scenario, run, option!.index);
	}
	run = submitReply(scenario, run, reply);
	return { run, index: run.steps.length - 1 };
}

function dispute(run: RunState, index: number, overrides: Partial<Dispute> = {}): Dispute {
	const step = run.steps[index];
	return {
		id: `attempt-1:${index}:${overrides.dimension ?? 'empathy'}`,
		profileId: 'profile-1',
		attemptId: 'attempt-1',
		stepIndex: index,
		scenarioId: 'the-third-call',
		reply: step.reply!,
		context: replyContextAt(scenario, step.node),
		assessment: step.assessment!,
		dimension: 'empathy',
		expected: '-',
		why: '',
		createdAt: 1_700_000_000_000,
		...overrides
	};
}

describe('the context of a disputed reply', () => {
	it('is the customer, the policy and the customer line the rubric was given', () => {
		const { run, index } = typed('Dana, that is not what should have happened.');
		const context = replyContextAt(scenario, run.steps[index].node);
		expect(context).toEqual({
			customer: scenario.meta.customer,
			policy: scenario.meta.policy,
			customerLine: expect.stringContaining('So what actually happens now?')
		});
		// Without cue words or earlier typed replies, scoring again in this context gives what the trainee saw.
		expect(scoreReply(run.steps[index].reply!, context)).toEqual(run.steps[index].assessment);
	});
});

describe('disputes in the labelled-set format', () => {
	it('writes exactly {id, reply, context, expected, note}, the rubric’s signs with the disputed one replaced', () => {
		const { run, index } = typed("I'm so sorry, Dana. I'll send a replacement vase myself today.");
		const assessment = run.steps[index].assessment!;
		const [item, ...rest] = disputesToLabelled([dispute(run, index, { dimension: 'flexibility', expected: '+', why: '  Sending it free is bending the rule.  ' })]);
		expect(rest).toEqual([]);
		expect(Object.keys(item).sort()).toEqual(['context', 'expected', 'id', 'note', 'reply']);
		expect(item.reply).toBe("I'm so sorry, Dana. I'll send a replacement vase myself today.");
		expect(item.context).toEqual(replyContextAt(scenario, run.steps[index].node));
		expect(item.expected).toEqual({ empathy: signOf(assessment.empathy), flexibility: '+', ownership: signOf(assessment.ownership) });
		expect(item.note).toContain('trainee disputed flexibility: rubric 0, expected + (Sending it free is bending the rule.)');
		expect(item.id).toMatch(/^dispute-the-third-call-attempt-1-\d+$/);
		// The file round-trips as JSON and is read by the agreement measure like any labelled set.
		const file = JSON.parse(JSON.stringify([item]));
		expect(agreementOn(file, {}).flexibility).toMatchObject({ agree: 0, total: 1 });
		expect(agreementOn(file, {}).empathy).toMatchObject({ agree: 1, total: 1 });
	});

	it('makes one item of several disputes on the same reply, and one item per reply', () => {
		const first = typed("I'm so sorry, Dana. I'll send a replacement vase myself today.");
		const second = typed('Returns will be in touch.');
		const items = disputesToLabelled([
			dispute(first.run, first.index, { expected: '0', createdAt: 2 }),
			dispute(first.run, first.index, { dimension: 'ownership', expected: '0', createdAt: 3 }),
			dispute(second.run, second.index, { attemptId: 'attempt-2', expected: '-', why: 'Cold.', createdAt: 1 })
		]);
		expect(items).toHaveLength(2);
		const [cold, warm] = items;
		expect(cold.reply).toBe('Returns will be in touch.');
		expect(cold.note).toContain('(Cold.)');
		expect(warm.expected.empathy).toBe('0');
		expect(warm.expected.ownership).toBe('0');
		expect(warm.note).toMatch(/disputed empathy.*; trainee disputed ownership/);
		expect(new Set(items.map((item) => item.id)).size).toBe(2);
	});

	it('writes nothing for no disputes', () => {
		expect(disputesToLabelled([])).toEqual([]);
	});
});
