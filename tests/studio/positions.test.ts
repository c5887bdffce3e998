import { ChangeSet, Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lib/core';
import { changeTo, mapLintDiagnostics, offsetOf, rangeOf, RecentTexts, toLintDiagnostics } from '../../src/lib/studio/editor/positions.ts';

const doc = Text.of(['---', 'title: T', '---', '## Start', '', '- [Go](#nowhere) empathy +1', '  > Why.']);
const at = (line: number, column: number, more: Partial<Diagnostic> = {}): Diagnostic => ({
	severity: 'error',
	code: 'broken-link',
	message: 'm',
	hint: 'h',
	line,
	column,
	...more
});
const slice = (range: { from: number; to: number }) => doc.sliceString(range.from, range.to);

describe("placing the parser's diagnostics in CodeMirror's document", () => {
	it('turns a 1-based line and column into an offset, clamped to the document and the line', () => {
		expect(offsetOf(doc, 1, 1)).toBe(0);
		expect(offsetOf(doc, 2, 8)).toBe(doc.line(2).from + 7);
		expect(offsetOf(doc, 2, 99)).toBe(doc.line(2).to);
		expect(offsetOf(doc, 99, 1)).toBe(doc.line(doc.lines).from);
		expect(offsetOf(doc, 0, 0)).toBe(0);
	});

	it('underlines to the known end, else the word at the column, else the whole line from column 1', () => {
		expect(slice(rangeOf(doc, at(6, 8, { endLine: 6, endColumn: 16 })))).toBe('#nowhere');
		expect(slice(rangeOf(doc, at(6, 18)))).toBe('empathy');
		expect(slice(rangeOf(doc, at(4, 1)))).toBe('## Start');
		// An empty line: a point.
		expect(rangeOf(doc, at(5, 1))).toEqual({ from: doc.line(5).from, to: doc.line(5).from });
	});

	it('keeps message, hint and code for CodeMirror, and the severity', () => {
		const [lint] = toLintDiagnostics(doc, [at(6, 8, { endLine: 6, endColumn: 16, severity: 'warning' })], () => () => null as unknown as Node);
		expect(lint).toMatchObject({ severity: 'warning', source: 'broken-link', message: 'm h' });
	});
});

describe('changeTo', () => {
	it('changes only the part that differs', () => {
		const before = Text.of(['one two three']);
		expect(changeTo(before, 'one 2 three')).toEqual({ from: 4, to: 7, insert: '2' });
		expect(changeTo(before, 'one two three')).toBeNull();
		expect(changeTo(before, '')).toEqual({ from: 0, to: 13, insert: '' });
	});

	it('never splits a surrogate pair', () => {
		const before = Text.of(['a😀b']);
		const change = changeTo(before, 'a😃b') as { from: number; to: number; insert: string };
		expect(change.insert).toBe('😃');
		expect(before.sliceString(change.from, change.to)).toBe('😀');
	});
});

describe('diagnostics computed for an earlier text', () => {
	it('move with the changes made since that text', () => {
		const recent = new RecentTexts();
		const first = doc.toString();
		recent.record(first, doc);
		// Two lines typed at the top, then a word on the reply line.
		const c1 = ChangeSet.of({ from: 0, insert: 'x\ny\n' }, doc.length);
		const doc1 = c1.apply(doc);
		recent.changed(c1);
		recent.record(doc1.toString(), doc1);
		const line6 = doc1.line(8);
		const c2 = ChangeSet.of({ from: line6.from, insert: 'zz ' }, doc1.length);
		const doc2 = c2.apply(doc1);
		recent.changed(c2);

		const known = recent.find(first)!;
		expect(known.doc).toBe(doc);
		const lint = toLintDiagnostics(known.doc, [at(6, 8, { endLine: 6, endColumn: 16 })], () => () => null as unknown as Node);
		const [placed] = mapLintDiagnostics(lint, known.since);
		expect(doc2.sliceString(placed.from, placed.to)).toBe('#nowhere');
		expect(recent.find('never handed out')).toBeUndefined();
	});

	it('forgets all but the latest texts', () => {
		const recent = new RecentTexts(2);
		for (const text of ['a', 'b', 'c']) recent.record(text, Text.of([text]));
		expect(recent.find('a')).toBeUndefined();
		expect(recent.find('c')?.doc.toString()).toBe('c');
	});
});
