import { expect, test, type Page } from '@playwright/test';
import { createLearner, playBest } from './helpers';

const DAY = 86_400_000;
const START = new Date('2026-12-01T09:00:00Z').getTime();

/** Writes completed attempts straight into IndexedDB: the history a learner would have after a year of play. */
async function seedAttempts(page: Page, attempts: { scenarioId: string; completedAt: number; scores: [number, number, number] }[]) {
	await page.evaluate(async (rows) => {
		const open = indexedDB.open('service-drill');
		const db: IDBDatabase = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
		const profileId: string = await new Promise((resolve) => {
			const request = db.transaction('settings').objectStore('settings').get('currentProfileId');
			request.onsuccess = () => resolve(request.result.value);
		});
		const store = db.transaction('attempts', 'readwrite').objectStore('attempts');
		for (const [i, row] of rows.entries()) {
			const [empathy, flexibility, ownership] = row.scores;
			const dimension = (score: number) => ({ score, band: 'good', decisions: 3 });
			store.put({
				id: `seeded-${i}`,
				profileId,
				scenarioId: row.scenarioId,
				scenarioHash: 'seeded',
				scenarioTitle: row.scenarioId,
				mode: 'coach',
				status: 'completed',
				startedAt: row.completedAt - 300_000,
				updatedAt: row.completedAt,
				completedAt: row.completedAt,
				state: { saveVersion: 2, scenarioId: row.scenarioId, scenarioHash: 'seeded', node: 'end', mood: 80, totals: { empathy: 0, flexibility: 0, ownership: 0 }, steps: [], ended: true, outcome: 'resolved' },
				score: {
					dimensions: { empathy: dimension(empathy), flexibility: dimension(flexibility), ownership: dimension(ownership) },
					outcome: 'resolved',
					finalMood: 80,
					csat: 5,
					recommend: 8,
					nps: 'passive'
				}
			});
		}
		await new Promise((resolve) => (store.transaction.oncomplete = resolve));
		db.close();
	}, attempts);
}

test('a new hire enrols in the boot camp, passes a step and fails one, and the failed one comes back a day later', async ({ page }) => {
	await page.clock.setFixedTime(START);
	await createLearner(page, 'Boot Camp Bo');
	await page.getByRole('link', { name: 'Programmes', exact: true }).click();
	const bootCamp = page.getByRole('article').filter({ hasText: 'New-hire boot camp' });
	await bootCamp.getByRole('button', { name: 'Enrol' }).click();
	await expect(bootCamp).toContainText('0 of 8 steps passed');

	await bootCamp.getByRole('link', { name: 'New-hire boot camp' }).click();
	const steps = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
	await expect(steps.nth(0)).toContainText('Next');
	await expect(steps.nth(1)).toContainText('Locked');
	await steps.nth(0).getByRole('link', { name: /^Play/ }).click();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await playBest(page, 'the-name-on-the-booking', "I'm so sorry, Agnieszka. I'll fix the name on the booking myself right now and email you the confirmation tonight.");
	await page.getByRole('link', { name: 'Programmes', exact: true }).click();
	await page.getByRole('link', { name: 'New-hire boot camp' }).click();
	await expect(steps.nth(0)).toContainText(/Passed on .*empathy \d+/);
	await expect(page.getByRole('progressbar', { name: 'Steps passed' })).toHaveAttribute('value', '1');

	await steps.nth(1).getByRole('link', { name: /^Play/ }).click();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await playBest(page, 'two-voicemails', 'whatever', true);
	await page.getByRole('link', { name: 'Programmes', exact: true }).click();
	await page.getByRole('link', { name: 'New-hire boot camp' }).click();
	await expect(steps.nth(1)).toContainText('Not passed yet');
	await expect(steps.nth(1)).toContainText(/comes back in 1 day/);
	await expect(steps.nth(2)).toContainText('Next');

	// The dashboard draws both conversations: two points on the empathy trend, the failed one below the pass mark.
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByTestId('completed')).toHaveText('2');
	const empathy = page.getByRole('figure').filter({ hasText: /Empathy/ }).first();
	await expect(empathy.locator('circle.point')).toHaveCount(2);
	await expect(page.locator('circle.point.below').first()).toBeVisible();
	await page.getByRole('link', { name: 'Programmes', exact: true }).click();
	await page.getByRole('link', { name: 'New-hire boot camp' }).click();
	// On the boot camp's page before the reload below (reloading mid-navigation once reloaded the list instead).
	await expect(page).toHaveURL(/\/programmes\/new-hire-boot-camp$/);
	await expect(steps.nth(1)).toContainText('Not passed yet');

	// The next day the failed step is due again, and the home screen lists it to practise today.
	await page.clock.setFixedTime(START + DAY + 60_000);
	await page.reload();
	await expect(steps.nth(1)).toContainText('Spaced practice: due now');
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	const today = page.getByRole('region', { name: 'Your practice' });
	await expect(today).toContainText('New-hire boot camp');
	await expect(today.getByRole('listitem').filter({ hasText: 'Two Voicemails' })).toBeVisible();
});

test('a certified refresher falls due with the clock, then is overdue, and puts the weakest dimension first', async ({ page }) => {
	await page.clock.setFixedTime(START);
	await createLearner(page, 'Refresher Rae');
	await page.getByRole('link', { name: 'Programmes', exact: true }).click();
	await page.getByRole('article').filter({ hasText: 'Annual refresher' }).getByRole('button', { name: 'Enrol' }).click();
	// A year ago's certifying round, strong on empathy and flexibility, weakest on ownership.
	const scenarios = ['tell-me-again', 'the-long-queue', 'one-star-review', 'closing-the-loop', 'just-check-the-website'];
	await seedAttempts(page, scenarios.map((scenarioId, i) => ({ scenarioId, completedAt: START + (i + 1) * 3_600_000, scores: [95, 90, 72] })));
	await page.clock.setFixedTime(START + DAY);
	await page.reload();
	const card = page.getByRole('article').filter({ hasText: 'Annual refresher' });
	await expect(card).toContainText(/Certified on .*, until/);

	// Eleven and a half months on: due, on the home screen too.
	await page.clock.setFixedTime(START + 350 * DAY);
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await expect(page.getByRole('region', { name: 'Your practice' })).toContainText(/Annual refresher.*Due in \d+ days/s);

	// Past the year: overdue, and the new round starts with the scenarios that test ownership most.
	await page.clock.setFixedTime(START + 400 * DAY);
	await page.reload();
	await expect(page.getByRole('region', { name: 'Your practice' })).toContainText(/Overdue by \d+ days/);
	await page.getByRole('link', { name: 'Annual refresher' }).first().click();
	await expect(page.getByText('You scored lowest on ownership last time, so the scenarios that test it most come first.')).toBeVisible();
	// The scenarios that test ownership most (the widest spread of achievable ownership totals) come first.
	const cards: { id: string; title: string; emphasis: { ownership: number } }[] = await (await page.request.get('/data/scenarios.json')).json();
	const expected = scenarios
		.map((id) => cards.find((card) => card.id === id)!)
		.map((card, written) => ({ card, written }))
		.sort((a, b) => b.card.emphasis.ownership - a.card.emphasis.ownership || a.written - b.written)
		.map(({ card }) => card.title);
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(expected);
});
