/*
 * Reading a Markdown list item, for scenario replies and programme steps alike: how far a line is indented, and the
 * link an item starts with. Its own module because blocks.ts is in the player's bundle and this is not.
 */

/** The indent of a line in columns (a tab moves to the next multiple of 4, as in CommonMark). */
export function indentOf(line: string): number {
	let width = 0;
	for (let i = 0; i < line.length; i++) {
		const code = line.charCodeAt(i);
		if (code === 32) width++;
		else if (code === 9) width += 4 - (width % 4);
		else break;
	}
	return width;
}

/**
 * The `[text]` a link starts with, when `content` starts with one followed by `(`: its text (backslash escapes
 * undone) and the index just after the `(`. Nested brackets count; escaped ones do not. Scenario replies and
 * programme steps both read their links' text this way.
 */
export function linkTextAt(content: string): { text: string; afterParen: number } | null {
	if (content.charCodeAt(0) !== 91 /* [ */) return null;
	let depth = 0;
	for (let i = 0; i < content.length; i++) {
		const code = content.charCodeAt(i);
		if (code === 92 /* \ */) i++;
		else if (code === 91) depth++;
		else if (code === 93 /* ] */ && --depth === 0) {
			if (content.charCodeAt(i + 1) !== 40 /* ( */) return null;
			return { text: content.slice(1, i).replace(/\\([[\]\\])/g, '$1').trim(), afterParen: i + 2 };
		}
	}
	return null;
}
