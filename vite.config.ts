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
		include: ['tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000
	}
});
