import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/lib/core';
import { SCENARIO_TEMPLATE } from '../../src/lib/studio/template';

describe('the studio\'s new-scenario template', () => {
	it('is a playable scenario with no warnings', () => {
		const { scenario, diagnostics } = parseScenario(SCENARIO_TEMPLATE);
		expect(diagnostics).toEqual([]);
		expect(scenario?.meta.title).toBe('A new scenario');
	});
});
