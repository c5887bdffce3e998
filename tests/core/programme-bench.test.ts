import { describe, expect, it } from 'vitest';
import { generateAttempts, programmeBench } from '../bench/programme';

describe('the progress-dashboard benchmark', () => {
	it('generates attempts the rules read, in time order, mostly completed', () => {
		const attempts = generateAttempts(500, ['a', 'b', 'c']);
		expect(attempts).toHaveLength(500);
		for (let i = 1; i < attempts.length; i++) expect(attempts[i].startedAt).toBeGreaterThanOrEqual(attempts[i - 1].startedAt);
		const completed = attempts.filter((attempt) => attempt.status === 'completed');
		expect(completed.length).toBeGreaterThan(400);
		for (const attempt of completed) expect(attempt.completedAt).toBeGreaterThan(attempt.startedAt);
	});

	it('runs on the shipped programmes and reports a line per size', () => {
		const lines: string[] = [];
		const rows = programmeBench([10, 200], (line) => lines.push(line));
		expect(rows.map((row) => row.attempts)).toEqual([10, 200]);
		for (const row of rows) for (const value of [row.firstMs, row.medianMs, row.summaryMs]) expect(Number.isFinite(value)).toBe(true);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/^progress dashboard, 200 attempts: /);
	});
});
