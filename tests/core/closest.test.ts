import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../src/lib/core/diagnostics.ts';

/** closest as it is defined: the first candidate with the smallest full edit distance under the threshold. */
function reference(word: string, candidates: string[], limit = 100): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	for (const candidate of candidates.slice(0, limit)) {
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

describe('closest (the "did you mean" of hints), which stops early on hopeless candidates', () => {
	it('picks what comparing every candidate in full would pick', () => {
		const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', 'd', 'é'), maxLength: 14 });
		fc.assert(
			fc.property(word, fc.array(word, { maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (target, candidates, limit) => {
				expect(closest(target, candidates, limit)).toBe(reference(target, candidates, limit));
			}),
			{ numRuns: 5000 }
		);
	});

	it('suggests a node id for a typo among thousands', () => {
		const ids = Array.from({ length: 3000 }, (_, i) => `node-${i}`);
		expect(closest('node-1001x', ids, 2000)).toBe('node-1001');
		expect(closest('ndoe-17', ids, 2000)).toBe('node-17');
	});
});
