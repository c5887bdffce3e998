/*
 * From the parser's diagnostics (1-based line and column, an optional end) to
 * CodeMirror's (document offsets), and back from offsets to lines. Pure
 * functions over CodeMirror's `Text` and `ChangeSet`: tested in node.
 */
import type { ChangeSet, ChangeSpec, Text } from '@codemirror/state';
import type { Diagnostic as LintDiagnostic } from '@codemirror/lint';
import type { Diagnostic } from '$lib/core/types';

/** Offset of a 1-based line and column in `doc`, clamped to the document and to the line's end. */
export function offsetOf(doc: Text, line: number, column: number): number {
	const target = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
	return target.from + Math.min(Math.max(0, Math.floor(column) - 1 || 0), target.length);
}

/**
 * Where a diagnostic's underline runs: to its end when the parser knows it;
 * otherwise over the whole line's text when it points at the line's start
 * (a node, a reply), or to the end of the word it points at.
 */
export function rangeOf(doc: Text, diagnostic: Diagnostic): { from: number; to: number } {
	const from = offsetOf(doc, diagnostic.line, diagnostic.column);
	const line = doc.lineAt(from);
	if (diagnostic.endLine !== undefined && diagnostic.endColumn !== undefined) {
		const to = offsetOf(doc, diagnostic.endLine, diagnostic.endColumn);
		if (to > from) return { from, to };
	}
	const text = line.text;
	let end = from - line.from;
	if (end === 0) {
		end = text.trimEnd().length;
		// A line of only spaces, or an empty line: mark the spot.
		return { from, to: line.from + end };
	}
	while (end < text.length && !/\s/.test(text[end])) end++;
	return { from, to: line.from + end };
}

/** The parser's diagnostics as CodeMirror's lint diagnostics for `doc`, with the hint under the message. */
export function toLintDiagnostics(doc: Text, diagnostics: readonly Diagnostic[], render: (d: Diagnostic) => () => Node): LintDiagnostic[] {
	return diagnostics.map((diagnostic) => ({
		...rangeOf(doc, diagnostic),
		severity: diagnostic.severity,
		source: diagnostic.code,
		message: `${diagnostic.message} ${diagnostic.hint}`,
		renderMessage: render(diagnostic)
	}));
}

/** The smallest change that turns `doc` into `text` (common start and end kept), so the cursor, scroll and undo stay put around it. */
export function changeTo(doc: Text, text: string): ChangeSpec | null {
	const old = doc.toString();
	if (old === text) return null;
	const shortest = Math.min(old.length, text.length);
	let start = 0;
	while (start < shortest && old.charCodeAt(start) === text.charCodeAt(start)) start++;
	let end = 0;
	while (end < shortest - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
	// Never split a surrogate pair.
	if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
	if (end > 0 && isLowSurrogate(old.charCodeAt(old.length - end))) end--;
	return { from: start, to: old.length - end, insert: text.slice(start, text.length - end) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code < 0xdc00;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code < 0xe000;

/**
 * The texts the editor handed out lately, each with the changes made to the
 * document since: diagnostics computed for one of them (in the worker, while
 * the manager kept typing) are placed where that text now is.
 */
export class RecentTexts {
	private entries: { text: string; doc: Text; since: ChangeSet | null }[] = [];

	constructor(private readonly keep = 16) {}

	/** `text` is `doc.toString()`, just handed out. */
	record(text: string, doc: Text): void {
		this.entries.push({ text, doc, since: null });
		if (this.entries.length > this.keep) this.entries.shift();
	}

	/** The document changed by `changes`. */
	changed(changes: ChangeSet): void {
		for (const entry of this.entries) entry.since = entry.since ? entry.since.compose(changes) : changes;
	}

	/** The document `text` was, and the changes since; undefined when it is not a recent text. */
	find(text: string): { doc: Text; since: ChangeSet | null } | undefined {
		for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i].text === text) return this.entries[i];
		return undefined;
	}
}

/**
 * Lint diagnostics computed against `doc` (an earlier text), moved through
 * the changes made since. A diagnostic whose text was deleted shrinks to
 * where it was.
 */
export function mapLintDiagnostics(diagnostics: LintDiagnostic[], since: ChangeSet | null): LintDiagnostic[] {
	if (!since || since.empty) return diagnostics;
	return diagnostics.map((d) => {
		const from = since.mapPos(d.from, 1);
		const to = Math.max(from, since.mapPos(d.to, -1));
		return { ...d, from, to };
	});
}
