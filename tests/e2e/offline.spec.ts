import { expect, test } from '@playwright/test';
import { createLearner, playToEnd, startScenario } from './helpers';

test('after the first visit the app works offline: reload and play a whole scenario', async ({ page, context }) => {
	await createLearner(page, 'Offline Olu');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
	await startScenario(page, 'The Wrong Plan');
	await page.reload();
	await playToEnd(page);
	await expect(page.getByText(/Outcome:/)).toBeVisible();
	// A page that was never prerendered is served by the app shell too.
	await page.goto('/progress');
	await expect(page.getByRole('table')).toContainText('The Wrong Plan');
});

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('a scenario whose file cannot be fetched says so and offers a reload', async ({ page }) => {
	// Fail only the file that carries the scenario's data.
	await page.route('**/data/scenarios/two-voicemails.json', (route) => route.abort());
	await page.goto('/play/two-voicemails');
	await page.getByLabel('Type your name to start').fill('Patchy Pat');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('heading', { name: 'This scenario could not be loaded' })).toBeVisible();
	await expect(page.getByRole('main').getByRole('button', { name: 'Reload' })).toBeVisible();
});
});
