import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const lib = fileURLToPath(new URL('../../../src/lib', import.meta.url));

/** Builds the map harness (a test page, never part of the app) into `outDir` with the app's own Svelte and Vite. */
export async function buildHarness(outDir: string): Promise<void> {
	await build({
		root,
		base: './',
		logLevel: 'warn',
		configFile: false,
		plugins: [svelte({ configFile: fileURLToPath(new URL('../../../svelte.config.js', import.meta.url)) })],
		resolve: { alias: [{ find: /^\$lib(?=\/|$)/, replacement: lib }] },
		build: { outDir, emptyOutDir: true, reportCompressedSize: false }
	});
}
