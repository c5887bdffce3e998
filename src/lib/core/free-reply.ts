import { applyStep, availableChoices, conditionHolds, findNode, type RunState } from './engine.ts';
import { scoreReply, type ReplyAssessment } from './rubric.ts';
import { RULES, rulesGateSteps } from './rubric-rules.ts';
import { replyContextAt } from './segments.ts';
import { DIMENSIONS, type Cue, type Effects, type Scenario } from './types.ts';

/*
 * Typed replies: the rubric is the largest part of the core, so it lives
 * apart from the engine and the player loads it only when a reply is typed.
 */

/** Scores a reply in the context of the current node without advancing. */
export function assessReplyHere(scenario: Scenario, state: RunState, text: string): ReplyAssessment {
	const node = findNode(scenario, state.node);
	if (!node) throw new Error(`Run is at node "${state.node}", which this scenario does not have.`);
	const free = availableChoices(scenario, state).filter((option) => option.choice.free);
	return scoreReply(text, {
		...replyContextAt(scenario, node.id),
		previousReplies: state.steps.flatMap((step) => (step.reply === undefined ? [] : [step.reply])),
		cues: uniqueCues(free.flatMap((option) => option.choice.cues))
	});
}

/** Routed free replies often repeat the same cues; each phrase should count once. */
function uniqueCues(cues: Cue[]): Cue[] {
	const seen = new Set<string>();
	return cues.filter((cue) => {
		const key = `${cue.kind}|${cue.phrases.join('|')}|${JSON.stringify(cue.effects)}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/**
 * Takes a typed reply: scores it with the rubric, then follows the first
 * free reply whose `reply.` condition holds (the last one as fallback).
 */
export function submitReply(scenario: Scenario, state: RunState, text: string): RunState {
	const available = availableChoices(scenario, state);
	const free = available.filter((option) => option.choice.free);
	if (free.length === 0) throw new Error(`"${state.node}" takes no typed reply.`);
	const assessment = assessReplyHere(scenario, state, text);
	const route = free.find((option) => conditionHolds(option.choice.when, state, assessment)) ?? free[free.length - 1];
	const effects: Effects = {};
	for (const dimension of DIMENSIONS) if (assessment[dimension] !== 0) effects[dimension] = assessment[dimension];
	if (assessment.mood !== 0) effects.mood = assessment.mood;
	return applyStep(
		scenario,
		state,
		{
			node: state.node,
			choice: route.index,
			available: available.map((option) => option.index),
			effects,
			reply: text,
			assessment
		},
		route.choice.target
	);
}

export const WARM_UP_REPLY = "I'm so sorry, Sam. I can't refund it, but I'll send a replacement today.";

/**
 * The rubric's warm-up, cut into small steps for the player to run while the browser is idle: V8 compiles each
 * rule's expression on its first use (to bytecode) and again on its second (to machine code), about a quarter of a
 * second in all on a desktop and several times that on a phone, which in one piece would stall the trainee's typing.
 * One step per build and compile of one rule, the gate's steps (`PatternGate`: per rule, reading it for the strings it
 * cannot match without, then indexing them), then a whole reply scored for the checks outside the rules.
 */
export function rubricWarmUpSteps(): (() => void)[] {
	// The rules read lower-cased text. The pattern is read inside the step: reading it is what builds it (`RULES`).
	const warmUpText = WARM_UP_REPLY.toLowerCase();
	const compile = (rule: (typeof RULES)[number]) => () => {
		const pattern = rule.pattern;
		pattern.lastIndex = 0;
		pattern.exec(warmUpText);
		pattern.lastIndex = 0;
	};
	return [
		...RULES.map(compile),
		...RULES.map(compile),
		...rulesGateSteps(),
		() => void scoreReply(WARM_UP_REPLY, { customer: 'Sam Lee', customerLine: 'Can you help?' })
	];
}
