import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { studioAssets } from './src/build/studio-assets.ts';

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
		// Vitest's default is one worker fewer than the cores: one worker on this 2-core machine, so every file waited in line.
		maxWorkers: 2,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/speed/**'], sequence: { groupOrder: 0 } } },
			// Throughput checks, once the unit tests are done (see tests/speed/); `npm run test:unit` runs the two one after the other.
			{ extends: true, test: { name: 'speed', include: ['tests/speed/**/*.test.ts'], sequence: { groupOrder: 1 } } }
		]
	}
});
