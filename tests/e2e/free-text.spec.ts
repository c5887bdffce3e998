import { expect, test, type Page } from '@playwright/test';
import { choices, createLearner, playToEnd, startScenario } from './helpers';

/** Plays The Third Call up to Dana's "So what actually happens now?", where a typed reply is asked for. */
async function reachTypedReply(page: Page, name: string) {
	await createLearner(page, name);
	await startScenario(page, 'The Third Call');
	await choices(page).getByRole('button', { name: /I'm sorry you've had to call three times/ }).click();
	await choices(page).getByRole('button', { name: /That's awful timing/ }).click();
	await expect(page.getByRole('log')).toContainText('So what actually happens now?');
	return choices(page).getByRole('textbox', { name: 'Write your own reply' });
}

test('a strong typed reply scores well, highlights its evidence and takes the good branch', async ({ page }) => {
	const box = await reachTypedReply(page, 'Strong Sam');
	await expect(page.getByText('0 / 1500')).toBeVisible();
	await box.fill("I'm so sorry, Dana. I'll send you a replacement vase by express today, at no charge, so it's with you tomorrow.");
	await expect(page.getByText(/^1\d\d \/ 1500$/)).toBeVisible();
	await box.press('Enter');
	const coaching = page.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Ownership +');
	await expect(coaching.locator('mark.plus').first()).toBeVisible();
	await expect(coaching.getByRole('list', { name: 'Why' })).toContainText('Empathy +');
	await expect(page.getByRole('log')).toContainText("That's... thank you");
});

test('a poor typed reply scores badly, shows why and takes the weaker branch', async ({ page }) => {
	const box = await reachTypedReply(page, 'Poor Pat');
	await box.fill('Returns will be in touch. Policy says we need the photos first, nothing I can do.');
	await box.press('Shift+Enter');
	await box.pressSequentially('Someone will call you.');
	await expect(box).toHaveValue(/first, nothing I can do\.\nSomeone will call you\./);
	await choices(page).getByRole('button', { name: 'Send reply' }).click();
	const coaching = page.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Ownership -');
	await expect(coaching.locator('mark.minus').first()).toBeVisible();
	await expect(page.getByRole('log')).toContainText("That's what yesterday's man said");
});

test('in exam mode the typed reply is explained in the debrief, with the model answer', async ({ page }) => {
	await createLearner(page, 'Exam Eve');
	await startScenario(page, 'The Third Call', 'exam');
	await choices(page).getByRole('button', { name: /I'm sorry you've had to call three times/ }).click();
	await choices(page).getByRole('button', { name: /That's awful timing/ }).click();
	await choices(page).getByRole('textbox').fill("Dana, I'll send a replacement by express today so it's with you tomorrow.");
	await choices(page).getByRole('button', { name: 'Send reply' }).click();
	// The third reply is on screen before the rest is played (the helper counts replies as it goes).
	await expect(page.getByTestId('your-reply')).toHaveCount(3);
	await expect(page.getByRole('note', { name: 'Coaching' })).toHaveCount(0);
	await playToEnd(page);
	const debrief = page.getByRole('region', { name: 'Debrief' });
	await expect(debrief.getByText('You wrote:')).toBeVisible();
	await expect(debrief.locator('mark.plus').first()).toBeVisible();
	await expect(debrief.getByText('A model answer:')).toBeVisible();
});

test('a reply is also read as a whole, and the coaching says which words moved it', async ({ page }) => {
	const box = await reachTypedReply(page, 'Whole Wren');
	// The phrase rules count her name (+1) and nothing else on empathy; read as a whole, a rule said back by name with
	// none of her words is worded the way trainers scored 0. (Since round fifteen "as per our terms" is a phrase rule.)
	await box.fill('Ms Whitfield, the shipping charge is non-negotiable.');
	await box.press('Enter');
	const coaching = page.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Empathy 0');
	const why = coaching.getByRole('list', { name: 'Why' });
	await expect(why).toContainText('Read as a whole (words like "Ms"');
	await expect(why).toContainText('so empathy comes to 0');
	await expect(coaching.locator('mark.minus', { hasText: 'shipping charge' })).toBeVisible();
});

test('a longer reply is calibrated against trainers\' scores, and the coaching says which words turned it', async ({ page }) => {
	const box = await reachTypedReply(page, 'Calibrated Cai');
	// The phrase rules count the acknowledgement for empathy; read whole, a stock "we understand…, however" before a
	// charge is what trainers scored against empathy more often than not (the calibration reads replies of 20 words or more).
	await box.fill('We understand how stressful a broken wedding present can be. However, our express service is charged at £9.95 regardless of the nature of the request.');
	await box.press('Enter');
	const coaching = page.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Empathy -');
	const why = coaching.getByRole('list', { name: 'Why' });
	await expect(why).toContainText('Trainers scored replies like this one (worded with "understand"');
	await expect(why).toContainText(/against empathy about \d+ times in 100/);
	await expect(why).toContainText('so empathy comes to −1');
});
