/*
 * Programmes: a boot camp or a refresher, written as a Markdown file in
 * `scenarios/programs/`. Front matter says who it is for and what passes; the
 * body is an ordered list of links to scenarios, each with optional notes.
 * Parsing follows the scenario parser: author mistakes are diagnostics, never
 * exceptions, and `programme` is null while any error remains.
 */
import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { literalLines } from './blocks.ts';
import { indentOf, linkTextAt } from './list-item.ts';
import { closest, DiagnosticList } from './diagnostics.ts';
import { readYamlFields, splitFrontMatter, warnUnknownFields, type FrontMatterHints, type Position } from './front-matter.ts';
import { MAX_SOURCE_CHARS } from './parse.ts';
import { DEFAULT_PASS_MARK } from './pass-mark.ts';
import { DIMENSIONS, perDimension, type Diagnostic, type DiagnosticCode, type Dimension } from './types.ts';

/** Who a programme is for: new starters (`boot-camp`, certified once) or existing staff (`refresher`, falls due again). */
export const AUDIENCES = ['boot-camp', 'refresher'] as const;
export type Audience = (typeof AUDIENCES)[number];

export { DEFAULT_PASS_MARK } from './pass-mark.ts';

export const RENEWAL_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type RenewalUnit = (typeof RENEWAL_UNITS)[number];

/** How long a refresher's certification lasts, as written (`12 months`); see `addPeriod`. */
export interface RenewalPeriod {
	amount: number;
	unit: RenewalUnit;
}

/** A refresher without a `renewal:` line lasts this long. */
export const DEFAULT_RENEWAL: RenewalPeriod = { amount: 12, unit: 'months' };

/** Renewal periods are refused above ten years: a longer one is a typo, not a refresher. */
const MAX_RENEWAL_DAYS = 3660;

export interface ProgrammeStep {
	/** The scenario's id: its file name without `.md`. */
	scenarioId: string;
	/** The link text, as written (usually the scenario's title); inline Markdown. */
	label: string;
	/** The author's notes for this step, as Markdown; empty when there are none. */
	notes: string;
	/** 1-based line of the list item. */
	line: number;
}

export interface Programme {
	title: string;
	/** One sentence for the programme's card; empty when the front matter has none. */
	summary: string;
	audience: Audience;
	/** Per dimension, the score (0–100) a step's attempt must reach there to pass. */
	passMark: Record<Dimension, number>;
	/** Refreshers only: how long a certification lasts. Null for boot camps, which never expire. */
	renewal: RenewalPeriod | null;
	/** Markdown before the first step (a leading `# Title` line left out); may be empty. */
	description: string;
	/** In the order written. A refresher is played in a learner's own order: see `programmeProgress`. */
	steps: ProgrammeStep[];
}

export interface ProgrammeParseResult {
	/** Null when there is any error. */
	programme: Programme | null;
	/** Errors and warnings, sorted by position. */
	diagnostics: Diagnostic[];
}

/** The diagnostic codes only programmes report (they also share the front matter codes and `file-too-large`). */
export const PROGRAMME_DIAGNOSTIC_CODES = [
	'bad-audience',
	'bad-pass-mark',
	'bad-renewal',
	'renewal-ignored',
	'no-steps',
	'unknown-scenario',
	'duplicate-step',
	'stray-step',
	'step-link-path'
] as const satisfies readonly DiagnosticCode[];

const KNOWN_FIELDS = ['title', 'summary', 'audience', 'pass-mark', 'renewal'];
/** Unknown scenarios get a "did you mean" for the first this-many, looked up among at most this many ids. */
const MAX_SUGGESTIONS = 100;
const MAX_SUGGESTION_CANDIDATES = 5000;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const BLANK = /^\s*$/;

/**
 * Reads a programme file. `knownScenarioIds` are the scenarios a step may
 * link to (the checker passes the `.md` files beside the `programs` folder, the
 * app its catalogue); a step is a list item that starts with a link to one,
 * written `../<id>.md` so the link also works on a git host.
 * @example
 * const { programme, diagnostics } = parseProgramme(readFileSync('scenarios/programs/new-hire-boot-camp.md', 'utf8'), ['the-third-call', …]);
 */
export function parseProgramme(source: string, knownScenarioIds: Iterable<string>): ProgrammeParseResult {
	const diagnostics = new DiagnosticList();
	const text = typeof source === 'string' ? source : '';
	if (text.length > MAX_SOURCE_CHARS) {
		diagnostics.error(
			'file-too-large',
			1,
			1,
			`The file is ${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_SOURCE_CHARS / 1e6} million.`,
			'A programme is a short list of scenarios; split it into several programmes.'
		);
		return { programme: null, diagnostics: diagnostics.sorted() };
	}
	let clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
	if (clean.includes('\0')) clean = clean.replace(/\0/g, '\uFFFD');
	const lines = clean.split('\n');

	const known = knownScenarioIds instanceof Set ? (knownScenarioIds as Set<string>) : new Set(knownScenarioIds);
	const { fields, bodyStart } = readHeader(lines, diagnostics);
	const body = readSteps(lines, bodyStart, known, diagnostics);
	if (fields && fields.audience === 'boot-camp' && fields.renewalLine) {
		diagnostics.warning(
			'renewal-ignored',
			fields.renewalLine.line,
			fields.renewalLine.column,
			'A boot camp is certified once and never falls due, so `renewal` is ignored.',
			'Remove the `renewal:` line, or write `audience: refresher` if staff should take this programme again.'
		);
	}

	const programme: Programme | null =
		fields && !diagnostics.hasErrors
			? {
					title: fields.title,
					summary: fields.summary,
					audience: fields.audience,
					passMark: fields.passMark,
					renewal: fields.audience === 'refresher' ? (fields.renewal ?? DEFAULT_RENEWAL) : null,
					description: body.description,
					steps: body.steps
				}
			: null;
	return { programme, diagnostics: diagnostics.sorted() };
}

interface Fields {
	title: string;
	summary: string;
	audience: Audience;
	passMark: Record<Dimension, number>;
	renewal: RenewalPeriod | null;
	/** Where `renewal:` was written, if it was. */
	renewalLine: { line: number; column: number } | null;
}

const PROGRAMME_HINTS: FrontMatterHints = { firstFields: '`title:` and `audience:`', longText: 'the description below it' };

function readHeader(lines: string[], diagnostics: DiagnosticList): { fields: Fields | null; bodyStart: number } {
	const { yamlText, bodyStart } = splitFrontMatter(lines, diagnostics, PROGRAMME_HINTS);
	return { fields: yamlText === null ? null : readFields(yamlText, 2, diagnostics), bodyStart };
}

function readFields(yamlText: string, firstLine: number, diagnostics: DiagnosticList): Fields | null {
	const yaml = readYamlFields(yamlText, firstLine, diagnostics, PROGRAMME_HINTS);
	if (!yaml) return null;
	const { record, at } = yaml;
	let ok = true;
	const fail = (code: 'front-matter-field-invalid' | 'bad-audience' | 'bad-pass-mark' | 'bad-renewal', where: Position, message: string, hint: string) => {
		diagnostics.error(code, where.line, where.column, message, hint);
		ok = false;
	};
	const missing = (field: string, hint: string) => {
		diagnostics.error('front-matter-field-missing', firstLine, 1, `The front matter has no \`${field}\`.`, hint);
		ok = false;
	};

	const text = (field: 'title' | 'summary', required: boolean, example: string): string => {
		const value = record[field];
		if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
			if (required) missing(field, `Add a line such as \`${field}: ${example}\`.`);
			return '';
		}
		if (typeof value !== 'string' && typeof value !== 'number') {
			fail('front-matter-field-invalid', at(field), `\`${field}\` must be plain text.`, `Write it on one line, e.g. \`${field}: ${example}\`.`);
			return '';
		}
		return String(value).trim();
	};
	const title = text('title', true, 'New-hire boot camp');
	const summary = text('summary', false, 'Eight conversations, from a first phone call to a furious customer.');

	let audience: Audience = 'boot-camp';
	const rawAudience = record.audience;
	if (rawAudience === undefined || rawAudience === null || rawAudience === '') {
		missing('audience', 'Add `audience: boot camp` (new starters, certified once) or `audience: refresher` (staff who come back when it falls due).');
	} else {
		const word = typeof rawAudience === 'string' ? rawAudience.trim().toLowerCase().replace(/[\s_-]+/g, ' ') : '';
		if (word === 'boot camp' || word === 'bootcamp') audience = 'boot-camp';
		else if (word === 'refresher') audience = 'refresher';
		else {
			const suggestion = word ? closest(word, ['boot camp', 'bootcamp', 'refresher']) : undefined;
			fail(
				'bad-audience',
				at('audience'),
				`Unknown audience \`${String(rawAudience)}\`.`,
				(suggestion ? `Did you mean \`${suggestion === 'bootcamp' ? 'boot camp' : suggestion}\`? ` : '') +
					'Write `audience: boot camp` (new starters, certified once) or `audience: refresher` (falls due again after `renewal`).'
			);
		}
	}

	const passMark = readPassMark(record['pass-mark'], yaml.node('pass-mark'), at('pass-mark'), yaml.position, fail);
	const renewal = readRenewal(record.renewal, at('renewal'), fail);

	warnUnknownFields(yaml, KNOWN_FIELDS, diagnostics);

	if (!ok || passMark === null) return null;
	return {
		title,
		summary,
		audience,
		passMark,
		renewal,
		renewalLine: record.renewal === undefined || record.renewal === null ? null : at('renewal')
	};
}

type Fail = (code: 'bad-pass-mark' | 'bad-renewal', where: Position, message: string, hint: string) => void;

const PASS_MARK_HINT = 'Write a whole number from 1 to 100, e.g. `pass-mark: 70`, or one per dimension on indented lines (`empathy: 80`).';
/** `pass-mark:` keys that mean a dimension. */
const DIMENSION_WORDS: Record<string, Dimension> = {
	empathy: 'empathy',
	flexibility: 'flexibility',
	'policy flexibility': 'flexibility',
	'policy-flexibility': 'flexibility',
	ownership: 'ownership'
};

/** One whole number 1–100 (a trailing `%` is allowed), or null. */
function markValue(value: unknown): number | null {
	const number = typeof value === 'string' && /^\s*\d+\s*%\s*$/.test(value) ? Number(value.replace('%', '')) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 100 ? number : null;
}

/** `pass-mark: 70` for every dimension, or a map of dimension to mark (dimensions left out keep 70). Null after an error. */
function readPassMark(
	value: unknown,
	node: YamlNode | undefined,
	where: Position,
	position: (offset: number) => Position,
	fail: Fail
): Record<Dimension, number> | null {
	if (value === undefined || value === null) return perDimension(() => DEFAULT_PASS_MARK);
	if (typeof value !== 'object' || Array.isArray(value)) {
		const mark = markValue(value);
		if (mark === null) {
			fail('bad-pass-mark', where, `\`pass-mark\` must be a whole number from 1 to 100, got \`${String(value)}\`.`, PASS_MARK_HINT);
			return null;
		}
		return perDimension(() => mark);
	}
	const marks = perDimension(() => DEFAULT_PASS_MARK);
	let ok = true;
	const entries = isMap(node) ? node.items : [];
	for (const pair of entries) {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const keyWhere = isScalar(pair.key) && pair.key.range ? position(pair.key.range[0]) : where;
		const valueNode = pair.value as YamlNode | null;
		const valueWhere = valueNode?.range ? position(valueNode.range[0]) : keyWhere;
		const dimension = DIMENSION_WORDS[key.trim().toLowerCase()];
		if (!dimension) {
			const suggestion = closest(key, Object.keys(DIMENSION_WORDS));
			fail(
				'bad-pass-mark',
				keyWhere,
				`Unknown dimension \`${key}\` in \`pass-mark\`.`,
				(suggestion ? `Did you mean \`${suggestion}\`? ` : '') + 'The dimensions are empathy, flexibility and ownership.'
			);
			ok = false;
			continue;
		}
		const mark = markValue(isScalar(valueNode) ? valueNode.value : undefined);
		if (mark === null) {
			const shown = isScalar(valueNode) ? String(valueNode.value) : '(a list)';
			fail('bad-pass-mark', valueWhere, `The pass mark for ${key} must be a whole number from 1 to 100, got \`${shown}\`.`, PASS_MARK_HINT);
			ok = false;
			continue;
		}
		marks[dimension] = mark;
	}
	return ok ? marks : null;
}

const RENEWAL_HINT = 'Write how long a certification lasts, e.g. `renewal: 12 months` (days, weeks, months or years, up to 10 years).';
const UNIT_DAYS: Record<RenewalUnit, number> = { days: 1, weeks: 7, months: 31, years: 366 };

function readRenewal(value: unknown, where: Position, fail: Fail): RenewalPeriod | null {
	if (value === undefined || value === null) return null;
	const match = typeof value === 'string' ? /^\s*(\d{1,5})\s*(day|week|month|year)s?\s*$/i.exec(value) : null;
	if (!match) {
		fail(
			'bad-renewal',
			where,
			typeof value === 'number' ? `\`renewal: ${value}\` needs a unit.` : `Cannot read the renewal period \`${String(value)}\`.`,
			RENEWAL_HINT
		);
		return null;
	}
	const amount = Number(match[1]);
	const unit = `${match[2].toLowerCase()}s` as RenewalUnit;
	if (amount < 1 || amount * UNIT_DAYS[unit] > MAX_RENEWAL_DAYS) {
		fail('bad-renewal', where, `The renewal period \`${value}\` must be at least one day and at most 10 years.`, RENEWAL_HINT);
		return null;
	}
	return { amount, unit };
}

interface ItemBlock {
	/** Line index of the item's marker. */
	start: number;
	end: number;
	/** Width (0-based column) where the item's text starts: lines indented this far belong to it. */
	contentColumn: number;
	/** Characters of the marker and the spaces after it on the item's first line. */
	markerLength: number;
}

/** Top-level lists of the body, each as its items' line ranges (the structure `parse.ts` reads, without replies' nesting rules). */
function topLevelLists(lines: string[], literal: Uint8Array, from: number): ItemBlock[][] {
	const lists: ItemBlock[][] = [];
	let current: ItemBlock[] | null = null;
	let previousBlank = true;
	for (let i = from; i < lines.length; i++) {
		const line = lines[i];
		const blank = BLANK.test(line);
		const item = current?.[current.length - 1];
		const marker = literal[i] ? null : LIST_ITEM.exec(line);
		// A marker indented to the current item's text starts a nested list, which belongs to that item.
		if (marker && !(item && indentOf(line) >= item.contentColumn)) {
			const spaces = marker[3].length;
			const contentColumn = marker[1].length + marker[2].length + (spaces === 0 || spaces > 4 ? 1 : spaces);
			if (!current) {
				current = [];
				lists.push(current);
			}
			current.push({ start: i, end: i + 1, contentColumn, markerLength: marker[0].length });
		} else if (current && item) {
			if (blank) {
				// settled by what follows
			} else if (indentOf(line) >= 2 || (!previousBlank && !/^ {0,3}(#|```|~~~)/.test(line))) {
				item.end = i + 1;
			} else {
				current = null;
			}
		}
		previousBlank = blank;
	}
	return lists;
}


interface LinkMatch {
	text: string;
	/** The target as written, without `<>` or a title. */
	target: string;
	/** 0-based offset of the target in the content, and its length. */
	targetOffset: number;
	targetLength: number;
	/** Index in the content just after the closing `)`. */
	end: number;
}

/** Reads `[text](target)` at the start of `content`; null when it does not start with a link. */
function readLink(content: string): LinkMatch | null {
	const label = linkTextAt(content);
	if (!label) return null;
	const match = /^(\s*<?)([^)>"\s]*)>?(?:\s+"[^"]*")?\s*\)/.exec(content.slice(label.afterParen));
	if (!match) return null;
	return {
		text: label.text,
		target: match[2],
		targetOffset: label.afterParen + match[1].length,
		targetLength: match[2].length,
		end: label.afterParen + match[0].length
	};
}

/**
 * The scenario a link target names (`../the-third-call.md#start` → id `the-third-call`,
 * path `../the-third-call.md`), or null when it is not a `.md` file here.
 */
function scenarioLink(target: string): { id: string; path: string } | null {
	if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null;
	let path = target.replace(/[?#].*$/, '');
	if (path.includes('%')) {
		try {
			path = decodeURIComponent(path);
		} catch {
			// keep it as written
		}
	}
	const name = path.slice(path.lastIndexOf('/') + 1);
	if (!/\.md$/i.test(name) || name.length <= 3) return null;
	return { id: name.slice(0, -3), path };
}

function readSteps(
	lines: string[],
	bodyStart: number,
	known: Set<string>,
	diagnostics: DiagnosticList
): { steps: ProgrammeStep[]; description: string } {
	const literal = literalLines(lines, bodyStart);
	const steps: ProgrammeStep[] = [];
	const seen = new Map<string, { step: ProgrammeStep; number: number }>();
	let suggestions = 0;
	let firstStepList = -1;
	let attempted = 0;
	for (const list of topLevelLists(lines, literal, bodyStart)) {
		const links = list.map((item) => readLink(lines[item.start].slice(item.markerLength)));
		const targets = links.map((link) => (link ? scenarioLink(link.target) : null));
		if (!targets.some((target) => target !== null)) continue;
		if (firstStepList < 0) firstStepList = list[0].start;
		for (const [i, item] of list.entries()) {
			const link = links[i];
			const target = targets[i];
			const line = item.start + 1;
			if (!link || !target) {
				diagnostics.warning(
					'stray-step',
					line,
					1,
					link
						? `This item starts with a link to \`${link.target}\`, which is not a scenario file, so it is not a step.`
						: 'This item sits in the list of steps but does not start with a link to a scenario, so it is not a step.',
					'Start each step with a link to a scenario file, e.g. `1. [The Third Call](../the-third-call.md)`, and put notes after it.'
				);
				continue;
			}
			attempted++;
			const id = target.id;
			const column = item.markerLength + link.targetOffset + 1;
			if (!known.has(id)) {
				// "Did you mean" costs a pass over the ids: a hostile file with thousands of bad steps gets it for the first hundred.
				const suggestion = suggestions++ < MAX_SUGGESTIONS ? closest(id, known, MAX_SUGGESTION_CANDIDATES) : undefined;
				diagnostics.error(
					'unknown-scenario',
					line,
					column,
					`This step links to the scenario \`${id}\`, but there is no \`${id}.md\`.`,
					suggestion
						? `Did you mean \`../${suggestion}.md\`? A scenario's id is its file name without \`.md\`.`
						: 'Link to a scenario file in the folder above, e.g. `[The Third Call](../the-third-call.md)`; its id is the file name without `.md`.',
					link.targetLength
				);
				continue;
			}
			const earlier = seen.get(id);
			if (earlier) {
				diagnostics.error(
					'duplicate-step',
					line,
					column,
					`\`${id}\` is already step ${earlier.number} (line ${earlier.step.line}).`,
					'List each scenario once: a step is passed once, so a second copy would pass with the first.',
					link.targetLength
				);
				continue;
			}
			if (target.path !== `../${id}.md`) {
				diagnostics.warning(
					'step-link-path',
					line,
					column,
					`Write this link as \`../${id}.md\`, so it opens the scenario on a git host too.`,
					'Programmes live in `scenarios/programs/` and scenarios one folder up, so a step links to `../<scenario id>.md`.',
					link.targetLength
				);
			}
			const step: ProgrammeStep = { scenarioId: id, label: link.text, notes: notesOf(lines, item, link), line };
			steps.push(step);
			seen.set(id, { step, number: steps.length });
		}
	}
	// With the front matter unclosed there is no body to look in: that error says enough.
	if (attempted === 0 && !diagnostics.items.some((d) => d.code === 'front-matter-unclosed')) {
		diagnostics.error(
			'no-steps',
			Math.min(bodyStart + 1, Math.max(lines.length, 1)),
			1,
			'The programme has no steps.',
			'Add a numbered list of links to scenarios, one step per line, e.g. `1. [The Third Call](../the-third-call.md)`.'
		);
	}
	return { steps, description: describe(lines, literal, bodyStart, firstStepList < 0 ? lines.length : firstStepList) };
}

/** The rest of the item's first line after the link (a leading `:`, `-`, `–` or `—` dropped), and its indented lines, dedented. */
function notesOf(lines: string[], item: ItemBlock, link: LinkMatch): string {
	const first = lines[item.start].slice(item.markerLength + link.end).replace(/^\s*(?:[:\-–—]\s*)?/, '');
	const rest = lines.slice(item.start + 1, item.end).map((line) => {
		const cut = Math.min(indentOf(line), item.contentColumn);
		let i = 0;
		let width = 0;
		while (i < line.length && width < cut) {
			width += line.charCodeAt(i) === 9 ? 4 - (width % 4) : 1;
			i++;
		}
		return line.slice(i);
	});
	const all = [first, ...rest];
	while (all.length > 0 && BLANK.test(all[0])) all.shift();
	while (all.length > 0 && BLANK.test(all[all.length - 1])) all.pop();
	return all.join('\n').trimEnd();
}

/** The Markdown before the first step, without a leading `# Title` (readers on a git host need it; the app shows the title). */
function describe(lines: string[], literal: Uint8Array, from: number, to: number): string {
	let start = from;
	while (start < to && BLANK.test(lines[start])) start++;
	if (start < to && !literal[start] && /^ {0,3}#[ \t]/.test(lines[start])) start++;
	let end = to;
	while (end > start && BLANK.test(lines[end - 1])) end--;
	while (start < end && BLANK.test(lines[start])) start++;
	return lines.slice(start, end).join('\n');
}

/** Every dimension's pass mark, for a sentence: "70" when they agree, else "empathy 80, flexibility 60, ownership 70". */
export function passMarkText(passMark: Record<Dimension, number>): string {
	const first = passMark[DIMENSIONS[0]];
	return DIMENSIONS.every((dimension) => passMark[dimension] === first)
		? String(first)
		: DIMENSIONS.map((dimension) => `${dimension} ${passMark[dimension]}`).join(', ');
}

/** "12 months", "1 year", "90 days". */
export function renewalText({ amount, unit }: RenewalPeriod): string {
	return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}
