import { compileScenario } from '$lib/core/compile';
import type { ScenarioRecord } from '$lib/core/record';
import { createMarkdownRenderer } from '$lib/markdown';

/**
 * A scenario written on this device, compiled in the browser with the same
 * core and the same sanitizing renderer the build uses for bundled ones. It
 * pulls in the parser, YAML, marked and DOMPurify, so it is only ever
 * imported lazily (by the catalogue for authored scenarios, and by the studio).
 */
export function compileInBrowser(id: string, source: string): ScenarioRecord {
	return compileScenario(id, source, renderer());
}

let pageRenderer: ReturnType<typeof createMarkdownRenderer> | undefined;
const renderer = () => (pageRenderer ??= createMarkdownRenderer());
