/**
 * Opening the progress dashboard with a long history, measured in Chromium
 * (part of `npm run bench`):
 * - a production build served by tests/serve.js (gzip), no service worker;
 * - a learner is added through the app, then 10 or 10,000 attempts are
 *   written into its IndexedDB through the page (real run states with their
 *   transcripts, played by the core: `dashboard-data.ts`), with the mix a long
 *   history has (about 5 % abandoned);
 * - each run loads /progress and stops when the three trend charts and the
 *   outcome chart are drawn; the time is from the start of navigation. Long
 *   tasks (main thread busy for more than 50 ms: what a user feels as a stall)
 *   are recorded over the same span.
 *   import { dashboardBench } from './dashboard.ts'; await dashboardBench();
 *   npx tsx tests/bench/dashboard.ts
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { DAY_MS } from '../../src/lib/core/index.ts';
import { playedRuns, type PlayedRun } from './dashboard-data.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Three trend charts and the outcome chart. */
const CHARTS = 4;

export interface DashboardBenchRow {
	attempts: number;
	/** Milliseconds from navigation start until every chart is drawn: median and worst of the runs. */
	medianMs: number;
	maxMs: number;
	/** Long tasks per open, and the longest task of an open: medians; then the longest seen in any run. */
	longTasks: number;
	longestTaskMs: number;
	worstTaskMs: number;
	runs: number;
	/** The machine's load average (1 minute) when the size was measured: shared machines inflate every figure. */
	load: number;
}

// Runs in the page. tsx names functions with a `__name` helper the page does not have: the init script supplies it.
const PAGE_SETUP = `
	globalThis.__name = (f) => f;
	globalThis.__longTasks = [];
	new PerformanceObserver((list) => { for (const entry of list.getEntries()) globalThis.__longTasks.push({ start: entry.startTime, duration: entry.duration }); })
		.observe({ type: 'longtask', buffered: true });
`;

/** Writes `count` attempts for `profileId` straight into the app's IndexedDB, in chunks, oldest three years ago. */
async function seed(page: Page, profileId: string, runs: PlayedRun[], count: number, now: number) {
	const CHUNK = 1000;
	for (let start = 0; start < count; start += CHUNK) {
		await page.evaluate(
			async ({ runs, start, end, count, profileId, now, span }) => {
				const db: IDBDatabase = await new Promise((resolve, reject) => {
					const request = indexedDB.open('service-drill');
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				await new Promise<void>((resolve, reject) => {
					const transaction = db.transaction('attempts', 'readwrite');
					const store = transaction.objectStore('attempts');
					for (let i = start; i < end; i++) {
						const run = runs[i % runs.length];
						const completedAt = now - span + Math.floor((span * (i + 1)) / count);
						const abandoned = i % 20 === 7;
						store.put({
							id: `bench-${String(i).padStart(6, '0')}`,
							profileId,
							scenarioId: run.scenarioId,
							scenarioHash: run.scenarioHash,
							scenarioTitle: run.scenarioTitle,
							mode: 'coach',
							status: abandoned ? 'abandoned' : 'completed',
							startedAt: completedAt - run.durationMs,
							updatedAt: completedAt,
							...(abandoned ? { state: { ...run.state, ended: false } } : { completedAt, state: run.state, score: run.score })
						});
					}
					transaction.oncomplete = () => resolve();
					transaction.onerror = () => reject(transaction.error);
				});
				db.close();
			},
			{ runs, start, end: Math.min(count, start + CHUNK), count, profileId, now, span: 3 * 365 * DAY_MS }
		);
	}
}

/** Loads /progress once; returns when every chart is drawn. */
async function openDashboard(page: Page, origin: string) {
	await page.goto(`${origin}/progress`);
	const handle = await page.waitForFunction(
		(charts) => (document.querySelectorAll('svg[data-drawn]').length >= charts ? performance.now() : false),
		CHARTS,
		{ polling: 'raf', timeout: 60_000 }
	);
	const drawnMs = (await handle.jsonValue()) as number;
	const tasks = await page.evaluate(
		(until) => (globalThis as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks.filter((task) => task.start < until),
		drawnMs
	);
	return { drawnMs, tasks };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Builds the app (unless `origin` is given), opens the dashboard at each size, prints one line per size and returns the figures. */
export async function dashboardBench(
	{ sizes = [10, 10_000], runs = 5, origin, log = console.log }: { sizes?: number[]; runs?: number; origin?: string; log?: (line: string) => void } = {}
): Promise<DashboardBenchRow[]> {
	let server: ChildProcess | undefined;
	let dir: string | undefined;
	if (!origin) {
		dir = mkdtempSync(join(tmpdir(), 'drill-dashboard-'));
		const built = spawnSync('npx', ['vite', 'build'], { env: { ...process.env, BUILD_DIR: dir }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
		if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
		server = spawn('node', ['tests/serve.js', '4303', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
		await new Promise<void>((resolve) => server!.stdout!.once('data', () => resolve()));
		origin = 'http://localhost:4303';
	}
	const played = playedRuns(60);
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	const rows: DashboardBenchRow[] = [];
	try {
		for (const size of sizes) {
			const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
			await context.addInitScript(PAGE_SETUP);
			const page = await context.newPage();
			await page.goto(`${origin}/`);
			await page.getByLabel("Who's learning? Type your name").fill('Bench Learner');
			await page.getByRole('button', { name: 'Add learner' }).click();
			await page.getByRole('heading', { name: 'Scenario library' }).waitFor();
			const profileId = await page.evaluate(
				() =>
					new Promise<string>((resolve, reject) => {
						const request = indexedDB.open('service-drill');
						request.onerror = () => reject(request.error);
						request.onsuccess = () => {
							const read = request.result.transaction('settings').objectStore('settings').get('currentProfileId');
							read.onsuccess = () => {
								request.result.close();
								resolve(read.result.value);
							};
						};
					})
			);
			await seed(page, profileId, played, size, Date.now() - 60_000);
			await openDashboard(page, origin); // warm-up: the HTTP cache and the database's first read
			const times: number[] = [];
			const counts: number[] = [];
			const longest: number[] = [];
			for (let run = 0; run < runs; run++) {
				const { drawnMs, tasks } = await openDashboard(page, origin);
				times.push(drawnMs);
				counts.push(tasks.length);
				longest.push(Math.max(0, ...tasks.map((task) => task.duration)));
			}
			const shown = await page.locator('[data-testid="completed"]').innerText();
			await context.close();
			const row: DashboardBenchRow = {
				attempts: size,
				medianMs: median(times),
				maxMs: Math.max(...times),
				longTasks: median(counts),
				longestTaskMs: median(longest),
				worstTaskMs: Math.max(...longest),
				runs,
				load: loadavg()[0]
			};
			rows.push(row);
			log(
				`dashboard open in Chromium, ${size.toLocaleString('en')} stored attempts (${shown} completed shown): charts drawn ` +
					`${row.medianMs.toFixed(0)} ms after navigation start (median of ${runs}, worst ${row.maxMs.toFixed(0)} ms); ` +
					`long tasks per open ${row.longTasks}, the longest ${row.longestTaskMs.toFixed(0)} ms (worst ${row.worstTaskMs.toFixed(0)} ms); ` +
					`load average ${row.load.toFixed(1)} on ${cpus().length} cores`
			);
		}
	} finally {
		await browser.close();
		server?.kill();
		if (dir) rmSync(dir, { recursive: true, force: true });
	}
	return rows;
}

/** Run as a script (not imported). */
function isScript(): boolean {
	try {
		return process.argv[1] !== undefined && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
	} catch {
		return false;
	}
}

if (isScript()) await dashboardBench({ origin: process.env.DASHBOARD_ORIGIN });
