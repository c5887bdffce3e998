// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogueUnavailableError, listScenarios, loadScenario } from '../../src/lib/catalogue/catalogue';
import { cardOf, compileScenario } from '../../src/lib/core';
import { createAuthored, deleteAuthored, publishAuthored, saveAuthored, unpublishAuthored } from '../../src/lib/storage/authored';
import { ServiceDrillDatabase, useDatabase } from '../../src/lib/storage/db';

const source = (title: string) => `---
title: ${title}
customer: Sam Lee
summary: S.
---
## Start

- [Go](#end) empathy +1, flexibility +1, ownership +1
  > Why.
- [Stop](#end) empathy -1, flexibility -1, ownership -1
  > Why not.

## End
`;
const zebra = compileScenario('zebra', source('Zebra crossing'));
const apple = compileScenario('apple', source('Apple pie'));

/** A static host: the index, one file per scenario, and (like many hosts) the app shell for anything else. */
function host(overrides: Record<string, () => Promise<Response>> = {}): typeof fetch {
	const files: Record<string, unknown> = {
		'/data/scenarios.json': [cardOf(zebra), cardOf(apple)],
		'/data/scenarios/zebra.json': zebra,
		'/data/scenarios/apple.json': apple
	};
	const requested: string[] = [];
	const fetcher = (async (url: string) => {
		requested.push(url);
		if (overrides[url]) return overrides[url]();
		if (url in files) return new Response(JSON.stringify(files[url]), { headers: { 'content-type': 'application/json' } });
		return new Response('<!doctype html><title>App</title>', { headers: { 'content-type': 'text/html' } });
	}) as typeof fetch;
	return Object.assign(fetcher, { requested });
}

describe('the scenario catalogue', () => {
	it('lists the cards in title order', async () => {
		expect((await listScenarios(host())).map((card) => card.id)).toEqual(['apple', 'zebra']);
	});

	it('loads one scenario\'s record', async () => {
		expect(await loadScenario('zebra', host())).toEqual(zebra);
	});

	it('answers null for an id the index does not have, without asking for its file', async () => {
		const fetcher = host();
		expect(await loadScenario('ghost', fetcher)).toBeNull();
		expect((fetcher as unknown as { requested: string[] }).requested).toEqual(['/data/scenarios.json']);
	});

	it('says the catalogue is unavailable when offline, or when the host answers with something else', async () => {
		const offline = host({ '/data/scenarios/zebra.json': () => Promise.reject(new TypeError('Failed to fetch')) });
		await expect(loadScenario('zebra', offline)).rejects.toBeInstanceOf(CatalogueUnavailableError);
		const shell = host({ '/data/scenarios.json': async () => new Response('<!doctype html>', { status: 200 }) });
		await expect(listScenarios(shell)).rejects.toBeInstanceOf(CatalogueUnavailableError);
		const gone = host({ '/data/scenarios/apple.json': async () => new Response('no', { status: 404 }) });
		await expect(loadScenario('apple', gone)).rejects.toBeInstanceOf(CatalogueUnavailableError);
	});

	it('refuses a record from another version of the app', async () => {
		const old = host({ '/data/scenarios/apple.json': async () => new Response(JSON.stringify({ ...apple, recordVersion: 0 })) });
		await expect(loadScenario('apple', old)).rejects.toThrow(/another version/);
	});
});

describe('scenarios published on this device', () => {
	beforeEach(async () => {
		const db = new ServiceDrillDatabase(`catalogue-${Math.random()}`);
		useDatabase(db);
		await db.open();
	});

	const publish = async (title: string) => {
		const created = await createAuthored(source(title), { title, errors: 0, warnings: 0 });
		await publishAuthored(created.id, compileScenario(created.id, created.source));
		return created;
	};

	it('joins the bundled ones in the library, marked as made here, and leaves it when unpublished or deleted', async () => {
		const mango = await publish('Mango lassi');
		const draft = await createAuthored(source('Draft only'), { title: 'Draft only', errors: 0, warnings: 0 });
		expect(draft.id.startsWith('~')).toBe(true);
		const cards = await listScenarios(host());
		expect(cards.map((card) => [card.id, card.origin])).toEqual([
			['apple', undefined],
			[mango.id, 'device'],
			['zebra', undefined]
		]);
		await unpublishAuthored(mango.id);
		expect((await listScenarios(host())).map((card) => card.id)).toEqual(['apple', 'zebra']);
		await publish('Kiwi');
		const kiwi = (await listScenarios(host())).find((card) => card.title === 'Kiwi')!;
		await deleteAuthored(kiwi.id);
		expect((await listScenarios(host())).map((card) => card.id)).toEqual(['apple', 'zebra']);
	});

	it('loads the published version, with its HTML prepared in the browser, and keeps every published version by hash', async () => {
		const mango = await publish('Mango lassi');
		const first = await loadScenario(mango.id, host());
		expect(first?.scenario?.meta.title).toBe('Mango lassi');
		expect(first?.html?.inline['Go']).toBe('Go');
		// Edited and published again: the player gets the new version, an old debrief the one it was played on.
		const saved = await saveAuthored(mango.id, source('Mango lassi, new'), mango.revision, { title: 'Mango lassi, new', errors: 0, warnings: 0 });
		await publishAuthored(mango.id, compileScenario(mango.id, saved.source));
		expect((await loadScenario(mango.id, host()))?.scenario?.meta.title).toBe('Mango lassi, new');
		expect((await loadScenario(mango.id, host(), first!.hash))?.scenario?.meta.title).toBe('Mango lassi');
		expect(await loadScenario('~nobody', host())).toBeNull();
	});
});
