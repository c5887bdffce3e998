import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseScenario, DIAGNOSTIC_CODES, DIMENSIONS, parseScenario, type Scenario } from '../src/lib/core';

const files = readdirSync('scenarios')
	.filter((name) => name.endsWith('.md') && name !== 'README.md')
	.sort();
const parsed = files.map((name) => ({ name, ...parseScenario(readFileSync(`scenarios/${name}`, 'utf8')) }));
const choicesOf = (scenario: Scenario) => scenario.nodes.flatMap((node) => node.choices);

describe('the bundled scenario library', () => {
	it('has at least 14 scenarios, at least three at each difficulty', () => {
		expect(files.length).toBeGreaterThanOrEqual(14);
		for (const level of [1, 2, 3]) {
			expect(parsed.filter((p) => p.scenario?.meta.difficulty === level).length).toBeGreaterThanOrEqual(3);
		}
	});

	it('has typed (free) replies in at least six scenarios', () => {
		expect(parsed.filter((p) => p.scenario && choicesOf(p.scenario).some((c) => c.free)).length).toBeGreaterThanOrEqual(6);
	});

	for (const { name, scenario, diagnostics } of parsed) {
		describe(name, () => {
			it('parses with no errors and no warnings', () => {
				expect(diagnostics).toEqual([]);
				expect(scenario).not.toBeNull();
			});
			if (!scenario) return;
			const analysis = analyseScenario(scenario);

			it('has at least 5 decisions on its longest path and at least 3 endings with different outcomes', () => {
				expect(analysis.longestDecisions).toBeGreaterThanOrEqual(5);
				const outcomes = new Set(scenario.nodes.filter((n) => n.choices.length === 0).map((n) => n.outcome ?? 'by mood'));
				expect(outcomes.size).toBeGreaterThanOrEqual(3);
			});

			it('tests all three dimensions with a real spread', () => {
				for (const dimension of DIMENSIONS) {
					const { best, worst } = analysis.totals[dimension];
					expect(best - worst, dimension).toBeGreaterThanOrEqual(3);
				}
			});

			it('gives coaching feedback on every listed reply', () => {
				for (const choice of choicesOf(scenario).filter((c) => !c.free)) expect(choice.feedback, choice.text).not.toBe('');
			});

			it('has a reply that reacts to the customer\'s mood', () => {
				expect(choicesOf(scenario).some((c) => c.when?.scope === 'run' && c.when.subject === 'mood')).toBe(true);
			});
		});
	}
});

describe('the authoring guide', () => {
	const guide = readFileSync('scenarios/README.md', 'utf8');

	it('documents every diagnostic code', () => {
		for (const code of DIAGNOSTIC_CODES) expect(guide, code).toContain(`\`${code}\``);
	});

	it('opens with a quick-start example that passes the checker with no warnings', () => {
		const example = /````markdown\n([\s\S]*?)````/.exec(guide)?.[1];
		expect(example).toBeDefined();
		const { scenario, diagnostics } = parseScenario(example!);
		expect(diagnostics).toEqual([]);
		expect(scenario).not.toBeNull();
	});
});

describe('the project README', () => {
	it("has a minimal scenario example that parses with no errors or warnings", () => {
		const example = /```markdown\n([\s\S]*?)```/.exec(readFileSync('README.md', 'utf8'))?.[1];
		expect(example).toBeDefined();
		expect(parseScenario(example!).diagnostics).toEqual([]);
	});
});
