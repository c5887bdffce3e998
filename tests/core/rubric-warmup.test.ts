import { afterEach, describe, expect, it } from 'vitest';
import { rubricWarmUpSteps, WARM_UP_REPLY } from '../../src/lib/core/free-reply';
import { scoreReply } from '../../src/lib/core/rubric';
import { RULES, rulesThatMayMatch } from '../../src/lib/core/rubric-rules';

const exec = RegExp.prototype.exec;
afterEach(() => {
	RegExp.prototype.exec = exec;
});

/** The expressions `run` executes, counted. */
function executed(run: () => void): Map<RegExp, number> {
	const calls = new Map<RegExp, number>();
	RegExp.prototype.exec = function (this: RegExp, text: string) {
		calls.set(this, (calls.get(this) ?? 0) + 1);
		return exec.call(this, text);
	};
	try {
		run();
	} finally {
		RegExp.prototype.exec = exec;
	}
	return calls;
}

describe('the rubric warm-up, cut into steps for idle time', () => {
	const steps = rubricWarmUpSteps();

	it('compiles one rule per step, each rule twice (bytecode, then machine code), reads and indexes each for its strings, then scores one whole reply', () => {
		expect(steps).toHaveLength(RULES.length * 4 + 1);
		const patterns = new Set<RegExp>();
		steps.slice(0, RULES.length * 2).forEach((step, i) => {
			const calls = executed(step);
			const own = RULES[i % RULES.length].pattern;
			// Its own rule's expression runs (building it runs a few small ones of the rewrite); no other rule's does.
			expect(calls.get(own)).toBe(1);
			expect(RULES.filter((rule) => rule.pattern !== own && calls.has(rule.pattern))).toEqual([]);
			patterns.add(own);
		});
		expect(patterns.size).toBe(RULES.length);
		// Reading a rule for its strings, and indexing them, runs no rule.
		for (const step of steps.slice(RULES.length * 2, -1)) expect(RULES.filter((rule) => executed(step).has(rule.pattern))).toEqual([]);
		// The whole reply runs the rules its words may match, and only those.
		const scored = executed(steps[steps.length - 1]);
		const mayMatch = rulesThatMayMatch(WARM_UP_REPLY.toLowerCase());
		expect(RULES.filter((rule) => scored.has(rule.pattern))).toEqual(RULES.filter((_, index) => mayMatch[index]));
		expect(mayMatch.filter(Boolean).length).toBeGreaterThan(3);
	});

	it('leaves nothing behind: every rule is ready to scan from the start, and scores are what they were', () => {
		const reply = "Sorry Dana, I can't refund it, but I'll send a new one by Friday.";
		const before = scoreReply(reply, { customer: 'Dana Whitfield' });
		for (const step of rubricWarmUpSteps()) step();
		for (const rule of RULES) expect(rule.pattern.lastIndex).toBe(0);
		expect(scoreReply(reply, { customer: 'Dana Whitfield' })).toEqual(before);
	});
});
