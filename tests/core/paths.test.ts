import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	analysePaths,
	DIMENSIONS,
	inspectScenario,
	outcomeFromMood,
	parseScenario,
	PATH_COUNT_CAP,
	scoreDimension,
	type Choice,
	type Dimension,
	type Effects,
	type Outcome,
	type ScenarioDraft,
	type ScenarioNode,
	type ScoredDecision
} from '../../src/lib/core';

const header = (mood = 50) => `---\ntitle: Paths\ncustomer: Sam Lee\nsummary: Hand-made graph.\nmood: ${mood}\n---\n\n`;

/** Parses a hand-made graph (front matter added); the draft is what the studio analyses. */
function draftOf(body: string, mood?: number): ScenarioDraft {
	return parseScenario(header(mood) + body).draft;
}

const warningCodes = (draft: ScenarioDraft) => analysePaths(draft).warnings.map((w) => `${w.code}${w.dimension ? ` ${w.dimension}` : ''}${w.node ? ` ${w.node}` : ''}`);

describe('best and worst scores per dimension', () => {
	it('finds the best score as a ratio of path sums, not on the path with the best total', () => {
		// Straight on: spread 1, best taken: 100. The detour gives more ownership in total (3) but scores 6/7 = 86.
		const draft = draftOf(`## Start

- [Detour](#long) ownership +0
  > a
- [Straight](#end) ownership +1
  > b

## Long

- [Mine](#end) ownership +3
  > c
- [Theirs](#end) ownership -3
  > d

## End

Outcome: resolved
`);
		const { ownership } = analysePaths(draft).dimensions;
		expect(ownership.best?.score).toBe(100);
		expect(ownership.best?.steps).toEqual([{ node: 'start', choice: 1 }]);
		expect(ownership.totals).toEqual({ best: 3, worst: -3 });
		expect(ownership.worst?.score).toBe(0);
		// The path with the best total is the detour taking "Mine": it scores 86, less than the best.
		const decisions: ScoredDecision[] = [decision({ ownership: 0 }, [{ ownership: 0 }, { ownership: 1 }]), decision({ ownership: 3 }, [{ ownership: 3 }, { ownership: -3 }])];
		expect(scoreDimension(decisions, 'ownership').score).toBe(86);
	});

	it('gives per ending the range of the paths that end there, where the most gained is not the best score', () => {
		/*
		 * Empathy. Start's spread is 6: Kinder gains 6, Kind 5, Rude 0. To reach Lost the trainee must take Kind, then:
		 *   Short, Yes: (5 + 1)/(6 + 1) = 86   Short, No: 5/7 = 71
		 *   Long, Most: (5 + 5)/(6 + 6) = 83 (the most gained, 10, yet not the best)   Long, None: 5/12 = 42
		 * Happy: Kinder 6/6 = 100; Rude, Fine 0/6 = 0 (Fine does not vary empathy); Kind, Long, All 11/12 = 92.
		 * Ownership varies only at Long: Most 2/2, All 1/2, None 0/2.
		 */
		const draft = draftOf(`## Start

- [Kinder](#happy) empathy +3
  > a
- [Kind](#after) empathy +2
  > a
- [Rude](#fine) empathy -3
  > b

## Fine

- [Okay](#happy) empathy +1
  > c
- [Also okay](#happy) empathy +1
  > d

## After

- [Short](#short)
  > e
- [Long](#long)
  > f

## Short

- [Yes](#lost) empathy +1
  > g
- [No](#lost) empathy +0
  > h

## Long

- [Most](#lost) empathy +2, ownership +1
  > i
- [All](#happy) empathy +3
  > j
- [None](#lost) empathy -3, ownership -1
  > k

## Happy

Outcome: resolved

## Lost

Outcome: lost
`);
		const paths = analysePaths(draft);
		const lost = paths.endings.find((ending) => ending.id === 'lost')!;
		const happy = paths.endings.find((ending) => ending.id === 'happy')!;
		expect(lost.scores.empathy).toEqual({ best: 86, worst: 42 });
		expect(happy.scores.empathy).toEqual({ best: 100, worst: 0 });
		expect(lost.scores.ownership).toEqual({ best: 100, worst: 0 });
		expect(happy.scores.ownership).toEqual({ best: 50, worst: 50 });
		expect(lost.scores.flexibility).toBeNull();
		expect([lost.paths, happy.paths, paths.paths]).toEqual([4, 4, 8]);
		expect(paths.dimensions.empathy.best?.score).toBe(100);
		expect(paths.dimensions.empathy.worst?.score).toBe(0);
		expect(paths.dimensions.empathy.totals).toEqual({ best: 5, worst: -2 });
		// Ownership varies only at Long: the other ways never assess it.
		expect(paths.dimensions.ownership.unassessedPath).toBe(true);
		expect(paths.dimensions.empathy.unassessedPath).toBe(false);
	});

	it('says when a dimension never varies, and when every path scores the same on one', () => {
		// The kind reply leads into a trap, so every path that ends takes the cold one: empathy always 0.
		const draft = draftOf(`## Start

- [Kind](#loop) empathy +2, ownership +1
  > a
- [Cold](#end) empathy -2, ownership -1
  > b
- [Cold again](#end) empathy -2, ownership +1
  > b

## Loop

- [Round](#loop-two) empathy +1
  > c

## Loop two

- [And round](#loop) empathy +1
  > d

## End

Outcome: lost
`);
		const paths = analysePaths(draft);
		expect(paths.dimensions.flexibility.best).toBeNull();
		expect(paths.dimensions.flexibility.worst).toBeNull();
		expect(paths.dimensions.empathy.best?.score).toBe(0);
		expect(paths.dimensions.empathy.worst?.score).toBe(0);
		expect(paths.dimensions.ownership.best?.score).toBe(100);
		expect(paths.nodes.loop).toEqual({ reachable: true, trap: true, ending: false });
		expect(paths.nodes['loop-two'].trap).toBe(true);
		expect(paths.nodes.start.trap).toBe(false);
		expect(warningCodes(draft)).toEqual([
			'same-score empathy',
			'best-below-good empathy',
			'not-assessed flexibility',
			'outcome-out-of-reach'
		]);
		const messages = paths.warnings.map((w) => w.message);
		expect(messages).toContain('Every path scores the same on empathy (0).');
		expect(messages).toContain('No path reaches 70 in empathy: the best is 0.');
		expect(messages).toContain('No decision varies policy flexibility, so no path assesses it.');
		expect(messages).toContain('No path ends resolved: the customer can never be satisfied.');
	});

	it('reports an ending no path reaches, and counts it as unreachable', () => {
		const draft = draftOf(`## Start

- [Good](#won) empathy +1, flexibility +1, ownership +1
  > a
- [Bad](#won) empathy -1, flexibility -1, ownership -1
  > b

## Won

Outcome: resolved

## Lost

Outcome: lost
`);
		const paths = analysePaths(draft);
		const lost = paths.endings.find((ending) => ending.id === 'lost')!;
		expect(lost).toMatchObject({ paths: 0, capped: false, mood: null, outcomes: [], outcome: 'lost' });
		expect(lost.scores).toEqual({ empathy: null, flexibility: null, ownership: null });
		expect(paths.nodes.lost).toEqual({ reachable: false, trap: false, ending: true });
		expect(paths.warnings).toContainEqual({ code: 'unreachable-ending', message: 'Ending Lost is unreachable: no path from the start leads to it.', node: 'lost' });
		expect(warningCodes(draft)).toEqual(['unreachable-ending lost']);
	});

	it('warns when even the worst path scores well', () => {
		// The cold reply leads into a trap, so every path that ends took the kind one: Right 7/7 = 100, Less right 6/7 = 86.
		const draft = draftOf(`## Start

- [Kind](#two) empathy +3
  > a
- [Cold](#stuck) empathy -3
  > b

## Two

- [Right](#end) empathy +2
  > c
- [Less right](#end) empathy +1
  > d

## Stuck

- [Round](#stuck)
  > e

## End

Outcome: resolved
`);
		expect(analysePaths(draft).dimensions.empathy.worst?.score).toBe(86);
		expect(warningCodes(draft)).toEqual(['worst-above-good empathy', 'not-assessed flexibility', 'not-assessed ownership']);
		expect(analysePaths(draft).warnings[0].message).toBe('Every path scores at least 70 in empathy (the worst is 86), so weak replies never show.');
	});
});

describe('loops', () => {
	const LOOP = `## Start

- [Ask again](#start) empathy +3, mood +10
  > a
- [Curt](#end) empathy -3, mood -30
  > b
- [Fine](#end) empathy +0
  > c

## End
`;

	it('walks a loop back once, so the analysis ends and counts each way round', () => {
		/*
		 * Start's empathy spread is 6. Straight out: Curt 0/6, Fine 3/6 = 50.
		 * Once round: Ask again (6/6) then Curt (0/6) = 50, or Fine (3/6) = 9/12 = 75.
		 */
		const paths = analysePaths(draftOf(LOOP));
		expect(paths.dimensions.empathy.best?.score).toBe(75);
		expect(paths.dimensions.empathy.best?.steps).toEqual([
			{ node: 'start', choice: 0 },
			{ node: 'start', choice: 2 }
		]);
		expect(paths.dimensions.empathy.worst?.score).toBe(0);
		expect(paths.dimensions.empathy.totals).toEqual({ best: 3, worst: -3 });
		expect(paths.paths).toBe(4);
		expect(paths.loopsBack).toEqual([{ node: 'start', choice: 0 }]);
		// The ending follows the final mood: 50 − 30 = 20 (lost) up to 50 + 10 = 60 (retained).
		expect(paths.endings[0].mood).toEqual({ low: 20, high: 60 });
		expect(paths.endings[0].outcomes).toEqual(['retained', 'escalated', 'lost']);
		expect(paths.endings[0].outcome).toBeNull();
	});

	it('terminates on a dense graph of loops, each path going back at most once', () => {
		// Every node links to every node (itself included) and to the ending: far more walks than paths counted.
		const size = 12;
		const nodes = Array.from({ length: size }, (_, i) => {
			const signed = (value: number) => (value >= 0 ? `+${value}` : `${value}`);
			const replies = Array.from({ length: size }, (_, j) => `- [To ${j}](#n${j}) empathy ${signed(((i * j) % 7) - 3)}, mood ${signed(((i + j) % 5) * 10 - 20)}\n  > f`);
			return `## N${i}\n\n${replies.join('\n')}\n- [Leave](#done) ownership +1\n  > f\n`;
		});
		const draft = draftOf(`${nodes.join('\n')}\n## Done\n`);
		const started = performance.now();
		const paths = analysePaths(draft);
		expect(performance.now() - started).toBeLessThan(2000);
		expect(paths.capped).toBe(true);
		expect(paths.paths).toBe(PATH_COUNT_CAP);
		// Leaving (empathy 0) always beats the −3 on offer everywhere, and every path ends by leaving.
		expect(paths.dimensions.empathy.best?.score).toBe(100);
		expect(paths.dimensions.empathy.worst?.score).toBeGreaterThan(0);
		expect(paths.dimensions.empathy.worst?.score).toBeLessThan(50);
		expect(paths.loopsBack.length).toBeGreaterThan(size);
	});

	it('stays fast on a wide fan-in: 3,000 replies from the start, 6,000 into one ending', () => {
		const n = 3000;
		const lines = ['## Start', ''];
		for (let i = 0; i < n; i++) lines.push(`- [R${i}](#n${i}) empathy ${i % 2 ? '+' : '-'}${i % 4}`, '  > f');
		lines.push('');
		for (let i = 0; i < n; i++) lines.push(`## N${i}`, '', `- [Go](#end) ownership +${i % 3}`, '  > f', '- [Stay](#end) ownership -1', '  > f', '');
		lines.push('## End', '');
		const draft = draftOf(lines.join('\n'));
		const started = performance.now();
		const paths = analysePaths(draft);
		expect(performance.now() - started).toBeLessThan(3000);
		expect(paths.paths).toBe(2 * n);
		// Best empathy: +3 at the start (of −2..+3) = 100; ownership: Go with +2 (of −1..+2) = 100.
		expect(paths.dimensions.empathy.best?.score).toBe(100);
		expect(paths.dimensions.ownership.best?.score).toBe(100);
		expect(paths.dimensions.ownership.worst?.score).toBe(0);
	});

	it('flags a trap and a loop that can still end', () => {
		const draft = draftOf(`## Start

- [In](#a)
  > a
- [Out](#end)
  > b

## A

- [Back](#start) ownership +1
  > c
- [Deeper](#b) ownership -1
  > d

## B

- [Around](#b)
  > e

## End

Outcome: retained
`);
		const paths = analysePaths(draft);
		expect(paths.nodes).toEqual({
			start: { reachable: true, trap: false, ending: false },
			a: { reachable: true, trap: false, ending: false },
			b: { reachable: true, trap: true, ending: false },
			end: { reachable: true, trap: false, ending: true }
		});
		// Out; In, Back, Out. Going in a second time would be a second loop back.
		expect(paths.paths).toBe(2);
		expect(paths.dimensions.ownership.best?.score).toBe(100);
		expect(paths.dimensions.ownership.worst?.score).toBe(100);
		expect(paths.dimensions.ownership.unassessedPath).toBe(true);
	});
});

describe('typed replies and drafts with errors', () => {
	it('scores a typed reply on the rubric scale, −3..+3, beside the listed replies', () => {
		/*
		 * Start lists one reply (empathy +1) and takes a typed one. Typed at +3: spread 3 − 1 = 2, all gained: 100.
		 * Typed at −3: spread 1 − (−3) = 4, gained 0: 0. The listed reply alone does not vary empathy.
		 * Alone: typed at a node with no listed reply is placed on −3..+3 (spread 6).
		 */
		const draft = draftOf(`## Start

- [Listed](#alone) empathy +1
  > a
- [Say it your way](#alone) free

## Alone

- [Only your words](#end) free
  - Look for "sorry": mood +20

## End
`);
		const paths = analysePaths(draft);
		expect(paths.dimensions.empathy.best?.score).toBe(100);
		expect(paths.dimensions.empathy.best?.typed).toBe(3);
		expect(paths.dimensions.empathy.worst?.score).toBe(0);
		expect(paths.dimensions.empathy.worst?.typed).toBe(-3);
		expect(paths.dimensions.empathy.totals).toEqual({ best: 6, worst: -6 });
		expect(paths.dimensions.empathy.unassessedPath).toBe(false);
		// Typed mood: 6·3 + 4·3 + 4·3 = 42, and the cue's +20 on top: 50 − 42 − 42 → 0; 50 + 42 + 62 → 100.
		expect(paths.endings[0].mood).toEqual({ low: 0, high: 100 });
		expect(paths.endings[0].paths).toBe(2);
	});

	it('analyses a draft with a broken link, leaving the broken reply out', () => {
		const draft = draftOf(`## Start

- [Good](#nowhere) empathy +3
  > a
- [Meh](#end) empathy +0
  > b
- [Bad](#end) empathy -1
  > c

## End

Outcome: resolved
`);
		expect(draft.broken).toEqual([{ node: 'start', choice: 0 }]);
		const paths = analysePaths(draft);
		// The spread still counts the broken reply (it is on offer): Meh gains 1 of 4.
		expect(paths.dimensions.empathy.best?.score).toBe(25);
		expect(paths.paths).toBe(2);
	});

	it('counts a link meant for a node (its heading text) for the flags, as the linter does', () => {
		const draft = draftOf(`## Start

- [Go](#The End)
  > a

## The end
`);
		const paths = analysePaths(draft);
		expect(paths.nodes['the-end'].reachable).toBe(true);
		expect(paths.nodes.start.trap).toBe(false);
		// But no trainee can follow it while it is broken.
		expect(paths.paths).toBe(0);
		expect(warningCodes(draft)).toEqual(['no-ending']);
	});

	it('is part of what the studio inspects, and handles a file with no nodes', () => {
		const inspection = inspectScenario(header() + '## Start\n\n- [Go](#end) empathy +1\n  > a\n- [Stay](#end) empathy -1\n  > b\n\n## End\n');
		expect(inspection.paths.dimensions.empathy.best?.score).toBe(100);
		const empty = inspectScenario(header() + 'Just a briefing.\n');
		expect(empty.paths).toMatchObject({ paths: 0, endings: [], warnings: [], loopsBack: [] });
	});
});

/* ------------------------------------------------------------------ */
/* Against brute force on random acyclic graphs, scored by scoreDimension itself. */

function decision(picked: Effects, offered: Effects[]): ScoredDecision {
	const values = (effects: Effects) => Object.fromEntries(DIMENSIONS.map((d) => [d, effects[d] ?? 0])) as Record<Dimension, number>;
	return { picked: values(picked), offered: offered.map(values) };
}

interface Walk {
	ending: number;
	steps: { node: number; choice: number }[];
}

function allWalks(nodes: ScenarioNode[]): Walk[] {
	const index = new Map(nodes.map((node, i) => [node.id, i]));
	const walks: Walk[] = [];
	const go = (at: number, steps: Walk['steps']) => {
		const node = nodes[at];
		if (node.choices.length === 0) walks.push({ ending: at, steps });
		node.choices.forEach((choice, c) => {
			const next = index.get(choice.target);
			if (next !== undefined) go(next, [...steps, { node: at, choice: c }]);
		});
	};
	go(0, []);
	return walks;
}

/** Every score a walk can give on a dimension: typed replies take every value −3..+3. */
function walkScores(nodes: ScenarioNode[], walk: Walk, dimension: Dimension): (number | null)[] {
	let options: ScoredDecision[][] = [[]];
	for (const step of walk.steps) {
		const node = nodes[step.node];
		const listed = node.choices.filter((choice) => !choice.free).map((choice) => choice.effects);
		const choice = node.choices[step.choice];
		const picks = choice.free ? [-3, -2, -1, 0, 1, 2, 3].map((v) => ({ [dimension]: v })) : [choice.effects];
		const offered = choice.free && listed.length === 0 ? [{ [dimension]: -3 }, { [dimension]: 3 }] : listed;
		options = options.flatMap((before) => picks.map((picked) => [...before, decision(picked, offered)]));
	}
	return options.map((decisions) => scoreDimension(decisions, dimension).score);
}

function finalMoods(nodes: ScenarioNode[], walk: Walk, start: number): number[] {
	let moods = [start];
	for (const step of walk.steps) {
		const choice = nodes[step.node].choices[step.choice];
		const deltas = choice.free ? [-42, 42] : [choice.effects.mood ?? 0];
		moods = moods.flatMap((mood) => deltas.map((delta) => Math.min(100, Math.max(0, mood + delta))));
	}
	return moods;
}

const arbitraryDag = fc
	.integer({ min: 2, max: 7 })
	.chain((size) =>
		fc.tuple(
			...Array.from({ length: size }, (_, i) =>
				i === size - 1
					? fc.constant([] as Choice[])
					: fc.array(
							fc.record({
								target: fc.integer({ min: i + 1, max: size - 1 }),
								free: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
								empathy: fc.integer({ min: -3, max: 3 }),
								ownership: fc.integer({ min: -3, max: 3 }),
								mood: fc.integer({ min: -40, max: 40 })
							}),
							{ minLength: i === 0 ? 1 : 0, maxLength: 3 }
						)
			)
		)
	)
	.map((lists): ScenarioNode[] =>
		lists.map((replies, i) => ({
			id: `n${i}`,
			title: `N${i}`,
			body: '',
			line: i + 1,
			...(replies.length === 0 && i % 2 === 1 ? { outcome: 'lost' as Outcome } : {}),
			choices: (replies as { target: number; free: boolean; empathy: number; ownership: number; mood: number }[]).map((reply) => ({
				text: 'reply',
				target: `n${reply.target}`,
				effects: reply.free ? {} : { empathy: reply.empathy, ownership: reply.ownership, mood: reply.mood },
				free: reply.free,
				feedback: '',
				cues: [],
				line: 1
			}))
		}))
	);

describe('against every path, scored by scoreDimension', () => {
	it('gives the same best and worst scores, overall and per ending, the same counts, totals and moods', () => {
		fc.assert(
			fc.property(arbitraryDag, (nodes) => {
				const draft: ScenarioDraft = { meta: null, start: nodes[0].id, nodes, broken: [] };
				const paths = analysePaths(draft);
				const walks = allWalks(nodes);
				expect(paths.paths).toBe(walks.length);
				for (const dimension of ['empathy', 'ownership', 'flexibility'] as const) {
					const scores = walks.flatMap((walk) => walkScores(nodes, walk, dimension)).filter((s): s is number => s !== null);
					expect(paths.dimensions[dimension].best?.score ?? null).toBe(scores.length ? Math.max(...scores) : null);
					expect(paths.dimensions[dimension].worst?.score ?? null).toBe(scores.length ? Math.min(...scores) : null);
					const unassessed = walks.some((walk) => walkScores(nodes, walk, dimension).includes(null));
					expect(paths.dimensions[dimension].unassessedPath).toBe(scores.length > 0 && unassessed);
					// The example path really gives the score it claims.
					const best = paths.dimensions[dimension].best;
					if (best) {
						const walk = { ending: nodes.findIndex((node) => node.id === best.ending), steps: best.steps.map((s) => ({ node: nodes.findIndex((n) => n.id === s.node), choice: s.choice })) };
						expect(walkScores(nodes, walk, dimension)).toContain(best.score);
					}
					for (const ending of paths.endings) {
						const here = walks.filter((walk) => nodes[walk.ending].id === ending.id);
						const endingScores = here.flatMap((walk) => walkScores(nodes, walk, dimension)).filter((s): s is number => s !== null);
						expect(ending.scores[dimension]).toEqual(endingScores.length ? { best: Math.max(...endingScores), worst: Math.min(...endingScores) } : null);
					}
				}
				for (const ending of paths.endings) {
					const here = walks.filter((walk) => nodes[walk.ending].id === ending.id);
					expect(ending.paths).toBe(here.length);
					const moods = here.flatMap((walk) => finalMoods(nodes, walk, 50));
					expect(ending.mood).toEqual(moods.length ? { low: Math.min(...moods), high: Math.max(...moods) } : null);
					if (ending.outcome === null && moods.length) {
						expect(ending.outcomes).toEqual(expect.arrayContaining([...new Set(moods.map(outcomeFromMood))]));
					}
				}
			}),
			{ numRuns: 300 }
		);
	});
});
