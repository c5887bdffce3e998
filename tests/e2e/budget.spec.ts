import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/**
 * Regression guard for the player's JavaScript, counting the scenario's own
 * data chunk (about 7 KB). A bare SvelteKit page that only uses Dexie, marked
 * and DOMPurify already weighs 83.4 KB gzipped (see the README), so the
 * budget sits just above what the player weighs today (111 KB).
 */
const BUDGET_KB = 115;

// The service worker would precache the whole app; measure what the page itself loads.
test.use({ serviceWorkers: 'block' });

test(`the player route loads at most ${BUDGET_KB} KB of gzipped JavaScript`, async ({ page }) => {
	const sizes = new Map<string, number>();
	page.on('response', async (response) => {
		if (!response.url().endsWith('.js') || response.url().includes('service-worker')) return;
		sizes.set(response.url(), gzipSync(await response.body()).length);
	});
	await page.goto('/play/the-third-call');
	await page.getByLabel('Type your name to start').fill('Budget Bea');
	await page.getByRole('button', { name: 'Add learner' }).click();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await expect(page.getByRole('group', { name: 'Choices' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	const total = [...sizes.values()].reduce((sum, size) => sum + size, 0) / 1024;
	console.log(`player route JavaScript: ${total.toFixed(1)} KB gzipped in ${sizes.size} files`);
	for (const [url, size] of sizes) console.log(`  ${(size / 1024).toFixed(1)} KB ${url.split("/").pop()}`);
	expect(total).toBeLessThanOrEqual(BUDGET_KB);
});
