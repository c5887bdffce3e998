import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';

/**
 * Regression guard for the JavaScript each route loads, gzipped. The player
 * route carries Svelte, Kit and Dexie (≈ 60 KB of it) and no Markdown
 * renderer: bundled scenarios arrive as data with their HTML already made.
 * The library loads only a JSON index of cards, so its weight does not grow
 * with the library; it must stay below the player.
 */
const PLAYER_BUDGET_KB = 80;

// The service worker would precache the whole app; measure what the page itself loads.
test.use({ serviceWorkers: 'block' });

/** Gzipped kilobytes of every script the page loads from now on, with a per-file report. */
function watchScripts(page: Page) {
	const sizes = new Map<string, number>();
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js') || response.url().includes('service-worker')) return;
		sizes.set(response.url(), gzipSync(await response.body()).length);
	});
	return (label: string) => {
		const total = [...sizes.values()].reduce((sum, size) => sum + size, 0) / 1024;
		console.log(`${label} JavaScript: ${total.toFixed(1)} KB gzipped in ${sizes.size} files`);
		return total;
	};
}

async function addLearner(page: Page, label: string, name: string) {
	await page.getByLabel(label).fill(name);
	await page.getByRole('button', { name: 'Add learner' }).click();
}

test(`the player route loads at most ${PLAYER_BUDGET_KB} KB of gzipped JavaScript, and the library less`, async ({ browser }) => {
	const playerPage = await browser.newPage();
	const player = watchScripts(playerPage);
	await playerPage.goto('/play/the-third-call');
	await addLearner(playerPage, 'Type your name to start', 'Budget Bea');
	await playerPage.getByRole('button', { name: 'Start the conversation' }).click();
	await expect(playerPage.getByRole('group', { name: 'Choices' })).toBeVisible();
	await playerPage.waitForLoadState('networkidle');
	const playerKb = player('player route');

	const libraryPage = await browser.newPage();
	const library = watchScripts(libraryPage);
	await libraryPage.goto('/');
	await addLearner(libraryPage, "Who's learning? Type your name", 'Budget Ben');
	await expect(libraryPage.getByRole('article')).toHaveCount(15);
	await libraryPage.waitForLoadState('networkidle');
	const libraryKb = library('library route');

	expect(playerKb).toBeLessThanOrEqual(PLAYER_BUDGET_KB);
	expect(libraryKb).toBeLessThanOrEqual(playerKb);
});

test('the home screen of a learner in a programme, with its practise-today list, stays within 90 KB', async ({ browser }) => {
	const context = await browser.newContext();
	const setup = await context.newPage();
	await setup.goto('/');
	await addLearner(setup, "Who's learning? Type your name", 'Budget Bo');
	await setup.goto('/programmes');
	const bootCamp = setup.getByRole('article').filter({ hasText: 'New-hire boot camp' });
	await bootCamp.getByRole('button', { name: 'Enrol' }).click();
	await expect(bootCamp).toContainText('steps passed');
	// A fresh page in the same browser profile: the learner and the enrolment are in its IndexedDB.
	const home = await context.newPage();
	const measured = watchScripts(home);
	await home.goto('/');
	await expect(home.getByRole('region', { name: 'Your practice' })).toContainText('New-hire boot camp');
	await home.waitForLoadState('networkidle');
	expect(measured('home screen with a programme')).toBeLessThanOrEqual(90);
});

/**
 * The studio is for managers and loads only on /author (a trainee's first visit never downloads it): the editor
 * (CodeMirror, about 125 KB), the checking worker (the core with the rubric, about 97 KB) and the map's layout
 * worker (ELK, about 465 KB) are most of it. The page itself loads the parser (and the rubric its checks use) only
 * to playtest, publish or import, so the core travels once, in the worker: about 807 KB in all. Guarded so that it
 * does not grow by accident.
 */
const STUDIO_BUDGET_KB = 850;

test(`the studio's editor page loads at most ${STUDIO_BUDGET_KB} KB of gzipped JavaScript, workers included`, async ({ page }) => {
	const studio = watchScripts(page);
	await page.goto('/author');
	await page.getByRole('button', { name: 'New scenario from the template' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
	await expect(page.locator('[data-node="sorted"]')).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(studio('studio editor page')).toBeLessThanOrEqual(STUDIO_BUDGET_KB);
});
