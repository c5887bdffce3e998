import { createContext } from 'svelte';
import type { RenderedText } from '$lib/core/record';

/**
 * How the scenario's Markdown reaches the page: as HTML that the one
 * sanitizing renderer (src/lib/markdown.ts) produced when the scenario was
 * compiled. The player and the debrief provide it from the scenario's record;
 * the studio's previews provide a live renderer.
 */
export interface ScenarioText {
	block(source: string): string;
	inline(source: string): string;
}

export const [getScenarioText, setScenarioText] = createContext<ScenarioText>();

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

/**
 * The prepared HTML of the record `html()` returns (read on each lookup, so a
 * page that moves to another record shows the new one). A piece that was not
 * prepared shows as plain text, never as raw HTML.
 */
export function preparedText(html: () => RenderedText | undefined): ScenarioText {
	const lookup = (table: Record<string, string> | undefined, source: string) =>
		table && Object.hasOwn(table, source) && typeof table[source] === 'string' ? table[source] : undefined;
	return {
		block: (source) => lookup(html()?.block, source) ?? `<p>${escapeHtml(source)}</p>`,
		inline: (source) => lookup(html()?.inline, source) ?? escapeHtml(source)
	};
}
