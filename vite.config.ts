import { readFile } from 'node:fs/promises';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { hashSource } from './src/lib/core/hash.ts';
import { parseScenario } from './src/lib/core/parse.ts';

/**
 * Bundled scenarios are parsed at build time with the same core the checker
 * uses: `scenarios/x.md?scenario` imports the parse result as data, so the
 * player ships neither the parser nor the YAML library.
 */
function bundledScenarios(): Plugin {
	return {
		name: 'service-drill:scenarios',
		enforce: 'pre',
		async load(id) {
			const [path, query] = id.split('?');
			if (!path.endsWith('.md') || query !== 'scenario') return null;
			this.addWatchFile(path);
			const source = await readFile(path, 'utf8');
			const { scenario, diagnostics } = parseScenario(source);
			const data = { hash: hashSource(source), scenario, diagnostics };
			return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
		}
	};
}

export default defineConfig({
	plugins: [bundledScenarios(), sveltekit()],
	server: { fs: { allow: ['scenarios'] } },
	// Component tests mount Svelte's client build in jsdom.
	...(process.env.VITEST ? { resolve: { conditions: ['browser'] } } : {}),
	test: {
		include: ['tests/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000
	}
});
