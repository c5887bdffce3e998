import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { choices, playToEnd } from './helpers';

/**
 * Two builds served in turn: the installed version keeps running until the
 * learner agrees to reload, and nothing is lost when they do.
 */
const PORT = 4190;
const ORIGIN = `http://localhost:${PORT}`;

/** The current build, with a new version number and a visible marker on every page. */
function nextBuild(): string {
	const dir = mkdtempSync(join(tmpdir(), 'drill-next-'));
	cpSync('build', dir, { recursive: true });
	const { version } = JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8'));
	for (const file of ['service-worker.js', '_app/version.json']) {
		const path = join(dir, file);
		writeFileSync(path, readFileSync(path, 'utf8').replaceAll(version, `${version}9`));
	}
	const walk = (folder: string): string[] =>
		readdirSync(folder).flatMap((name) => {
			const path = join(folder, name);
			return statSync(path).isDirectory() ? walk(path) : [path];
		});
	for (const page of walk(dir).filter((path) => path.endsWith('.html'))) {
		writeFileSync(page, readFileSync(page, 'utf8').replace('<head>', '<head>\n\t\t<meta name="test-build" content="next" />'));
	}
	return dir;
}

async function serve(dir: string): Promise<ChildProcess> {
	const server = spawn(process.execPath, ['tests/serve.js', String(PORT), dir], { stdio: 'pipe' });
	await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
	return server;
}

async function stop(server: ChildProcess) {
	const closed = new Promise((resolve) => server.once('exit', resolve));
	server.kill();
	await closed;
}

test('a new version waits for the learner, then reloads without losing the conversation', async ({ page }) => {
	const next = nextBuild();
	let server = await serve('build');
	try {
		await page.goto(`${ORIGIN}/`);
		await page.getByLabel("Who's learning? Type your name").fill('Update Uma');
		await page.getByRole('button', { name: 'Add learner' }).click();
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
			}
		});
		await page.getByRole('link', { name: 'Two Voicemails' }).click();
		await page.getByRole('button', { name: 'Start the conversation' }).click();
		await choices(page).getByRole('button').first().click();
		await expect(page.getByTestId('your-reply')).toHaveCount(1);
		const transcript = await page.getByRole('log').innerText();

		await stop(server);
		server = await serve(next);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await expect(page.getByRole('status').filter({ hasText: 'A new version of Service Drill is ready' })).toBeVisible();
		// Until the learner agrees, the old version keeps running.
		await expect(page.locator('meta[name="test-build"]')).toHaveCount(0);
		await page.getByRole('button', { name: 'Reload to update' }).click();

		await expect(page.locator('meta[name="test-build"]')).toHaveCount(1);
		await expect(page.getByRole('log')).toHaveText(transcript);
		await playToEnd(page);
	} finally {
		await stop(server);
		rmSync(next, { recursive: true, force: true });
	}
});
