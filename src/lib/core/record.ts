/*
 * A compiled scenario as the app stores, fetches and reads it. Kept apart from
 * the compiler, so the player can read records without the parser or YAML.
 */
import type { Programme } from './programme.ts';
import type { Diagnostic, Dimension, Scenario, ScenarioMeta } from './types.ts';

/** Bumped when the record's shape changes; a reader refuses records it does not know. */
export const RECORD_VERSION = 1;

/** Turns Markdown into safe HTML. The core never renders: the caller passes the app's one sanitizing renderer. */
export interface MarkdownRenderer {
	block(source: string): string;
	inline(source: string): string;
}

/** Safe HTML for each piece of Markdown a scenario shows, keyed by the piece's source text. */
export interface RenderedText {
	block: Record<string, string>;
	inline: Record<string, string>;
}

/** A compiled scenario: what the player, the debrief and the library need, whatever the source (built in or authored). */
export interface ScenarioRecord {
	recordVersion: number;
	id: string;
	/** Hash of the source text, to notice when an attempt began on another version. */
	hash: string;
	/** Null while the file has errors. */
	scenario: Scenario | null;
	diagnostics: Diagnostic[];
	/** Present when compiled with a renderer. */
	html?: RenderedText;
}

/** What a library card shows: small, so the library's weight does not grow with each scenario's body. */
export type ScenarioCard = Pick<ScenarioMeta, 'title' | 'customer' | 'summary' | 'difficulty' | 'minutes' | 'tags'> & {
	id: string;
	hash: string;
	errors: number;
	warnings: number;
	/** The first few errors, for a card that cannot be played. */
	problems: Diagnostic[];
	/** Written in the studio on this device (absent for the bundled library). */
	origin?: 'device';
	/** How much the scenario tests each dimension (the spread of its achievable totals): programmes order refreshers by it. */
	emphasis: Record<Dimension, number>;
};


/** Reads a stored or fetched record; null when it is not one this version can read. */
export function readScenarioRecord(value: unknown): ScenarioRecord | null {
	if (!value || typeof value !== 'object') return null;
	const record = value as Partial<ScenarioRecord>;
	if (
		record.recordVersion !== RECORD_VERSION ||
		typeof record.id !== 'string' ||
		typeof record.hash !== 'string' ||
		!Array.isArray(record.diagnostics) ||
		(record.scenario !== null && (typeof record.scenario !== 'object' || !Array.isArray(record.scenario?.nodes)))
	) {
		return null;
	}
	return record as ScenarioRecord;
}

/** A programme file as the app reads it: parsed (null while it has errors), with its diagnostics. */
export interface ProgrammeEntry {
	/** The file name, e.g. `new-hire-boot-camp`. */
	id: string;
	programme: Programme | null;
	diagnostics: Diagnostic[];
	/** Safe HTML of its description and step notes, keyed by their Markdown (as RenderedText.block). */
	html: Record<string, string>;
}
