import { availableParallelism } from 'node:os';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { studioAssets } from './src/build/studio-assets.ts';

/**
 * The leave-one-set-out files (tests/core/rubric-loso-*) each train eighteen models and take minutes: they start
 * first, one per core, and the other files fill in beside them. (On a fresh clone Vitest would start the largest
 * files first, and a late start left one core working alone at the end.)
 */
class LongestFirst extends BaseSequencer {
	async sort(files: TestSpecification[]) {
		const sorted = await super.sort(files);
		const long = (file: TestSpecification) => /rubric-loso-/.test(file.moduleId);
		return [...sorted.filter(long), ...sorted.filter((file) => !long(file))];
	}
}

export default defineConfig({
	plugins: [sveltekit(), studioAssets()],
	resolve: {
		// Dexie's modern ES build: less on every page than the ES5 bundle its package entry points to.
		alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
		// Component tests mount Svelte's client build in jsdom.
		...(process.env.VITEST ? { conditions: ['browser'] } : {})
	},
	test: {
		environment: 'node',
		testTimeout: 20_000,
		// Every core: Vitest's default is one fewer, which on a 2-core machine is one worker and every file in line.
		maxWorkers: availableParallelism(),
		sequence: { sequencer: LongestFirst },
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/speed/**'], sequence: { groupOrder: 0 } } },
			// Throughput checks, once the unit tests are done (see tests/speed/); `npm run test:unit` runs the two one after the other.
			{ extends: true, test: { name: 'speed', include: ['tests/speed/**/*.test.ts'], sequence: { groupOrder: 1 } } }
		]
	}
});
