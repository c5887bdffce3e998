import { expect, test } from '@playwright/test';
import { choices, createLearner, expectNoViolations, playToEnd, startScenario } from './helpers';

/** axe-core (helpers.ts) on every screen a person meets: zero violations, in light and dark. */
for (const colorScheme of ['light', 'dark'] as const) {
	test(`every screen of a learner's visit has no axe violations (${colorScheme})`, async ({ page }) => {
		// Ten screens, each run through axe: 52-56 s on 2 busy cores, against Playwright's default 60 s per test.
		test.setTimeout(150_000);
		await page.emulateMedia({ colorScheme });
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Practise the conversations that matter' })).toBeVisible();
		await expectNoViolations(page, 'first visit');

		await createLearner(page, 'Axe Ada');
		await expectNoViolations(page, 'library');

		await page.getByRole('link', { name: 'The Third Call' }).click();
		await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeVisible();
		await expectNoViolations(page, 'briefing');

		await page.getByRole('button', { name: 'Start the conversation' }).click();
		await expect(choices(page)).toBeVisible();
		await expectNoViolations(page, 'playing');

		await choices(page).getByRole('button', { name: /I'm sorry you've had to call three times/ }).click();
		await expect(page.getByRole('note', { name: 'Coaching' })).toBeVisible();
		await expectNoViolations(page, 'playing, with coaching');

		await choices(page).getByRole('button', { name: /That's awful timing/ }).click();
		await expect(choices(page).getByRole('textbox')).toBeVisible();
		await expectNoViolations(page, 'typed reply');

		await playToEnd(page);
		await expect(page.locator('.mood-chart svg')).toBeVisible();
		for (const details of await page.locator('details').all()) await details.locator('summary').click();
		await expectNoViolations(page, 'debrief');

		await page.getByRole('link', { name: 'Progress', exact: true }).click();
		await expect(page.getByRole('table')).toBeVisible();
		await expect(page).toHaveTitle('Progress · Service Drill');
		await expectNoViolations(page, 'progress');

		await page.getByRole('link', { name: 'Latest debrief' }).click();
		await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
		await expectNoViolations(page, 'past debrief');

		await page.goto('/play/no-such-scenario');
		await expect(page.getByRole('heading', { name: 'Scenario not found' })).toBeVisible();
		await expectNoViolations(page, 'unknown scenario');
	});
}

test('the progress page has a title on a first visit, and no page asks for a missing favicon', async ({ page }) => {
	const missing: string[] = [];
	page.on('response', (response) => {
		if (response.status() >= 400) missing.push(response.url());
	});
	await page.goto('/progress');
	await expect(page).toHaveTitle(/Service Drill/);
	expect(await page.request.get('/favicon.ico').then((r) => r.headers()['content-type'])).toBe('image/x-icon');
	expect(missing).toEqual([]);
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the programme and studio screens have no axe violations (${colorScheme})`, async ({ page }) => {
		// Several screens through axe: 25-45 s beside two other workers on 2 cores, against the default 60 s per test.
		test.setTimeout(150_000);
		await page.emulateMedia({ colorScheme });
		await createLearner(page, 'Axe Abe');
		await page.getByRole('link', { name: 'Programmes', exact: true }).click();
		await page.getByRole('article').filter({ hasText: 'New-hire boot camp' }).getByRole('button', { name: 'Enrol' }).click();
		await expect(page.getByRole('article').filter({ hasText: 'New-hire boot camp' })).toContainText('steps passed');
		await expectNoViolations(page, 'programmes');
		await page.getByRole('link', { name: 'New-hire boot camp' }).click();
		await expect(page.getByRole('heading', { name: 'Steps' })).toBeVisible();
		await expectNoViolations(page, 'a programme');
		await page.getByRole('link', { name: 'Library', exact: true }).click();
		await expect(page.getByRole('region', { name: 'Your practice' })).toBeVisible();
		await expectNoViolations(page, 'library with a programme');

		await page.getByRole('link', { name: 'Studio', exact: true }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeVisible();
		await expectNoViolations(page, 'studio list');
		await page.getByRole('button', { name: 'New scenario from the template' }).click();
		await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
		await page.getByText(/^History/).click();
		await expectNoViolations(page, 'studio editor');
		await page.getByRole('region', { name: 'Playtest' }).getByRole('button', { name: 'Play from the start' }).click();
		await expect(page.getByRole('region', { name: 'Playtest' }).getByRole('group', { name: 'Choices' })).toBeVisible();
		await expectNoViolations(page, 'studio playtest');
	});
}
