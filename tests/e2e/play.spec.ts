import { expect, test } from '@playwright/test';
import { choices, createLearner, playToEnd, startScenario } from './helpers';

test('a trainee plays a scenario to an ending and sees the debrief', async ({ page }) => {
	await createLearner(page, 'Ada');
	await startScenario(page, 'The Third Call');
	await expect(page.getByRole('meter', { name: /mood/ })).toHaveAttribute('aria-valuenow', '30');
	await expect(page.getByRole('complementary', { name: 'Case details' })).toContainText('Policy');
	const decisions = await playToEnd(page);
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
