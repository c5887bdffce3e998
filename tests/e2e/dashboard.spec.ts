import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { choices, createLearner, expectNoViolations, playBest, startScenario } from './helpers';

/** The progress dashboard (/progress) and the trainer's view (/trainer). */

const trend = (page: Page, dimension: string) => page.locator(`.trend[data-dimension="${dimension}"]`);
const DIMENSIONS = ['empathy', 'flexibility', 'ownership'];

async function openProgress(page: Page) {
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Scores over time' })).toBeVisible();
	// Three trend charts and the outcome chart, drawn at their measured width.
	await expect(page.locator('svg[data-drawn]')).toHaveCount(4);
}

/** Points per dimension on the trend charts. */
async function pointCounts(page: Page) {
	return Promise.all(DIMENSIONS.map((dimension) => trend(page, dimension).locator('circle.point').count()));
}


/** Writes an enrolment straight into the app's database (the programme pages are built elsewhere). */
async function enrol(page: Page, learner: string, programmeId: string, enrolledAt: number) {
	await page.evaluate(
		async ({ learner, programmeId, enrolledAt }) => {
			const db: IDBDatabase = await new Promise((resolve, reject) => {
				const request = indexedDB.open('service-drill');
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const profiles: { id: string; name: string }[] = await new Promise((resolve) => {
				const request = db.transaction('profiles').objectStore('profiles').getAll();
				request.onsuccess = () => resolve(request.result);
			});
			const profile = profiles.find((candidate) => candidate.name === learner);
			if (!profile) throw new Error(`no learner ${learner}`);
			await new Promise<void>((resolve, reject) => {
				const transaction = db.transaction('enrolments', 'readwrite');
				transaction.objectStore('enrolments').put({ id: `${profile.id}-${programmeId}`, profileId: profile.id, programmeId, enrolledAt });
				transaction.oncomplete = () => resolve();
				transaction.onerror = () => reject(transaction.error);
			});
			db.close();
		},
		{ learner, programmeId, enrolledAt }
	);
}

/** From The Third Call's debrief: plays it again, picking the worst replies. */
async function playAgainWorst(page: Page) {
	await page.getByRole('button', { name: 'Play again' }).click();
	await expect(choices(page)).toBeVisible();
	await playBest(page, 'the-third-call', "That's not my problem.", true);
}

async function addLearner(page: Page, name: string) {
	await page.getByRole('button', { name: 'New learner' }).click();
	await page.getByLabel("New learner's name").fill(name);
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('combobox', { name: 'Learner' })).toHaveValue(/.+/);
}

test('playing a scenario adds a point to every trend and moves the CSAT and NPS figures', async ({ page }) => {
	await createLearner(page, 'Dash Dana');
	await startScenario(page, 'The Third Call');
	await playBest(page, 'the-third-call');
	await openProgress(page);

	await expect(page.getByTestId('completed')).toHaveText('1');
	const first = await pointCounts(page);
	expect(first.every((count) => count <= 1)).toBe(true);
	expect(first.some((count) => count === 1)).toBe(true);
	// The best replies leave Dana delighted: a promoter, five stars.
	await expect(page.getByTestId('nps')).toHaveText('+100');
	await expect(page.getByTestId('nps-band')).toHaveText('Excellent');
	await expect(page.getByTestId('csat')).toHaveText('5.0');
	await expect(trend(page, 'empathy').locator('figcaption')).toContainText('over 1 conversation');
	// The pass-mark line is drawn on every chart.
	for (const dimension of DIMENSIONS) await expect(trend(page, dimension).locator('.pass-label')).toHaveText('pass mark 70');
	// The per-scenario table is still there.
	await expect(page.getByRole('table')).toContainText('The Third Call');

	await page.goBack();
	await playAgainWorst(page);
	await openProgress(page);

	await expect(page.getByTestId('completed')).toHaveText('2');
	const second = await pointCounts(page);
	expect(second).toEqual(first.map((count) => count + 1));
	// One promoter and one detractor: 50 % − 50 % = 0, average.
	await expect(page.getByTestId('nps')).toHaveText('0');
	await expect(page.getByTestId('nps-band')).toHaveText('Average');
	await expect(page.getByTestId('csat')).not.toHaveText('5.0');
	await expect(trend(page, 'empathy').locator('figcaption')).toContainText('over 2 conversations');
	// The worst replies fall below the pass mark: a hollow point.
	await expect(trend(page, 'empathy').locator('circle.point.below')).toHaveCount(1);
	// The table alternative has a row per conversation.
	await trend(page, 'empathy').getByText('Empathy scores as a table').click();
	await expect(trend(page, 'empathy').getByRole('table').locator('tbody tr')).toHaveCount(2);
	await expect(page.getByRole('img', { name: 'Outcomes reached' })).toBeVisible();
});

test('the dashboard and the trainer view fit a 390-pixel phone screen', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await createLearner(page, 'Phone Pat');
	await startScenario(page, 'Two Voicemails');
	await playBest(page, 'two-voicemails');
	await page.goto('/progress');
	await expect(page.locator('svg[data-drawn]')).toHaveCount(4);
	const layout = await page.evaluate(() => ({
		page: document.documentElement.scrollWidth,
		charts: [...document.querySelectorAll('svg[data-drawn]')].map((svg) => svg.getBoundingClientRect().right),
		tick: getComputedStyle(document.querySelector('.trend svg')!).fontSize
	}));
	expect(layout.page).toBeLessThanOrEqual(390);
	for (const right of layout.charts) expect(right).toBeLessThanOrEqual(390);
	// Drawn at the phone's width, not scaled down: the axis text stays 12 px.
	expect(layout.tick).toBe('12px');
	const svgWidth = await page.locator('.trend svg').first().getAttribute('width');
	expect(Number(svgWidth)).toBeLessThan(390);

	await page.goto('/trainer');
	await expect(page.getByRole('table')).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the trainer's view lists every learner, sorts and filters from the keyboard, and downloads them as CSV", async ({ page }) => {
	await createLearner(page, 'Ada Quinn');
	await startScenario(page, 'The Third Call');
	await playBest(page, 'the-third-call');
	await page.getByRole('link', { name: 'Library', exact: true }).click();
	await addLearner(page, 'Smith, "Jo"');
	await addLearner(page, '=Eve');
	const enrolledAt = Date.now() - 60 * 60 * 1000;
	await enrol(page, 'Ada Quinn', 'new-hire-boot-camp', enrolledAt);
	await enrol(page, 'Smith, "Jo"', 'new-hire-boot-camp', enrolledAt);
	await enrol(page, 'Smith, "Jo"', 'annual-refresher', enrolledAt);

	await page.getByRole('link', { name: 'Trainer', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: "Trainer's view" })).toBeVisible();
	await expect(page.getByText('Anyone using this device can see this page.')).toBeVisible();
	const table = page.getByRole('table', { name: 'Learners on this device' });
	const names = () => table.locator('tbody tr th').allInnerTexts();
	await expect(table.locator('tbody tr')).toHaveCount(3);
	expect(await names()).toEqual(['=Eve', 'Ada Quinn', 'Smith, "Jo"']);
	const ada = table.getByRole('row', { name: /Ada Quinn/ });
	await expect(ada).toContainText('New-hire boot camp');
	await expect(ada).toContainText('1 of 8');
	await expect(ada).toContainText('In progress');
	await expect(table.getByRole('row', { name: /=Eve/ })).toContainText('Not enrolled');
	await expect(table.getByRole('row', { name: /Smith/ })).toContainText('Annual refresher');

	// Sorting: the header buttons, with Enter and Space; aria-sort follows.
	const learnerHeader = table.getByRole('columnheader', { name: /Learner/ });
	await expect(learnerHeader).toHaveAttribute('aria-sort', 'ascending');
	await learnerHeader.getByRole('button').focus();
	await page.keyboard.press('Enter');
	await expect(learnerHeader).toHaveAttribute('aria-sort', 'descending');
	expect(await names()).toEqual(['Smith, "Jo"', 'Ada Quinn', '=Eve']);
	const stepsHeader = table.getByRole('columnheader', { name: /Steps passed/ });
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(stepsHeader.getByRole('button')).toBeFocused();
	await page.keyboard.press('Space');
	await expect(stepsHeader).toHaveAttribute('aria-sort', 'ascending');
	await expect(learnerHeader).not.toHaveAttribute('aria-sort');
	// Fewest steps first; a learner in no programme comes last.
	expect(await names()).toEqual(['Smith, "Jo"', 'Ada Quinn', '=Eve']);
	await page.keyboard.press('Enter');
	expect(await names()).toEqual(['Ada Quinn', 'Smith, "Jo"', '=Eve']);

	// Filtering: by name (typed), then by status (arrow keys on the select).
	const filter = page.getByLabel('Filter by name');
	await filter.focus();
	await page.keyboard.type('smi');
	await expect(table.locator('tbody tr')).toHaveCount(1);
	await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText('Showing 1 of 3 learners');
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Backspace');
	await expect(table.locator('tbody tr')).toHaveCount(3);
	const status = page.getByLabel('Status');
	await status.focus();
	// Every status → Overdue → Due → In progress.
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
	await expect(status).toHaveValue('in-progress');
	expect(await names()).toEqual(['Ada Quinn']);
	await page.keyboard.press('ArrowDown');
	await expect(status).toHaveValue('not-started');
	expect(await names()).toEqual(['Smith, "Jo"']);

	// The CSV has every learner, whatever the filter.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download all learners (CSV)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^learners-\d{4}-\d\d-\d\d\.csv$/);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const text = bytes.subarray(3).toString('utf8');
	const lines = text.split('\r\n');
	expect(lines.pop()).toBe('');
	expect(lines).toHaveLength(4);
	expect(lines[0]).toMatch(/^Learner,Status,Last active,Completed conversations,Empathy \(average of latest scores\),/);
	expect(lines[0]).toContain('New-hire boot camp: steps passed');
	expect(lines[0]).toContain('Annual refresher: expires on');
	const row = (start: string) => lines.find((line) => line.startsWith(start))!;
	expect(row('Ada Quinn,In progress,')).toMatch(/^Ada Quinn,In progress,\d{4}-\d\d-\d\d \d\d:\d\d,1,/);
	expect(row('Ada Quinn,')).toContain(`,In progress,1,8,${new Date(enrolledAt).toLocaleDateString('sv-SE')},`);
	expect(row('"Smith, ""Jo""",Not started,,0,')).toBeTruthy();
	expect(row("'=Eve,Not enrolled,,0,")).toBeTruthy();
	await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toContainText('Downloaded 3 learners as CSV.');
});

test('the charts load with the dashboard only: not on the library, the player or the trainer view', async ({ browser }) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const scripts = new Map<string, Buffer>();
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) scripts.set(response.url(), await response.body());
	});
	const charts = () => [...scripts].filter(([, body]) => body.includes('aliceblue')).map(([url]) => url);
	await createLearner(page, 'Lazy Lee');
	await page.getByRole('link', { name: 'Two Voicemails' }).click();
	await expect(page.getByRole('button', { name: 'Start the conversation' })).toBeVisible();
	await page.getByRole('link', { name: 'Trainer', exact: true }).click();
	await expect(page.getByRole('heading', { name: "Trainer's view" })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// d3-scale brings d3-color's table of colour names: its mark.
	expect(charts()).toEqual([]);
	const before = new Set(scripts.keys());

	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// Bodies are read in the response handler, which can finish after the network is idle.
	await expect.poll(charts).toHaveLength(1);
	const lazy = [...scripts].filter(([url]) => !before.has(url));
	const kb = lazy.reduce((sum, [, body]) => sum + gzipSync(body).length, 0) / 1024;
	console.log(`dashboard route: ${kb.toFixed(1)} KB gzipped JavaScript loaded on opening it (${lazy.length} files, the charts among them)`);
	for (const [url, body] of lazy) console.log(`  ${url.split('/').slice(-2).join('/')} ${(gzipSync(body).length / 1024).toFixed(1)} KB`);
	// About 20 KB: the page and its components (7 KB) and d3-scale + d3-shape (13 KB). Not the programme parser, YAML or the rubric.
	expect(kb).toBeLessThanOrEqual(30);
	await context.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the dashboard and the trainer view have no axe violations (${colorScheme})`, async ({ page }) => {
		// Several screens through axe: 25-45 s beside two other workers on 2 cores, against the default 60 s per test.
		test.setTimeout(150_000);
		await page.emulateMedia({ colorScheme });
		await createLearner(page, 'Axe Ari');
		await startScenario(page, 'The Third Call');
		await playBest(page, 'the-third-call');
		await playAgainWorst(page);
		await enrol(page, 'Axe Ari', 'new-hire-boot-camp', Date.now() - 60_000);
		await openProgress(page);
		for (const details of await page.locator('main details').all()) await details.locator('summary').click();
		// The trend tables are built when opened.
		await expect(page.locator('.trend details table')).toHaveCount(await page.locator('.trend details').count());
		await expectNoViolations(page, 'progress dashboard');

		await page.getByRole('link', { name: 'Trainer', exact: true }).click();
		await expect(page.getByRole('table', { name: 'Learners on this device' })).toBeVisible();
		await expectNoViolations(page, "trainer's view");
		await page.getByLabel('Filter by name').fill('nobody');
		await expect(page.getByText('No learner matches this filter.')).toBeVisible();
		await expectNoViolations(page, "trainer's view, filtered to nothing");
	});
}
