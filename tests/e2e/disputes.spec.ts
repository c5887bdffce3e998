import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choices, createLearner, expectNoViolations, playUntilDebrief, startScenario } from './helpers';

const REPLY = "I'm so sorry, Dana. I'll send a replacement vase by express today, at no charge.";

test('a trainee disputes a typed reply’s score, and a trainer downloads it as a labelled reply', async ({ page }) => {
	await createLearner(page, 'Disputing Dee');
	await startScenario(page, 'The Third Call');
	await choices(page).getByRole('button', { name: /I'm sorry you've had to call three times/ }).click();
	await choices(page).getByRole('button', { name: /That's awful timing/ }).click();
	await choices(page).getByRole('textbox', { name: 'Write your own reply' }).fill(REPLY);
	await choices(page).getByRole('button', { name: 'Send reply' }).click();

	const coaching = page.getByRole('note', { name: 'Coaching' }).last();
	await expect(coaching.getByRole('list', { name: 'Scores for this reply' })).toContainText('Empathy +');
	const disagree = coaching.getByRole('button', { name: "I don't agree" });

	// Opens a dialog with the focus inside; Escape closes it and the focus goes back to the button.
	await disagree.click();
	const dialog = page.getByRole('dialog', { name: 'Which score do you disagree with?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByRole('radio', { name: /^Empathy/ })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(disagree).toBeFocused();

	// Saving without a choice says what is missing; the sign the rubric gave is not a disagreement.
	await disagree.click();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog.getByRole('alert')).toHaveText('Choose the score you disagree with.');
	await dialog.getByRole('radio', { name: /^Empathy \(scored \+\d\)$/ }).check();
	await dialog.getByRole('radio', { name: 'Positive (+)' }).check();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog.getByRole('alert')).toContainText('That is what the rubric gave');

	await dialog.getByRole('radio', { name: 'Neutral (0)' }).check();
	await dialog.getByRole('textbox', { name: 'Why? (optional)' }).fill('Sounds like a script to me.');
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(dialog).toBeHidden();
	await expect(coaching.getByRole('status')).toHaveText(/Saved: you expected empathy to be neutral/);
	await expect(disagree).toBeFocused();

	// The trainer's view lists it, with the learner and the scenario, and downloads the labelled-set file.
	await page.goto('/trainer');
	const list = page.getByRole('region', { name: 'Disputed scores' });
	await expect(list.getByRole('row', { name: /Disputing Dee/ })).toContainText('Empathy: rubric +, expected 0');
	await expect(list.getByRole('row', { name: /Disputing Dee/ })).toContainText('The Third Call');
	await expect(list).toContainText('Sounds like a script to me.');
	await expectNoViolations(page, 'trainer view with a disputed score');
	const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name: 'Download disputes (JSON)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^disputes-\d{4}-\d\d-\d\d\.json$/);
	const items = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(items).toHaveLength(1);
	const [item] = items;
	expect(Object.keys(item).sort()).toEqual(['context', 'expected', 'id', 'note', 'reply']);
	expect(item.reply).toBe(REPLY);
	expect(item.context.customer).toBe('Dana Whitfield');
	expect(item.context.customerLine).toContain('So what actually happens now?');
	expect(item.context.policy).toBeTruthy();
	expect(item.expected).toMatchObject({ empathy: '0', ownership: '+' });
	expect(item.note).toContain('Sounds like a script to me.');
	await expect(list.getByRole('status')).toHaveText('Downloaded 1 disputed reply in the labelled-set format.');
});

test('in exam mode the score can be disputed from the debrief', async ({ page }) => {
	await createLearner(page, 'Exam Ed');
	await startScenario(page, 'The Third Call', 'exam');
	await choices(page).getByRole('button', { name: /I'm sorry you've had to call three times/ }).click();
	await choices(page).getByRole('button', { name: /That's awful timing/ }).click();
	await choices(page).getByRole('textbox').fill('Returns will be in touch.');
	await choices(page).getByRole('button', { name: 'Send reply' }).click();
	// The third reply is on screen before the rest is played (the helper counts replies as it goes).
	await expect(page.getByTestId('your-reply')).toHaveCount(3);
	await playUntilDebrief(page, () => 0, 'Leave it with me.');
	const debrief = page.getByRole('region', { name: 'Debrief' });
	await debrief.getByRole('button', { name: "I don't agree" }).click();
	const dialog = page.getByRole('dialog', { name: 'Which score do you disagree with?' });
	await dialog.getByRole('radio', { name: /^Empathy \(scored [0+]/ }).check();
	await dialog.getByRole('radio', { name: 'Negative (−)' }).check();
	await dialog.getByRole('button', { name: 'Save' }).click();
	await expect(debrief.getByRole('status')).toHaveText(/Saved: you expected empathy to be negative/);
	await page.goto('/trainer');
	await expect(page.getByRole('region', { name: 'Disputed scores' })).toContainText('Returns will be in touch.');
});
