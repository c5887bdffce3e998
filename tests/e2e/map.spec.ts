import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import config from '../../svelte.config.js';
import { slugify } from '../../src/lib/core/index.ts';
import { buildHarness } from './map-harness/build';

/*
 * The branch map, the outline and the analysis panel in Chromium, with ELK in
 * its real worker under the app's Content-Security-Policy. The studio page that
 * will hold them is built elsewhere, so these tests build a small harness page
 * of their own (tests/e2e/map-harness, never part of the app) with the app's
 * Svelte and Vite, and serve it beside the app.
 */

const OUT = join(process.cwd(), 'test-results', 'map-harness');
let server: Server;
let origin: string;

/** The app's CSP directives (svelte.config.js) as a header, keywords quoted. */
function cspHeader(): string {
	const directives = (config.kit?.csp?.directives ?? {}) as Record<string, string[]>;
	const keyword = /^(self|none|unsafe-inline|unsafe-eval|strict-dynamic|unsafe-hashes|wasm-unsafe-eval)$/;
	return Object.entries(directives)
		.map(([name, values]) => `${name} ${values.map((value) => (keyword.test(value) ? `'${value}'` : value)).join(' ')}`)
		.join('; ');
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
	test.setTimeout(120_000);
	await buildHarness(OUT);
	const csp = cspHeader();
	server = createServer(async (request, response) => {
		const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
		const file = join(OUT, path === '/' ? 'index.html' : path);
		try {
			const body = await readFile(file);
			response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp });
			response.end(body);
		} catch {
			response.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve));
});

async function open(page: Page, source: string, engine = 'elk') {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await page.goto(`${origin}/`);
	await expect(page.locator('body[data-ready="true"]')).toBeAttached();
	await page.evaluate(([text, name]) => (window as any).harness.show(text, name), [source, engine] as const);
	return errors;
}

const map = (page: Page) => page.getByRole('region', { name: 'Branch map' });
const viewport = (page: Page) => map(page).getByRole('group', { name: /^Map:/ });
const transform = (page: Page) => map(page).locator('.world').evaluate((element) => (element as HTMLElement).style.transform);

const HOSTILE = `<img src=x onerror="document.body.dataset.pwned='1'"> Forgotten`;
const SCENARIO = `---
title: Map test
customer: Sam Lee
summary: Every kind of node.
---

## Start

> **Sam:** "Hello."

- [Listen](#listen) empathy +2, mood +10
  > Good.
- [Rush](#lost) empathy -2, mood -20
  > Bad.
- [Guess](#nowhere) ownership +1
  > Broken.

## Listen

- [Ask again](#start) empathy +1
  > Loop.
- [Fix it](#sorted) ownership +2, mood +15
  > Good.
- [Type it](#sorted) free

## Sorted

Outcome: resolved

## Lost

Outcome: lost

## ${HOSTILE}

- [Round](#${slugify(HOSTILE)})
  > Trap.
`;

test('the map draws every node with ELK in its worker: start, endings by outcome, unreachable, trap, loop back, broken link', async ({ page }) => {
	const errors = await open(page, SCENARIO);
	const node = (id: string) => map(page).locator(`[data-node="${id}"]`);
	await expect(node('start')).toBeVisible();
	await expect(map(page).locator('.node')).toHaveCount(6); // five nodes and the missing one
	await expect(node('start')).toHaveClass(/\bstart\b/);
	await expect(node('sorted')).toHaveClass(/outcome-resolved/);
	await expect(node('lost')).toHaveClass(/outcome-lost/);
	await expect(node('sorted')).toContainText('Ending · Resolved');
	const forgotten = node(slugify(HOSTILE));
	await expect(forgotten).toContainText('Unreachable · Trap');
	// The heading is plain text: its markup shows as text, never runs.
	await expect(forgotten.locator('.title')).toHaveText(HOSTILE);
	expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
	await expect(node('missing:nowhere')).toContainText('#nowhere');
	await expect(map(page).locator('[data-edge="listen/0"]')).toHaveClass(/\bback\b/);
	await expect(map(page).locator('[data-edge="start/2"]')).toHaveClass(/\bbroken\b/);
	await expect(map(page).locator('[data-edge="listen/1"] text')).toHaveText('2 · O+2 M+15');
	await expect(map(page).locator('[data-edge="listen/2"] text')).toHaveText('3 · typed');

	// Laid out, not piled up: no two nodes overlap, and every edge is drawn between its two nodes.
	const boxes = await map(page).locator('.node').evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON()));
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i], boxes[j]];
			expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height, `nodes ${i} and ${j} overlap`).toBe(false);
		}
	await expect(map(page).locator('.edge path')).toHaveCount(7); // the trap's loop to itself included
	// ELK ran in a worker of its own.
	expect(page.workers().some((worker) => worker.url().includes('elk-worker'))).toBe(true);
	expect(errors).toEqual([]);
});

test('clicking a node, or focusing it and pressing Enter, selects it; so do the outline and the analysis', async ({ page }) => {
	await open(page, SCENARIO);
	await map(page).locator('[data-node="listen"]').click();
	await expect(map(page).locator('[data-node="listen"]')).toHaveAttribute('aria-current', 'true');
	await map(page).locator('[data-node="sorted"]').focus();
	await page.keyboard.press('Enter');
	const outline = page.getByRole('region', { name: 'Outline' });
	await outline.locator('button.node', { hasText: 'Lost' }).click();
	await page.getByRole('region', { name: 'Path analysis' }).getByRole('row', { name: /^Lost/ }).getByRole('button', { name: 'Lost' }).click();
	expect(await page.evaluate(() => (window as any).harness.selections)).toEqual(['listen', 'sorted', 'lost', 'lost']);
	// The selected node's replies are highlighted on the map.
	await expect(map(page).locator('[data-edge="start/1"]')).toHaveClass(/\bnear\b/);
});

test('pans and zooms with the buttons, the wheel, dragging and the keyboard', async ({ page }) => {
	await open(page, SCENARIO);
	await expect(map(page).locator('[data-node="start"]')).toBeVisible();
	const scale = async () => Number(/scale\(([\d.]+)\)/.exec(await transform(page))?.[1]);
	const offset = async () => (/translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(await transform(page)) ?? []).slice(1, 3).map(Number);

	const k0 = await scale();
	await map(page).getByRole('button', { name: 'Zoom in' }).click();
	expect(await scale()).toBeCloseTo(Math.min(2.5, k0 * 1.25), 3);
	await map(page).getByRole('button', { name: 'Zoom out' }).click();
	expect(await scale()).toBeCloseTo(k0, 3);

	const box = (await viewport(page).boundingBox())!;
	await page.mouse.move(box.x + 20, box.y + 20);
	await page.mouse.wheel(0, -300);
	await expect.poll(scale).toBeGreaterThan(k0);

	const [x0, y0] = await offset();
	await page.mouse.move(box.x + 10, box.y + box.height - 10);
	await page.mouse.down();
	await page.mouse.move(box.x + 60, box.y + box.height - 40, { steps: 4 });
	await page.mouse.up();
	const [x1, y1] = await offset();
	expect(x1 - x0).toBeCloseTo(50, 0);
	expect(y1 - y0).toBeCloseTo(-30, 0);

	await viewport(page).focus();
	await page.keyboard.press('ArrowLeft');
	expect((await offset())[0] - x1).toBeCloseTo(60, 0);
	await page.keyboard.press('-');
	const k1 = await scale();
	await page.keyboard.press('+');
	expect(await scale()).toBeGreaterThan(k1);
	await page.keyboard.press('0');
	const fitted = await transform(page);
	await page.keyboard.press('ArrowUp');
	expect(await transform(page)).not.toBe(fitted);
	await map(page).getByRole('button', { name: 'Fit' }).click();
	expect(await transform(page)).toBe(fitted);
});

test('updates when the draft changes, keeping the view on the node the author is working on', async ({ page }) => {
	await open(page, SCENARIO);
	await map(page).locator('[data-node="listen"]').click();
	const before = await map(page).locator('[data-node="listen"]').boundingBox();
	// A new node and a fixed link: a new layout; "listen" stays where it was on screen.
	await page.evaluate((source) => (window as any).harness.setSource(source), SCENARIO.replace('(#nowhere)', '(#apology)') + '\n## Apology\n\nOutcome: retained\n');
	await expect(map(page).locator('[data-node="apology"]')).toBeVisible();
	await expect(map(page).locator('[data-node="missing:nowhere"]')).toHaveCount(0);
	const after = await map(page).locator('[data-node="listen"]').boundingBox();
	expect(Math.abs(after!.x - before!.x)).toBeLessThan(1);
	expect(Math.abs(after!.y - before!.y)).toBeLessThan(1);
	await expect(page.getByRole('region', { name: 'Outline' })).toContainText('Apology');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test(`the map, the analysis and the outline have no axe violations (${colorScheme})`, async ({ page }) => {
		await page.emulateMedia({ colorScheme });
		await open(page, SCENARIO);
		await expect(map(page).locator('[data-node="start"]')).toBeVisible();
		await map(page).locator('[data-node="listen"]').click();
		for (const details of await page.locator('details').all()) await details.locator('summary').click();
		const { violations } = await new AxeBuilder({ page }).analyze();
		const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
		expect(found).toEqual([]);
	});
}

test('ELK lays out 60 and 200 nodes without overlaps, in seconds; what the map loads lazily (the dagre comparison is in the README)', async ({ page }) => {
	test.setTimeout(180_000);
	const figures: Record<string, unknown>[] = [];
	for (const engine of ['elk']) {
		for (const nodes of [60, 200]) {
			// A fresh page each time: "cold" includes starting the worker and compiling ELK; "warm" is the median of 3 more.
			await open(page, SCENARIO);
			const result = await page.evaluate(([name, n]) => (window as any).harness.time(name, n, 3), [engine, nodes] as const);
			figures.push({ engine, ...result });
			expect(result.overlaps, `${engine} at ${nodes} nodes`).toBe(0);
		}
	}
	console.table(figures);
	const elk200 = figures.find((f) => f.engine === 'elk' && f.nodes === 200)!;
	// Generous bounds on a shared 2-core machine: ELK laid 200 such nodes out in about a second here.
	expect(elk200.warm as number).toBeLessThan(8000);

	// What the map loads on its first layout: elk-api and the worker script, gzipped.
	const assets = join(OUT, 'assets');
	const sizes: Record<string, number> = {};
	for (const name of await readdir(assets)) {
		if (!/^(elk-|dagre)/.test(name)) continue;
		const file = join(assets, name);
		if ((await stat(file)).isFile()) sizes[name] = Math.round(gzipSync(await readFile(file), { level: 9 }).length / 102.4) / 10;
	}
	console.log('lazily loaded, KB gzipped:', sizes);
	expect(Object.keys(sizes).some((name) => name.startsWith('elk-worker'))).toBe(true);
});
