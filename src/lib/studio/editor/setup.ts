/*
 * The CodeMirror 6 set-up behind Editor.svelte, without Svelte: the
 * extensions (Markdown, line numbers, history, search, lint, bracket and list
 * helpers), and a small controller the component drives. Browser only.
 */
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory } from '@codemirror/commands';
import { markdownKeymap } from '@codemirror/lang-markdown';
import { bracketMatching, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { forEachDiagnostic, lintGutter, lintKeymap, linter, setDiagnostics, setDiagnosticsEffect, type Diagnostic as LintDiagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorSelection, EditorState, Prec, type Extension } from '@codemirror/state';
import {
	drawSelection,
	EditorView,
	highlightActiveLine,
	highlightActiveLineGutter,
	highlightSpecialChars,
	keymap,
	lineNumbers,
	type ViewUpdate
} from '@codemirror/view';
import type { Diagnostic } from '$lib/core/types';
import { scenarioHighlighter, scenarioMarkdown } from './markdown';
import { messageNodes } from './message';
import { changeTo, mapLintDiagnostics, RecentTexts, toLintDiagnostics } from './positions';

/** A selection as document offsets: `anchor` where it started, `head` where the cursor is. */
export interface Cursor {
	anchor: number;
	head: number;
}

export interface EditorOptions {
	value: string;
	cursor?: Cursor;
	label: string;
	/** Id of the element that explains the keys. */
	describedBy: string;
	onchange: (value: string, cursor: Cursor) => void;
	oncursor: (cursor: Cursor, line: number) => void;
	/** The problems on the cursor's line, whenever the line or the problems change. */
	onproblems: (line: number, diagnostics: Diagnostic[]) => void;
}

export interface EditorController {
	view: EditorView;
	showDiagnostics(diagnostics: readonly Diagnostic[], forText?: string): void;
	revealLine(line: number): void;
	setValue(text: string): void;
	setLabel(label: string): void;
	destroy(): void;
}

/** A lint diagnostic that remembers the parser's diagnostic it shows. */
type Shown = LintDiagnostic & { original: Diagnostic };

const theme = EditorView.theme({
	'&': { height: '100%', color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '0.95rem' },
	'&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
	'.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '1.5' },
	'.cm-content': { caretColor: 'var(--text)' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
	'.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted-strong)', borderRight: '1px solid var(--border)' },
	'.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent-bg) 45%, transparent)' },
	'.cm-activeLineGutter': { backgroundColor: 'var(--accent-bg)', color: 'var(--text)' },
	'&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, ::selection': {
		backgroundColor: 'color-mix(in srgb, var(--accent) 35%, transparent)'
	},
	'.cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent)' },
	'.cm-searchMatch': { backgroundColor: 'var(--mid-bg)', outline: '1px solid var(--warn)' },
	'.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--accent-bg)', outline: '2px solid var(--accent)' },
	'.cm-panels': { backgroundColor: 'var(--surface-2)', color: 'var(--text)' },
	'.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
	'.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
	'.cm-panel input, .cm-panel button, .cm-panel label': { fontSize: '0.9rem' },
	'.cm-textfield': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
	'.cm-button': { backgroundImage: 'none', backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
	'.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border-strong)' },
	'.cm-tooltip-lint': { maxWidth: '36rem' },
	'.cm-diagnostic': { fontFamily: 'system-ui, sans-serif', whiteSpace: 'normal' },
	'.cm-diagnosticText .hint': { display: 'block', color: 'var(--muted-strong)' },
	'.cm-diagnosticSource': { color: 'var(--muted-strong)', opacity: '1' },
	'.cm-panel.cm-panel-lint ul [aria-selected]': { backgroundColor: 'var(--accent-bg)', color: 'var(--text)' },
	'.cm-panel.cm-panel-lint ul:focus [aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)' },
	'.cm-panel.cm-panel-lint ul:focus [aria-selected] .cm-diagnosticText .hint, .cm-panel.cm-panel-lint ul:focus [aria-selected] .cm-diagnosticSource': {
		color: 'var(--on-accent)'
	}
});

/** The message and its hint as DOM (text and <code> only). */
function renderMessage(diagnostic: Diagnostic) {
	return () => {
		const box = document.createElement('span');
		messageNodes(diagnostic.message, box);
		const hint = box.appendChild(document.createElement('span'));
		hint.className = 'hint';
		messageNodes(diagnostic.hint, hint);
		return box;
	};
}

function extensions(options: EditorOptions, label: Compartment, onUpdate: (update: ViewUpdate) => void): Extension[] {
	return [
		lineNumbers(),
		highlightActiveLineGutter(),
		highlightSpecialChars(),
		history(),
		drawSelection(),
		EditorState.allowMultipleSelections.of(true),
		EditorView.lineWrapping,
		indentUnit.of('  '),
		scenarioMarkdown,
		// Pairs for prose: no apostrophe (it is mostly "don't"), but quotes for cues and speech.
		scenarioMarkdown.data.of({ closeBrackets: { brackets: ['(', '[', '{', '"', '`'] } }),
		syntaxHighlighting(scenarioHighlighter),
		bracketMatching(),
		closeBrackets(),
		highlightActiveLine(),
		highlightSelectionMatches(),
		search({ top: true }),
		linter(null),
		lintGutter(),
		// Markdown first: Enter continues a list or quote, Backspace removes its markup.
		Prec.high(keymap.of(markdownKeymap)),
		keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...lintKeymap, indentWithTab]),
		label.of(contentAttributes(options.label, options.describedBy)),
		theme,
		EditorView.updateListener.of(onUpdate)
	];
}

// tabindex: the content is focusable anyway (contenteditable), but axe only sees a scrolling region as reachable through it with one.
const contentAttributes = (label: string, describedBy: string) =>
	EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, tabindex: '0' });

const cursorOf = (state: EditorState): Cursor => ({ anchor: state.selection.main.anchor, head: state.selection.main.head });

/** Creates the editor in `parent`. */
export function createEditorView(parent: HTMLElement, options: EditorOptions): EditorController {
	const label = new Compartment();
	const recent = new RecentTexts();
	let problemsLine = -1;
	let problemsKey = '';

	function reportProblems(state: EditorState, force: boolean) {
		const line = state.doc.lineAt(state.selection.main.head);
		if (!force && line.number === problemsLine) return;
		const found: Diagnostic[] = [];
		forEachDiagnostic(state, (d, from, to) => {
			if (from <= line.to && to >= line.from) found.push((d as Shown).original);
		});
		const key = `${line.number}:${found.map((d) => `${d.code}@${d.column}`).join(',')}`;
		problemsLine = line.number;
		if (key === problemsKey) return;
		problemsKey = key;
		options.onproblems(line.number, found);
	}

	function onUpdate(update: ViewUpdate) {
		if (update.docChanged) {
			recent.changed(update.changes);
			const text = update.state.doc.toString();
			recent.record(text, update.state.doc);
			options.onchange(text, cursorOf(update.state));
		}
		if (update.selectionSet || update.docChanged) {
			const cursor = cursorOf(update.state);
			options.oncursor(cursor, update.state.doc.lineAt(cursor.head).number);
		}
		const newProblems = update.transactions.some((tr) => tr.effects.some((e) => e.is(setDiagnosticsEffect)));
		if (newProblems || update.selectionSet || update.docChanged) reportProblems(update.state, newProblems);
	}

	const length = options.value.length;
	const clamp = (n: number) => Math.min(Math.max(0, Math.floor(n) || 0), length);
	const state = EditorState.create({
		doc: options.value,
		selection: options.cursor ? EditorSelection.single(clamp(options.cursor.anchor), clamp(options.cursor.head)) : undefined,
		extensions: extensions(options, label, onUpdate)
	});
	recent.record(options.value, state.doc);
	const view = new EditorView({ state, parent });
	if (options.cursor) view.dispatch({ effects: EditorView.scrollIntoView(state.selection.main.head, { y: 'center' }) });

	return {
		view,
		showDiagnostics(diagnostics, forText) {
			const known = forText === undefined ? undefined : recent.find(forText);
			const doc = known?.doc ?? view.state.doc;
			const shown = toLintDiagnostics(doc, diagnostics, renderMessage).map((d, i): Shown => ({ ...d, original: diagnostics[i] }));
			const placed = mapLintDiagnostics(shown, known?.since ?? null) as Shown[];
			view.dispatch(setDiagnostics(view.state, placed));
		},
		revealLine(line) {
			const doc = view.state.doc;
			const target = doc.line(Math.min(Math.max(1, Math.floor(line) || 1), doc.lines));
			view.dispatch({
				selection: { anchor: target.from },
				effects: EditorView.scrollIntoView(target.from, { y: 'center' }),
				userEvent: 'select.reveal'
			});
			view.focus();
		},
		setValue(text) {
			const changes = changeTo(view.state.doc, text);
			if (!changes) return;
			view.dispatch({ changes, annotations: isolateHistory.of('full'), userEvent: 'input.replace' });
		},
		setLabel(name) {
			view.dispatch({ effects: label.reconfigure(contentAttributes(name, options.describedBy)) });
		},
		destroy() {
			view.destroy();
		}
	};
}
