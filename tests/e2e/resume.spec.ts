import { expect, test, type Page } from '@playwright/test';
import { choices, createLearner, startScenario, withCrashableBrowser } from './helpers';

/** What a learner sees of the run: the mood meter, and every line of the conversation so far. */
async function snapshot(page: Page) {
	await expect(choices(page).or(page.getByRole('heading', { name: 'Debrief' }))).toBeVisible();
	// A decision with a text box loads it on demand: read the replies once it is there, not while it opens.
	await expect(page.getByText('Opening the text box…')).toHaveCount(0);
	return {
		mood: await page.getByRole('meter').getAttribute('aria-valuenow'),
		transcript: await page.getByRole('log', { name: 'Conversation' }).innerText(),
		replies: await choices(page).getByRole('button').allInnerTexts().catch(() => [])
	};
}

test('reloading after every step resumes at the same node, mood and transcript', async ({ page }) => {
	await createLearner(page, 'Reload Rita');
	await startScenario(page, 'The Third Call');
	let before = await snapshot(page);
	for (let step = 0; step < 12; step++) {
		await page.reload();
		const after = await snapshot(page);
		expect(after).toEqual(before);
		if (await page.getByRole('heading', { name: 'Debrief' }).isVisible()) break;
		const group = choices(page);
		const buttons = group.getByRole('button').filter({ hasNotText: 'Send reply' });
		if ((await buttons.count()) > 0) await buttons.last().click();
		else {
			await group.getByRole('textbox').fill('I am sorry. I will send a replacement today.');
			await group.getByRole('button', { name: 'Send reply' }).click();
		}
		await expect(page.getByTestId('your-reply')).toHaveCount(step + 1);
		before = await snapshot(page);
	}
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
});

test('closing the page and opening it again resumes the attempt', async ({ page, context }) => {
	await createLearner(page, 'Closer Cal');
	await startScenario(page, 'The Third Call');
	await choices(page).getByRole('button').first().click();
	await expect(page.getByTestId('your-reply')).toHaveCount(1);
	const before = await snapshot(page);
	await page.close();
	const again = await context.newPage();
	await again.goto('/');
	await expect(again.getByText('In progress')).toBeVisible();
	await again.getByRole('link', { name: 'The Third Call' }).click();
	expect(await snapshot(again)).toEqual(before);
});

test('killing the browser mid-conversation loses nothing', async ({}, testInfo) => {
	await withCrashableBrowser(testInfo, async (browser) => {
		let page = await browser.open();
		await createLearner(page, 'Crash Cora');
		await startScenario(page, 'The Third Call');
		await choices(page).getByRole('button').nth(1).click();
		await expect(page.getByTestId('your-reply')).toHaveCount(1);
		const before = await snapshot(page);
		await browser.crash();
		page = await browser.open();
		await page.goto('/play/the-third-call');
		expect(await snapshot(page)).toEqual(before);
	});
});

test('a changed scenario file is announced and a restart is offered', async ({ page }) => {
	await createLearner(page, 'Changed Chris');
	await startScenario(page, 'The Third Call');
	await choices(page).getByRole('button').first().click();
	await expect(page.getByTestId('your-reply')).toHaveCount(1);
	// Pretend the attempt began on an older version of the file.
	await page.evaluate(async () => {
		const open = indexedDB.open('service-drill');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const store = db.transaction('attempts', 'readwrite').objectStore('attempts');
		const all: { id: string; scenarioHash: string }[] = await new Promise((resolve) => {
			const request = store.getAll();
			request.onsuccess = () => resolve(request.result);
		});
		for (const attempt of all) store.put({ ...attempt, scenarioHash: 'older-version' });
		await new Promise((resolve) => (store.transaction.oncomplete = resolve));
		db.close();
	});
	await page.reload();
	await expect(page.getByRole('heading', { name: 'This scenario has changed' })).toBeVisible();
	await page.getByRole('button', { name: 'Restart with the new version' }).click();
	await expect(choices(page)).toBeVisible();
	await expect(page.getByTestId('your-reply')).toHaveCount(0);
});

test('a storage failure is shown and the conversation does not move on', async ({ page }) => {
	await createLearner(page, 'Full Disk Flo');
	await startScenario(page, 'The Third Call');
	await page.evaluate(() => {
		IDBObjectStore.prototype.add = function () {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await choices(page).getByRole('button').first().click();
	await expect(page.getByRole('alert').filter({ hasText: 'out of storage space' })).toBeVisible();
	await expect(page.getByTestId('your-reply')).toHaveCount(0);
	await expect(choices(page).getByRole('button').first()).toBeEnabled();
});

test('a stale second tab cannot overwrite the answer another tab already saved', async ({ page, context }) => {
	await createLearner(page, 'Two Tabs Tia');
	await startScenario(page, 'The Third Call');
	const other = await context.newPage();
	await other.goto('/play/the-third-call');
	await expect(choices(other)).toBeVisible();

	await choices(page).getByRole('button').first().click();
	await expect(page.getByTestId('your-reply')).toHaveCount(1);
	const saved = await page.getByTestId('your-reply').innerText();

	// The other tab still shows the first question and answers it differently.
	await choices(other).getByRole('button').last().click();
	await expect(other.getByRole('alert').filter({ hasText: 'another tab' })).toBeVisible();
	await expect(other.getByTestId('your-reply')).toHaveCount(0);

	await other.reload();
	await expect(other.getByTestId('your-reply')).toHaveText(saved);
});
