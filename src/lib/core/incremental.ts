/*
 * What the studio keeps between two keystrokes, so that inspecting the next
 * version of a file redoes only the work its change touched. Every result is
 * identical to a fresh parse and analysis: tests/core/incremental.test.ts
 * edits files at random and compares.
 */
import type { ScenarioAnalysis } from './analyse.ts';
import type { PathAnalysis } from './paths.ts';
import { DiagnosticList } from './diagnostics.ts';
import type { LinkSite } from './parse.ts';
import { plainInline, slugify } from './slug.ts';
import type { Diagnostic, ScenarioDraft, ScenarioNode } from './types.ts';

/** How parse.ts reads one node: a pure function of the node's lines (its heading to the next heading) and their literal flags. */
export type NodeReader = (
	lines: string[],
	literal: Uint8Array,
	headingIndex: number,
	end: number,
	id: string,
	title: string,
	links: LinkSite[],
	diagnostics: DiagnosticList
) => ScenarioNode;

interface Reading {
	/** Line indexes of the node's heading and of the line after its last; its lines are absolute for that position. */
	from: number;
	end: number;
	node: ScenarioNode;
	links: LinkSite[];
	diagnostics: Diagnostic[];
}

/**
 * Remembers how each node of the last parse was read. The next parse
 * compares its lines with the last one's: a node wholly before the first
 * changed line, or wholly after the last, is not read again (a node after the
 * change is reused with its line numbers shifted), so one keystroke costs one
 * node's reading, not the file's.
 *
 * This relies on parse.ts's node reader being a pure function of the node's
 * own lines and their literal (code fence, comment) flags: whatever it
 * reports must come from those alone.
 */
export class ParseCache {
	private lines: string[] = [];
	private literal: Uint8Array = new Uint8Array(0);
	private previous = new Map<number, Reading>();
	private readings = new Map<number, Reading>();
	private headings = new Map<string, { id: string; title: string }>();
	private previousHeadings = new Map<string, { id: string; title: string }>();
	private previousLiteral: Uint8Array = new Uint8Array(0);
	/** Lines before `prefix` are unchanged; lines from `suffix` on are unchanged, `delta` lines further than before. */
	private prefix = 0;
	private suffix = 0;
	private delta = 0;
	/** Nodes read and reused over the cache's life (for tests and the benchmark). */
	readonly stats = { read: 0, reused: 0 };
	/** For each node of the last parse that was reused from the one before and moved, the node it is a shifted copy of (so a worker can send "node 12, 3 lines down"). */
	origins = new Map<ScenarioNode, Origin>();

	/** Starts a parse of `lines`: finds the span that changed since the last parse. */
	begin(lines: string[], literal: Uint8Array): void {
		const old = this.lines;
		const shortest = Math.min(old.length, lines.length);
		let prefix = 0;
		while (prefix < shortest && old[prefix] === lines[prefix]) prefix++;
		let same = 0;
		while (same < shortest - prefix && old[old.length - 1 - same] === lines[lines.length - 1 - same]) same++;
		this.prefix = prefix;
		this.suffix = lines.length - same;
		this.delta = lines.length - old.length;
		this.previousLiteral = this.literal;
		this.lines = lines;
		this.literal = literal;
		this.previous = this.readings;
		this.readings = new Map();
		this.previousHeadings = this.headings;
		this.headings = new Map();
		this.origins = new Map();
	}

	/** A heading's node id and title (`slugify` and `plainInline` of its text). */
	heading(text: string): { id: string; title: string } {
		let heading = this.headings.get(text) ?? this.previousHeadings.get(text);
		if (!heading) heading = { id: slugify(text), title: plainInline(text) };
		this.headings.set(text, heading);
		return heading;
	}

	/** Reads the node from `from` (its heading) to `end`, or reuses the last parse's reading of the same lines. */
	read(
		reader: NodeReader,
		lines: string[],
		literal: Uint8Array,
		from: number,
		end: number,
		id: string,
		title: string,
		links: LinkSite[],
		diagnostics: DiagnosticList
	): ScenarioNode {
		let reading = this.reuse(from, end, literal);
		if (reading) {
			this.stats.reused++;
		} else {
			this.stats.read++;
			const own = new DiagnosticList();
			const ownLinks: LinkSite[] = [];
			const node = reader(lines, literal, from, end, id, title, ownLinks, own);
			reading = { from, end, node, links: ownLinks, diagnostics: own.items };
		}
		this.readings.set(from, reading);
		for (const link of reading.links) links.push(link);
		for (const diagnostic of reading.diagnostics) diagnostics.items.push(diagnostic);
		return reading.node;
	}

	private reuse(from: number, end: number, literal: Uint8Array): Reading | undefined {
		const shift = end <= this.prefix ? 0 : from >= this.suffix ? this.delta : undefined;
		if (shift === undefined) return undefined;
		const reading = this.previous.get(from - shift);
		if (!reading || reading.end !== end - shift) return undefined;
		for (let i = from; i < end; i++) if (literal[i] !== this.previousLiteral[i - shift]) return undefined;
		return shift === 0 ? reading : shifted(reading, shift, this.origins);
	}
}

/** The same reading `delta` lines further down: new objects, the cached ones untouched. */
function shifted(reading: Reading, delta: number, origins: Map<ScenarioNode, Origin>): Reading {
	const node = shiftNode(reading.node, delta);
	origins.set(node, { node: reading.node, delta });
	const links = reading.links.map((link) => ({ ...link, node, choice: node.choices[link.index], line: link.line + delta }));
	const diagnostics = reading.diagnostics.map((d) =>
		d.endLine === undefined ? { ...d, line: d.line + delta } : { ...d, line: d.line + delta, endLine: d.endLine + delta }
	);
	return { from: reading.from + delta, end: reading.end + delta, node, links, diagnostics };
}

/** A copy of a node read `delta` lines further down the file: its own, its replies' and their cues' lines moved. */
export function shiftNode(node: ScenarioNode, delta: number): ScenarioNode {
	return {
		...node,
		line: node.line + delta,
		choices: node.choices.map((choice) => ({
			...choice,
			line: choice.line + delta,
			// Most replies have no cues: their empty list is shared rather than copied.
			cues: choice.cues.length === 0 ? choice.cues : choice.cues.map((cue) => ({ ...cue, line: cue.line + delta }))
		}))
	};
}

/** A node that is an earlier parse's node moved down by `delta` lines (`shiftNode(node, delta)`). */
export interface Origin {
	node: ScenarioNode;
	delta: number;
}

/**
 * Keeps a result computed from a draft for as long as the draft differs only
 * in its nodes' bodies (narration) and line numbers: most keystrokes, new
 * lines included. Only for results that read neither, such as
 * `analyseScenario` and `analysePaths` (tests/core/incremental.test.ts types
 * new lines and narration at random and compares with a fresh inspection).
 */
export class DraftMemo<T> {
	private draft: ScenarioDraft | null = null;
	private value: T | undefined;

	/** `moved(x, y)`: y is known to be x moved down the file (a quick yes; otherwise the two are compared). */
	get(draft: ScenarioDraft, compute: (draft: ScenarioDraft) => T, moved?: (x: ScenarioNode, y: ScenarioNode) => boolean): T {
		if (this.draft === null || !sameApartFromBodies(this.draft, draft, moved)) this.value = compute(draft);
		this.draft = draft;
		return this.value as T;
	}
}

function sameApartFromBodies(a: ScenarioDraft, b: ScenarioDraft, moved?: (x: ScenarioNode, y: ScenarioNode) => boolean): boolean {
	if (a.start !== b.start || a.nodes.length !== b.nodes.length || !equalData(a.meta, b.meta) || !equalData(a.broken, b.broken)) return false;
	for (let i = 0; i < a.nodes.length; i++) {
		const x = a.nodes[i];
		const y = b.nodes[i];
		if (x === y || moved?.(x, y)) continue;
		const keys = Object.keys(x) as (keyof ScenarioNode)[];
		if (keys.length !== Object.keys(y).length) return false;
		for (const key of keys) {
			if (key !== 'body' && key !== 'line' && !(Object.hasOwn(y, key) && equalData(x[key], y[key]))) return false;
		}
	}
	return true;
}

/** Deep equality of plain data (objects, arrays, primitives), as structured clone would see it, line numbers aside. */
function equalData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keysA = Object.keys(a);
	if (keysA.length !== Object.keys(b).length) return false;
	for (const key of keysA) {
		if (key === 'line') continue;
		if (!Object.hasOwn(b, key) || !equalData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
	}
	return true;
}

/** What the studio's worker keeps for one open file between inspections. */
export class InspectCache {
	readonly parse = new ParseCache();
	private readonly analysisMemo = new DraftMemo<ScenarioAnalysis>();
	private readonly pathsMemo = new DraftMemo<PathAnalysis>();
	private readonly moved = (x: ScenarioNode, y: ScenarioNode) => this.parse.origins.get(y)?.node === x;

	/** `analyseScenario(draft)`, kept while only narration and line numbers change. */
	analysis(draft: ScenarioDraft, analyse: (draft: ScenarioDraft) => ScenarioAnalysis): ScenarioAnalysis {
		return this.analysisMemo.get(draft, analyse, this.moved);
	}

	/** `analysePaths(draft)`, kept the same way. */
	paths(draft: ScenarioDraft, analyse: (draft: ScenarioDraft) => PathAnalysis): PathAnalysis {
		return this.pathsMemo.get(draft, analyse, this.moved);
	}
}
