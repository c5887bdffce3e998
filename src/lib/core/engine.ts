import { seededRandom, shuffleInPlace } from './random.ts';
import type { ReplyAssessment } from './rubric.ts';
import {
	csatFromMood,
	npsFromMood,
	outcomeFromMood,
	recommendFromMood,
	scoreDimension,
	type DimensionScore,
	type NpsClass,
	type ScoredDecision
} from './scoring.ts';
import { DIMENSION_LIMIT, DIMENSIONS, OUTCOMES, perDimension, type Choice, type Comparator, type Condition, type Cue, type Dimension, type Effects, type Outcome, type ReplyOrder, type Scenario, type ScenarioMeta, type ScenarioNode } from './types.ts';

/** Bumped when the saved shape changes; older saves are read if at least `MIN_COMPATIBLE_RUN_VERSION`. */
export const RUN_SAVE_VERSION = 2;
export const MIN_COMPATIBLE_RUN_VERSION = 1;

export type Totals = Record<Dimension, number>;

/** One decision taken: everything needed to score and replay it without the old file. */
export interface Step {
	node: string;
	/** Index into the node's choices. */
	choice: number;
	/** Indexes of the choices the trainee could see at that moment, in the order they were shown. */
	available: number[];
	/** What was applied: the authored effects, or the rubric's for a typed reply. */
	effects: Effects;
	/** Typed replies only, verbatim. */
	reply?: string;
	assessment?: ReplyAssessment;
	moodBefore: number;
	moodAfter: number;
}

/** A run in progress or finished. Plain JSON, stored as it is. */
export interface RunState {
	saveVersion: number;
	scenarioId: string;
	/** Hash of the file the run started on; a different file means a restart. */
	scenarioHash: string;
	/** Seeds this attempt's reply order (save version 2 on); runs saved without one show replies in file order. */
	seed?: number;
	node: string;
	mood: number;
	totals: Totals;
	steps: Step[];
	ended: boolean;
	outcome?: Outcome;
}

export interface AvailableChoice {
	index: number;
	choice: Choice;
}

const clampMood = (mood: number) => Math.min(100, Math.max(0, Math.round(mood)));

/** Looks a node up by id (cached per scenario). */
export function findNode(scenario: Scenario, id: string): ScenarioNode | undefined {
	let index = nodeIndexes.get(scenario);
	if (!index) {
		index = new Map(scenario.nodes.map((node) => [node.id, node]));
		nodeIndexes.set(scenario, index);
	}
	return index.get(id);
}
const nodeIndexes = new WeakMap<Scenario, Map<string, ScenarioNode>>();

function nodeOf(scenario: Scenario, id: string): ScenarioNode {
	const node = findNode(scenario, id);
	if (!node) throw new Error(`Run is at node "${id}", which this scenario does not have.`);
	return node;
}

/** Where a run begins when it does not begin at the start with the scenario's mood (a playtest from the middle). */
export interface RunStart {
	node?: string;
	mood?: number;
	totals?: Partial<Totals>;
}

/**
 * Begins a run at the scenario's start, or (for a playtest) at any node with a
 * chosen mood and running totals. An unknown node is a programmer error.
 */
export function startRun(
	scenario: Scenario,
	identity: { scenarioId: string; scenarioHash: string; seed?: number },
	from: RunStart = {}
): RunState {
	const node = from.node ?? scenario.start;
	nodeOf(scenario, node);
	const state: RunState = {
		saveVersion: RUN_SAVE_VERSION,
		scenarioId: identity.scenarioId,
		scenarioHash: identity.scenarioHash,
		...(identity.seed === undefined ? {} : { seed: identity.seed >>> 0 }),
		node,
		mood: clampMood(from.mood ?? scenario.meta.mood),
		totals: perDimension((dimension) => from.totals?.[dimension] ?? 0),
		steps: [],
		ended: false
	};
	return settle(scenario, state);
}

/** The engine's one comparison (kept here, not with the effects parser, so the player ships no parser code). */
function compare(left: number, op: Comparator, right: number): boolean {
	switch (op) {
		case '<':
			return left < right;
		case '<=':
			return left <= right;
		case '>':
			return left > right;
		case '>=':
			return left >= right;
		case '==':
			return left === right;
		case '!=':
			return left !== right;
	}
}

/** @internal shared with free-reply.ts */
export function conditionHolds(condition: Condition | undefined, state: RunState, reply?: ReplyAssessment): boolean {
	if (!condition) return true;
	if (condition.scope === 'reply') {
		if (!reply) return true; // shown now, decided when the reply is scored
		return compare(reply[condition.subject], condition.op, condition.value);
	}
	const left = condition.subject === 'mood' ? state.mood : state.totals[condition.subject];
	return compare(left, condition.op, condition.value);
}

/** Whether a node's listed replies are shuffled: its own `Order:` line, else the scenario's `shuffle`. */
export function replyOrderAt(scenario: { meta: Pick<ScenarioMeta, 'shuffle'> | null }, node: ScenarioNode): ReplyOrder {
	return node.order ?? (scenario.meta?.shuffle === false ? 'written' : 'shuffled');
}

/**
 * A node's choice indexes in the order a run seeded with `seed` shows them:
 * the listed replies shuffled (unless the author keeps the written order),
 * then the typed-reply choices in file order. The same seed always gives the
 * same order, so a reload, a resume and the debrief show what the trainee saw.
 */
export function displayOrder(scenario: Scenario, node: ScenarioNode, seed: number | undefined): number[] {
	const listed: number[] = [];
	const typed: number[] = [];
	node.choices.forEach((choice, index) => (choice.free ? typed : listed).push(index));
	if (seed !== undefined && replyOrderAt(scenario, node) === 'shuffled') shuffleInPlace(listed, seededRandom(seed, node.id));
	return [...listed, ...typed];
}

/**
 * A seed for a new attempt. `random` returns numbers in [0, 1). When the
 * previous attempt's seed is given, the new one shows the first shuffled
 * decision in a different order, so a replay never starts with the same list.
 */
export function newRunSeed(scenario: Scenario, previous: number | undefined, random: () => number): number {
	const start = findNode(scenario, scenario.start);
	const shuffles = (node: ScenarioNode) =>
		replyOrderAt(scenario, node) === 'shuffled' && node.choices.filter((choice) => !choice.free).length >= 2;
	const first = start && shuffles(start) ? start : scenario.nodes.find(shuffles);
	for (let tries = 0; ; tries++) {
		const seed = Math.floor(random() * 4294967296) >>> 0;
		if (previous === undefined || !first || tries >= 64) return seed;
		if (displayOrder(scenario, first, seed).join() !== displayOrder(scenario, first, previous).join()) return seed;
	}
}

/**
 * The replies the trainee can pick now, in the order shown (see displayOrder).
 * If every reply is hidden by its condition the trainee would be stuck, so
 * all are offered (the checker warns the author about such nodes).
 */
export function availableChoices(scenario: Scenario, state: RunState): AvailableChoice[] {
	if (state.ended) return [];
	const node = nodeOf(scenario, state.node);
	const all = displayOrder(scenario, node, state.seed).map((index) => ({ index, choice: node.choices[index] }));
	const shown = all.filter(({ choice }) => conditionHolds(choice.when, state));
	return shown.length > 0 ? shown : all;
}

/** @internal shared with free-reply.ts */
export function applyStep(scenario: Scenario, state: RunState, step: Omit<Step, 'moodBefore' | 'moodAfter'>, target: string): RunState {
	const mood = clampMood(state.mood + (step.effects.mood ?? 0));
	const totals = { ...state.totals };
	for (const dimension of DIMENSIONS) totals[dimension] += step.effects[dimension] ?? 0;
	const next: RunState = {
		...state,
		node: target,
		mood,
		totals,
		steps: [...state.steps, { ...step, moodBefore: state.mood, moodAfter: mood }]
	};
	return settle(scenario, next);
}

/** Marks the run ended when it stands on an ending. */
function settle(scenario: Scenario, state: RunState): RunState {
	const node = nodeOf(scenario, state.node);
	if (node.choices.length > 0) return state;
	return { ...state, ended: true, outcome: node.outcome ?? outcomeFromMood(state.mood) };
}

/** Picks a listed reply. Returns a new state; the old one is untouched. */
export function choose(scenario: Scenario, state: RunState, choiceIndex: number): RunState {
	const available = availableChoices(scenario, state);
	const picked = available.find((option) => option.index === choiceIndex);
	if (!picked) throw new Error(`Choice ${choiceIndex} is not available at "${state.node}".`);
	if (picked.choice.free) throw new Error('A free reply needs its text: use submitReply.');
	return applyStep(
		scenario,
		state,
		{ node: state.node, choice: choiceIndex, available: available.map((option) => option.index), effects: { ...picked.choice.effects } },
		picked.choice.target
	);
}

/** Whether the current node takes a typed reply, and the label of its text box. */
export function freeReplyPrompt(scenario: Scenario, state: RunState): string | undefined {
	return availableChoices(scenario, state).find((option) => option.choice.free)?.choice.text;
}

export interface RunScore {
	dimensions: Record<Dimension, DimensionScore>;
	outcome: Outcome | null;
	finalMood: number;
	csat: 1 | 2 | 3 | 4 | 5;
	/** Likelihood to recommend, 0–10. */
	recommend: number;
	nps: NpsClass;
}

function valuesOf(effects: Effects): Record<Dimension, number> {
	return perDimension((dimension) => effects[dimension] ?? 0);
}

/**
 * What was on offer at a step, as the scoring sees it: every listed reply's
 * authored values, plus the typed reply's own score if one was typed (an
 * untyped free reply has no value to compare with). A typed reply that was
 * the only way to answer is placed on the rubric's scale.
 */
function scoredDecision(scenario: Scenario, step: Step): ScoredDecision {
	const node = findNode(scenario, step.node);
	const offered = step.available
		.map((index) => node?.choices[index])
		.filter((choice): choice is Choice => choice !== undefined && !choice.free)
		.map((choice) => valuesOf(choice.effects));
	// A typed reply with no listed reply beside it is measured on the rubric's own scale, −3..+3.
	if (step.reply !== undefined && offered.length === 0) offered.push(uniform(-DIMENSION_LIMIT), uniform(DIMENSION_LIMIT));
	return { picked: valuesOf(step.effects), offered };
}

const uniform = (value: number) => perDimension(() => value);

/** Scores a run (finished or not) on each dimension, with the simulated customer result. */
export function scoreRun(scenario: Scenario, state: RunState): RunScore {
	const decisions = state.steps.map((step) => scoredDecision(scenario, step));
	const dimensions = Object.fromEntries(
		DIMENSIONS.map((dimension) => [dimension, scoreDimension(decisions, dimension)])
	) as Record<Dimension, DimensionScore>;
	return {
		dimensions,
		outcome: state.ended ? (state.outcome ?? outcomeFromMood(state.mood)) : null,
		finalMood: state.mood,
		csat: csatFromMood(state.mood),
		recommend: recommendFromMood(state.mood),
		nps: npsFromMood(state.mood)
	};
}

export interface BetterReply {
	index: number;
	text: string;
	value: number;
}

/** One decision replayed for the debrief. */
export interface DecisionReview {
	step: Step;
	node: ScenarioNode;
	choice: Choice;
	/** Per dimension, the reply on offer that would have scored best, when it beats the one picked. */
	better: Partial<Record<Dimension, BetterReply>>;
}

export function reviewRun(scenario: Scenario, state: RunState): DecisionReview[] {
	return state.steps.flatMap((step) => {
		const node = findNode(scenario, step.node);
		const choice = node?.choices[step.choice];
		if (!node || !choice) return [];
		const picked = valuesOf(step.effects);
		const better: Partial<Record<Dimension, BetterReply>> = {};
		for (const dimension of DIMENSIONS) {
			for (const index of step.available) {
				const option = node.choices[index];
				if (!option || option.free || index === step.choice) continue;
				const value = option.effects[dimension] ?? 0;
				if (value > picked[dimension] && value > (better[dimension]?.value ?? -Infinity)) {
					better[dimension] = { index, text: option.text, value };
				}
			}
		}
		return [{ step, node, choice, better }];
	});
}

/** A reply that would have scored better, with every dimension it is best on: one reply best on all three is named once. */
export interface BetterReplyGroup {
	index: number;
	text: string;
	values: Partial<Record<Dimension, number>>;
}

export function betterReplies(review: DecisionReview): BetterReplyGroup[] {
	const groups = new Map<number, BetterReplyGroup>();
	for (const dimension of DIMENSIONS) {
		const better = review.better[dimension];
		if (!better) continue;
		const group = groups.get(better.index) ?? { index: better.index, text: better.text, values: {} };
		group.values[dimension] = better.value;
		groups.set(better.index, group);
	}
	return [...groups.values()];
}

/** Reads a stored run; null when it is not one or is too old or too new to read. */
export function readRunState(value: unknown): RunState | null {
	if (!value || typeof value !== 'object') return null;
	const state = value as Partial<RunState>;
	if (
		typeof state.saveVersion !== 'number' ||
		state.saveVersion < MIN_COMPATIBLE_RUN_VERSION ||
		state.saveVersion > RUN_SAVE_VERSION ||
		typeof state.scenarioId !== 'string' ||
		typeof state.scenarioHash !== 'string' ||
		(state.seed !== undefined && !(Number.isInteger(state.seed) && state.seed >= 0 && state.seed < 4294967296)) ||
		typeof state.node !== 'string' ||
		typeof state.mood !== 'number' ||
		!Array.isArray(state.steps) ||
		!state.totals ||
		typeof state.totals !== 'object' ||
		!DIMENSIONS.every((dimension) => typeof state.totals![dimension] === 'number') ||
		typeof state.ended !== 'boolean' ||
		(state.outcome !== undefined && !(OUTCOMES as readonly unknown[]).includes(state.outcome)) ||
		!state.steps.every(isStep)
	) {
		return null;
	}
	return state as RunState;
}

/** A stored step the scoring and the debrief can read without throwing. */
function isStep(value: unknown): value is Step {
	if (!value || typeof value !== 'object') return false;
	const step = value as Partial<Step>;
	return (
		typeof step.node === 'string' &&
		Number.isInteger(step.choice) &&
		Array.isArray(step.available) &&
		step.available.every((index) => Number.isInteger(index)) &&
		!!step.effects &&
		typeof step.effects === 'object' &&
		typeof step.moodBefore === 'number' &&
		typeof step.moodAfter === 'number' &&
		(step.reply === undefined || typeof step.reply === 'string')
	);
}
