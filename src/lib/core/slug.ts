/**
 * Heading text → node id, as git hosts make anchors: inline Markdown reduced
 * to its text, lower case, punctuation dropped, each space to `-`.
 * @example slugify("Dana's *third* call") // "danas-third-call"
 */
export function slugify(heading: string): string {
	return plainInline(heading)
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
		.replace(/ /g, '-');
}

const MARKUP = /[[\]`*_\\]/;

/** Inline Markdown → its visible text (links, code spans, emphasis, escapes). */
export function plainInline(markdown: string): string {
	// Most headings and link targets hold no Markdown at all: skip the five passes.
	if (!MARKUP.test(markdown)) return markdown.trim();
	return markdown
		// link text and destination may nest one level of [] and (); no unbounded scan, so `[[[[…` and `[](…` stay linear
		.replace(/!?\[((?:[^[\]]|\[[^[\]]*\])*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1')
		.replace(/`+([^`]*)`+/g, '$1')
		.replace(/(^|[^\p{L}\p{N}])[*_]{1,3}(?=\S)/gu, '$1')
		.replace(/(\S)[*_]{1,3}(?=$|[^\p{L}\p{N}])/gu, '$1')
		.replace(/\\([!-/:-@[-`{-~])/g, '$1')
		.trim();
}
