/**
 * Page weight and Lighthouse, part of `npm run bench` (not of `npm test`):
 * - the library's and the player's gzipped JavaScript with the 15 bundled
 *   scenarios and with 200 (the bundled ones copied under new names), each a
 *   real build served by tests/serve.js and loaded in Chromium;
 * - Lighthouse (mobile, the default throttling) on the library, the player and
 *   every other page of the 15-scenario build.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function build(outDir: string, scenarios?: string) {
	const result = spawnSync('npx', ['vite', 'build'], {
		env: { ...process.env, BUILD_DIR: outDir, ...(scenarios ? { SERVICE_DRILL_SCENARIOS: scenarios } : {}) },
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8'
	});
	if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

async function serve(dir: string, port: number): Promise<ChildProcess> {
	const server = spawn('node', ['tests/serve.js', String(port), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
	return server;
}

/** Gzipped KB of the scripts a page loads while `visit` runs (no service worker: what the page itself needs). */
async function scriptKb(browser: Browser, visit: (page: Page) => Promise<void>): Promise<number> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	const sizes = new Map<string, number>();
	page.on('response', async (response) => {
		if (response.url().endsWith('.js')) sizes.set(response.url(), gzipSync(await response.body()).length);
	});
	await visit(page);
	await page.waitForLoadState('networkidle');
	await context.close();
	return [...sizes.values()].reduce((sum, size) => sum + size, 0) / 1024;
}

async function weigh(origin: string, cards: number) {
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		const library = await scriptKb(browser, async (page) => {
			await page.goto(`${origin}/`);
			await page.getByLabel("Who's learning? Type your name").fill('Bench');
			await page.getByRole('button', { name: 'Add learner' }).click();
			await page.getByRole('article').nth(cards - 1).waitFor();
		});
		const player = await scriptKb(browser, async (page) => {
			await page.goto(`${origin}/play/the-third-call`);
			await page.getByLabel('Type your name to start').fill('Bench');
			await page.getByRole('button', { name: 'Add learner' }).click();
			await page.getByRole('button', { name: 'Start the conversation' }).click();
			await page.getByRole('group', { name: 'Choices' }).waitFor();
		});
		return { library, player };
	} finally {
		await browser.close();
	}
}

/** The bundled scenarios copied under new names until there are `count`. */
function largeLibrary(count: number): string {
	const dir = mkdtempSync(join(tmpdir(), 'drill-library-'));
	const files = readdirSync('scenarios').filter((name) => name.endsWith('.md') && name !== 'README.md');
	for (const file of files) cpSync(join('scenarios', file), join(dir, file));
	for (let i = files.length; i < count; i++) {
		const file = files[i % files.length];
		const source = readFileSync(join('scenarios', file), 'utf8').replace(/^title: (.*)$/m, `title: $1 (copy ${i})`);
		writeFileSync(join(dir, `${file.slice(0, -3)}-copy-${i}.md`), source);
	}
	return dir;
}

/** Every page a person can open (as a first visit: Lighthouse starts each run with empty storage). */
const LIGHTHOUSE_PAGES = ['/', '/play/the-third-call', '/progress', '/programmes', '/programmes/new-hire-boot-camp', '/author', '/settings', '/trainer'];

async function lighthouseScores(origin: string) {
	const { default: lighthouse } = await import('lighthouse');
	const { launch } = await import('chrome-launcher');
	const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', ...ARGS] });
	try {
		const rows: string[] = [];
		for (const path of LIGHTHOUSE_PAGES) {
			const result = await lighthouse(`${origin}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices']
			});
			const categories = result!.lhr.categories;
			const score = (key: string) => (categories[key]?.score ?? NaN).toFixed(2);
			const failing = Object.values(result!.lhr.audits)
				.filter((audit) => audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
				.map((audit) => audit.id);
			rows.push(
				`  ${path.padEnd(22)} performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}` +
					(failing.length ? ` (failing: ${failing.join(', ')})` : '')
			);
		}
		return rows;
	} finally {
		await chrome.kill();
	}
}

export async function pageBench() {
	const small = mkdtempSync(join(tmpdir(), 'drill-build-15-'));
	const large = mkdtempSync(join(tmpdir(), 'drill-build-200-'));
	const library = largeLibrary(200);
	const servers: ChildProcess[] = [];
	try {
		build(small);
		build(large, library);
		// The rubric is its own chunk, loaded with a dynamic import when a text box appears.
		const chunks = join(small, '_app/immutable/chunks');
		const rubric = readdirSync(chunks).find((f) => readFileSync(join(chunks, f), 'utf8').includes('Sending the customer elsewhere passes the parcel'));
		if (rubric) {
			const code = readFileSync(join(chunks, rubric));
			console.log(`reply rubric chunk (loaded on the first text box): ${(code.length / 1024).toFixed(1)} KB, ${(gzipSync(code).length / 1024).toFixed(1)} KB gzipped`);
		}
		servers.push(await serve(small, 4301), await serve(large, 4302));
		const at15 = await weigh('http://localhost:4301', 15);
		const at200 = await weigh('http://localhost:4302', 200);
		console.log(`library route JavaScript: ${at15.library.toFixed(1)} KB gzipped with 15 scenarios, ${at200.library.toFixed(1)} KB with 200`);
		console.log(`player route JavaScript:  ${at15.player.toFixed(1)} KB gzipped with 15 scenarios, ${at200.player.toFixed(1)} KB with 200`);
		console.log('Lighthouse (mobile, simulated throttling, tests/serve.js with gzip), 15-scenario build:');
		for (const row of await lighthouseScores('http://localhost:4301')) console.log(row);
	} finally {
		for (const server of servers) server.kill();
		for (const dir of [small, large, library]) rmSync(dir, { recursive: true, force: true });
	}
}
