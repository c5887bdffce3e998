import { expect, test, type Page } from '@playwright/test';
import { choices, createLearner, playUntilDebrief, startScenario } from './helpers';

const replyButtons = (page: Page) => choices(page).getByRole('button').filter({ hasNotText: 'Send reply' });

/** Always picks the first button (typing a reply where there is only a text box); returns what was shown at each decision. */
const alwaysFirst = (page: Page) => playUntilDebrief(page, () => 0, "I'm sorry, Dana. I'll send a replacement today.");

test('replies are shuffled per attempt: "always the first button" sees a different order the second time', async ({ page }) => {
	await createLearner(page, 'First Button Fay');
	await startScenario(page, 'The Third Call');
	const first = await alwaysFirst(page);
	const debrief = page.getByRole('region', { name: 'Debrief' });
	// The debrief lists the first decision's replies in the order the trainee saw them.
	const offered = debrief.locator('details.offered').first();
	await offered.locator('summary').click();
	await expect(offered.getByRole('listitem')).toHaveText(first[0].map((text) => new RegExp(`^${escape(text)}`)));

	await page.getByRole('button', { name: 'Play again' }).click();
	await expect(choices(page)).toBeVisible();
	const second = await alwaysFirst(page);
	expect(second[0]).not.toEqual(first[0]);
	expect([...second[0]].sort()).toEqual([...first[0]].sort());
});

test('a reload mid-scenario keeps the order the trainee was shown', async ({ page }) => {
	await createLearner(page, 'Reload Rex');
	await startScenario(page, 'Let Her Vent');
	await replyButtons(page).first().click();
	await expect(page.getByTestId('your-reply')).toHaveCount(1);
	const shown = await replyButtons(page).allInnerTexts();
	expect(shown.length).toBeGreaterThan(1);
	for (let i = 0; i < 2; i++) {
		await page.reload();
		await expect(choices(page)).toBeVisible();
		expect(await replyButtons(page).allInnerTexts()).toEqual(shown);
	}
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
