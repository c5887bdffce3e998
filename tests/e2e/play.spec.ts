import { expect, test } from '@playwright/test';
import { choices, createLearner, playBest, playToEnd, startScenario } from './helpers';

test('a trainee plays a scenario to an ending and sees the debrief', async ({ page }) => {
	await createLearner(page, 'Ada');
	await startScenario(page, 'The Third Call');
	await expect(page.getByRole('meter', { name: /mood/ })).toHaveAttribute('aria-valuenow', '30');
	await expect(page.getByRole('complementary', { name: 'Case details' })).toContainText('Policy');
	const decisions = await playBest(page, 'the-third-call');
	expect(decisions).toBeGreaterThanOrEqual(4);
	await expect(page.getByText(/Outcome:/)).toBeVisible();
	for (const name of ['Empathy', 'Policy flexibility', 'Ownership']) {
		await expect(page.locator('dt', { hasText: new RegExp(`^${name}$`) })).toBeVisible();
	}
	await expect(page.getByText('Customer satisfaction (CSAT)')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your conversation, decision by decision' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Play again' })).toBeVisible();
	await expect(choices(page)).toHaveCount(0);
});

test('keyboard only: a trainee plays to the debrief with Tab and Enter, and the scores are announced', async ({ page }) => {
	await createLearner(page, 'Kay Board');
	await page.getByRole('link', { name: 'Two Voicemails' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeVisible();
	await page.getByRole('button', { name: 'Start the conversation' }).focus();
	await page.keyboard.press('Enter');
	const meter = page.getByRole('meter');
	await expect(meter).toHaveAttribute('aria-valuetext', /out of 100/);
	const debrief = page.getByRole('heading', { name: 'Debrief' });
	for (let step = 0; step < 40; step++) {
		// The debrief loads once the conversation ends; until then the choices are on screen.
		await expect(choices(page).or(debrief)).toBeVisible();
		if (await debrief.isVisible()) break;
		const replies = page.getByTestId('your-reply');
		const before = await replies.count();
		// After each decision the keyboard focus is already on the next reply (or the text box).
		if (before === 0) await choices(page).getByRole('button').first().focus();
		const focused = page.locator(':focus');
		if ((await focused.evaluate((el) => el.tagName)) === 'TEXTAREA') {
			await page.keyboard.type("I'm sorry for the wait. I'll refund it today.");
		}
		await page.keyboard.press('Enter');
		await expect(replies).toHaveCount(before + 1);
	}
	await expect(debrief).toBeFocused();
	await expect(page.locator('dd').first()).toContainText(/\d+\/100|Not assessed/);
});

test('a finished attempt can be reopened from the progress page', async ({ page }) => {
	await createLearner(page, 'Review Rae');
	await startScenario(page, 'Two Voicemails');
	await playToEnd(page);
	const outcome = await page.locator('.outcome').innerText();
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await page.getByRole('link', { name: 'Latest debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
	await expect(page.locator('.outcome')).toHaveText(outcome);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
});

test('another tab upgrading the database asks this tab to reload', async ({ page, context }) => {
	await createLearner(page, 'Two Tabs Tam');
	const other = await context.newPage();
	await other.goto('/');
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				// A newer schema than this build's (Dexie stores version n as n × 10).
				const request = indexedDB.open('service-drill', 1000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	await expect(page.getByRole('alert').filter({ hasText: 'updated' })).toBeVisible();
});

test('persistent storage is requested after the first completed scenario, not at first load', async ({ page }) => {
	await page.addInitScript(() => {
		const calls: string[] = [];
		(window as unknown as { persistCalls: string[] }).persistCalls = calls;
		Object.defineProperty(navigator, 'storage', {
			configurable: true,
			value: {
				persisted: async () => false,
				persist: async () => {
					calls.push(location.pathname);
					return false;
				},
				estimate: async () => ({ usage: 0, quota: 1e9 })
			}
		});
	});
	const persistCalls = () => page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);
	await createLearner(page, 'Persist Pia');
	await startScenario(page, 'Two Voicemails');
	expect(await persistCalls()).toBe(0);
	await playToEnd(page);
	await expect(page.getByText('Your progress lives in this browser only')).toBeVisible();
	expect(await persistCalls()).toBe(1);
	// Asked once per device: finishing another scenario does not ask again.
	await page.getByRole('button', { name: 'Play again' }).click();
	await playToEnd(page);
	expect(await persistCalls()).toBe(1);
});
