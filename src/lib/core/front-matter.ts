import { isMap, isScalar, parseDocument } from 'yaml';
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

/**
 * Reads the YAML between the `---` fences. `firstLine` is the file line of the
 * YAML's first line, so every diagnostic points into the file.
 */
export function readFrontMatter(yamlText: string, firstLine: number, diagnostics: DiagnosticList): FrontMatter | null {
	const lineStarts = [0];
	for (let i = 0; i < yamlText.length; i++) if (yamlText.charCodeAt(i) === 10) lineStarts.push(i + 1);
	const position = (offset: number) => {
		let low = 0;
		let high = lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (lineStarts[mid] <= offset) low = mid;
			else high = mid - 1;
		}
		return { line: firstLine + low, column: offset - lineStarts[low] + 1 };
	};

	if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
		diagnostics.error(
			'front-matter-yaml',
			firstLine,
			1,
			`The front matter is ${yamlText.length.toLocaleString('en')} characters long; the limit is ${MAX_FRONT_MATTER_CHARS.toLocaleString('en')}.`,
			'Keep the front matter to the fields a scenario needs, and put long text in the briefing below it.'
		);
		return null;
	}

	const tooDeep = deepNesting(yamlText);
	if (tooDeep >= 0) {
		const at = position(tooDeep);
		diagnostics.error(
			'front-matter-yaml',
			at.line,
			at.column,
			`The front matter nests more than ${MAX_NESTING} levels deep.`,
			'Front matter is a list of `field: value` lines; write `tags: [a, b]` without brackets inside brackets.'
		);
		return null;
	}

	// Duplicate keys are checked below: the parser's own check is quadratic in the number of keys.
	const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
	for (const error of document.errors) {
		const at = position(error.pos[0]);
		diagnostics.error(
			'front-matter-yaml',
			at.line,
			at.column,
			`The front matter is not valid YAML: ${firstSentence(error.message)}`,
			'Check indentation and quoting: text with a colon (:) or starting with [ { * & ! | > needs "quotes".'
		);
	}
	if (document.errors.length > 0) return null;

	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount: MAX_ALIASES });
	} catch (error) {
		diagnostics.error(
			'front-matter-yaml',
			firstLine,
			1,
			`The front matter could not be read: ${firstSentence(String((error as Error)?.message ?? error))}`,
			'Remove YAML anchors and aliases (& and *); write each value out in full.'
		);
		return null;
	}
	if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data) || !isMap(document.contents)) {
		diagnostics.error(
			'front-matter-yaml',
			firstLine,
			1,
			'The front matter must be a list of `field: value` lines.',
			'Write at least `title:`, `customer:` and `summary:`, one per line.'
		);
		return null;
	}

	const fieldLine = new Map<string, { line: number; column: number }>();
	let duplicate = false;
	for (const pair of document.contents.items) {
		if (isScalar(pair.key) && pair.key.range) {
			const key = String(pair.key.value);
			if (fieldLine.has(key)) {
				const where = position(pair.key.range[0]);
				diagnostics.error(
					'front-matter-yaml',
					where.line,
					where.column,
					`The front matter is not valid YAML: \`${key}\` is given twice.`,
					'Give each field once; delete or rename one of the two lines.'
				);
				duplicate = true;
				continue;
			}
			fieldLine.set(key, position(pair.key.range[0]));
		}
		if (isScalar(pair.value) && pair.value.range && isScalar(pair.key)) {
			fieldLine.set(`${String(pair.key.value)}:value`, position(pair.value.range[0]));
		}
	}
	if (duplicate) return null;
	const record = data as Record<string, unknown>;
	const at = (field: string) => fieldLine.get(`${field}:value`) ?? fieldLine.get(field) ?? { line: firstLine, column: 1 };
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

	for (const field of Object.keys(record)) {
		if (KNOWN_FIELDS.includes(field)) continue;
		const where = fieldLine.get(field) ?? { line: firstLine, column: 1 };
		const suggestion = closest(field, KNOWN_FIELDS);
		diagnostics.warning(
			'front-matter-field-unknown',
			where.line,
			where.column,
			`Unknown front matter field \`${field}\`; it is ignored.`,
			suggestion ? `Did you mean \`${suggestion}\`?` : `Known fields: ${KNOWN_FIELDS.join(', ')}.`
		);
	}

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
