/*
 * The scenario's Markdown for CodeMirror: `markdownLanguage` (GFM, no HTML,
 * CSS or JavaScript modes) plus the front matter block at the top of the
 * file, and class names for the highlighted parts (styled in Editor.svelte
 * with the app's colours, light and dark).
 */
import { Language } from '@codemirror/language';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { tagHighlighter, tags } from '@lezer/highlight';
import type { BlockContext, Line, MarkdownConfig, MarkdownParser } from '@lezer/markdown';

const CLOSING = /^(---|\.\.\.)[ \t]*$/;

/**
 * `---` on the first line to the next `---` (or `...`) line, as the scenario
 * parser reads it. Unclosed, it runs to the end of the file, as the parser
 * reads it too (and reports).
 */
const frontMatter: MarkdownConfig = {
	defineNodes: [{ name: 'FrontMatter', block: true, style: tags.meta }],
	parseBlock: [
		{
			name: 'FrontMatter',
			before: 'HorizontalRule',
			parse(cx: BlockContext, line: Line) {
				if (cx.lineStart !== 0 || !/^---[ \t]*$/.test(line.text)) return false;
				while (cx.nextLine()) {
					if (CLOSING.test(line.text)) {
						cx.nextLine();
						break;
					}
				}
				cx.addElement(cx.elt('FrontMatter', 0, cx.prevLineEnd()));
				return true;
			}
		}
	]
};

/** Markdown with front matter; the same language data as `markdownLanguage`, so its list and quote commands work. */
export const scenarioMarkdown = new Language(
	markdownLanguage.data,
	(markdownLanguage.parser as MarkdownParser).configure(frontMatter),
	[],
	'markdown'
);

/** Class names for the highlighted parts, styled in Editor.svelte. */
export const scenarioHighlighter = tagHighlighter([
	{ tag: tags.heading1, class: 'md-heading md-title' },
	{ tag: [tags.heading2, tags.heading3, tags.heading4, tags.heading5, tags.heading6], class: 'md-heading' },
	{ tag: tags.emphasis, class: 'md-emphasis' },
	{ tag: tags.strong, class: 'md-strong' },
	{ tag: [tags.link, tags.url], class: 'md-link' },
	{ tag: tags.monospace, class: 'md-code' },
	{ tag: tags.quote, class: 'md-quote' },
	{ tag: [tags.processingInstruction, tags.contentSeparator], class: 'md-mark' },
	{ tag: tags.comment, class: 'md-comment' },
	{ tag: tags.meta, class: 'md-meta' },
	{ tag: tags.strikethrough, class: 'md-strike' }
]);
