/** A diagnostic's message or hint in pieces: plain text, and `code` between backticks (shown as code, always as text). */
export function messageParts(text: string): { code: boolean; text: string }[] {
	return text
		.split('`')
		.map((piece, i) => ({ code: i % 2 === 1, text: piece }))
		.filter((piece) => piece.text !== '');
}

/** The same pieces as DOM nodes (text nodes and <code>), for CodeMirror's tooltips and lint panel: never parsed as HTML. */
export function messageNodes(text: string, parent: HTMLElement): void {
	for (const piece of messageParts(text)) {
		if (piece.code) parent.appendChild(document.createElement('code')).textContent = piece.text;
		else parent.appendChild(document.createTextNode(piece.text));
	}
}
