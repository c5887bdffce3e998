import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { cardOf } from '$lib/core/card';
import { compileScenario } from '$lib/core/compile';
import { parseProgramme } from '$lib/core/programme';
import type { ProgrammeEntry } from '$lib/core/record';
import { type MarkdownRenderer, type ScenarioCard, type ScenarioRecord } from '$lib/core/record';
import { createMarkdownRenderer } from '$lib/markdown';

/*
 * The bundled scenarios, compiled at build time (prerendered endpoints under
 * /data/): the library fetches a small index of cards, the player one
 * scenario's record with its HTML already sanitized. Neither the parser, the
 * YAML library, marked nor DOMPurify reaches the browser for them.
 */

/** `scenarios/`, or the folder in SERVICE_DRILL_SCENARIOS (the benchmark builds a 200-scenario library this way). */
const folder = () => resolve(process.env.SERVICE_DRILL_SCENARIOS ?? 'scenarios');

/**
 * Bundled scenario ids: the `.md` file names of the folder (README.md is the
 * authoring guide). Only letters, digits and hyphens make an id, so no
 * bundled id can ever look like one made on a device (those start with `~`).
 */
export function bundledIds(): string[] {
	const names = readdirSync(folder()).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md');
	const invalid = names.filter((name) => !/^[a-z0-9][a-z0-9-]*\.md$/.test(name));
	if (invalid.length > 0) throw new Error(`Scenario file names may only use a-z, 0-9 and -: rename ${invalid.join(', ')}`);
	return names.map((name) => name.slice(0, -'.md'.length)).sort();
}

/** A bundled file's text, as written; null for an unknown id. */
export function bundledSource(id: string): string | null {
	return bundledIds().includes(id) ? readFileSync(join(folder(), `${id}.md`), 'utf8') : null;
}

let renderer: MarkdownRenderer | undefined;
const markdownRenderer = () =>
	(renderer ??= createMarkdownRenderer(new JSDOM('').window as unknown as Parameters<typeof createMarkdownRenderer>[0]));

/** One bundled scenario compiled with the app's sanitizing renderer; null for an unknown id. */
export function bundledRecord(id: string): ScenarioRecord | null {
	const source = bundledSource(id);
	return source === null ? null : compileScenario(id, source, markdownRenderer());
}

/** The library's index: one card per bundled scenario (no bodies, no HTML). */
export function bundledCards(): ScenarioCard[] {
	return bundledIds().map((id) => cardOf(compileScenario(id, readFileSync(join(folder(), `${id}.md`), 'utf8'))));
}

/** The programmes (boot camps, refreshers) in `scenarios/programs/`, parsed against the bundled scenarios. */
export function bundledProgrammes(): ProgrammeEntry[] {
	const dir = join(folder(), 'programs');
	if (!existsSync(dir)) return [];
	const known = bundledIds();
	return readdirSync(dir)
		.filter((name) => /^[a-z0-9][a-z0-9-]*\.md$/.test(name))
		.sort()
		.map((name) => {
			const { programme, diagnostics } = parseProgramme(readFileSync(join(dir, name), 'utf8'), known);
			// Descriptions and step notes are Markdown: prepared with the same sanitizing renderer as scenarios.
			const html: Record<string, string> = Object.create(null);
			for (const source of programme ? [programme.description, ...programme.steps.map((step) => step.notes)] : []) {
				if (source) html[source] = markdownRenderer().block(source);
			}
			return { id: name.slice(0, -'.md'.length), programme, diagnostics, html };
		});
}
