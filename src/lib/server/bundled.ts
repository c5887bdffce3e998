import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { compileScenario } from '$lib/core/compile';
import { cardOf, type MarkdownRenderer, type ScenarioCard, type ScenarioRecord } from '$lib/core/record';
import { createMarkdownRenderer } from '$lib/markdown';

/*
 * The bundled scenarios, compiled at build time (prerendered endpoints under
 * /data/): the library fetches a small index of cards, the player one
 * scenario's record with its HTML already sanitized. Neither the parser, the
 * YAML library, marked nor DOMPurify reaches the browser for them.
 */

/** `scenarios/`, or the folder in SERVICE_DRILL_SCENARIOS (the benchmark builds a 200-scenario library this way). */
const folder = () => resolve(process.env.SERVICE_DRILL_SCENARIOS ?? 'scenarios');

/** Bundled scenario ids: the `.md` file names of the folder (README.md is the authoring guide). */
export function bundledIds(): string[] {
	return readdirSync(folder())
		.filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md')
		.map((name) => name.slice(0, -'.md'.length))
		.sort();
}

let renderer: MarkdownRenderer | undefined;

/** One bundled scenario compiled with the app's sanitizing renderer; null for an unknown id. */
export function bundledRecord(id: string): ScenarioRecord | null {
	if (!bundledIds().includes(id)) return null;
	renderer ??= createMarkdownRenderer(new JSDOM('').window as unknown as Parameters<typeof createMarkdownRenderer>[0]);
	return compileScenario(id, readFileSync(join(folder(), `${id}.md`), 'utf8'), renderer);
}

/** The library's index: one card per bundled scenario (no bodies, no HTML). */
export function bundledCards(): ScenarioCard[] {
	return bundledIds().map((id) => cardOf(compileScenario(id, readFileSync(join(folder(), `${id}.md`), 'utf8'))));
}
