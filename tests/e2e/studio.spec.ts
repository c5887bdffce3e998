import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { choices, createLearner, playToEnd, withCrashableBrowser } from './helpers';

/**
 * After a first visit online has let the service worker cache the app and the studio (the studio is cached once
 * /author has been opened), the network goes away.
 */
async function goOfflineWithStudioCached(page: Page, context: BrowserContext) {
	await page.goto('/author');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await expect.poll(() => uncachedStudioFiles(page), { timeout: 20_000 }).toEqual([]);
	await context.setOffline(true);
}

/** The studio's files (listed at build time) that the service worker has not cached yet. */
async function uncachedStudioFiles(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const studioFiles: string[] = await (await fetch('/_app/studio-assets.json')).json();
		const cached = new Set<string>();
		for (const key of await caches.keys()) for (const request of await (await caches.open(key)).keys()) cached.add(new URL(request.url).pathname);
		return studioFiles.filter((path) => !cached.has(path));
	});
}

/** The studio's editor, whatever widget it is: a labelled text field (CodeMirror's content element). */
const editor = (page: Page) => page.getByLabel('Scenario file (Markdown)');

async function newScenario(page: Page) {
	await page.goto('/author');
	await page.getByRole('button', { name: 'New scenario from the template' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'A new scenario' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

/** Replaces the whole text, as a manager pasting a file would. */
async function setText(page: Page, text: string) {
	await editor(page).fill(text);
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
}

/**
 * The editor's whole text, as the manager would get it: with Download .md
 * (CodeMirror draws only the lines in view, so the page cannot be read for it).
 */
/** The cursor stored with an authored scenario (the studio stores it on its own, a moment after it last moved). */
async function storedCursor(page: Page, id: string): Promise<unknown> {
	return page.evaluate(async (key) => {
		const open = indexedDB.open('service-drill');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const record: { cursor?: unknown } | undefined = await new Promise((resolve) => {
			const request = db.transaction('authored').objectStore('authored').get(key);
			request.onsuccess = () => resolve(request.result);
		});
		db.close();
		return record?.cursor;
	}, id);
}

async function text(page: Page): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
	return readFileSync((await download.path())!, 'utf8');
}
const expectText = (page: Page, expected: string) => expect.poll(() => text(page)).toBe(expected);

// What a manager does, online and again offline after the first visit to the studio (issue: "all of it again offline").
for (const offline of [false, true]) {
	test.describe(offline ? 'offline' : 'online', () => {
		if (offline) test.beforeEach(({ page, context }) => goOfflineWithStudioCached(page, context));

		test('a manager creates a scenario, breaks a link, sees the problem at its line, fixes it, and the text survives a reload', async ({ page }) => {
			await newScenario(page);
			const source = await text(page);
			const broken = source.replace('(#sorted) empathy +2', '(#sortd) empathy +2');
			await setText(page, broken);
			const line = broken.split('\n').findIndex((l) => l.includes('#sortd')) + 1;
			const problem = page.getByRole('button', { name: new RegExp(`^Line ${line}, column \\d+: .*#sortd`) });
			await expect(problem).toBeVisible();
			await problem.click();
			await expect(editor(page)).toBeFocused();
			await setText(page, broken.replace('#sortd', '#sorted'));
			await expect(page.getByText('No problems', { exact: true })).toBeVisible();
			await page.reload();
			await expectText(page, broken.replace('#sortd', '#sorted'));
		});

		test('typing then reloading at once keeps the text', async ({ page }) => {
			await newScenario(page);
			await editor(page).press('End');
			await editor(page).pressSequentially(' Extra words.');
			const typed = await text(page);
			await page.reload();
			await expectText(page, typed);
		});

		test('a playtest from a middle node plays with the chosen mood and leaves the learner\'s progress unchanged', async ({ page }) => {
			await createLearner(page, 'Progress Pam');
			await newScenario(page);
			const source = (await text(page)).replace('## Sorted', '## Middle\n\n> **Alex:** "Go on."\n\n- [Sure thing.](#sorted) empathy +1, flexibility +1, ownership +1, mood +5\n  > Fine.\n- [No.](#lost) empathy -1, flexibility -1, ownership -1, mood -50\n  > Not fine.\n\n## Sorted').replace('(#sorted) empathy +2', '(#middle) empathy +2');
			await setText(page, source);
			const playtest = page.getByRole('region', { name: 'Playtest' });
			await playtest.getByLabel('Node').selectOption({ label: 'Middle' });
			await playtest.getByLabel('Mood').fill('12');
			await playtest.getByRole('button', { name: 'Play from this node' }).click();
			await expect(playtest.getByRole('meter')).toHaveAttribute('aria-valuenow', '12');
			await expect(playtest.getByRole('log')).toContainText('Go on.');
			await playtest.getByRole('button', { name: 'Sure thing.' }).click();
			await expect(playtest.getByRole('heading', { name: 'Debrief' })).toBeVisible();
			await page.getByRole('link', { name: 'Progress', exact: true }).click();
			await expect(page.getByText('Progress Pam has not played any scenario yet.')).toBeVisible();
		});

		test('a published scenario is played from the library to a debrief, and resumes after a reload mid-play', async ({ page }) => {
			await createLearner(page, 'Library Lou');
			await newScenario(page);
			await setText(page, (await text(page)).replace('title: A new scenario', 'title: The Spilled Coffee'));
			await page.getByRole('button', { name: 'Publish' }).click();
			await expect(page.getByText('Published: trainees on this device now see it in the library.')).toBeVisible();
			await page.getByRole('link', { name: 'Library', exact: true }).click();
			const card = page.getByRole('article').filter({ hasText: 'The Spilled Coffee' });
			await expect(card).toContainText('Made on this device');
			await card.getByRole('link', { name: 'The Spilled Coffee' }).click();
			await page.getByRole('button', { name: 'Start the conversation' }).click();
			await expect(choices(page)).toBeVisible();
			await page.reload();
			await expect(choices(page)).toBeVisible();
			await playToEnd(page);
			await expect(page.getByText(/Outcome:/)).toBeVisible();
		});

		test('a downloaded scenario imports back with the same text; a taken name is never overwritten without asking', async ({ page }) => {
			await newScenario(page);
			const original = await text(page);
			const downloading = page.waitForEvent('download');
			await page.getByRole('button', { name: 'Download .md' }).click();
			const file = await downloading;
			const downloaded = readFileSync((await file.path())!, 'utf8');
			expect(downloaded).toBe(original);

			await page.goto('/author');
			await page.getByLabel('Import .md files (pick several, or drop them here)').setInputFiles({ name: file.suggestedFilename(), mimeType: 'text/markdown', buffer: Buffer.from(downloaded) });
			const row = page.getByRole('row').filter({ hasText: file.suggestedFilename() });
			await expect(row).toContainText('already has this name');
			await expect(page.getByRole('button', { name: /^Import \d+ files?$/ })).toBeDisabled();
			await row.getByRole('combobox').selectOption('keep-both');
			await page.getByRole('button', { name: 'Import 1 file' }).click();
			await expect(page.getByText('Imported as a new copy, OK.')).toBeVisible();
			await expect(page.getByRole('link', { name: 'A new scenario', exact: true })).toHaveCount(2);
			await page.getByRole('link', { name: 'Open A new scenario' }).click();
			await expectText(page, original);
		});

		test('importing several files reports on each: errors open in the editor, a huge file is refused, nothing is lost', async ({ page }) => {
			await page.goto('/author');
			const broken = SCENARIO.replace('(#end)', '(#nowhere)');
			await page.getByLabel('Import .md files (pick several, or drop them here)').setInputFiles([
				{ name: 'good-one.md', mimeType: 'text/markdown', buffer: Buffer.from(SCENARIO) },
				{ name: 'broken-one.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) },
				{ name: 'huge.md', mimeType: 'text/markdown', buffer: Buffer.alloc(5_000_000, 'a') }
			]);
			await expect(page.getByRole('row').filter({ hasText: 'good-one.md' })).toContainText('OK');
			await expect(page.getByRole('row').filter({ hasText: 'broken-one.md' })).toContainText(/error.*#nowhere/s);
			await expect(page.getByRole('row').filter({ hasText: 'huge.md' })).toContainText('too large');
			await page.getByRole('button', { name: 'Import 2 files' }).click();
			const report = page.getByRole('status').filter({ hasText: 'Import report' });
			await expect(report).toContainText('good-one.md: Imported, OK.');
			await expect(report).toContainText('broken-one.md: Imported, with 1 error to fix.');
			await expect(report).toContainText('huge.md: Not imported');
			await report.getByRole('link', { name: /Open/ }).nth(1).click();
			await expectText(page, broken);
			await expect(page.getByRole('button', { name: /#nowhere/ })).toBeVisible();
		});

		test('the map follows the file: a broken link shows on it, fixing it redraws it, and clicking a node moves the editor there', async ({ page }) => {
			await newScenario(page);
			const map = page.getByRole('region', { name: /map/i }).first();
			await expect(map.locator('[data-node="lost"]')).toBeVisible();
			const source = await text(page);
			await setText(page, source.replace('(#lost)', '(#lots)'));
			await expect(page.getByRole('button', { name: /#lots/ })).toBeVisible();
			await expect(map.locator('[data-node="missing:lots"]')).toBeVisible();
			await expect(map.locator('[data-node="lost"]')).toContainText('Unreachable');
			await setText(page, source);
			await expect(map.locator('[data-node="missing:lots"]')).toHaveCount(0);
			await expect(map.locator('[data-node="lost"]')).not.toContainText('Unreachable');

			await map.locator('[data-node="sorted"]').click();
			const line = source.split('\n').findIndex((l) => l === '## Sorted') + 1;
			// The cursor's line, as the editor's line-number gutter marks it.
			await expect(page.locator('.cm-lineNumbers .cm-activeLineGutter')).toHaveText(String(line));
			await expect(editor(page)).toBeFocused();
		});
	});
}

test("a manager's playtest coaches a quick yes to a rule kept for privacy as giving way, with the reason", async ({ page }) => {
	await newScenario(page);
	const source = (await text(page))
		.replace('policy: Refunds are possible within 30 days with a receipt.', "policy: Addresses are only given to the account holder, to protect our customers' privacy.")
		.replace('"What the customer says first."', '"My sister moved and I need her new address for her birthday card. Can you just tell me?"');
	await setText(page, source);
	const playtest = page.getByRole('region', { name: 'Playtest' });
	await playtest.getByRole('button', { name: 'Play from the start' }).click();
	const box = playtest.getByRole('textbox', { name: 'Write your own reply' });
	await box.fill('Sure, her new address is 14 Mill Lane, good luck with the card!');
	await box.press('Enter');
	const coaching = playtest.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Policy flexibility -2');
	await expect(coaching.getByRole('list', { name: 'Why' })).toContainText('kept for safety, the law or privacy gives way where it should hold');
	await expect(coaching.locator('mark.minus', { hasText: 'Sure' })).toBeVisible();
});

test('a second tab\'s newer save is never overwritten: the older tab is told and can keep its text as a copy', async ({ page, context }) => {
	await newScenario(page);
	const url = page.url();
	const other = await context.newPage();
	await other.goto(url);
	await expectText(other, await text(page));
	await setText(other, (await text(other)).replace('title: A new scenario', 'title: Their version'));
	await editor(page).fill((await text(page)).replace('title: A new scenario', 'title: My version'));
	await expect(page.getByRole('alert').filter({ hasText: 'changed in another tab' })).toBeVisible();
	await page.getByRole('button', { name: 'Keep my text as a copy' }).click();
	// The copy opens at its own address once it is saved.
	await expect(page).not.toHaveURL(url);
	await expect(page.getByRole('heading', { level: 1, name: 'My version' })).toBeVisible();
	await page.goto('/author');
	await expect(page.getByRole('link', { name: 'Their version' })).toBeVisible();
	await expect(page.getByRole('link', { name: /My version/ })).toBeVisible();
});

test('a deleted scenario can be brought back, with Undo or from Recently deleted', async ({ page }) => {
	await newScenario(page);
	await page.goto('/author');
	await page.getByRole('button', { name: 'Delete A new scenario' }).click();
	await expect(page.getByRole('link', { name: 'A new scenario' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('link', { name: 'A new scenario' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete A new scenario' }).click();
	// The list changes once the deletion is stored: reloading before that raced the click's write.
	await expect(page.getByRole('link', { name: 'A new scenario' })).toHaveCount(0);
	await page.reload();
	await page.getByRole('button', { name: 'Restore A new scenario' }).click();
	await expect(page.getByRole('link', { name: 'A new scenario' })).toBeVisible();
});

test('an earlier version can be viewed and restored from the history', async ({ page }) => {
	await newScenario(page);
	const first = await text(page);
	await setText(page, first.replace('title: A new scenario', 'title: Second draft'));
	await page.getByText(/^History/).click();
	await page.getByRole('button', { name: 'Restore this version' }).last().click();
	await expectText(page, first);
	await expect(page.getByRole('heading', { level: 1, name: 'A new scenario' })).toBeVisible();
});

test('a trainee\'s first visit does not download the studio; once opened, the studio works offline', async ({ page, context }) => {
	const studioFiles: string[] = await (await page.request.get('/_app/studio-assets.json')).json();
	expect(studioFiles.length).toBeGreaterThan(2);
	const fetched: string[] = [];
	page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
	await createLearner(page, 'First Visit Fran');
	await page.evaluate(() => navigator.serviceWorker.ready);
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	expect(await uncachedStudioFiles(page)).toEqual(studioFiles);
	expect(fetched.filter((path) => studioFiles.includes(path))).toEqual([]);

	await page.getByRole('link', { name: 'Studio', exact: true }).click();
	await expect.poll(() => uncachedStudioFiles(page), { timeout: 20_000 }).toEqual([]);
	await page.getByRole('button', { name: 'New scenario from the template' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	const address = page.url();

	await context.setOffline(true);
	await page.goto('/author');
	await expect(page.getByRole('link', { name: 'A new scenario' })).toBeVisible();
	await page.goto(address);
	await setText(page, (await text(page)).replace('title: A new scenario', 'title: Written offline'));
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Published: trainees on this device now see it in the library.')).toBeVisible();
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await page.getByRole('link', { name: 'Written offline' }).click();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await playToEnd(page);
	await expect(page.getByText(/Outcome:/)).toBeVisible();
});

const SCENARIO = `---
title: Imported
customer: Sam Lee
summary: A short imported scenario.
---
## Start

- [Help](#end) empathy +1, flexibility +1, ownership +1
  > Good.
- [Shrug](#end) empathy -1, flexibility -1, ownership -1
  > Bad.

## End
`;

test('re-publishing a changed scenario tells a trainee in the middle of it that it changed', async ({ page }) => {
	await createLearner(page, 'Mid Play Mo');
	await newScenario(page);
	const address = page.url();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByText('Published: trainees on this device now see it in the library.')).toBeVisible();
	await page.getByRole('link', { name: 'Open in the library' }).click();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await expect(choices(page)).toBeVisible();
	await page.goto(address);
	await setText(page, (await text(page)).replace('What the customer says first.', 'What the customer says first, now louder.'));
	await page.getByRole('button', { name: 'Publish changes' }).click();
	await expect(page.getByText('Published: trainees on this device now see it in the library.')).toBeVisible();
	await page.getByRole('link', { name: 'Open in the library' }).click();
	await expect(page.getByRole('heading', { name: 'This scenario has changed' })).toBeVisible();
	await page.getByRole('button', { name: 'Restart with the new version' }).click();
	await expect(page.getByRole('log')).toContainText('now louder');
});

test('files dropped on the import area are read like picked ones', async ({ page }) => {
	await page.goto('/author');
	const drop = page.getByRole('group', { name: 'Import scenario files' });
	const dataTransfer = await page.evaluateHandle((text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
		return transfer;
	}, SCENARIO);
	await drop.dispatchEvent('drop', { dataTransfer });
	await expect(page.getByRole('row').filter({ hasText: 'dropped.md' })).toContainText('OK');
	await page.getByRole('button', { name: 'Import 1 file' }).click();
	await expect(page.getByText('dropped.md: Imported, OK.')).toBeVisible();
});

test('killing the browser mid-typing loses nothing that was saved, and the cursor comes back where it was', async ({}, testInfo) => {
	await withCrashableBrowser(testInfo, async (browser) => {
		let page = await browser.open();
		await newScenario(page);
		const address = page.url();
		await editor(page).focus();
		await page.keyboard.press('ControlOrMeta+Home');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('End');
		await page.keyboard.type(' (edited)');
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		const saved = await text(page);
		expect(saved.split('\n')[1]).toBe('title: A new scenario (edited)');
		// Typing ")" only steps over the bracket the editor closed: a cursor move, stored on its own a moment later
		// (on a loaded machine, after "Saved" was shown). Wait for it, so the crash tests what was stored.
		const endOfTitle = saved.indexOf('\n', saved.indexOf('\n') + 1);
		await expect.poll(() => storedCursor(page, decodeURIComponent(new URL(address).pathname.split('/').pop()!))).toEqual({ anchor: endOfTitle, head: endOfTitle });
		await browser.crash();
		page = await browser.open();
		await page.goto(address);
		await expect(page.getByRole('heading', { level: 1, name: 'A new scenario (edited)' })).toBeVisible();
		await expectText(page, saved);
		// Typing goes on where the cursor was: at the end of the title.
		await editor(page).focus();
		await page.keyboard.type('!');
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		expect((await text(page)).split('\n')[1]).toBe('title: A new scenario (edited)!');
	});
});
