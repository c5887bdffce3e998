import { describe, expect, it } from 'vitest';
import {
	analyseScenario,
	assessReplyHere,
	availableChoices,
	choose,
	freeReplyPrompt,
	hashSource,
	outcomeFromMood,
	parseScenario,
	readRunState,
	RUN_SAVE_VERSION,
	scoreRun,
	startRun,
	submitReply,
	type RunState,
	type Scenario
} from '../../src/lib/core';

function load(source: string): Scenario {
	const { scenario, diagnostics } = parseScenario(source);
	const errors = diagnostics.filter((d) => d.severity === 'error');
	if (!scenario || errors.length > 0) throw new Error(`Test scenario does not parse: ${JSON.stringify(errors)}`);
	return scenario;
}

const identity = (source: string) => ({ scenarioId: 'test', scenarioHash: hashSource(source) });

const ENGINE = `---
title: Engine room
customer: Sam Lee
summary: A scenario that exercises the engine.
mood: 50
---

## Start

> **Sam:** "Hello."

- [Warm](#middle) empathy +2, flexibility +1, ownership +3, mood +30
  > Warm.
- [Cold](#middle) empathy -1, ownership -1, mood -20
  > Cold.
- [Only when calm](#resolved) empathy +1, mood +5 when mood >= 60
  > Calm.
- [Only when upset](#by-mood) mood -60 when mood < 40
  > Upset.

## Middle

- [Kind path](#stall) empathy +1 when empathy >= 2
  > Kind.
- [Other path](#by-mood) empathy -1, flexibility +1 when empathy < 2
  > Other.
- [Cheer up](#middle) mood +100
  > Cheer.
- [Crush](#middle) mood -100
  > Crush.

## Stall

- [Only when ecstatic](#resolved) ownership +1 when mood > 95
  > Ecstatic.
- [Only when furious](#lost) ownership -1 when mood < 5
  > Furious.

## Resolved

Outcome: resolved

## Lost

Outcome: lost

## By mood

What happens next depends on how Sam feels.
`;

const engine = load(ENGINE);
const begin = (source = ENGINE, scenario = engine) => startRun(scenario, identity(source));
const indexes = (scenario: Scenario, state: RunState) => availableChoices(scenario, state).map((option) => option.index);

/** Plays choice indexes in order. */
function play(scenario: Scenario, state: RunState, picks: number[]): RunState {
	return picks.reduce((current, pick) => choose(scenario, current, pick), state);
}

describe('the test scenario', () => {
	it('only warns that the stall node may leave no reply', () => {
		expect(parseScenario(ENGINE).diagnostics.map((d) => [d.code, d.line])).toEqual([['may-stall', 32]]);
	});
});

describe('startRun', () => {
	it('starts at the start node with the starting mood and zero totals', () => {
		const state = begin();
		expect(state).toEqual({
			saveVersion: RUN_SAVE_VERSION,
			scenarioId: 'test',
			scenarioHash: hashSource(ENGINE),
			node: 'start',
			mood: 50,
			totals: { empathy: 0, flexibility: 0, ownership: 0 },
			steps: [],
			ended: false
		});
		expect(state.outcome).toBeUndefined();
	});

	it('ends at once when the start is an ending', () => {
		const source = ENGINE.replace('mood: 50', 'mood: 72').replace(/## Start[\s\S]*?## Middle/, '## Start\n\nSam has already gone.\n\n## Middle');
		const { scenario } = parseScenario(source);
		const state = startRun(scenario!, identity(source));
		expect(state.ended).toBe(true);
		expect(state.outcome).toBe('resolved');
		expect(availableChoices(scenario!, state)).toEqual([]);
	});
});

describe('availableChoices and when conditions', () => {
	it('hides replies whose mood condition does not hold', () => {
		expect(indexes(engine, begin())).toEqual([0, 1]);
	});

	it('shows `mood >= 60` from 60 and `mood < 40` up to 39', () => {
		for (const [mood, expected] of [
			[60, [0, 1, 2]],
			[59, [0, 1]],
			[40, [0, 1]],
			[39, [0, 1, 3]]
		] as const) {
			const source = ENGINE.replace('mood: 50', `mood: ${mood}`);
			const scenario = load(source);
			expect(indexes(scenario, begin(source, scenario)), `mood ${mood}`).toEqual(expected);
		}
	});

	it('compares the running totals', () => {
		const warm = choose(engine, begin(), 0); // empathy 2
		expect(warm.totals).toEqual({ empathy: 2, flexibility: 1, ownership: 3 });
		expect(indexes(engine, warm)).toEqual([0, 2, 3]);
		const cold = choose(engine, begin(), 1); // empathy -1
		expect(indexes(engine, cold)).toEqual([1, 2, 3]);
	});

	it('compares the current mood, after earlier changes', () => {
		const cheered = play(engine, begin(), [0, 2]); // 80, then +100 → 100
		expect(cheered.mood).toBe(100);
		expect(cheered.node).toBe('middle');
		const stall = choose(engine, cheered, 0);
		expect(stall.node).toBe('stall');
		expect(indexes(engine, stall)).toEqual([0]);
		const crushed = play(engine, begin(), [1, 3]); // 30, then − 100 → 0; empathy −1 hides the kind path
		expect(crushed.mood).toBe(0);
		expect(indexes(engine, crushed)).toEqual([1, 2, 3]);
		expect(() => choose(engine, crushed, 0)).toThrow(/not available/);
	});

	it('offers every reply when every one is hidden', () => {
		const stall = play(engine, begin(), [0, 0]); // mood 80 at the stall node: neither > 95 nor < 5
		expect(stall.node).toBe('stall');
		expect(stall.mood).toBe(80);
		const options = availableChoices(engine, stall);
		expect(options.map((option) => option.index)).toEqual([0, 1]);
		expect(options[1].choice.text).toBe('Only when furious');
		const lost = choose(engine, stall, 1);
		expect(lost.steps.at(-1)!.available).toEqual([0, 1]);
		expect(lost.ended).toBe(true);
		expect(lost.outcome).toBe('lost');
	});
});

describe('choose', () => {
	it('returns a new state and leaves the old one unchanged', () => {
		const state = begin();
		const before = structuredClone(state);
		const scenarioBefore = structuredClone(engine);
		const next = choose(engine, state, 0);
		expect(state).toEqual(before);
		expect(engine).toEqual(scenarioBefore);
		expect(next).not.toBe(state);
		expect(next.totals).not.toBe(state.totals);
		expect(next.steps).not.toBe(state.steps);
		expect(next).toEqual({
			...before,
			node: 'middle',
			mood: 80,
			totals: { empathy: 2, flexibility: 1, ownership: 3 },
			steps: [
				{
					node: 'start',
					choice: 0,
					available: [0, 1],
					effects: { empathy: 2, flexibility: 1, ownership: 3, mood: 30 },
					moodBefore: 50,
					moodAfter: 80
				}
			]
		});
		// the step's effects are a copy: changing them cannot change the scenario
		expect(next.steps[0].effects).not.toBe(engine.nodes[0].choices[0].effects);
		const again = choose(engine, next, 3);
		expect(next.steps).toHaveLength(1);
		expect(again.steps).toHaveLength(2);
	});

	it('survives a JSON round trip at every step', () => {
		let state = begin();
		for (const pick of [0, 2, 0, 0]) {
			const revived = JSON.parse(JSON.stringify(state));
			expect(revived).toEqual(state);
			expect(readRunState(revived)).toEqual(state);
			// continuing from the revived copy gives the same run
			const fromRevived = choose(engine, revived, pick);
			state = choose(engine, state, pick);
			expect(fromRevived).toEqual(state);
		}
		expect(state.ended).toBe(true);
		expect(JSON.parse(JSON.stringify(state))).toEqual(state);
	});

	it('clamps the mood to 0–100', () => {
		const high = play(engine, begin(), [0, 2, 2]);
		expect(high.mood).toBe(100);
		expect(high.steps.map((step) => [step.moodBefore, step.moodAfter])).toEqual([
			[50, 80],
			[80, 100],
			[100, 100]
		]);
		const low = play(engine, begin(), [1, 3]); // 50 − 20 = 30, then − 100
		expect(low.mood).toBe(0);
		expect(low.steps[1].moodAfter).toBe(0);
		const upsetSource = ENGINE.replace('mood: 50', 'mood: 10');
		const upset = load(upsetSource);
		const floor = choose(upset, begin(upsetSource, upset), 3); // 10 − 60
		expect(floor.mood).toBe(0);
		expect(floor.ended).toBe(true);
		expect(floor.outcome).toBe('lost');
	});

	it('refuses a hidden reply, an unknown index and any choice after the end', () => {
		const state = begin();
		expect(() => choose(engine, state, 2)).toThrow(/not available/);
		expect(() => choose(engine, state, 99)).toThrow(/not available/);
		expect(() => choose(engine, state, -1)).toThrow(/not available/);
		const ended = play(engine, state, [0, 2, 0, 0]);
		expect(ended.ended).toBe(true);
		expect(() => choose(engine, ended, 0)).toThrow();
	});

	it('throws on a run at a node the scenario does not have', () => {
		expect(() => availableChoices(engine, { ...begin(), node: 'nowhere' })).toThrow(/nowhere/);
	});
});

describe('endings and outcomes', () => {
	it('takes the authored outcome', () => {
		const resolved = play(engine, begin(), [0, 2, 0, 0]);
		expect(resolved).toMatchObject({ node: 'resolved', ended: true, outcome: 'resolved' });
	});

	it('takes the outcome from the final mood when the ending has none', () => {
		const escalated = play(engine, begin(), [1, 1]); // mood 30 at by-mood
		expect(escalated).toMatchObject({ node: 'by-mood', ended: true, mood: 30, outcome: 'escalated' });
		const resolved = play(engine, begin(), [1, 2, 1]); // 30 → 100
		expect(resolved).toMatchObject({ node: 'by-mood', ended: true, mood: 100, outcome: 'resolved' });
		const lost = play(engine, begin(), [1, 3, 1]); // 30 → 0
		expect(lost).toMatchObject({ node: 'by-mood', ended: true, mood: 0, outcome: 'lost' });
	});

	it.each([
		[100, 'resolved'],
		[70, 'resolved'],
		[69, 'retained'],
		[45, 'retained'],
		[44, 'escalated'],
		[25, 'escalated'],
		[24, 'lost'],
		[0, 'lost']
	] as const)('an ending reached at mood %i is %s', (mood, outcome) => {
		expect(outcomeFromMood(mood)).toBe(outcome);
		const source = `---\ntitle: T\ncustomer: Sam Lee\nsummary: S.\nmood: ${mood}\n---\n## Start\n\n- [Go](#end) empathy +1, flexibility +1, ownership +1\n  > Go.\n\n## End\n`;
		const scenario = load(source);
		const state = choose(scenario, startRun(scenario, identity(source)), 0);
		expect(state).toMatchObject({ ended: true, mood, outcome });
	});
});

const TYPED = `---
title: Typed replies
customer: Sam Lee
summary: Routing by the reply's score.
---

## Start

> **Sam:** "So what will you do?"

- [Tell Sam what you will do](#owned) free when reply.ownership >= 2
  > Commit to a step and a time.
  - Look for "zebra": ownership +3
- [Tell Sam what you will do](#silence) free when reply.mood < 0
  > Saying nothing leaves Sam waiting.
- [Tell Sam what you will do](#vague) free
  > A reply without a commitment leaves Sam asking who will fix it.
  - Model answer: I'll bring the zebra myself today, Sam.

## Owned

Outcome: resolved

## Silence

Outcome: lost

## Vague

Outcome: escalated
`;

describe('submitReply', () => {
	const typed = load(TYPED);
	const start = () => startRun(typed, identity(TYPED));
	const STRONG = "Sam, I'll bring the zebra to you myself today.";
	// A holding line: neither warm nor cold, nothing owned yet (a reply that talks past Sam's question would count against).
	const NEUTRAL = 'One moment, Sam, let me check.';

	it('labels the text box with the first free reply', () => {
		expect(freeReplyPrompt(typed, start())).toBe('Tell Sam what you will do');
		expect(freeReplyPrompt(engine, begin())).toBeUndefined();
	});

	it('routes a reply to the first free reply whose `reply.` condition holds', () => {
		const assessment = assessReplyHere(typed, start(), STRONG);
		expect(assessment.ownership, 'precondition: the cue makes this reply score ownership ≥ 2').toBeGreaterThanOrEqual(2);
		const state = submitReply(typed, start(), STRONG);
		expect(state).toMatchObject({ node: 'owned', ended: true, outcome: 'resolved' });
		const step = state.steps[0];
		expect(step).toMatchObject({ node: 'start', choice: 0, available: [0, 1, 2], reply: STRONG, moodBefore: 50 });
		expect(step.assessment).toEqual(assessment);
		// the applied effects are the assessment's, without zeros
		const expected: Record<string, number> = {};
		for (const key of ['empathy', 'flexibility', 'ownership', 'mood'] as const) if (assessment[key] !== 0) expected[key] = assessment[key];
		expect(step.effects).toEqual(expected);
		expect(state.totals).toEqual({ empathy: assessment.empathy, flexibility: assessment.flexibility, ownership: assessment.ownership });
		expect(state.mood).toBe(Math.min(100, Math.max(0, 50 + assessment.mood)));
		expect(step.moodAfter).toBe(state.mood);
	});

	it('routes by `reply.mood`', () => {
		const assessment = assessReplyHere(typed, start(), '');
		expect(assessment.ownership).toBeLessThan(2);
		expect(assessment.mood, 'precondition: an empty reply costs mood').toBeLessThan(0);
		const state = submitReply(typed, start(), '');
		expect(state).toMatchObject({ node: 'silence', outcome: 'lost' });
		expect(state.steps[0].choice).toBe(1);
		expect(state.steps[0].reply).toBe('');
	});

	it('takes the fallback when no condition holds', () => {
		const assessment = assessReplyHere(typed, start(), NEUTRAL);
		expect(assessment.ownership).toBeLessThan(2);
		expect(assessment.mood).toBeGreaterThanOrEqual(0);
		const state = submitReply(typed, start(), NEUTRAL);
		expect(state).toMatchObject({ node: 'vague', outcome: 'escalated' });
		expect(state.steps[0].choice).toBe(2);
	});

	it('takes the last free reply when there is no fallback and nothing matches', () => {
		const source = TYPED.replace('- [Tell Sam what you will do](#vague) free', '- [Tell Sam what you will do](#vague) free when reply.ownership <= -3');
		const scenario = load(source);
		const state = startRun(scenario, identity(source));
		const assessment = assessReplyHere(scenario, state, NEUTRAL);
		expect(assessment.ownership).toBeGreaterThan(-3);
		expect(assessment.ownership).toBeLessThan(2);
		expect(assessment.mood).toBeGreaterThanOrEqual(0);
		expect(submitReply(scenario, state, NEUTRAL)).toMatchObject({ node: 'vague', steps: [{ choice: 2 }] });
	});

	it('leaves the old state unchanged and survives a JSON round trip', () => {
		const state = start();
		const before = structuredClone(state);
		const next = submitReply(typed, state, STRONG);
		expect(state).toEqual(before);
		expect(JSON.parse(JSON.stringify(next))).toEqual(next);
		expect(readRunState(JSON.parse(JSON.stringify(next)))).toEqual(next);
	});

	it('refuses a typed reply where there is no free reply, and a free reply through choose', () => {
		expect(() => submitReply(engine, begin(), 'Hello')).toThrow(/no typed reply/);
		expect(() => choose(typed, start(), 2)).toThrow(/submitReply/);
	});
});

describe('readRunState', () => {
	const valid = () => JSON.parse(JSON.stringify(play(engine, begin(), [0, 2]))) as RunState;

	it('reads a stored run', () => {
		expect(readRunState(valid())).toEqual(valid());
		const ended = JSON.parse(JSON.stringify(play(engine, begin(), [1, 1])));
		expect(readRunState(ended)).toEqual(ended);
	});

	it.each([
		['null', null],
		['undefined', undefined],
		['a string', 'run'],
		['a number', 42],
		['true', true],
		['an array', []],
		['an empty object', {}]
	])('rejects %s', (_, value) => {
		expect(readRunState(value)).toBeNull();
	});

	it.each([
		['version 0', { saveVersion: 0 }],
		['a newer version', { saveVersion: RUN_SAVE_VERSION + 1 }],
		['a version as text', { saveVersion: String(RUN_SAVE_VERSION) }],
		['no version', { saveVersion: undefined }]
	])('rejects %s', (_, patch) => {
		expect(readRunState({ ...valid(), ...patch })).toBeNull();
	});

	it.each([
		['no scenario id', { scenarioId: undefined }],
		['a numeric hash', { scenarioHash: 7 }],
		['no node', { node: null }],
		['mood as text', { mood: '50' }],
		['steps as an object', { steps: {} }],
		['no totals', { totals: undefined }],
		['totals as text', { totals: 'none' }],
		['a total as text', { totals: { empathy: '2', flexibility: 1, ownership: 3 } }],
		['a missing total', { totals: { empathy: 2, flexibility: 1 } }],
		['ended as text', { ended: 'no' }],
		['a null step', { steps: [null] }],
		['a step without a node', { steps: [{ choice: 0, available: [0], effects: {}, moodBefore: 50, moodAfter: 50 }] }],
		['a step with a text choice', { steps: [{ node: 'start', choice: '0', available: [0], effects: {}, moodBefore: 50, moodAfter: 50 }] }],
		['a step without available', { steps: [{ node: 'start', choice: 0, effects: {}, moodBefore: 50, moodAfter: 50 }] }],
		['a step without effects', { steps: [{ node: 'start', choice: 0, available: [0], moodBefore: 50, moodAfter: 50 }] }],
		['an unknown outcome', { ended: true, outcome: 'won' }]
	])('rejects garbage: %s', (_, patch) => {
		expect(readRunState({ ...valid(), ...patch })).toBeNull();
	});
});

describe('analyseScenario', () => {
	it('counts nodes, endings, outcomes, decisions and totals', () => {
		expect(analyseScenario(engine)).toEqual({
			nodes: 6,
			endings: 3,
			outcomes: { resolved: 1, retained: 0, escalated: 0, lost: 1, byMood: 1 },
			// start → (only when calm) → resolved; start → middle → stall → an ending
			shortestDecisions: 1,
			longestDecisions: 3,
			totals: {
				empathy: { best: 3, worst: -2 },
				flexibility: { best: 2, worst: 0 },
				ownership: { best: 4, worst: -2 }
			},
			cyclic: true,
			order: { decisions: 3, bestFirst: 3, bestFirstKept: 0 }
		});
	});

	it('counts a straight, acyclic scenario', () => {
		const source = `---
title: T
customer: Sam Lee
summary: S.
---
## Start

- [Good](#next) empathy +2, ownership +1
  > Good.
- [Bad](#lost) empathy -2, flexibility -1
  > Bad.

## Next

- [Only reply](#kept) flexibility +3
  > Fine.

## Kept

Outcome: retained

## Lost

Outcome: lost
`;
		expect(analyseScenario(load(source))).toEqual({
			nodes: 4,
			endings: 2,
			outcomes: { resolved: 0, retained: 1, escalated: 0, lost: 1, byMood: 0 },
			shortestDecisions: 1,
			longestDecisions: 1, // "Next" has one reply, so it is not a decision
			totals: {
				empathy: { best: 2, worst: -2 },
				flexibility: { best: 3, worst: -1 },
				ownership: { best: 1, worst: 0 }
			},
			cyclic: false,
			order: { decisions: 1, bestFirst: 1, bestFirstKept: 0 }
		});
	});
});

describe('scoring a typed reply that was the only way to answer', () => {
	const typed = load(TYPED);
	it("places the reply on the rubric's scale, −3 → 0 and +3 → 100", () => {
		const state = submitReply(typed, startRun(typed, identity(TYPED)), "Sam, I'll bring the zebra to you myself today.");
		const ownership = state.steps[0].assessment!.ownership;
		expect(ownership).toBeGreaterThan(0);
		const score = scoreRun(typed, state).dimensions.ownership;
		expect(score.decisions).toBe(1);
		expect(score.score).toBe(Math.round((100 * (ownership + 3)) / 6));
	});
});
