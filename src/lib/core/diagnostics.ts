import type { Diagnostic, DiagnosticCode } from './types.ts';

/** Collects author mistakes; parsing never throws on them. */
export class DiagnosticList {
	readonly items: Diagnostic[] = [];

	/** `length`: how many characters of the line the mistake spans, when known. */
	error(code: DiagnosticCode, line: number, column: number, message: string, hint: string, length?: number): void {
		this.items.push({ severity: 'error', code, message, hint, line, column, ...span(line, column, length) });
	}

	warning(code: DiagnosticCode, line: number, column: number, message: string, hint: string, length?: number): void {
		this.items.push({ severity: 'warning', code, message, hint, line, column, ...span(line, column, length) });
	}

	get hasErrors(): boolean {
		return this.items.some((d) => d.severity === 'error');
	}

	sorted(): Diagnostic[] {
		return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
	}
}

const span = (line: number, column: number, length: number | undefined) =>
	length && length > 0 ? { endLine: line, endColumn: column + length } : {};

/** Edit distance counting a swap of two neighbouring letters as one slip (optimal string alignment), capped. */
export function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 3) return 99;
	let before = Array.from({ length: b.length + 1 }, () => 0);
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
			current.push(value);
		}
		before = previous;
		previous = current;
	}
	return previous[b.length];
}

/** The closest candidate within a small distance, for a hint; undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>, limit = 100): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	let seen = 0;
	const lower = word.toLowerCase();
	for (const candidate of candidates) {
		if (++seen > limit) break;
		const distance = distanceBelow(lower, candidate.toLowerCase(), bestDistance);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

/** Reused rows for distanceBelow: a broken link is compared with every node id, so this runs thousands of times per keystroke. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * `editDistance(a, b)` when it is below `limit`; otherwise some number at
 * least `limit` (it stops as soon as no alignment can get under it).
 */
function distanceBelow(a: string, b: string, limit: number): number {
	if (Math.abs(a.length - b.length) > 3) return 99;
	const n = b.length;
	if (rows[0].length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
	let [before, previous, current] = rows;
	for (let j = 0; j <= n; j++) previous[j] = j;
	let previousMin = 0;
	for (let i = 1; i <= a.length; i++) {
		current[0] = i;
		let rowMin = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2] + 1);
			current[j] = value;
			if (value < rowMin) rowMin = value;
		}
		// Every later cell builds on this row or (a swap) the one before, never going down: this is a lower bound.
		if (Math.min(rowMin, previousMin) >= limit) return limit;
		previousMin = rowMin;
		[before, previous, current] = [previous, current, before];
	}
	return previous[n];
}
