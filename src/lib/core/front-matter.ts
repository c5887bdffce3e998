import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import { closest, type DiagnosticList } from './diagnostics.ts';
import type { ScenarioMeta } from './types.ts';

const KNOWN_FIELDS = ['title', 'customer', 'summary', 'difficulty', 'minutes', 'tags', 'mood', 'policy', 'shuffle'];
/** A handful of aliases is normal YAML; thousands is a "billion laughs" bomb. */
const MAX_ALIASES = 50;
/** Real front matter is a few hundred characters; the YAML parser slows down badly on huge inputs. */
export const MAX_FRONT_MATTER_CHARS = 32_000;
/**
 * Real front matter nests two or three levels. The YAML parser recurses per
 * level: thousands of `[` or `- ` exhaust the stack, and V8 can then die
 * outright ("RegExpCompiler Allocation failed") on the next parse.
 */
const MAX_NESTING = 64;

type FrontMatter = Omit<ScenarioMeta, 'briefing'>;

export type Position = { line: number; column: number };

/** What a kind of file (scenario, programme) says in the hints of the errors every front matter can have. */
export interface FrontMatterHints {
	/** The fields to start with, e.g. "`title:` and `audience:`". */
	firstFields: string;
	/** Where long text goes instead, e.g. "the briefing below it". */
	longText: string;
}

/**
 * Finds the `---` fences at the top of a file. `yamlText` is null (with a diagnostic) when there are none or they
 * never close; the YAML's first line is always file line 2.
 */
export function splitFrontMatter(lines: string[], diagnostics: DiagnosticList, hints: FrontMatterHints): { yamlText: string | null; bodyStart: number } {
	if (lines[0]?.trimEnd() !== '---') {
		diagnostics.error(
			'front-matter-missing',
			1,
			1,
			'The file does not start with front matter.',
			`Begin with a \`---\` line, then ${hints.firstFields} lines, then another \`---\` line.`
		);
		return { yamlText: null, bodyStart: 0 };
	}
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i].trimEnd();
		if (line === '---' || line === '...') return { yamlText: lines.slice(1, i).join('\n'), bodyStart: i + 1 };
	}
	diagnostics.error(
		'front-matter-unclosed',
		1,
		1,
		'The front matter opened on line 1 is never closed.',
		'Add a line with just `---` after the last front matter field.'
	);
	return { yamlText: null, bodyStart: lines.length };
}

/** Front matter read as a map: its plain values, and where each field (its value if it has one) was written. */
export interface YamlFields {
	record: Record<string, unknown>;
	at(field: string): Position;
	/** Where the field's name was written; undefined when it was not. */
	keyAt(field: string): Position | undefined;
	/** The field's YAML node, for fields that nest (with `position` to place what is inside). */
	node(field: string): YamlNode | undefined;
	position(offset: number): Position;
}

/**
 * Reads the YAML between the fences, safely: size and nesting limits, no alias bombs, duplicate fields refused.
 * `firstLine` is the file line of the YAML's first line, so every diagnostic points into the file.
 */
export function readYamlFields(yamlText: string, firstLine: number, diagnostics: DiagnosticList, hints: FrontMatterHints): YamlFields | null {
	const lineStarts = [0];
	for (let i = 0; i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) lineStarts.push(i + 1);
	const position = (offset: number): Position => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (lineStarts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: firstLine + low, column: offset - lineStarts[low] + 1 };
	};
	const fileStart = { line: firstLine, column: 1 };
	const yamlError = (at: Position, message: string, hint: string) => {
		diagnostics.error('front-matter-yaml', at.line, at.column, message, hint);
		return null;
	};

	if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
		return yamlError(
			fileStart,
			`The front matter is ${yamlText.length.toLocaleString('en')} characters long; the limit is ${MAX_FRONT_MATTER_CHARS.toLocaleString('en')}.`,
			`Keep the front matter to its fields, and put long text in ${hints.longText}.`
		);
	}
	const tooDeep = deepNesting(yamlText);
	if (tooDeep >= 0) {
		return yamlError(
			position(tooDeep),
			`The front matter nests more than ${MAX_NESTING} levels deep.`,
			'Front matter is a list of `field: value` lines; write `tags: [a, b]` without brackets inside brackets.'
		);
	}

	// Duplicate keys are checked below: the parser's own check is quadratic in the number of keys.
	const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
	for (const error of document.errors) {
		yamlError(
			position(error.pos[0]),
			`The front matter is not valid YAML: ${firstSentence(error.message)}`,
			'Check indentation and quoting: text with a colon (:) or starting with [ { * & ! | > needs "quotes".'
		);
	}
	if (document.errors.length > 0) return null;

	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount: MAX_ALIASES });
	} catch (error) {
		return yamlError(
			fileStart,
			`The front matter could not be read: ${firstSentence(String((error as Error)?.message ?? error))}`,
			'Remove YAML anchors and aliases (& and *); write each value out in full.'
		);
	}
	if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
		return yamlError(fileStart, 'The front matter must be a list of `field: value` lines.', `Write at least ${hints.firstFields}, one per line.`);
	}

	const keyPosition = new Map<string, Position>();
	const valueNode = new Map<string, YamlNode>();
	let duplicate = false;
	for (const pair of document.contents.items) {
		if (!isScalar(pair.key) || !pair.key.range) continue;
		const key = String(pair.key.value);
		if (keyPosition.has(key)) {
			yamlError(
				position(pair.key.range[0]),
				`The front matter is not valid YAML: \`${key}\` is given twice.`,
				'Give each field once; delete or rename one of the two lines.'
			);
			duplicate = true;
			continue;
		}
		keyPosition.set(key, position(pair.key.range[0]));
		const value = pair.value as YamlNode | null;
		if (value?.range) valueNode.set(key, value);
	}
	if (duplicate) return null;
	return {
		record: data as Record<string, unknown>,
		at: (field) => {
			const range = valueNode.get(field)?.range;
			return range ? position(range[0]) : (keyPosition.get(field) ?? fileStart);
		},
		keyAt: (field) => keyPosition.get(field),
		node: (field) => valueNode.get(field),
		position
	};
}

/** A warning at every field the file kind does not know (it is ignored), with the nearest known one. */
export function warnUnknownFields(fields: YamlFields, known: readonly string[], diagnostics: DiagnosticList): void {
	for (const field of Object.keys(fields.record)) {
		if (known.includes(field)) continue;
		const where = fields.keyAt(field) ?? fields.at(field);
		const suggestion = closest(field, known);
		diagnostics.warning(
			'front-matter-field-unknown',
			where.line,
			where.column,
			`Unknown front matter field \`${field}\`; it is ignored.`,
			suggestion ? `Did you mean \`${suggestion}\`?` : `Known fields: ${known.join(', ')}.`
		);
	}
}

const SCENARIO_HINTS: FrontMatterHints = { firstFields: '`title:`, `customer:` and `summary:`', longText: 'the briefing below it' };

/** The front matter of a scenario file, or null (with diagnostics) when it is missing or wrong. */
export function readScenarioHeader(lines: string[], diagnostics: DiagnosticList): { meta: FrontMatter | null; bodyStart: number } {
	const { yamlText, bodyStart } = splitFrontMatter(lines, diagnostics, SCENARIO_HINTS);
	return { meta: yamlText === null ? null : readFrontMatter(yamlText, 2, diagnostics), bodyStart };
}

/**
 * Reads a scenario's YAML between the `---` fences. `firstLine` is the file line of the YAML's first line, so every
 * diagnostic points into the file.
 */
export function readFrontMatter(yamlText: string, firstLine: number, diagnostics: DiagnosticList): FrontMatter | null {
	const fields = readYamlFields(yamlText, firstLine, diagnostics, SCENARIO_HINTS);
	if (!fields) return null;
	const { record, at } = fields;
	let ok = true;
	const invalid = (field: string, message: string, hint: string) => {
		const where = at(field);
		diagnostics.error('front-matter-field-invalid', where.line, where.column, message, hint);
		ok = false;
	};

	const text = (field: 'title' | 'customer' | 'summary', example: string): string => {
		const value = record[field];
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
			diagnostics.error(
				'front-matter-field-missing',
				firstLine,
				1,
				`The front matter has no \`${field}\`.`,
				`Add a line such as \`${field}: ${example}\`.`
			);
			ok = false;
			return '';
		}
		if (typeof value !== 'string' && typeof value !== 'number') {
			invalid(field, `\`${field}\` must be plain text.`, `Write it on one line, e.g. \`${field}: ${example}\`.`);
			return '';
		}
		return String(value).trim();
	};
	const title = text('title', 'The Third Call');
	const customer = text('customer', 'Dana Whitfield');
	const summary = text('summary', 'Her gift arrived broken and she has been transferred twice.');

	const integer = (field: string, fallback: number, min: number, max: number): number => {
		const value = record[field];
		if (value === undefined || value === null) return fallback;
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			invalid(field, `\`${field}\` must be a whole number from ${min} to ${max}.`, `Write e.g. \`${field}: ${fallback}\`.`);
			return fallback;
		}
		return value;
	};
	const difficulty = integer('difficulty', 1, 1, 3) as 1 | 2 | 3;
	const mood = integer('mood', 50, 0, 100);

	let minutes: number | undefined;
	if (record.minutes !== undefined && record.minutes !== null) {
		if (typeof record.minutes !== 'number' || !(record.minutes > 0) || record.minutes > 600) {
			invalid('minutes', '`minutes` must be a positive number of minutes.', 'Write e.g. `minutes: 6`.');
		} else minutes = record.minutes;
	}

	let tags: string[] = [];
	const rawTags = record.tags;
	if (typeof rawTags === 'string') tags = rawTags.split(',').map((tag) => tag.trim()).filter(Boolean);
	else if (Array.isArray(rawTags) && rawTags.every((tag) => typeof tag === 'string' || typeof tag === 'number')) {
		tags = rawTags.map((tag) => String(tag).trim()).filter(Boolean);
	} else if (rawTags !== undefined && rawTags !== null) {
		invalid('tags', '`tags` must be a list of words.', 'Write e.g. `tags: [ownership, phone]`.');
	}

	let policy: string | undefined;
	if (record.policy !== undefined && record.policy !== null) {
		if (typeof record.policy !== 'string' && typeof record.policy !== 'number') {
			invalid('policy', '`policy` must be text.', 'Write `policy: |` and the policy on the following, indented lines.');
		} else policy = String(record.policy).trim() || undefined;
	}

	let shuffle = true;
	if (record.shuffle !== undefined && record.shuffle !== null) {
		if (typeof record.shuffle !== 'boolean') {
			invalid(
				'shuffle',
				'`shuffle` must be true or false.',
				'Write `shuffle: false` to show every decision\'s replies in the order written, or leave the line out to shuffle them.'
			);
		} else shuffle = record.shuffle;
	}

	warnUnknownFields(fields, KNOWN_FIELDS, diagnostics);

	return ok ? { title, customer, summary, difficulty, minutes, tags, mood, policy, shuffle } : null;
}

/**
 * The offset where the YAML may first nest deeper than `MAX_NESTING`; -1 when
 * it never does. An overestimate, cheap and linear: open flow brackets, plus
 * every line indented deeper than the one before, plus every block indicator
 * (`- `, `? `, `: `) after the first at the start of a line. Quotes are not
 * tracked, so only absurd files are refused.
 */
export function deepNesting(yamlText: string): number {
	let flow = 0;
	let block = 0;
	let previousIndent = -1;
	let offset = 0;
	for (const line of yamlText.split('\n')) {
		const lead = /^([ \t]*)((?:[-?:](?:[ \t]+|$))*)/.exec(line)!;
		if (line.trim() !== '') {
			const indent = lead[1].length;
			if (previousIndent >= 0 && indent > previousIndent) block++;
			previousIndent = indent;
			let indicators = 0;
			for (let j = 0; j < lead[2].length; j++) {
				const code = lead[2].charCodeAt(j);
				if ((code === 45 || code === 63 || code === 58) && ++indicators > 1 && ++block + flow > MAX_NESTING) {
					return offset + indent + j;
				}
			}
			if (block + flow > MAX_NESTING) return offset + indent;
		}
		for (let j = 0; j < line.length; j++) {
			const code = line.charCodeAt(j);
			if (code === 91 /* [ */ || code === 123 /* { */) {
				if (++flow + block > MAX_NESTING) return offset + j;
			} else if ((code === 93 /* ] */ || code === 125) /* } */ && flow > 0) flow--;
		}
		offset += line.length + 1;
	}
	return -1;
}

export function firstSentence(message: string): string {
	const line = message.split('\n')[0].trim();
	return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
