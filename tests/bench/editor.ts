/**
 * The studio editor in Chromium, part of `npm run bench` (and runnable alone:
 * `npx tsx tests/bench/editor.ts [build-dir]`), on a real build served with gzip:
 * - a generated 2,000-node scenario (1.26 MB) pasted into the editor, then the
 *   page reloaded: how long until it shows and its problems are counted;
 * - keystroke to diagnostics: a character typed into a reply's link (the link
 *   breaks), then deleted (it is fixed), timed from the key going down to the
 *   underline and the problem count on screen, and to the next frame painted;
 * - typing in that file: long tasks (over 50 ms) and the longest keystroke
 *   (Event Timing: input delay + handling + paint) while a fast typist types
 *   narration and new lines;
 * - the gzipped JavaScript of the editor page, the editor chunk and the worker.
 * First, in Node, what the worker does per keystroke: a fresh inspection of
 * the file against one with the cache it keeps, for three kinds of keystroke.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { InspectCache } from '../../src/lib/core/incremental.ts';
import { inspectScenario } from '../../src/lib/core/inspect.ts';
import { createChecker } from '../../src/lib/studio/inspect-checker.ts';
import { generateScenario } from './generate.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PORT = 4311;
const NODES = 2000;
const TARGET_MS = 50;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (value: number) => `${value.toFixed(0)} ms`;

function build(outDir: string) {
	const result = spawnSync('npx', ['vite', 'build'], { env: { ...process.env, BUILD_DIR: outDir }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

async function serve(dir: string): Promise<ChildProcess> {
	const server = spawn('node', ['tests/serve.js', String(PORT), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
	return server;
}

/** Watches the page for the next change of the problem count, and of the underlines; resolves with their times after `since`. */
async function armProbe(page: Page) {
	await page.evaluate(() => {
		const w = window as unknown as { probe: { keydown: number; status?: number; marks?: number; painted?: number } };
		const status = document.querySelector('section.problems [role="status"]')!;
		const content = document.querySelector('.cm-content')!;
		const before = { status: status.textContent, marks: content.querySelectorAll('.cm-lintRange').length };
		w.probe = { keydown: 0 };
		document.addEventListener('keydown', () => (w.probe.keydown = performance.now()), { capture: true, once: true });
		// No named functions in here: the TypeScript runner would wrap them in a helper the page does not have.
		const observer = new MutationObserver(() => {
			const now = performance.now();
			if (w.probe.status === undefined && status.textContent !== before.status) w.probe.status = now;
			if (w.probe.marks === undefined && content.querySelectorAll('.cm-lintRange').length !== before.marks) w.probe.marks = now;
			if (w.probe.status !== undefined && w.probe.marks !== undefined && w.probe.painted === undefined) {
				observer.disconnect();
				requestAnimationFrame(() => setTimeout(() => (w.probe.painted = performance.now())));
			}
		});
		observer.observe(status, { childList: true, characterData: true, subtree: true });
		observer.observe(content, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
	});
}

async function readProbe(page: Page) {
	await page.waitForFunction(() => (window as unknown as { probe: { painted?: number } }).probe.painted !== undefined, null, { timeout: 20_000 });
	return page.evaluate(() => {
		const p = (window as unknown as { probe: { keydown: number; status: number; marks: number; painted: number } }).probe;
		return { shown: Math.max(p.status, p.marks) - p.keydown, painted: p.painted - p.keydown };
	});
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string; data?: { type?: string } };
}

/**
 * For each keystroke (a keydown in the trace, in order), the CPU time (thread
 * time) of the renderer's main thread and workers in the `windows[i]` ms that followed.
 */
function cpuInWindows(trace: { traceEvents: TraceEvent[] }, windows: number[]): number[] {
	const events = trace.traceEvents;
	const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name ?? '']));
	const keydowns = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
	const page = keydowns[0]?.pid;
	const tasks = events.filter(
		(e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === page && /CrRendererMain|DedicatedWorker/.test(names.get(`${e.pid}:${e.tid}`) ?? '')
	);
	// The last keystrokes of the loop: the trace holds only those (each sample is one keydown).
	const last = keydowns.slice(-windows.length);
	return last.map((keydown, i) => {
		const end = keydown.ts + windows[i] * 1000;
		let total = 0;
		for (const task of tasks) {
			if (task.ts + (task.dur ?? 0) < keydown.ts || task.ts > end) continue;
			const share = Math.min(1, (end - Math.max(task.ts, keydown.ts)) / Math.max(1, task.dur ?? 1));
			total += (task.tdur ?? task.dur ?? 0) * share;
		}
		return total / 1000;
	});
}

/** Selects the next `what` with the search panel and closes it, as in the e2e tests. */
async function select(page: Page, what: string) {
	await page.keyboard.press('Control+f');
	const find = page.getByRole('textbox', { name: 'Find' });
	await find.fill('');
	await find.pressSequentially(what);
	await find.press('Enter');
	await find.press('Escape');
}

/** Milliseconds of CPU per call (user + system), over `runs` calls after one to warm up. */
function cpu(run: (i: number) => void, runs: number): number {
	run(0);
	const start = process.cpuUsage();
	for (let i = 1; i <= runs; i++) run(i);
	const used = process.cpuUsage(start);
	return (used.user + used.system) / 1000 / runs;
}

/** The worker's side of a keystroke in a 2,000-node file, in Node: what it costs with and without the cache. */
export function workerBench() {
	const source = generateScenario(NODES);
	const fresh = cpu(() => inspectScenario(source), 10);
	const at = source.indexOf('problem number 1000 ') + 'problem number 1000'.length;
	const link = source.indexOf('(#node-1001)') + 2;
	const edits: [string, (on: boolean) => string][] = [
		['a letter of narration', (on) => (on ? source.slice(0, at) + 'x' + source.slice(at) : source)],
		['a new line (every later node moves)', (on) => (on ? source.slice(0, at) + '\n' + source.slice(at) : source)],
		['a letter that breaks a link (new error, new graph)', (on) => (on ? source.slice(0, link) + 'x' + source.slice(link) : source)]
	];
	const rows = edits.map(([name, edit]) => {
		const check = createChecker();
		let id = 0;
		check({ id: ++id, source, base: null }, () => undefined);
		// Wall time in this one thread: until the diagnostics are posted, and until the whole inspection is.
		const early: number[] = [];
		const whole: number[] = [];
		for (let i = 1; i <= 40; i++) {
			const start = performance.now();
			check({ id: ++id, source: edit(i % 2 === 1), base: id - 1 }, (reply) => ('early' in reply ? early : whole).push(performance.now() - start));
		}
		return `${name}: diagnostics after ${median(early).toFixed(1)} ms, whole inspection ${median(whole).toFixed(1)} ms`;
	});
	console.log(
		`the checker's work per keystroke, ${NODES} nodes, in Node (medians): a fresh inspection ${fresh.toFixed(0)} ms of CPU; with the worker's cache: ${rows.join('; ')}`
	);
}

export async function editorBench(dir?: string) {
	workerBench();
	const own = dir ? null : mkdtempSync(join(tmpdir(), 'drill-build-editor-'));
	const root = dir ?? own!;
	let server: ChildProcess | undefined;
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	try {
		if (own) build(own);
		server = await serve(root);
		const origin = `http://localhost:${PORT}`;
		const source = generateScenario(NODES);
		const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const scripts = new Map<string, number>();
		page.on('response', async (response) => {
			if (response.url().endsWith('.js')) scripts.set(response.url(), gzipSync(await response.body()).length);
		});
		page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));

		await page.goto(`${origin}/author`);
		await page.getByRole('button', { name: 'New scenario from the template' }).click();
		const editor = page.getByLabel('Scenario file (Markdown)');
		const status = page.locator('section.problems [role="status"]');
		await status.filter({ hasText: 'No problems' }).waitFor();
		await page.waitForLoadState('networkidle');
		const pageKb = [...scripts.values()].reduce((a, b) => a + b, 0) / 1024;
		const worker = readdirSync(join(root, '_app/immutable/workers')).map((f) => gzipSync(readFileSync(join(root, '_app/immutable/workers', f))).length / 1024);
		const chunks = readdirSync(join(root, '_app/immutable/chunks')).map((f) => readFileSync(join(root, '_app/immutable/chunks', f), 'utf8'));
		const editorChunk = chunks.filter((code) => code.includes('cm-lintRange')).map((code) => gzipSync(code).length / 1024);
		console.log(
			`studio editor page JavaScript: ${pageKb.toFixed(1)} KB gzipped in ${scripts.size} files, of which the editor chunk (CodeMirror) ` +
				`${editorChunk.map((kb) => kb.toFixed(1)).join(' + ')} KB; the checker's worker ${worker.map((kb) => kb.toFixed(1)).join(' + ')} KB`
		);

		// Paste the 2,000-node file, as a manager pasting a file would (one change), and wait for it to be checked and saved.
		await editor.focus();
		await page.keyboard.press('Control+a');
		const pasteStart = Date.now();
		await editor.evaluate((content, text) => {
			const data = new DataTransfer();
			data.setData('text/plain', text);
			content.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
		}, source);
		await status.filter({ hasText: /warning|error|No problems/ }).waitFor();
		await page.getByRole('status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
		const pasted = Date.now() - pasteStart;

		// Open it: reload, until the editor shows and the problems are counted.
		const openStart = Date.now();
		await page.reload();
		await editor.waitFor();
		const shownAt = Date.now() - openStart;
		await page.waitForFunction(() => document.querySelector('section.problems [role="status"]')?.textContent === 'No problems', null, { timeout: 30_000 });
		const checkedAt = Date.now() - openStart;
		console.log(
			`a ${NODES}-node scenario (${(source.length / 1e6).toFixed(2)} MB): pasted, checked and saved in ${ms(pasted)}; ` +
				`reopened: editor shown in ${ms(shownAt)}, problems counted in ${ms(checkedAt)}`
		);

		// Keystroke to diagnostics: break a link in the middle of the file, then fix it.
		await editor.focus();
		/** Breaks and fixes a link at `rounds` places down the file; each keystroke's times. */
		const breakAndFix = async (rounds: number, first: number) => {
			const samples: { shown: number; painted: number }[] = [];
			for (let i = 0; i < rounds; i++) {
				await select(page, `(#node-${first + i * 150 + 1})`);
				await page.keyboard.press('ArrowLeft');
				await page.keyboard.press('ArrowRight');
				await page.keyboard.press('ArrowRight');
				// A jump far down the file: CodeMirror highlights up to there in the background first (once per region).
				await page.waitForTimeout(1500);
				await armProbe(page);
				await page.keyboard.press('x');
				samples.push(await readProbe(page));
				// Let the branch map redraw (it waits for a 400 ms pause in a file this size) before the next key:
				// this measures a keystroke on a settled page; keys typed during a redraw are the typing test below.
				await page.waitForTimeout(1500);
				await armProbe(page);
				await page.keyboard.press('Backspace');
				samples.push(await readProbe(page));
			}
			return samples;
		};
		const samples = await breakAndFix(12, 100);
		// Again, fewer, traced, to tell the machine's load apart from the work: the CPU time the page's threads spent in each window.
		const traceDir = mkdtempSync(join(tmpdir(), 'drill-editor-trace-'));
		const tracePath = join(traceDir, 'trace.json');
		await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
		const traced = await breakAndFix(4, 175);
		await browser.stopTracing();
		const busy = cpuInWindows(JSON.parse(readFileSync(tracePath, 'utf8')), traced.map((s) => s.shown));
		rmSync(traceDir, { recursive: true, force: true });
		const shown = samples.map((s) => s.shown);
		const painted = samples.map((s) => s.painted);
		console.log(
			`keystroke to diagnostics, ${NODES} nodes (${samples.length} keystrokes, each breaking or fixing a link): ` +
				`median ${ms(median(shown))}, 95th percentile ${ms(percentile(shown, 95))}, slowest ${ms(Math.max(...shown))} until shown; ` +
				`median ${ms(median(painted))} until the next frame. Target ≤ ${TARGET_MS} ms: ${median(shown) <= TARGET_MS ? 'met' : 'NOT met'} (median). ` +
				`CPU time of the page's main thread and worker in that window (${traced.length} traced keystrokes): median ${ms(median(busy))}, ` +
				`most ${ms(Math.max(...busy))} (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores: the rest of the wait is for a core)`
		);

		// Typing in the big file: long tasks and the slowest keystroke.
		await select(page, 'problem number 1000 ');
		await page.keyboard.press('ArrowRight');
		await page.waitForTimeout(1500);
		await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[]; keystrokes: number[] };
			w.longTasks = [];
			w.keystrokes = [];
			new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
			new PerformanceObserver((list) =>
				list.getEntries().forEach((e) => {
					if (e.name === 'keydown') w.keystrokes.push(e.duration);
				})
			).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
		});
		const typing = 'and a few more words of narration, typed quickly\nwith new lines\nthat move every node after it down\n';
		const typingStart = Date.now();
		await page.keyboard.type(typing, { delay: 60 });
		await page.waitForTimeout(1000);
		const typedFor = Date.now() - typingStart;
		const { longTasks, keystrokes } = await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[]; keystrokes: number[] };
			return { longTasks: w.longTasks, keystrokes: w.keystrokes };
		});
		console.log(
			`typing ${typing.length} keys into the ${NODES}-node file (${typing.split('\n').length - 1} new lines, a key every 60 ms, ${(typedFor / 1000).toFixed(1)} s): ` +
				`${longTasks.length} long tasks (over 50 ms)${longTasks.length ? `, longest ${ms(Math.max(...longTasks))}` : ''}; ` +
				`slowest keystroke ${keystrokes.length ? ms(Math.max(...keystrokes)) : 'under 16 ms'} (key down to paint)`
		);
		await context.close();
	} finally {
		await browser.close();
		server?.kill();
		if (own) rmSync(own, { recursive: true, force: true });
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await editorBench(process.argv[2]);
