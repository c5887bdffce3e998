/*
 * Golden paths ("checks"): a scenario may name paths through itself, a reply
 * at each decision, with the outcome and scores that path must give. A check
 * is an HTML comment, so it reads as Markdown, is hidden on a git host, and
 * its lines are already literal text for the parser (blocks.ts):
 *
 *   <!-- check: Best path
 *   - I'm sorry you've had to call three times
 *   - 2
 *   - typed: I'll send a replacement by express today, Dana.
 *   expect: outcome resolved, mood >= 70, empathy >= 90, ownership 80..100
 *   -->
 *
 * The parser reads the blocks (and blanks their lines, so no body or briefing
 * ever holds one) and, once the file has no errors, runs each check through
 * the real engine and rubric from the start. Every mismatch is a warning at
 * its own line: a check tests the scenario, it is not part of it, so a stale
 * or failing check never stops trainees playing the file; `--strict` fails on it.
 */
import { literalLines } from './blocks.ts';
import { closest, type DiagnosticList } from './diagnostics.ts';
import { availableChoices, choose, findNode, scoreRun, startRun, type AvailableChoice, type RunState } from './engine.ts';
import { submitReply } from './free-reply.ts';
import { plainInline, slugify } from './slug.ts';
import { DIMENSIONS, OUTCOMES, type Choice, type Diagnostic, type DiagnosticCode, type Dimension, type Outcome, type Scenario, type ScenarioNode } from './types.ts';

/** A file runs at most this many checks, each at most this many steps: checks are a handful of paths, and hostile files stay fast. */
export const MAX_CHECKS = 50;
export const MAX_CHECK_STEPS = 100;

/** What an expectation is about: the ending reached, its outcome, the final mood, or a dimension's score. */
export type CheckSubject = 'outcome' | 'ending' | 'mood' | Dimension;

/** One step of a check as written: a reply by its number in the node, by a few of its words, or a typed reply's text. */
export type CheckPick = { kind: 'number'; number: number } | { kind: 'words'; words: string } | { kind: 'typed'; text: string };

export interface CheckStep {
	pick: CheckPick;
	/** The step as written (without its list marker). */
	text: string;
	line: number;
	column: number;
}

type Want =
	| { subject: 'outcome'; outcomes: Outcome[] }
	| { subject: 'ending'; node: string }
	| { subject: 'mood' | Dimension; min: number; max: number }
	| { subject: Dimension; notAssessed: true };

export interface CheckExpectation {
	want: Want;
	/** As the studio and the messages show it, e.g. `ownership >= 80`. */
	text: string;
	line: number;
	column: number;
	/** Characters of the expectation as written, for underlining. */
	length: number;
}

/** A check block as read from the file. */
export interface CheckDefinition {
	name: string;
	/** 1-based lines of `<!-- check` and of the line holding `-->`. */
	line: number;
	endLine: number;
	steps: CheckStep[];
	expectations: CheckExpectation[];
	/** Lines of the block that could not be read (already in the file's diagnostics). */
	problems: Diagnostic[];
}

/** One decision the check's path took. */
export interface CheckPathStep {
	/** The step's line in the file. */
	line: number;
	node: string;
	/** 1-based, among the node's replies as written in the file. */
	reply: number;
	/** The reply's text (plain, no Markdown). */
	text: string;
	/** What was typed, for a typed reply. */
	typed?: string;
}

export interface CheckExpectationResult {
	/** What was expected, e.g. `ownership >= 80`. */
	expected: string;
	/** What the path gave, e.g. `ownership 65`; null when the path did not reach an ending. */
	actual: string | null;
	/** Null when not evaluated (the path did not reach an ending). */
	passed: boolean | null;
	line: number;
	column: number;
}

/** What the path gave at its ending. */
export interface CheckOutcome {
	ending: string;
	outcome: Outcome;
	mood: number;
	/** 0–100 per dimension, null when not assessed. */
	scores: Record<Dimension, number | null>;
}

/** A check as run: what the studio's checks panel and the checker show. */
export interface CheckResult {
	name: string;
	/** 1-based lines of the block's first line (`<!-- check`) and last line (`-->`). */
	line: number;
	endLine: number;
	/** `not-run` while the file has errors; `failed` when the check has any problem. */
	status: 'passed' | 'failed' | 'not-run';
	/** Why the check did not run. */
	reason?: string;
	/** The decisions taken, up to where the path stopped. */
	path: CheckPathStep[];
	/** The run's result, when the path reached an ending. */
	result?: CheckOutcome;
	expectations: CheckExpectationResult[];
	/** This check's diagnostics (also in the file's): unreadable lines, steps that do not match the file, unmet expectations. */
	problems: Diagnostic[];
}

/** A check block found in the file, with the 0-based line range it covers; `definition` is null past MAX_CHECKS (not run). */
export interface CheckBlock {
	definition: CheckDefinition | null;
	start: number;
	end: number;
}

const OPENER = /^([ \t]*<!--[ \t]*)check[ \t]*(?::|(?=["\u201c]))/i;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const EXPECT = /^expect(?:s|ed)?[ \t]*:/i;
const TYPED = /^typed\s*:\s?/i;
const NUMBER = /^(?:reply\s*)?#?(\d{1,4})\.?$/i;
/** Never a real line: it opens and closes nothing, so after any line it is literal exactly when a block is still open. */
const PROBE = 'x';

const SYNTAX_HINT =
	'Write one step per line (`- 2`, `- a few words of the reply`, `- typed: what the trainee types`) and `expect: outcome resolved, mood >= 70, empathy 80..100`.';

/**
 * Finds the check blocks among the lines from `from` on (the body), reads
 * them, and reports unreadable lines. Only a comment that opens outside any
 * code fence or other comment is a check, by the same rule as the parser's.
 */
export function readChecks(lines: string[], literal: Uint8Array, from: number, diagnostics: DiagnosticList): CheckBlock[] {
	const candidates: number[] = [];
	for (let i = from; i < lines.length; i++) if (literal[i] && lines[i].includes('<!--') && OPENER.test(lines[i])) candidates.push(i);
	if (candidates.length === 0) return [];

	// After which lines a fence or comment is still open: blocks.ts's rule, read through a probe line after each line.
	const probed: string[] = [];
	for (let i = from; i < lines.length; i++) probed.push(lines[i], PROBE);
	const flags = literalLines(probed);
	const openAfter = (i: number) => flags[2 * (i - from) + 1] === 1;

	const blocks: CheckBlock[] = [];
	const names = new Map<string, number>();
	let duplicates = 0;
	for (const start of candidates) {
		if (start > from && openAfter(start - 1)) continue; // inside code or another comment: text
		let end = start;
		while (end < lines.length && openAfter(end)) end++;
		if (end >= lines.length) {
			diagnostics.warning(
				'bad-check',
				start + 1,
				lines[start].indexOf('<!--') + 1,
				'This check is never closed, so the rest of the file is hidden inside it.',
				'Close the check with a line `-->` after its `expect:` line.'
			);
			continue;
		}
		if (names.size + duplicates >= MAX_CHECKS) {
			diagnostics.warning(
				'bad-check',
				start + 1,
				1,
				`A file runs at most ${MAX_CHECKS} checks; this one and the rest are not run.`,
				'Keep the checks that guard what matters: the best path, the worst and a few mixed ones.'
			);
			blocks.push({ definition: null, start, end });
			continue;
		}
		const definition = readBlock(lines, start, end, diagnostics);
		const earlier = names.get(definition.name.toLowerCase());
		if (earlier !== undefined) {
			duplicates++;
			problem(diagnostics, definition.problems, start + 1, 1, `Another check (line ${earlier}) is already called "${definition.name}".`, 'Give each check its own name, so its results can be told apart.');
		} else names.set(definition.name.toLowerCase(), start + 1);
		blocks.push({ definition, start, end });
	}
	return blocks;
}

/** Reports a problem of one check, in the file's diagnostics and in the check's own list. */
function problem(
	diagnostics: DiagnosticList,
	problems: Diagnostic[],
	line: number,
	column: number,
	message: string,
	hint: string,
	length?: number,
	code: DiagnosticCode = 'bad-check'
): void {
	diagnostics.warning(code, line, column, message, hint, length);
	problems.push(diagnostics.items[diagnostics.items.length - 1]);
}

function readBlock(lines: string[], start: number, end: number, diagnostics: DiagnosticList): CheckDefinition {
	const definition: CheckDefinition = { name: '', line: start + 1, endLine: end + 1, steps: [], expectations: [], problems: [] };
	const opener = OPENER.exec(lines[start])!;
	let overflow = false;
	for (let i = start; i <= end; i++) {
		const raw = lines[i];
		let from = i === start ? opener[0].length : 0;
		let to = raw.length;
		if (i === end) {
			const close = raw.indexOf('-->', i === start ? raw.indexOf('<!--') + 4 : 0);
			if (close >= 0) to = close;
		}
		let text = raw.slice(from, to);
		const lead = text.length - text.trimStart().length;
		from += lead;
		text = text.trim();
		if (i === start) {
			definition.name = text.replace(/^["\u201c](.*)["\u201d]$/, '$1').trim();
			if (definition.name === '') {
				definition.name = `Check on line ${start + 1}`;
				problem(diagnostics, definition.problems, start + 1, 1, 'This check has no name.', 'Name it on its first line, e.g. `<!-- check: Best path`.');
			}
			continue;
		}
		if (text === '') continue;
		const expect = EXPECT.exec(text);
		if (expect) {
			readExpectations(text.slice(expect[0].length), i + 1, from + expect[0].length + 1, definition, diagnostics);
			continue;
		}
		const marker = LIST_MARKER.exec(text);
		if (!marker && /^expect(?:s|ed)?\b/i.test(text)) {
			problem(diagnostics, definition.problems, i + 1, from + 1, 'An expectation line needs a colon after `expect`.', 'Write `expect: outcome resolved, mood >= 70`; a step that starts with the word "expect" needs a `- ` in front.', text.length);
			continue;
		}
		const step = marker ? text.slice(marker[0].length).trim() : text;
		const column = from + (marker ? text.indexOf(step, marker[0].length) : 0) + 1;
		if (step === '') {
			problem(diagnostics, definition.problems, i + 1, from + 1, 'This step is empty.', SYNTAX_HINT);
			continue;
		}
		if (definition.steps.length >= MAX_CHECK_STEPS) {
			if (!overflow) problem(diagnostics, definition.problems, i + 1, column, `A check takes at most ${MAX_CHECK_STEPS} steps; the rest are ignored.`, 'Split the path into a shorter check.');
			overflow = true;
			continue;
		}
		const pick = readPick(step);
		if (pick.kind === 'words' && normalise(pick.words) === '') {
			problem(diagnostics, definition.problems, i + 1, column, `Cannot read the step \`${step}\`: it has no words to find a reply by.`, SYNTAX_HINT, step.length);
			continue;
		}
		definition.steps.push({ pick, text: step, line: i + 1, column });
	}
	return definition;
}

function readPick(step: string): CheckPick {
	const typed = TYPED.exec(step);
	if (typed) return { kind: 'typed', text: step.slice(typed[0].length).trim() };
	const number = NUMBER.exec(step);
	if (number) return { kind: 'number', number: Number(number[1]) };
	return { kind: 'words', words: step.replace(/^["\u201c\u2018'](.*)["\u201d\u2019']$/, '$1') };
}

/** For matching a few words against a reply: plain text, lower case, punctuation and curly quotes as spaces. */
function normalise(text: string): string {
	return plainInline(text)
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

const SUBJECT_WORDS: Record<string, CheckSubject> = {
	outcome: 'outcome',
	ending: 'ending',
	mood: 'mood',
	'final mood': 'mood',
	empathy: 'empathy',
	flexibility: 'flexibility',
	'policy flexibility': 'flexibility',
	ownership: 'ownership'
};
const RANGE_OPS = /^(>=|<=|=>|=<|==|=|>|<)\s*(\d{1,6})$/;
const BETWEEN = /^(\d{1,6})\s*(?:\.\.|-|\u2013|\u2014|to)\s*(\d{1,6})$/i;

/** `expect: outcome resolved, ending sorted, mood >= 70, empathy 80..100, flexibility not assessed` */
function readExpectations(text: string, line: number, column: number, definition: CheckDefinition, diagnostics: DiagnosticList): void {
	let offset = 0;
	for (const part of text.split(',')) {
		const at = column + offset + (part.length - part.trimStart().length);
		offset += part.length + 1;
		const item = part.trim().replace(/\s+/g, ' ');
		if (item === '') continue;
		const fail = (message: string, hint: string) => problem(diagnostics, definition.problems, line, at, message, hint, part.trim().length);
		const head = /^(policy flexibility|final mood|[a-z]+)\s*(?:is\b|:)?\s*(.*)$/i.exec(item);
		const subject = head ? SUBJECT_WORDS[head[1].toLowerCase()] : undefined;
		if (!head || !subject) {
			const suggestion = head ? closest(head[1].toLowerCase(), Object.keys(SUBJECT_WORDS)) : undefined;
			fail(
				`Cannot read the expectation \`${item}\`.`,
				(suggestion ? `Did you mean \`${suggestion}\`? ` : '') +
					'An expectation is `outcome resolved` (or `resolved or retained`), `ending <node id>`, `mood >= 70`, or a dimension (empathy, flexibility, ownership) with a range such as `>= 90`, `80..100` or `not assessed`.'
			);
			continue;
		}
		if (definition.expectations.some((e) => e.want.subject === subject)) {
			fail(`\`${subject}\` is expected twice in this check.`, 'Give each expectation once; a range such as `60..80` sets both ends.');
			continue;
		}
		const value = head[2].trim();
		const add = (want: Want, shown: string) => definition.expectations.push({ want, text: shown, line, column: at, length: part.trim().length });
		if (subject === 'outcome') {
			const words = value.toLowerCase().split(/\s*(?:\bor\b|\||\/)\s*/).filter(Boolean);
			const unknown = words.find((word) => !(OUTCOMES as readonly string[]).includes(word));
			if (words.length === 0 || unknown !== undefined) {
				const suggestion = unknown ? closest(unknown, OUTCOMES) : undefined;
				fail(`Unknown outcome \`${unknown ?? value}\` in this check.`, `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}An outcome is resolved, retained, escalated or lost; several may be joined with \`or\`.`);
				continue;
			}
			add({ subject, outcomes: words as Outcome[] }, `outcome ${words.join(' or ')}`);
			continue;
		}
		if (subject === 'ending') {
			const node = slugify(value.replace(/^#/, ''));
			if (node === '') {
				fail('This expectation names no ending.', 'Write the ending\'s node id, as in a reply link: `ending sorted`.');
				continue;
			}
			add({ subject, node }, `ending ${node}`);
			continue;
		}
		if (/^not assessed$/i.test(value) && subject !== 'mood') {
			add({ subject, notAssessed: true }, `${subject} not assessed`);
			continue;
		}
		const range = readRange(value);
		if (!range) {
			fail(
				`Cannot read the range \`${value || '(nothing)'}\` for ${subject}.`,
				`Write \`${subject} >= 80\`, \`${subject} <= 40\`, \`${subject} 60..80\` or \`${subject} 100\`${subject === 'mood' ? '' : ', or `not assessed`'}; scores and mood go from 0 to 100.`
			);
			continue;
		}
		add({ subject, min: range.min, max: range.max }, `${subject} ${range.shown}`);
	}
}

function readRange(value: string): { min: number; max: number; shown: string } | null {
	let min: number;
	let max: number;
	let shown: string;
	const between = BETWEEN.exec(value);
	const op = RANGE_OPS.exec(value);
	if (between) {
		[min, max] = [Number(between[1]), Number(between[2])];
		shown = `${min}..${max}`;
	} else if (op) {
		const n = Number(op[2]);
		const sign = op[1] === '=>' ? '>=' : op[1] === '=<' ? '<=' : op[1];
		[min, max] = sign === '>=' ? [n, 100] : sign === '>' ? [n + 1, 100] : sign === '<=' ? [0, n] : sign === '<' ? [0, n - 1] : [n, n];
		shown = sign === '=' || sign === '==' ? String(n) : `${sign} ${n}`;
	} else if (/^\d{1,6}$/.test(value)) {
		min = max = Number(value);
		shown = String(min);
	} else return null;
	if (min > max || min < 0 || max > 100) return null;
	return { min, max, shown };
}

/** The results of checks that cannot run (the file has errors). */
export function checksNotRun(blocks: CheckBlock[], reason: string): CheckResult[] {
	return definitionsOf(blocks).map((definition) => ({
		name: definition.name,
		line: definition.line,
		endLine: definition.endLine,
		status: 'not-run',
		reason,
		path: [],
		expectations: definition.expectations.map((e) => ({ expected: e.text, actual: null, passed: null, line: e.line, column: e.column })),
		problems: [...definition.problems]
	}));
}

/**
 * Walks each check's path through the real engine from the start (typed
 * replies scored by the rubric), then compares the result with its
 * expectations. Each mismatch is added to `diagnostics` at its line.
 * @example runChecks(scenario, readChecks(lines, literal, bodyStart, diagnostics), diagnostics)
 */
export function runChecks(scenario: Scenario, blocks: CheckBlock[], diagnostics: DiagnosticList): CheckResult[] {
	return definitionsOf(blocks).map((definition) => runCheck(scenario, definition, diagnostics));
}

const definitionsOf = (blocks: CheckBlock[]) => blocks.flatMap((block) => (block.definition ? [block.definition] : []));

function runCheck(scenario: Scenario, check: CheckDefinition, diagnostics: DiagnosticList): CheckResult {
	const problems = [...check.problems];
	const path: CheckPathStep[] = [];
	const label = `Check "${check.name}"`;
	let state = startRun(scenario, { scenarioId: 'check', scenarioHash: '' }); // no seed: replies in file order
	let stuck = false;
	for (const [i, step] of check.steps.entries()) {
		const stepLabel = `${label}, step ${i + 1}`;
		const report = (code: DiagnosticCode, message: string, hint: string) => {
			problem(diagnostics, problems, step.line, step.column, message, hint, step.text.length, code);
			stuck = true;
		};
		if (state.ended) {
			report(
				'check-past-ending',
				`${stepLabel}: the path has already ended at \`${state.node}\`${i > 0 ? ` after step ${i}` : ''}.`,
				'Remove the steps after the ending, or change an earlier step so the path goes on.'
			);
			break;
		}
		const node = findNode(scenario, state.node)!;
		const offered = availableChoices(scenario, state);
		const taken = takeStep(scenario, state, node, offered, step, stepLabel, report);
		if (!taken) break;
		state = taken.state;
		path.push({ line: step.line, node: node.id, reply: taken.index + 1, text: plainInline(node.choices[taken.index].text), ...(step.pick.kind === 'typed' ? { typed: step.pick.text } : {}) });
	}
	if (!stuck && !state.ended) {
		const node = findNode(scenario, state.node)!;
		const last = check.steps[check.steps.length - 1];
		problem(
			diagnostics,
			problems,
			last?.line ?? check.line,
			last?.column ?? 1,
			`${label}: ${last ? `after step ${check.steps.length}` : 'with no steps'} the path stops at \`${node.id}\`, which is not an ending.`,
			`Add a step for the reply to take at \`${node.id}\` (line ${node.line}), and more until the path reaches an ending.`,
			last?.text.length,
			'check-ends-early'
		);
	}

	let result: CheckOutcome | undefined;
	const expectations: CheckExpectationResult[] = [];
	if (!stuck && state.ended) {
		const score = scoreRun(scenario, state);
		result = {
			ending: state.node,
			outcome: score.outcome!,
			mood: score.finalMood,
			scores: Object.fromEntries(DIMENSIONS.map((d) => [d, score.dimensions[d].score])) as Record<Dimension, number | null>
		};
		for (const expectation of check.expectations) {
			const { want } = expectation;
			const { passed, value } = compare(want, result);
			expectations.push({ expected: expectation.text, actual: `${want.subject} ${value}`, passed, line: expectation.line, column: expectation.column });
			if (!passed) {
				const wanted = expectation.text.slice(want.subject.length + 1);
				const missing = want.subject === 'ending' && !findNode(scenario, want.node) ? ' (no node has that id)' : '';
				problem(
					diagnostics,
					problems,
					expectation.line,
					expectation.column,
					`${label}: ${want.subject} is ${value}, expected ${wanted}${missing}.`,
					'If the change to the scenario was meant, update the expectation; if not, look at the replies on this path: their effects, their conditions and where they lead.',
					expectation.length,
					'check-failed'
				);
			}
		}
	} else {
		for (const e of check.expectations) expectations.push({ expected: e.text, actual: null, passed: null, line: e.line, column: e.column });
	}
	return {
		name: check.name,
		line: check.line,
		endLine: check.endLine,
		status: problems.length === 0 ? 'passed' : 'failed',
		path,
		...(result ? { result } : {}),
		expectations,
		problems
	};
}

type Report = (code: DiagnosticCode, message: string, hint: string) => void;

/** Takes one step of a check; null (after reporting why) when the step does not match the file here. */
function takeStep(
	scenario: Scenario,
	state: RunState,
	node: ScenarioNode,
	offered: AvailableChoice[],
	step: CheckStep,
	label: string,
	report: Report
): { state: RunState; index: number } | null {
	const pick = step.pick;
	const isOffered = (index: number) => offered.some((option) => option.index === index);
	if (pick.kind === 'typed') {
		const typed = node.choices.flatMap((choice, index) => (choice.free ? [index] : []));
		if (typed.length === 0) {
			report('check-reply-not-found', `${label}: \`${node.id}\` takes no typed reply.`, `Pick one of its replies instead. ${repliesOf(node)}`);
			return null;
		}
		if (!typed.some(isOffered)) {
			report('check-reply-unavailable', `${label}: the typed reply in \`${node.id}\` is not offered here: ${whyHidden(node.choices[typed[0]], state)}.`, 'The path so far does not allow this reply: pick another reply here, or change an earlier step.');
			return null;
		}
		const next = submitReply(scenario, state, pick.text);
		return { state: next, index: next.steps[next.steps.length - 1].choice };
	}
	let index: number;
	if (pick.kind === 'number') {
		index = pick.number - 1;
		const choice = node.choices[index];
		if (!choice) {
			report('check-reply-not-found', `${label}: \`${node.id}\` has no reply ${pick.number} (it has ${node.choices.length}).`, `Number the replies as written in the node, from 1. ${repliesOf(node)}`);
			return null;
		}
		if (choice.free) {
			report('check-reply-not-found', `${label}: reply ${pick.number} in \`${node.id}\` is a typed reply.`, 'Write `typed:` and the words the trainee types, e.g. `- typed: I\'ll send a replacement today.`');
			return null;
		}
	} else {
		const words = normalise(pick.words);
		const contains = (choice: Choice) => ` ${normalise(choice.text)} `.includes(` ${words} `);
		const matches = node.choices.flatMap((choice, i) => (!choice.free && contains(choice) ? [i] : []));
		if (matches.length === 0) {
			const typedLabel = node.choices.some((choice) => choice.free && contains(choice));
			report(
				'check-reply-not-found',
				`${label}: no reply in \`${node.id}\` contains "${pick.words}".`,
				typedLabel ? 'That is the typed reply\'s label: write `typed:` and the words the trainee types.' : `Copy a few words from the reply, or give its number. ${repliesOf(node)}`
			);
			return null;
		}
		// The same words written twice (one reply per mood, say) are one reply to the trainee: the one offered now counts.
		const texts = new Set(matches.map((i) => normalise(node.choices[i].text)));
		const offeredMatches = matches.filter(isOffered);
		if (texts.size > 1 || offeredMatches.length > 1) {
			report(
				'check-reply-ambiguous',
				`${label}: "${pick.words}" is in ${matches.length} replies of \`${node.id}\` (${matches.map((i) => i + 1).join(', ')}).`,
				'Add words until only one reply holds them, or give the reply\'s number.'
			);
			return null;
		}
		if (offeredMatches.length === 0) {
			const which = matches.length === 1 ? `reply ${matches[0] + 1}` : `replies ${matches.map((i) => i + 1).join(' and ')}`;
			report(
				'check-reply-unavailable',
				`${label}: ${which} in \`${node.id}\` ${matches.length === 1 ? 'is' : 'are'} not offered here: ${matches.map((i) => whyHidden(node.choices[i], state)).join('; ')}.`,
				'The path so far does not allow this reply: pick another reply here, or change an earlier step.'
			);
			return null;
		}
		index = offeredMatches[0];
	}
	if (!isOffered(index)) {
		report(
			'check-reply-unavailable',
			`${label}: reply ${index + 1} in \`${node.id}\` is not offered here: ${whyHidden(node.choices[index], state)}.`,
			'The path so far does not allow this reply: pick another reply here, or change an earlier step.'
		);
		return null;
	}
	return { state: choose(scenario, state, index), index };
}

/** "`when mood < 25` does not hold (mood is 40)" */
function whyHidden(choice: Choice, state: RunState): string {
	const when = choice.when;
	if (!when) return 'it is hidden';
	const subject = when.scope === 'reply' ? `reply.${when.subject}` : when.subject;
	const now = when.scope === 'run' ? (when.subject === 'mood' ? `mood is ${state.mood}` : `${when.subject} total is ${state.totals[when.subject]}`) : '';
	return `\`when ${subject} ${when.op} ${when.value}\` does not hold${now ? ` (${now})` : ''}`;
}

/** "Its replies: 1 "I'm sorry…", 2 "Let me…", 3 typed." */
function repliesOf(node: ScenarioNode): string {
	const list = node.choices.map((choice, i) => `${i + 1} ${choice.free ? 'typed' : `"${shorten(plainInline(choice.text))}"`}`);
	return list.length > 0 ? `Its replies: ${list.join(', ')}.` : '';
}

function shorten(text: string): string {
	return text.length > 40 ? `${text.slice(0, 40).trimEnd()}…` : text;
}

/** Whether the path's result meets an expectation, and what it gave on that subject (`65`, `not assessed`, `retained`). */
function compare(want: Want, result: CheckOutcome): { passed: boolean; value: string } {
	switch (want.subject) {
		case 'outcome':
			return { passed: want.outcomes.includes(result.outcome), value: result.outcome };
		case 'ending':
			return { passed: result.ending === want.node, value: result.ending };
		case 'mood':
			return { passed: result.mood >= want.min && result.mood <= want.max, value: String(result.mood) };
		default: {
			const score = result.scores[want.subject];
			const value = score === null ? 'not assessed' : String(score);
			if ('notAssessed' in want) return { passed: score === null, value };
			return { passed: score !== null && score >= want.min && score <= want.max, value };
		}
	}
}
