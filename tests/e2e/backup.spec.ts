import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createLearner, playBest, playToEnd, startScenario } from './helpers';

/*
 * Backups in Chromium: export, lose the data, import, and everything is back;
 * a failed import leaves the database as it was (IndexedDB's own rollback,
 * not fake-indexeddb's); the reminder with a fake clock; the settings page
 * with every persistent-storage answer; axe on each state.
 */

async function expectNoViolations(page: Page, screen: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	expect(found, `axe violations on ${screen}`).toEqual([]);
}

/** Exports from the settings page and returns the file's path and text. */
async function exportBackup(page: Page, learner?: string) {
	await page.getByRole('link', { name: 'Settings', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Backups and moving devices' })).toBeVisible();
	if (learner) {
		await page.getByRole('radio', { name: 'One learner' }).check();
		await page.getByRole('combobox', { name: 'Learner', exact: true }).last().selectOption({ label: learner });
	}
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	// Kept beyond the browser context (its downloads go when it closes).
	const path = test.info().outputPath(`${test.info().retry}-${Date.now()}-${download.suggestedFilename()}`);
	await download.saveAs(path);
	await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(download.suggestedFilename());
	return { path, name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** Picks a file on the settings page and waits for the preview (or the refusal). */
async function pickBackup(page: Page, path: string) {
	await page.goto('/settings');
	await page.getByLabel('Choose a backup file').setInputFiles(path);
}

/** Counts the rows of each table, straight from IndexedDB. */
function countRows(page: Page) {
	return page.evaluate(
		() =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const open = indexedDB.open('service-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const counts: Record<string, number> = {};
					for (const name of names) {
						const request = tx.objectStore(name).count();
						request.onsuccess = () => (counts[name] = request.result);
					}
					tx.oncomplete = () => {
						db.close();
						resolve(counts);
					};
				};
			})
	);
}

test('export, clear the site data, import: the learner, their progress and a past debrief are back', async ({ page }) => {
	await createLearner(page, 'Rosa Backup');
	await startScenario(page, 'The Third Call');
	const decisions = await playToEnd(page);
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();

	const file = await exportBackup(page);
	expect(file.name).toMatch(/^service-drill-backup-\d{4}-\d{2}-\d{2}\.json$/);
	const backup = JSON.parse(file.text);
	expect(backup).toMatchObject({ format: 'service-drill-backup', formatVersion: 1, schemaVersion: 3, scope: { kind: 'device' } });
	expect(backup.counts).toMatchObject({ profiles: 1, attempts: 1, steps: decisions });
	expect(backup.checksum.value).toMatch(/^[0-9a-f]{64}$/);

	// Clear this site's data: the database is deleted (the open tab is told to let go of it), then the app reloads empty.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.deleteDatabase('service-drill');
				request.onsuccess = () => resolve();
				request.onerror = () => reject(request.error);
			})
	);
	await page.goto('/');
	await expect(page.getByLabel("Who's learning? Type your name")).toBeVisible();

	await pickBackup(page, file.path);
	const preview = page.getByRole('region', { name: /Before importing/ });
	await expect(preview).toContainText('Everything on a device');
	await expect(preview).toContainText('Checksum verified');
	await expect(preview.getByRole('row', { name: /^attempts 1 1 0 0 0 0$/ })).toBeVisible();
	await expect(preview.getByRole('row', { name: new RegExp(`^decisions ${decisions} ${decisions} 0 0 0 0$`) })).toBeVisible();
	await expectNoViolations(page, 'import preview');
	await preview.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toContainText(`1 learner, 1 attempt, ${decisions} decisions`);

	// The learner is selected again, their progress lists the scenario, and the past debrief opens.
	await expect(page.getByRole('combobox', { name: 'Learner' }).first()).toHaveText(/Rosa Backup/);
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('table')).toContainText('The Third Call');
	await page.getByRole('link', { name: 'Latest debrief' }).click();
	await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
	await expect(page.locator('.mood-chart svg')).toBeVisible();

	// The same file again: nothing to change.
	await pickBackup(page, file.path);
	await expect(page.getByRole('status').filter({ hasText: 'importing it would change nothing' })).toBeVisible();
});

test('moving to another device: a new browser profile imports one learner, and a same-name learner is asked about', async ({ page, browser }) => {
	await createLearner(page, 'Sam');
	await startScenario(page, 'Two Voicemails');
	await playToEnd(page);
	const file = await exportBackup(page, 'Sam');
	expect(file.name).toMatch(/^service-drill-sam-\d{4}-\d{2}-\d{2}\.json$/);

	const other = await browser.newContext();
	const there = await other.newPage();
	await createLearner(there, 'sam');
	await pickBackup(there, file.path);
	const preview = there.getByRole('region', { name: /Before importing/ });
	await expect(preview).toContainText("Sam's progress");
	const question = preview.getByRole('group', { name: /already has a learner called sam/ });
	await expect(question).toBeVisible();
	await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled();
	await expectNoViolations(there, 'import preview with a same-name learner');
	await question.getByRole('radio', { name: /keep both/ }).check();
	await preview.getByRole('button', { name: 'Import' }).click();
	await expect(there.getByRole('status').filter({ hasText: 'Imported.' })).toBeVisible();
	// The learner list is read again after the import commits; the status can show first, so wait for the list.
	const learners = there.getByRole('combobox', { name: 'Learner' }).first().locator('option');
	await expect.poll(async () => (await learners.allInnerTexts()).sort()).toEqual(['Sam (2)', 'sam']);
	await other.close();
});

test('a failing import leaves the data exactly as it was (IndexedDB rolls the transaction back)', async ({ page, browser }) => {
	// A file from another device, with a learner and a played scenario.
	const other = await browser.newContext();
	const there = await other.newPage();
	await createLearner(there, 'Visitor');
	await startScenario(there, 'Back on Monday');
	await playToEnd(there);
	const file = await exportBackup(there);
	await other.close();

	await createLearner(page, 'Resident');
	await startScenario(page, 'The Third Call');
	await playToEnd(page);
	const before = await countRows(page);

	await pickBackup(page, file.path);
	const preview = page.getByRole('region', { name: /Before importing/ });
	await expect(preview.getByRole('row', { name: /^learners 1 1/ })).toBeVisible();
	// Break the browser's own storage mid-import: learners and attempts are written, then the first decision fails.
	await page.evaluate(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
			if (this.name === 'steps' && this.transaction.objectStoreNames.contains('profiles')) {
				(window as unknown as { writesBeforeFailure: number }).writesBeforeFailure = performance.now();
				throw new DOMException('Injected failure', 'UnknownError');
			}
			return put.apply(this, args);
		};
	});
	await preview.getByRole('button', { name: 'Import' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'Import failed' });
	await expect(alert).toContainText('nothing on this device was changed');
	await expectNoViolations(page, 'failed import');
	expect(await page.evaluate(() => (window as unknown as { writesBeforeFailure?: number }).writesBeforeFailure)).toBeDefined();

	await page.reload();
	expect(await countRows(page)).toEqual(before);
	await expect(page.getByRole('combobox', { name: 'Learner' }).first().locator('option')).toHaveText(['Resident']);
	await page.getByRole('link', { name: 'Progress', exact: true }).click();
	await expect(page.getByRole('table')).toContainText('The Third Call');
	await expect(page.getByRole('table')).not.toContainText('Back on Monday');

	// Nothing was wrong with the file: without the injected failure it imports.
	await pickBackup(page, file.path);
	await page.getByRole('region', { name: /Before importing/ }).getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported.' })).toBeVisible();
	const after = await countRows(page);
	expect(after.profiles).toBe(before.profiles + 1);
	expect(after.attempts).toBe(before.attempts + 1);
});

test('a file that is not a good backup is refused with a clear message, and nothing changes', async ({ page }, testInfo) => {
	await createLearner(page, 'Careful Cal');
	const before = await countRows(page);
	const path = testInfo.outputPath('cut.json');
	const { writeFileSync } = await import('node:fs');
	writeFileSync(path, '{"format":"service-drill-backup","formatVersion":1,"data":{"profiles":[{"id":"x"');
	await pickBackup(page, path);
	await expect(page.getByRole('alert')).toContainText('cut off');
	await expectNoViolations(page, 'refused file');
	writeFileSync(path, JSON.stringify({ format: 'service-drill-backup', formatVersion: 9 }));
	await page.getByLabel('Choose a backup file').setInputFiles(path);
	await expect(page.getByRole('alert')).toContainText('newer version of Service Drill');
	expect(await countRows(page)).toEqual(before);
});

test('the reminder appears 8 days after a result that is in no backup, and goes once exported', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
	await createLearner(page, 'Clock Cleo');
	const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
	await startScenario(page, 'The Third Call');
	await playToEnd(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	await page.clock.setSystemTime(new Date('2026-03-10T10:00:00Z'));
	await page.reload();
	await expect(reminder).toContainText('Your results from the last 8 days are only in this browser. Export a backup.');
	await expectNoViolations(page, 'library with the backup reminder');
	// Never during a conversation.
	await page.getByRole('link', { name: 'The Third Call' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'The Third Call' })).toBeVisible();
	await expect(reminder).toHaveCount(0);

	await page.goto('/');
	await reminder.getByRole('link', { name: 'Export a backup' }).click();
	await expect(page).toHaveURL(/\/settings#backup$/);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	await downloading;
	await expect(reminder).toHaveCount(0);
	await page.clock.setSystemTime(new Date('2026-03-30T10:00:00Z'));
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
	await expect(reminder).toHaveCount(0);
});

test('the reminder can be dismissed, and stays away for a week', async ({ page }) => {
	await page.clock.install({ time: new Date('2026-05-04T09:00:00Z') });
	await createLearner(page, 'Dismissive Dan');
	await startScenario(page, 'Two Voicemails');
	await playToEnd(page);
	await page.clock.setSystemTime(new Date('2026-05-14T10:00:00Z'));
	await page.goto('/progress');
	const reminder = page.getByRole('complementary', { name: 'Backup reminder' });
	await expect(reminder).toContainText('last 10 days');
	await reminder.getByRole('button', { name: 'Dismiss' }).click();
	await expect(reminder).toHaveCount(0);
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
	await expect(reminder).toHaveCount(0);
	await page.clock.setSystemTime(new Date('2026-05-21T10:05:00Z'));
	await page.reload();
	await expect(reminder).toContainText('last 17 days');
});

for (const [answer, shown] of [
	['persisted', 'Persistent.'],
	['best-effort', 'Best effort.'],
	['unsupported', 'Unknown.']
] as const) {
	test(`the settings page says where the data is, and the storage is ${answer} (axe-clean)`, async ({ page }) => {
		await page.addInitScript((state) => {
			if (state === 'unsupported') {
				Object.defineProperty(Navigator.prototype, 'storage', { get: () => undefined, configurable: true });
				return;
			}
			let persisted = state === 'persisted';
			const storage = navigator.storage;
			storage.persisted = async () => persisted;
			storage.persist = async () => (persisted = true);
			storage.estimate = async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 ** 3 });
		}, answer);
		await createLearner(page, 'Settings Sue');
		await page.getByRole('link', { name: 'Settings', exact: true }).click();
		await expect(page).toHaveTitle('Settings · Service Drill');
		await expect(page.getByText('only in this browser on this device')).toBeVisible();
		await expect(page.getByTestId('persistence')).toContainText(shown);
		if (answer !== 'unsupported') await expect(page.getByText('This site uses 3.0 MB of the 2.0 GB the browser lets it use.')).toBeVisible();
		await expectNoViolations(page, `settings (${answer})`);
		await page.emulateMedia({ colorScheme: 'dark' });
		await expectNoViolations(page, `settings (${answer}, dark)`);
		if (answer === 'best-effort') {
			await page.getByRole('button', { name: 'Ask the browser to keep this data' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'The browser agreed' })).toBeVisible();
			await expect(page.getByTestId('persistence')).toContainText('Persistent.');
		}
	});
}

test('10,000 attempts: the export shows its progress and checks out, and the import brings every one back', async ({ page, browser }, testInfo) => {
	// Seeding, export, preview and import take 2–5.5 minutes on 2 busy cores with Chromium 150, whose IndexedDB writes
	// slow down as the database grows (README, "Backups"): the seeding alone, raw IndexedDB with none of our code, took
	// 90 s once. The steps keep their own limits below.
	test.setTimeout(600_000);
	await createLearner(page, 'Busy Bee');
	await startScenario(page, 'The Third Call');
	// The best-rated replies whatever the shuffle, so every run seeds the same number of decisions.
	await playBest(page, 'the-third-call');
	// Copies of the attempt just played (with its decisions), as if played 10,000 times over two years.
	const seeded = await page.evaluate(
		(count) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('service-drill');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['attempts', 'steps'], 'readwrite');
					const attempts = tx.objectStore('attempts');
					const steps = tx.objectStore('steps');
					const all = attempts.getAll();
					all.onsuccess = () => {
						const [attempt] = all.result;
						const rows = steps.getAll();
						rows.onsuccess = () => {
							const start = attempt.completedAt - count * 3_600_000;
							for (let i = 0; i < count; i++) {
								const id = `${attempt.id}-${i}`;
								const at = start + i * 3_600_000;
								attempts.put({ ...attempt, id, startedAt: at - 300_000, updatedAt: at, completedAt: at });
								for (const row of rows.result) steps.put({ ...row, attemptId: id, at: at - 1000 + row.index });
							}
						};
					};
					tx.oncomplete = () => {
						db.close();
						resolve(count);
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		9_999
	);
	expect(seeded).toBe(9_999);

	await page.goto('/settings');
	const downloading = page.waitForEvent('download');
	const exportStarted = Date.now();
	await page.getByRole('button', { name: 'Export backup' }).click();
	await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
	const download = await downloading;
	const exportMs = Date.now() - exportStarted;
	const path = testInfo.outputPath('ten-thousand.json');
	await download.saveAs(path);
	const text = readFileSync(path, 'utf8');
	const counts = JSON.parse(text).counts;
	expect(counts.attempts).toBe(10_000);

	const other = await browser.newContext();
	const there = await other.newPage();
	await there.goto('/settings');
	await there.getByLabel('Choose a backup file').setInputFiles(path);
	const preview = there.getByRole('region', { name: /Before importing/ });
	await expect(preview.getByRole('row', { name: /^attempts 10000 10000 / })).toBeVisible({ timeout: 60_000 });
	const importStarted = Date.now();
	await preview.getByRole('button', { name: 'Import' }).click();
	await expect(there.getByRole('status').filter({ hasText: 'Imported.' })).toContainText('10000 attempts', { timeout: 240_000 });
	const importMs = Date.now() - importStarted;
	expect((await countRows(there)).attempts).toBe(10_000);
	console.log(
		`10,000 attempts, ${counts.steps} decisions: file ${(text.length / 1024 / 1024).toFixed(1)} MB; export ${(exportMs / 1000).toFixed(1)} s (read, write, check, offer); import ${(importMs / 1000).toFixed(1)} s (one transaction)`
	);
	await other.close();
});
