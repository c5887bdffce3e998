/*
 * Where Markdown structure stops counting, by CommonMark's rules: inside
 * fenced code and inside HTML comments, a `##`, a list item or a `>` is text.
 * The parser (headings, replies) and the speech-bubble splitter use this one
 * rule, so a bubble can never be pulled out of what renders as code.
 */

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const COMMENT_OPEN = /^[ \t]*<!--/;

/** The fence a line opens (its run of backticks or tildes), or null. A backtick fence's info string may not hold a backtick. */
export function fenceOpenedBy(line: string): string | null {
	const match = FENCE_OPEN.exec(line);
	if (!match) return null;
	if (match[1][0] === '`' && match[2].includes('`')) return null;
	return match[1];
}

/** True when `line` closes `fence`: the same character, at least as many, and nothing after but spaces (no info string). */
export function closesFence(line: string, fence: string): boolean {
	const match = FENCE_CLOSE.exec(line);
	return match !== null && match[1][0] === fence[0] && match[1].length >= fence.length;
}

/**
 * Marks every line of `lines` (from `from` on) that is literal text: a code
 * fence and its content, or an HTML comment block (from the line that opens
 * `<!--` to the line holding `-->`). Unclosed blocks run to the end, as in CommonMark.
 */
export function literalLines(lines: string[], from = 0): Uint8Array {
	const literal = new Uint8Array(lines.length);
	let fence: string | null = null;
	let inComment = false;
	for (let i = from; i < lines.length; i++) {
		const line = lines[i];
		if (fence !== null) {
			literal[i] = 1;
			if (closesFence(line, fence)) fence = null;
			continue;
		}
		if (inComment) {
			literal[i] = 1;
			if (line.includes('-->')) inComment = false;
			continue;
		}
		// Cheap first look: both openers start with a backtick, a tilde or `<` after the indent.
		const first = line.trimStart().charCodeAt(0);
		if (first !== 96 && first !== 126 && first !== 60) continue;
		fence = fenceOpenedBy(line);
		if (fence !== null) {
			literal[i] = 1;
			continue;
		}
		if (COMMENT_OPEN.test(line)) {
			literal[i] = 1;
			inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
		}
	}
	return literal;
}
