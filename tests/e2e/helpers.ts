import { expect, type Page } from '@playwright/test';

/** Opens the app and creates a learner profile. */
export async function createLearner(page: Page, name: string) {
	await page.goto('/');
	await page.getByLabel("Who's learning? Type your name").fill(name);
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
}

export const choices = (page: Page) => page.getByRole('group', { name: 'Choices' });

/** Opens a scenario from the library and starts it. */
export async function startScenario(page: Page, title: string, mode: 'coach' | 'exam' = 'coach') {
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	if (mode === 'exam') await page.getByLabel(/Exam mode/).check();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await expect(choices(page)).toBeVisible();
}

/** Picks the first listed reply (or types one) until the debrief shows. Returns the number of decisions. */
export async function playToEnd(page: Page, pick: (count: number) => number = () => 0, typed = "I'm so sorry about this. I'll sort it out myself today.") {
	let decisions = 0;
	while (!(await page.getByRole('heading', { name: 'Debrief' }).isVisible())) {
		const group = choices(page);
		await expect(group).toBeVisible();
		const buttons = group.getByRole('button').filter({ hasNotText: 'Send reply' });
		const count = await buttons.count();
		const before = await page.getByTestId('your-reply').count();
		if (count > 0) {
			await buttons.nth(Math.min(pick(count), count - 1)).click();
		} else {
			await group.getByRole('textbox').fill(typed);
			await group.getByRole('button', { name: 'Send reply' }).click();
		}
		decisions++;
		await expect(page.getByTestId('your-reply')).toHaveCount(before + 1);
		if (decisions > 60) throw new Error('The scenario did not end');
	}
	return decisions;
}
