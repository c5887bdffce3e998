import DOMPurify, { type Config, type WindowLike } from 'dompurify';
import { marked } from 'marked';
import type { MarkdownRenderer } from '$lib/core/record';

/**
 * The only way scenario Markdown becomes HTML: marked, then DOMPurify, and
 * nothing touches the HTML afterwards. Scenario files are untrusted (managers
 * share them), and marked does not sanitize. The build runs this same module
 * over the bundled scenarios (with jsdom's window), so the player ships the
 * HTML and neither library; the browser loads it only for scenarios made on
 * the device.
 */
const PURIFY: Config & { RETURN_TRUSTED_TYPE?: false } = {
	USE_PROFILES: { html: true },
	FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'object', 'embed', 'meta', 'base', 'link', 'svg', 'math'],
	FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
	ALLOW_DATA_ATTR: false,
	RETURN_TRUSTED_TYPE: false
};

/** A renderer bound to one window: the page's in the browser, jsdom's at build time. */
export function createMarkdownRenderer(window?: WindowLike): MarkdownRenderer {
	const purifier = window ? DOMPurify(window) : DOMPurify;
	purifier.addHook('afterSanitizeAttributes', (node) => {
		// data: URLs only for pictures, and only picture types (no data:text/html in an <img> or <source>).
		for (const name of ['src', 'href', 'poster']) {
			const value = node.getAttribute(name)?.trim().toLowerCase();
			if (value?.startsWith('data:') && !(node.tagName === 'IMG' && name === 'src' && /^data:image\/(?:png|gif|jpe?g|webp|avif);/.test(value))) {
				node.removeAttribute(name);
			}
		}
		// Links inside a scenario open outside the app, without handing it a window reference.
		if (node.tagName === 'A' && node.getAttribute('href') && !node.getAttribute('href')!.startsWith('#')) {
			node.setAttribute('target', '_blank');
			node.setAttribute('rel', 'noopener noreferrer');
		}
	});
	const purify = (html: string) => String(purifier.sanitize(html, PURIFY));
	return {
		block: (source) => purify(marked.parse(source, { async: false, gfm: true }) as string),
		inline: (source) => purify(marked.parseInline(source, { async: false, gfm: true }) as string)
	};
}

let pageRenderer: MarkdownRenderer | undefined;
const page = () => (pageRenderer ??= createMarkdownRenderer());

/** Block Markdown (paragraphs, lists, quotes) → safe HTML, in the page's window. */
export function renderMarkdown(source: string): string {
	return page().block(source);
}

/** Inline Markdown (a reply's text) → safe HTML without a wrapping paragraph, in the page's window. */
export function renderInline(source: string): string {
	return page().inline(source);
}
