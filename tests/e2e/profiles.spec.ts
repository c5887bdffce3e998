import { expect, test } from '@playwright/test';
import { choices, createLearner, playToEnd, startScenario } from './helpers';

test('two learners on one device keep separate progress', async ({ page }) => {
	await createLearner(page, 'Amira');
	await startScenario(page, 'Two Voicemails');
	await playToEnd(page);
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('table')).toContainText('Two Voicemails');

	await page.getByRole('button', { name: 'New learner' }).click();
	await page.getByLabel("New learner's name").fill('Bo');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('combobox', { name: 'Learner' })).toHaveValue(/.+/);
	await expect(page.getByText('Bo has not played any scenario yet.')).toBeVisible();

	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await startScenario(page, 'Back on Monday');
	await choices(page).getByRole('button').first().click();
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('table')).toContainText('Back on Monday');
	await expect(page.getByRole('table')).not.toContainText('Two Voicemails');

	await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Amira' });
	await expect(page.getByRole('table')).toContainText('Two Voicemails');
	await expect(page.getByRole('table')).not.toContainText('Back on Monday');

	// A name already on this device is refused with a clear message.
	await page.getByRole('button', { name: 'New learner' }).click();
	await page.getByLabel("New learner's name").fill('  amira ');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'already a learner called' })).toBeVisible();

	// Escape closes the new-learner box; opening it puts the cursor in the name field.
	await page.keyboard.press('Escape');
	await expect(page.getByLabel("New learner's name")).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'New learner' })).toBeFocused();
	await page.getByRole('button', { name: 'New learner' }).click();
	await expect(page.getByLabel("New learner's name")).toBeFocused();
});
