/**
 * The labelled reply sets in tests/fixtures/replies, in the order they were
 * written, with what each one was used for (see README, "Reply rubric agreement").
 */
import { readFileSync } from 'node:fs';
import type { LabelledSet } from '../../src/lib/core/rubric-learn.ts';

export interface SetInfo {
	file: string;
	/**
	 * How the hand-written rules used this set: written from its disagreements; only the replies a rule change
	 * moved were read (to check a general rule did not misfire on them); or only its totals were looked at.
	 */
	rules: 'written from' | 'changes read' | 'totals only';
}

export const SETS: SetInfo[] = [
	{ file: 'labelled.json', rules: 'written from' },
	{ file: 'held-out.json', rules: 'written from' },
	{ file: 'blind.json', rules: 'written from' },
	{ file: 'dev-2.json', rules: 'written from' },
	{ file: 'dev-3.json', rules: 'written from' },
	{ file: 'final-blind-3.json', rules: 'written from' },
	{ file: 'final-blind.json', rules: 'changes read' },
	{ file: 'final-blind-2.json', rules: 'changes read' },
	{ file: 'final-blind-4.json', rules: 'changes read' },
	{ file: 'sealed-1.json', rules: 'written from' }
];

export function loadSets(root = 'tests/fixtures/replies'): LabelledSet[] {
	return SETS.map(({ file }) => ({ name: file, items: JSON.parse(readFileSync(`${root}/${file}`, 'utf8')) }));
}
