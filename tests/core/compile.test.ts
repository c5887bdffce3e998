import { describe, expect, it } from 'vitest';
import { cardOf, compileScenario, hashSource, markdownPieces, readScenarioRecord, RECORD_VERSION } from '../../src/lib/core';

const SOURCE = `---
title: Compiled
customer: Sam Lee
summary: One of each piece.
policy: Refunds need a *receipt*.
tags: [phone]
minutes: 4
---

You answer the **phone**.

## Start

Sam sighs.

> **Sam:** "Hello?"

- [I'll *sort* it](#end) empathy +1, flexibility +1, ownership +1
  > Good **call**.
- [__proto__](#end) empathy -1, flexibility -1, ownership -1
  > constructor

## End

Done.
`;

const tagging = { block: (source: string) => `<div>${source}</div>`, inline: (source: string) => `<span>${source}</span>` };

describe('compileScenario', () => {
	it('builds the versioned record: hash, parse result, and no HTML without a renderer', () => {
		const record = compileScenario('compiled', SOURCE);
		expect(record).toMatchObject({ recordVersion: RECORD_VERSION, id: 'compiled', hash: hashSource(SOURCE), diagnostics: [] });
		expect(record.scenario!.meta.title).toBe('Compiled');
		expect(record.html).toBeUndefined();
	});

	it('prepares every piece the player shows with the renderer it is given', () => {
		const { html } = compileScenario('compiled', SOURCE, tagging);
		expect(Object.keys(html!.block).sort()).toEqual(
			['"Hello?"', 'Done.', 'Good **call**.', 'Refunds need a *receipt*.', 'Sam sighs.', 'You answer the **phone**.', 'constructor'].sort()
		);
		expect(Object.keys(html!.inline).sort()).toEqual(["I'll *sort* it", '__proto__'].sort());
		// Pieces named like Object's own properties are ordinary keys.
		expect(html!.inline['__proto__']).toBe('<span>__proto__</span>');
		expect(html!.block['constructor']).toBe('<div>constructor</div>');
		expect(JSON.parse(JSON.stringify(html)).inline['__proto__']).toBe('<span>__proto__</span>');
	});

	it('lists the same pieces markdownPieces finds', () => {
		const { scenario, html } = compileScenario('compiled', SOURCE, tagging);
		const pieces = markdownPieces(scenario!);
		expect(new Set(Object.keys(html!.block))).toEqual(pieces.block);
	});

	it('keeps a broken file\'s diagnostics and makes no HTML', () => {
		const record = compileScenario('broken', SOURCE.replace('(#end) empathy +1', '(#nowhere) empathy +1'), tagging);
		expect(record.scenario).toBeNull();
		expect(record.html).toBeUndefined();
		expect(record.diagnostics.map((d) => d.code)).toContain('broken-link');
	});
});

describe('cards and stored records', () => {
	it('makes a small card of a playable scenario', () => {
		expect(cardOf(compileScenario('compiled', SOURCE, tagging))).toEqual({
			id: 'compiled',
			hash: hashSource(SOURCE),
			title: 'Compiled',
			customer: 'Sam Lee',
			summary: 'One of each piece.',
			difficulty: 1,
			minutes: 4,
			tags: ['phone'],
			errors: 0,
			warnings: 0,
			problems: [],
			// The spread between best and worst achievable totals: both replies lead to the end, +1 or -1 on each.
			emphasis: { empathy: 2, flexibility: 2, ownership: 2 }
		});
	});

	it('makes a card of a broken file with its first errors, titled by its id', () => {
		const record = compileScenario('broken', SOURCE.replace(/\(#end\)/g, '(#nowhere)'));
		const errors = record.diagnostics.filter((d) => d.severity === 'error');
		const card = cardOf(record);
		expect(card.title).toBe('broken');
		expect(card.errors).toBe(errors.length);
		expect(card.problems).toEqual(errors.slice(0, 5));
		expect(card.problems.filter((d) => d.code === 'broken-link')).toHaveLength(2);
	});

	it('reads back a record and refuses what is not one of this version', () => {
		const record = JSON.parse(JSON.stringify(compileScenario('compiled', SOURCE, tagging)));
		expect(readScenarioRecord(record)).toEqual(record);
		for (const bad of [null, 'x', { ...record, recordVersion: RECORD_VERSION + 1 }, { ...record, hash: 3 }, { ...record, scenario: { nodes: 'x' } }]) {
			expect(readScenarioRecord(bad)).toBeNull();
		}
	});
});
