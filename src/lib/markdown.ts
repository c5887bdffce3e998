import DOMPurify, { type Config } from 'dompurify';
import { marked } from 'marked';

/**
 * The only way scenario Markdown reaches the page: marked, then DOMPurify,
 * and nothing touches the HTML afterwards. Scenario files are untrusted
 * (managers share them), and marked does not sanitize.
 */
const PURIFY: Config & { RETURN_TRUSTED_TYPE?: false } = {
	USE_PROFILES: { html: true },
	FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'object', 'embed', 'meta', 'base', 'link', 'svg', 'math'],
	FORBID_ATTR: ['style', 'srcset', 'action', 'formaction'],
	ALLOW_DATA_ATTR: false,
	RETURN_TRUSTED_TYPE: false
};

let hooked = false;
function purify(html: string): string {
	if (!hooked) {
		DOMPurify.addHook('afterSanitizeAttributes', (node) => {
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
		hooked = true;
	}
	return String(DOMPurify.sanitize(html, PURIFY));
}

/** Block Markdown (paragraphs, lists, quotes) → safe HTML. */
export function renderMarkdown(source: string): string {
	return purify(marked.parse(source, { async: false, gfm: true }) as string);
}

/** Inline Markdown (a reply's text) → safe HTML without a wrapping paragraph. */
export function renderInline(source: string): string {
	return purify(marked.parseInline(source, { async: false, gfm: true }) as string);
}
