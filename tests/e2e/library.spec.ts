import { expect, test } from '@playwright/test';
import { createLearner, playBest, startScenario } from './helpers';

test('the library lists every scenario with its details and status', async ({ page }) => {
	await createLearner(page, 'Lib Lee');
	const cards = page.getByRole('article');
	await expect(cards).toHaveCount(15);
	const card = cards.filter({ hasText: 'Let Her Vent' });
	await expect(card).toContainText('Customer:');
	await expect(card).toContainText(/Difficulty 3 of 3/);
	await expect(card).toContainText(/About \d+ min/);
	await expect(card).toContainText('New');
});

test('two library scenarios played through the UI reach different endings', async ({ page }) => {
	await createLearner(page, 'Ending Ed');
	await startScenario(page, 'Copy and Paste');
	await playBest(page, 'copy-and-paste');
	const first = await page.locator('.outcome').getAttribute('data-outcome');
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await startScenario(page, 'Not the Right Fit');
	await playBest(page, 'not-the-right-fit', 'whatever', true);
	const second = await page.locator('.outcome').getAttribute('data-outcome');
	expect(first).toBeTruthy();
	expect(second).toBeTruthy();
	expect(second).not.toBe(first);
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await expect(page.getByRole('article').filter({ hasText: 'Copy and Paste' })).toContainText('Completed');
});

test('an unknown scenario address says so and links back to the library', async ({ page }) => {
	await createLearner(page, 'Lost Lou');
	await page.goto('/play/no-such-scenario');
	await expect(page.getByRole('heading', { name: 'Scenario not found' })).toBeVisible();
	await page.getByRole('link', { name: 'Back to the library' }).click();
	await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
});
