// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthored, deleteAuthored, historyOf } from '../../src/lib/storage/authored';
import { ServiceDrillDatabase, useDatabase } from '../../src/lib/storage/db';
import { getAuthored } from '../../src/lib/storage/published';
import { applyImport, fileNameOf, idForFile, readImports } from '../../src/lib/studio/share';
import { SCENARIO_TEMPLATE } from '../../src/lib/studio/template';

const file = (name: string, text: string | Uint8Array) => new File([text as BlobPart], name, { type: 'text/markdown' });
const summary = { title: 'A new scenario', errors: 0, warnings: 0 };

beforeEach(async () => {
	const db = new ServiceDrillDatabase(`share-${Math.random()}`);
	useDatabase(db);
	await db.open();
});

describe('file names and ids', () => {
	it('downloads a scenario under its id, and maps that file name back to the same id', () => {
		expect(fileNameOf({ id: '~angry-caller-3fa2' })).toBe('angry-caller-3fa2.md');
		expect(idForFile('angry-caller-3fa2.md')).toBe('~angry-caller-3fa2');
		expect(idForFile('The Cold Curry (final) v2.MD')).toBe('~the-cold-curry-final-v2');
		expect(idForFile('???.md')).toBe('~scenario');
	});
});

describe('reading files for import', () => {
	it('reports each file: ready, a taken name, errors with the first problems, too large, not text; and writes nothing', async () => {
		await createAuthored(SCENARIO_TEMPLATE, summary, '~taken');
		const broken = SCENARIO_TEMPLATE.replace('(#sorted) empathy +2', '(#nowhere) empathy +2');
		const candidates = await readImports([
			file('fresh.md', SCENARIO_TEMPLATE),
			file('taken.md', SCENARIO_TEMPLATE),
			file('broken.md', broken),
			file('huge.md', 'x'.repeat(1_000_001)),
			file('binary.md', new Uint8Array([0xff, 0xfe, 0xfd]))
		]);
		expect(candidates.map((c) => [c.fileName, c.status])).toEqual([
			['fresh.md', 'ready'],
			['taken.md', 'exists'],
			['broken.md', 'ready'],
			['huge.md', 'refused'],
			['binary.md', 'refused']
		]);
		expect(candidates[2].errors).toBe(1);
		expect(candidates[2].problems[0].message).toContain('#nowhere');
		expect(candidates[3].reason).toMatch(/too large/);
		expect(candidates[4].reason).toMatch(/not a text file/);
		expect(await getAuthored('~fresh')).toBeUndefined();
	});
});

describe('applying an import', () => {
	it('adds a new scenario, replaces a taken one as a new version (the old text kept), or keeps both', async () => {
		const taken = await createAuthored('old text', summary, '~taken');
		const [fresh, again] = await readImports([file('fresh.md', SCENARIO_TEMPLATE), file('taken.md', SCENARIO_TEMPLATE)]);
		expect((await applyImport(fresh, 'new')).id).toBe('~fresh');
		await expect(applyImport(again, 'new')).rejects.toThrow(/choose Replace or Keep both/);
		const both = await applyImport(again, 'keep-both');
		expect(both.id).not.toBe('~taken');
		expect(both.source).toBe(SCENARIO_TEMPLATE);
		expect((await getAuthored('~taken'))?.source).toBe('old text');
		const replaced = await applyImport(again, 'replace');
		expect(replaced).toMatchObject({ id: '~taken', source: SCENARIO_TEMPLATE, revision: taken.revision + 1 });
		expect((await historyOf('~taken')).map((version) => version.source)).toEqual([SCENARIO_TEMPLATE, 'old text']);
	});

	it('brings a deleted scenario back when its file is imported over it', async () => {
		await createAuthored('old text', summary, '~gone');
		await deleteAuthored('~gone');
		const [candidate] = await readImports([file('gone.md', SCENARIO_TEMPLATE)]);
		expect(candidate.status).toBe('exists');
		const restored = await applyImport(candidate, 'replace');
		expect(restored.deletedAt).toBeUndefined();
		expect(restored.source).toBe(SCENARIO_TEMPLATE);
	});
});
