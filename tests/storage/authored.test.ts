import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileScenario, hashSource } from '../../src/lib/core';
import {
	authoredIdFor,
	createAuthored,
	deleteAuthored,
	historyOf,
	HISTORY_LIMIT,
	listAuthored,
	publishAuthored,
	purgeAuthored,
	restoreAuthored,
	SaveConflictError,
	saveAuthored,
	unpublishAuthored
} from '../../src/lib/storage/authored';
import { ServiceDrillDatabase, useDatabase } from '../../src/lib/storage/db';
import { AUTHORED_PREFIX, getAuthored, publishedAuthored, publishedVersion } from '../../src/lib/storage/published';
import { SCENARIO_TEMPLATE } from '../../src/lib/studio/template';

const summary = (title = 'A new scenario') => ({ title, errors: 0, warnings: 0 });

beforeEach(async () => {
	const db = new ServiceDrillDatabase(`authored-${Math.random()}`);
	useDatabase(db);
	await db.open();
});

describe('authored ids', () => {
	it('start with a character no bundled file name has, and read like the title', () => {
		const id = authoredIdFor('The Angry Caller!');
		expect(id.startsWith(AUTHORED_PREFIX)).toBe(true);
		expect(id).toMatch(/^~the-angry-caller-[0-9a-f]{4}$/);
		expect(authoredIdFor('???')).toMatch(/^~scenario-[0-9a-f]{4}$/);
		expect(/^[a-z0-9][a-z0-9-]*$/.test(id)).toBe(false); // the build's rule for bundled file names
	});
});

describe('autosave revisions', () => {
	it('bumps the revision on each save and keeps every save in the history', async () => {
		const created = await createAuthored(SCENARIO_TEMPLATE, summary());
		const second = await saveAuthored(created.id, `${SCENARIO_TEMPLATE}\nMore.`, created.revision, summary(), { anchor: 5, head: 5 });
		expect(second.revision).toBe(2);
		expect(second.cursor).toEqual({ anchor: 5, head: 5 });
		expect((await historyOf(created.id)).map((version) => version.revision)).toEqual([2, 1]);
	});

	it('refuses a save based on an older revision, writing nothing, and says what the newer version is', async () => {
		const created = await createAuthored(SCENARIO_TEMPLATE, summary());
		const theirs = await saveAuthored(created.id, 'their text', 1, summary('Theirs'));
		const mine = saveAuthored(created.id, 'my text', 1, summary('Mine'));
		await expect(mine).rejects.toBeInstanceOf(SaveConflictError);
		await expect(mine).rejects.toMatchObject({ current: { revision: 2, source: 'their text' } });
		expect((await getAuthored(created.id))?.source).toBe(theirs.source);
	});

	it(`keeps the last ${HISTORY_LIMIT} versions`, async () => {
		let current = await createAuthored('v1', summary());
		for (let i = 2; i <= HISTORY_LIMIT + 5; i++) current = await saveAuthored(current.id, `v${i}`, current.revision, summary());
		const history = await historyOf(current.id);
		expect(history).toHaveLength(HISTORY_LIMIT);
		expect(history[0].source).toBe(`v${HISTORY_LIMIT + 5}`);
		expect(history.at(-1)!.source).toBe('v6');
	});
});

describe('deleting', () => {
	it('is soft: restored with everything, or purged for good', async () => {
		const created = await createAuthored(SCENARIO_TEMPLATE, summary());
		await deleteAuthored(created.id);
		expect(await listAuthored()).toEqual([]);
		expect((await listAuthored({ deleted: true })).map((scenario) => scenario.id)).toEqual([created.id]);
		await restoreAuthored(created.id);
		expect((await listAuthored()).map((scenario) => scenario.source)).toEqual([SCENARIO_TEMPLATE]);
		await deleteAuthored(created.id);
		await purgeAuthored(created.id);
		expect(await getAuthored(created.id)).toBeUndefined();
		expect(await historyOf(created.id)).toEqual([]);
	});
});

describe('publishing', () => {
	it('puts the saved text in the library and keeps each published version by hash', async () => {
		const created = await createAuthored(SCENARIO_TEMPLATE, summary());
		const published = await publishAuthored(created.id, compileScenario(created.id, created.source));
		expect(published.publishedHash).toBe(hashSource(SCENARIO_TEMPLATE));
		expect(published.publishedCard?.title).toBe('A new scenario');
		expect((await publishedAuthored()).map((scenario) => scenario.id)).toEqual([created.id]);
		const edited = SCENARIO_TEMPLATE.replace('A new scenario', 'Renamed');
		await saveAuthored(created.id, edited, published.revision, summary('Renamed'));
		await publishAuthored(created.id, compileScenario(created.id, edited));
		expect((await publishedVersion(created.id, hashSource(SCENARIO_TEMPLATE)))?.source).toBe(SCENARIO_TEMPLATE);
		expect((await publishedVersion(created.id, hashSource(edited)))?.source).toBe(edited);
		await unpublishAuthored(created.id);
		expect(await publishedAuthored()).toEqual([]);
		expect(await publishedVersion(created.id, hashSource(edited))).toBeDefined();
	});

	it('refuses a text with errors, and a record of another text than the saved one', async () => {
		const created = await createAuthored(SCENARIO_TEMPLATE, summary());
		const broken = SCENARIO_TEMPLATE.replace('(#sorted)', '(#nowhere)');
		await expect(publishAuthored(created.id, compileScenario(created.id, broken))).rejects.toThrow(/errors/);
		const other = SCENARIO_TEMPLATE.replace('A new scenario', 'Other');
		await expect(publishAuthored(created.id, compileScenario(created.id, other))).rejects.toThrow(/changed/);
		expect(await publishedAuthored()).toEqual([]);
	});
});
