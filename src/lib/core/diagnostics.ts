import type { Diagnostic, DiagnosticCode } from './types';

/** Collects author mistakes; parsing never throws on them. */
export class DiagnosticList {
	readonly items: Diagnostic[] = [];

	error(code: DiagnosticCode, line: number, column: number, message: string, hint: string): void {
		this.items.push({ severity: 'error', code, message, hint, line, column });
	}

	warning(code: DiagnosticCode, line: number, column: number, message: string, hint: string): void {
		this.items.push({ severity: 'warning', code, message, hint, line, column });
	}

	get hasErrors(): boolean {
		return this.items.some((d) => d.severity === 'error');
	}

	sorted(): Diagnostic[] {
		return [...this.items].sort((a, b) => a.line - b.line || a.column - b.column);
	}
}

/** Edit distance, capped: used only for "did you mean" hints on short words. */
export function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 3) return 99;
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length];
}

/** The closest candidate within a small distance, for a hint; undefined when none is close. */
export function closest(word: string, candidates: Iterable<string>, limit = 100): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
	let seen = 0;
	for (const candidate of candidates) {
		if (++seen > limit) break;
		const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}
