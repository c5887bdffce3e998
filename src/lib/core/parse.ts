import { literalLines } from './blocks.ts';
import { indentOf, linkTextAt } from './list-item.ts';
import { checksNotRun, readChecks, runChecks, type CheckResult } from './checks.ts';
import { closest, DiagnosticList } from './diagnostics.ts';
import { parseCondition, parseEffects } from './effects.ts';
import { readScenarioHeader } from './front-matter.ts';
import { lintScenario } from './lint.ts';
import type { ParseCache } from './incremental.ts';
import { plainInline, slugify } from './slug.ts';
import {
	OUTCOMES,
	type Choice,
	type Cue,
	type Diagnostic,
	type Outcome,
	type ReplyOrder,
	type Scenario,
	type ScenarioDraft,
	type ScenarioMeta,
	type ScenarioNode
} from './types.ts';

const EMPTY_DRAFT = (): ScenarioDraft => ({ meta: null, start: null, nodes: [], broken: [] });

/** Larger files are refused before any work: a scenario is a conversation, not a book. */
export const MAX_SOURCE_CHARS = 8_000_000;
export const MAX_NODES = 20_000;

export interface ParseResult {
	/** Null when there is any error. */
	scenario: Scenario | null;
	/** Everything that could be read, even with errors (see ScenarioDraft). */
	draft: ScenarioDraft;
	/** Errors and warnings, sorted by position. */
	diagnostics: Diagnostic[];
	/** The file's checks (golden paths, `<!-- check: … -->`), run once the file has no errors. */
	checks: CheckResult[];
}

export interface ParseOptions {
	/** Reuse the reading of every node whose text did not change since the last parse with this cache (the studio, as the manager types). */
	cache?: ParseCache;
}

/** Where a choice's link points, kept for the linter's positioned messages. */
export interface LinkSite {
	node: ScenarioNode;
	choice: Choice;
	line: number;
	column: number;
	/** Written `(node-id)` instead of `(#node-id)`. */
	missingHash: boolean;
	/** Characters of the target as written (with its `#`), for underlining. */
	length: number;
	/** The reply's index among its node's replies. */
	index: number;
}

const NODE_HEADING = /^ {0,3}##(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const OUTCOME_LINE = /^ {0,3}(?:\*\*|__)?outcome(?![a-z0-9])(?:\s*:)?(?:\*\*|__)?\s*:?\s*(.*)$/i;
const ORDER_LINE = /^ {0,3}(?:\*\*|__)?order(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.*)$/i;
/** What an `Order:` line may say. */
const ORDER_WORDS: Record<string, ReplyOrder> = {
	'as written': 'written',
	written: 'written',
	fixed: 'written',
	shuffled: 'shuffled',
	shuffle: 'shuffled'
};

/**
 * Reads a scenario file. Author mistakes come back as diagnostics, never as
 * exceptions; `scenario` is null while any error remains.
 * Only the structure is read here (headings, choice lists, front matter):
 * node bodies stay Markdown text and are rendered when shown.
 * @example
 * const { scenario, diagnostics } = parseScenario(readFileSync('scenarios/the-third-call.md', 'utf8'));
 */
export function parseScenario(source: string, options: ParseOptions = {}): ParseResult {
	const diagnostics = new DiagnosticList();
	const text = typeof source === 'string' ? source : '';
	if (text.length > MAX_SOURCE_CHARS) {
		diagnostics.error(
			'file-too-large',
			1,
			1,
			`The file is ${(text.length / 1e6).toFixed(1)} million characters; the limit is ${MAX_SOURCE_CHARS / 1e6} million.`,
			'Split the conversation into several scenarios.'
		);
		return { scenario: null, draft: EMPTY_DRAFT(), diagnostics: diagnostics.sorted(), checks: [] };
	}
	// A plain split is several times faster than a regex one on big files; CR and NUL are rare, so check first.
	let clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (clean.includes('\r')) clean = clean.replace(/\r\n?/g, '\n');
	if (clean.includes('\0')) clean = clean.replace(/\0/g, '\uFFFD');
	const lines = clean.split('\n');

	const { meta, bodyStart } = readScenarioHeader(lines, diagnostics);
	const literal = literalLines(lines, bodyStart);
	// Checks are read here and blanked, so no node body or briefing holds one (nothing renders them to trainees).
	const checkBlocks = readChecks(lines, literal, bodyStart, diagnostics);
	for (const block of checkBlocks) lines.fill('', block.start, block.end + 1);

	// Split into the briefing and one chunk per `##` heading.
	const headings: { line: number; text: string }[] = [];
	for (let i = bodyStart; i < lines.length; i++) {
		if (literal[i]) continue;
		const line = lines[i];
		if (line.charCodeAt(firstNonSpace(line)) !== 35 /* # */) continue;
		const match = NODE_HEADING.exec(line);
		if (match) headings.push({ line: i, text: match[1] ?? '' });
	}
	if (headings.length > MAX_NODES) {
		diagnostics.error(
			'too-many-nodes',
			headings[MAX_NODES].line + 1,
			1,
			`The file has ${headings.length} nodes; the limit is ${MAX_NODES}.`,
			'Split the conversation into several scenarios.'
		);
		return { scenario: null, draft: EMPTY_DRAFT(), diagnostics: diagnostics.sorted(), checks: [] };
	}

	const briefingEnd = headings.length > 0 ? headings[0].line : lines.length;
	const briefing = briefingText(lines, bodyStart, briefingEnd);

	const nodes: ScenarioNode[] = [];
	const links: LinkSite[] = [];
	const seen = new Map<string, number>();
	options.cache?.begin(lines, literal);
	for (let h = 0; h < headings.length; h++) {
		const heading = headings[h];
		const end = h + 1 < headings.length ? headings[h + 1].line : lines.length;
		const known = options.cache?.heading(heading.text);
		const id = known?.id ?? slugify(heading.text);
		const line = heading.line + 1;
		if (id === '') {
			diagnostics.error(
				'empty-heading',
				line,
				1,
				'This `##` heading has no text, so its node has no id.',
				'Give the heading words, e.g. `## A fresh start`, and link to it as `#a-fresh-start`.'
			);
			continue;
		}
		const earlier = seen.get(id);
		if (earlier !== undefined) {
			diagnostics.error(
				'duplicate-node',
				line,
				1,
				`Another heading (line ${earlier}) already makes the node id \`${id}\`.`,
				'Reword one of the two headings so every link points to exactly one node.'
			);
			continue;
		}
		seen.set(id, line);
		const title = known?.title ?? plainInline(heading.text);
		nodes.push(
			options.cache
				? options.cache.read(readNode, lines, literal, heading.line, end, id, title, links, diagnostics)
				: readNode(lines, literal, heading.line, end, id, title, links, diagnostics)
		);
	}

	if (nodes.length === 0 && !diagnostics.items.some((d) => d.code === 'empty-heading' || d.code === 'duplicate-node' || d.code === 'front-matter-unclosed')) {
		diagnostics.error(
			'no-nodes',
			Math.min(bodyStart + 1, lines.length),
			1,
			'The scenario has no nodes.',
			'Start the conversation with a `## Start` heading, then the customer\'s first line and a list of replies.'
		);
	}

	const fullMeta = meta ? { ...meta, briefing } : null;
	const scenario: Scenario | null = fullMeta && nodes.length > 0 ? { meta: fullMeta, start: nodes[0].id, nodes } : null;
	const broken = nodes.length > 0 ? lintScenario(nodes, links, diagnostics) : [];
	const draft: ScenarioDraft = {
		meta: fullMeta,
		start: nodes[0]?.id ?? null,
		nodes,
		broken: broken.map((link) => ({ node: link.node.id, choice: link.index }))
	};

	const playable = diagnostics.hasErrors ? null : scenario;
	const checks = playable ? runChecks(playable, checkBlocks, diagnostics) : checksNotRun(checkBlocks, 'The file has errors; its checks run once they are fixed.');
	return { scenario: playable, draft, diagnostics: diagnostics.sorted(), checks };
}

function briefingText(lines: string[], from: number, to: number): string {
	let start = from;
	while (start < to && isBlank(lines[start])) start++;
	// A leading `# Title` is for readers on a git host; the app shows the title itself.
	if (start < to && /^ {0,3}#[ \t]/.test(lines[start])) start++;
	return trimBlank(lines, start, to);
}

/** Index of the first character that is not a space or tab (the line's length when there is none). */
function firstNonSpace(line: string): number {
	let i = 0;
	while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
	return i;
}

// Checked on every line, so no trimmed copy is made.
const BLANK = /^\s*$/;
const isBlank = (line: string) => BLANK.test(line);

function trimBlank(lines: string[], from: number, to: number): string {
	while (from < to && isBlank(lines[from])) from++;
	while (to > from && isBlank(lines[to - 1])) to--;
	return lines.slice(from, to).join('\n');
}

interface ListBlock {
	start: number;
	end: number;
	items: { start: number; end: number }[];
}


/** Top-level lists of a node, each with its items' line ranges. */
function findLists(lines: string[], literal: Uint8Array, from: number, to: number): ListBlock[] {
	const lists: ListBlock[] = [];
	let current: ListBlock | null = null;
	let contentIndent = 0;
	let previousBlank = true;
	for (let i = from; i < to; i++) {
		const line = lines[i];
		const blank = isBlank(line);
		if (literal[i] && !current) {
			previousBlank = false;
			continue;
		}
		const marker = literal[i] ? null : LIST_ITEM.exec(line);
		// An item indented to the current item's text is its child, not a sibling.
		const item = marker !== null && !(current && indentOf(line) >= contentIndent);
		if (item) {
			const spaces = marker[3].length;
			contentIndent = marker[1].length + marker[2].length + (spaces === 0 || spaces > 4 ? 1 : spaces);
			if (!current) {
				current = { start: i, end: i + 1, items: [] };
				lists.push(current);
			}
			current.items.push({ start: i, end: i + 1 });
			current.end = i + 1;
		} else if (current) {
			if (blank) {
				// a blank line may sit inside a list; it is settled by what follows
			} else if (indentOf(line) >= 2 || (!previousBlank && !/^ {0,3}(#|```|~~~)/.test(line))) {
				// an indented child, or a line right under the item (feedback written as `> …` without its indent counts too)
				current.items[current.items.length - 1].end = i + 1;
				current.end = i + 1;
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
	target: string;
	/** Index in the content just after the closing `)`. */
	end: number;
	targetOffset: number;
	targetLength: number;
	missingHash: boolean;
}

/** Reads `[text](#target)` at the start of `content`; null when it is not a node link. */
function readNodeLink(content: string): LinkMatch | null {
	const label = linkTextAt(content);
	if (!label) return null;
	const rest = content.slice(label.afterParen);
	const match = /^\s*<?(#?)([^)>"]*?)>?(?:\s+"[^"]*")?\s*\)/.exec(rest);
	if (!match) return null;
	// `(a-fresh-start)` is a node link missing its `#`; `(https://…)` or `(notes.md)` is an ordinary link.
	const missingHash = match[1] === '';
	if (missingHash && !/^[\p{L}\p{N}_-]+$/u.test(match[2])) return null;
	let target = match[2].trim();
	try {
		target = decodeURIComponent(target);
	} catch {
		// keep the raw text; the linter reports it as a broken link
	}
	return {
		text: label.text,
		target,
		end: label.afterParen + match[0].length,
		targetOffset: label.afterParen + (missingHash ? match[0].indexOf(match[2]) : match[0].indexOf('#')),
		targetLength: match[1].length + match[2].trimEnd().length,
		missingHash
	};
}

function readNode(
	lines: string[],
	literal: Uint8Array,
	headingIndex: number,
	end: number,
	id: string,
	title: string,
	links: LinkSite[],
	diagnostics: DiagnosticList
): ScenarioNode {
	const node: ScenarioNode = { id, title, body: '', choices: [], line: headingIndex + 1 };
	const from = headingIndex + 1;
	const lists = findLists(lines, literal, from, end);
	const removed = new Set<number>();

	const last = lists[lists.length - 1];
	if (last) {
		const stray: number[] = [];
		for (const item of last.items) {
			const choice = readChoice(lines, item.start, item.end, node, links, diagnostics);
			if (choice) node.choices.push(choice);
			else stray.push(item.start);
		}
		if (node.choices.length > 0) {
			for (let i = last.start; i < last.end; i++) removed.add(i);
			for (const line of stray) {
				diagnostics.warning(
					'stray-list-item',
					line + 1,
					1,
					'This item sits in the list of replies but does not start with a link to a node, so it is ignored.',
					'Start it with a link such as `[What you say](#next-node)`, or move it out of the list of replies.'
				);
			}
		}
	}
	for (const list of lists.slice(0, -1)) {
		for (const item of list.items) {
			const content = lines[item.start].replace(LIST_ITEM, '');
			if (readNodeLink(content)) {
				diagnostics.warning(
					'choices-not-last',
					item.start + 1,
					1,
					'This looks like a reply, but only the last list of a node holds the replies.',
					'Move the replies to the end of the node, or separate them from the text after them.'
				);
				break;
			}
		}
	}

	for (let i = from; i < end; i++) {
		if (removed.has(i) || literal[i]) continue;
		const line = lines[i];
		if (line.length > 200 || !/^ {0,3}(\*\*|__)?outcome(?![a-z0-9])/i.test(line)) continue;
		const match = OUTCOME_LINE.exec(line);
		if (!match) continue;
		removed.add(i);
		const word = match[1].replace(/[*_.!`]/g, '').trim().toLowerCase();
		if ((OUTCOMES as readonly string[]).includes(word)) {
			node.outcome = word as Outcome;
		} else {
			const suggestion = closest(word, OUTCOMES);
			diagnostics.error(
				'bad-outcome',
				i + 1,
				line.length - match[1].length + 1, // the word itself, even in `outcome: come`
				`Unknown outcome \`${match[1].trim() || '(empty)'}\`.`,
				(suggestion ? `Did you mean \`${suggestion}\`? ` : '') + 'An outcome is resolved, retained, escalated or lost.',
				match[1].trim().length
			);
		}
		if (node.choices.length > 0) {
			diagnostics.warning(
				'outcome-on-choice-node',
				i + 1,
				1,
				'This node has replies, so it is not an ending and its outcome is ignored.',
				'Move the `Outcome:` line to an ending (a node without replies).'
			);
			node.outcome = undefined;
		}
	}

	readOrderLine(lines, literal, removed, from, end, node, diagnostics);

	const kept: string[] = [];
	for (let i = from; i < end; i++) if (!removed.has(i)) kept.push(lines[i]);
	node.body = trimBlank(kept, 0, kept.length);
	return node;
}

/**
 * `Order: as written` keeps a decision's replies in file order; `Order: shuffled`
 * shuffles them in a `shuffle: false` scenario. A line whose value is not
 * nearly an order word is narration ("Order: #A-1142"), left in the body.
 */
function readOrderLine(
	lines: string[],
	literal: Uint8Array,
	removed: Set<number>,
	from: number,
	end: number,
	node: ScenarioNode,
	diagnostics: DiagnosticList
): void {
	for (let i = from; i < end; i++) {
		if (removed.has(i) || literal[i]) continue;
		const line = lines[i];
		if (line.length > 200 || !/^ {0,3}(\*\*|__)?order/i.test(line)) continue;
		const match = ORDER_LINE.exec(line);
		if (!match) continue;
		const word = match[1].replace(/[*_.!`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
		const column = line.length - match[1].length + 1;
		const order = ORDER_WORDS[word];
		if (!order) {
			const suggestion = word.length > 0 && word.length < 20 ? closest(word, Object.keys(ORDER_WORDS)) : undefined;
			if (!suggestion) continue;
			removed.add(i);
			diagnostics.error(
				'bad-order',
				i + 1,
				column,
				`Unknown reply order \`${match[1].trim()}\`.`,
				`Did you mean \`${suggestion}\`? Write \`Order: as written\` to keep the replies in the order you wrote them, or \`Order: shuffled\`.`,
				match[1].trim().length
			);
			continue;
		}
		removed.add(i);
		node.order = order;
		if (node.choices.filter((choice) => !choice.free).length < 2) {
			diagnostics.warning(
				'order-without-choice',
				i + 1,
				1,
				'This node has fewer than two replies to pick from, so their order does not matter.',
				'Remove the `Order:` line, or move it to a node where the trainee picks between replies.'
			);
		}
	}
}

function readChoice(
	lines: string[],
	start: number,
	end: number,
	node: ScenarioNode,
	links: LinkSite[],
	diagnostics: DiagnosticList
): Choice | null {
	const first = lines[start];
	const marker = LIST_ITEM.exec(first)!;
	const contentColumn = marker[0].length;
	const content = first.slice(contentColumn);
	const link = readNodeLink(content);
	if (!link) return null;

	const line = start + 1;
	const choice: Choice = { text: link.text, target: link.target, effects: {}, free: false, feedback: '', cues: [], line };
	// The reply is pushed to node.choices right after this returns, so its index is the current count.
	links.push({ node, choice, line, column: contentColumn + link.targetOffset + 1, missingHash: link.missingHash, length: link.targetLength, index: node.choices.length });

	// `effects [when condition]` after the link
	const tail = content.slice(link.end);
	const whenMatch = /(^|[\s,])when(\s|$)/i.exec(tail);
	const whenAt = whenMatch ? whenMatch.index : -1;
	const effectsText = whenAt < 0 ? tail : tail.slice(0, whenAt);
	const tailColumn = contentColumn + link.end + 1;
	const effectsTrimmed = effectsText.trim();
	if (/^free\b/i.test(effectsTrimmed)) {
		choice.free = true;
		const extra = effectsTrimmed.slice(4).replace(/^[\s,]+/, '');
		if (extra) {
			diagnostics.error(
				'effects-on-free-choice',
				line,
				tailColumn + effectsText.indexOf(extra),
				'A `free` reply is scored from what the trainee types, so it takes no fixed effects.',
				'Remove the effects, or reward phrases with a nested `- Look for "phrase": ownership +2` line.'
			);
		}
	} else {
		const lead = effectsText.length - effectsText.trimStart().length;
		choice.effects = parseEffects(effectsTrimmed.replace(/,\s*$/, ''), line, tailColumn + lead, diagnostics);
	}
	if (whenAt >= 0) {
		// `When` and `WHEN` too: the keyword is matched case-insensitively above
		const keyword = whenAt + whenMatch![1].length + 4;
		const conditionText = tail.slice(keyword);
		const lead = conditionText.length - conditionText.trimStart().length;
		choice.when = parseCondition(conditionText, line, tailColumn + keyword + lead, diagnostics);
		if (choice.when?.scope === 'reply' && !choice.free) {
			diagnostics.error(
				'reply-condition-on-fixed-choice',
				line,
				tailColumn + keyword + lead,
				'`reply.` conditions read the score of a typed reply, but this choice is not `free`.',
				'Use `when empathy …` for the running total, or mark the choice `free`.'
			);
			choice.when = undefined;
		}
	}

	readChoiceChildren(lines, start + 1, end, choice, diagnostics);
	return choice;
}

/** The nested blockquote (feedback) and, for free choices, the cue list. */
function readChoiceChildren(lines: string[], from: number, to: number, choice: Choice, diagnostics: DiagnosticList) {
	const feedback: string[] = [];
	let model: string[] | null = null;
	let last: 'none' | 'feedback' | 'model' | 'other' = 'none';
	for (let i = from; i < to; i++) {
		const raw = lines[i];
		const trimmed = raw.trim();
		if (trimmed === '') {
			if (last === 'feedback') feedback.push('');
			continue;
		}
		if (trimmed.startsWith('>')) {
			feedback.push(trimmed.replace(/^>[ \t]?/, ''));
			last = 'feedback';
			continue;
		}
		const item = /^([-*+]|\d{1,9}[.)])[ \t]+(.*)$/.exec(trimmed);
		if (item) {
			const column = raw.indexOf(item[2]) + 1;
			last = 'other';
			const modelMatch = /^model answer\s*:\s*(.*)$/i.exec(item[2]);
			if (modelMatch) {
				model = [modelMatch[1]];
				last = 'model';
			} else {
				const cue = readCue(item[2], i + 1, column, diagnostics);
				if (cue) choice.cues.push(cue);
			}
			if (!choice.free) {
				diagnostics.warning(
					'stray-list-item',
					i + 1,
					column,
					'Cues and model answers only apply to `free` replies; this line is ignored.',
					'Mark the choice `free`, or remove the nested list.'
				);
			}
			continue;
		}
		if (last === 'feedback') feedback.push(trimmed);
		else if (last === 'model' && model) model.push(trimmed);
		else {
			diagnostics.warning(
				'stray-list-item',
				i + 1,
				raw.search(/\S/) + 1,
				'Text under a reply is ignored unless it is a `>` blockquote (the coaching feedback).',
				'Start the line with `> ` to make it feedback.'
			);
		}
	}
	while (feedback.length > 0 && feedback[feedback.length - 1] === '') feedback.pop();
	choice.feedback = feedback.join('\n').trim();
	if (model && choice.free) choice.modelAnswer = (model as string[]).join(' ').trim() || undefined;
}

const QUOTED = /^\s*(?:,|\bor\b|\band\b)?\s*["\u201c]([^"\u201d]+)["\u201d]/i;

/** `Look for "prepaid label", "return label": ownership +2` */
function readCue(text: string, line: number, column: number, diagnostics: DiagnosticList): Cue | null {
	const head = /^(look for|avoid)\b\s*:?/i.exec(text);
	const hint =
		'Write `Look for "phrase", "other phrase": ownership +2` or `Avoid "phrase": empathy -1` (phrases in double quotes, then a colon and effects).';
	if (!head) {
		diagnostics.error(
			'bad-cue',
			line,
			column,
			'A line under a `free` reply must be a `Look for`, `Avoid` or `Model answer:` line.',
			hint
		);
		return null;
	}
	let rest = text.slice(head[0].length);
	const phrases: string[] = [];
	for (let match = QUOTED.exec(rest); match; match = QUOTED.exec(rest)) {
		const phrase = match[1].trim().toLowerCase();
		if (phrase) phrases.push(phrase);
		rest = rest.slice(match[0].length);
	}
	const colon = /^\s*:\s*/.exec(rest);
	if (phrases.length === 0 || !colon) {
		diagnostics.error(
			'bad-cue',
			line,
			column,
			phrases.length === 0 ? 'This cue has no phrase in double quotes.' : 'This cue needs a colon and effects after its phrases.',
			hint
		);
		return null;
	}
	const effectsText = rest.slice(colon[0].length);
	const before = diagnostics.items.length;
	const effects = parseEffects(effectsText, line, column + text.length - effectsText.length, diagnostics);
	if (diagnostics.items.length > before) return null;
	if (Object.keys(effects).length === 0) {
		diagnostics.error('bad-cue', line, column, 'This cue has no effects after its colon.', hint);
		return null;
	}
	const kind = head[1].toLowerCase() === 'avoid' ? 'avoid' : 'look-for';
	return { kind, phrases, effects, line };
}
