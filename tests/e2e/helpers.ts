import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { DIMENSIONS, parseScenario, plainInline, type Scenario } from '../../src/lib/core/index.ts';

/** Opens the app and creates a learner profile. */
export async function createLearner(page: Page, name: string) {
	await page.goto('/');
	await page.getByLabel("Who's learning? Type your name").fill(name);
	await page.getByRole('button', { name: 'Add learner' }).click();
	await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
}

export const choices = (page: Page) => page.getByRole('group', { name: 'Choices' });

/** Opens a scenario from the library and starts it. */
export async function startScenario(page: Page, title: string, mode: 'coach' | 'exam' = 'coach') {
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	if (mode === 'exam') await page.getByLabel(/Exam mode/).check();
	await page.getByRole('button', { name: 'Start the conversation' }).click();
	await expect(choices(page)).toBeVisible();
}

/** Picks the first listed reply (or types one) until the debrief shows. Returns the number of decisions. */
export async function playToEnd(page: Page, pick: (count: number) => number = () => 0, typed = "I'm so sorry about this. I'll sort it out myself today.") {
	return (await playUntilDebrief(page, (shown) => Math.min(pick(shown.length), shown.length - 1), typed)).length;
}

/** A bundled scenario, parsed by the same core the app uses, so tests can pick replies by what they say. */
export function bundledScenario(id: string): Scenario {
	const { scenario } = parseScenario(readFileSync(`scenarios/${id}.md`, 'utf8'));
	if (!scenario) throw new Error(`${id} does not parse`);
	return scenario;
}

/**
 * Plays to the debrief picking, at each decision, the reply on screen that the
 * file rates highest (or lowest: `worst`) by the sum of its three dimensions,
 * whatever order the player shows them in; typed replies get `typed`.
 * Returns the number of decisions.
 */
export async function playBest(page: Page, id: string, typed = "I'm so sorry about this. I'll sort it out myself today.", worst = false) {
	const scenario = bundledScenario(id);
	const value = (effects: Scenario['nodes'][number]['choices'][number]['effects']) =>
		DIMENSIONS.reduce((sum, dimension) => sum + (effects[dimension] ?? 0), 0);
	const seen = await playUntilDebrief(
		page,
		(shown, nodeId) => {
			const node = scenario.nodes.find((candidate) => candidate.id === nodeId);
			if (!node) throw new Error(`node ${nodeId} is not in ${id}`);
			const ranked = node.choices
				.filter((choice) => !choice.free && shown.includes(plainInline(choice.text)))
				.sort((a, b) => (worst ? -1 : 1) * (value(b.effects) - value(a.effects)));
			return shown.indexOf(plainInline(ranked[0].text));
		},
		typed
	);
	return seen.length;
}

/**
 * Answers every decision until the debrief shows: `pick` chooses among the
 * reply buttons on screen; a lone text box gets `typed`. Returns the buttons'
 * texts at each decision, in the order shown.
 */
export async function playUntilDebrief(page: Page, pick: (shown: string[], nodeId: string | null) => number, typed: string) {
	const seen: string[][] = [];
	const debrief = page.getByRole('heading', { name: 'Debrief' });
	for (;;) {
		const group = choices(page);
		// The debrief loads when the conversation ends; until then the choices are on screen.
		await expect(group.or(debrief)).toBeVisible();
		if (await debrief.isVisible()) break;
		const buttons = group.getByRole('button').filter({ hasNotText: 'Send reply' });
		const shown = (await buttons.allInnerTexts()).map((text) => text.trim());
		const before = await page.getByTestId('your-reply').count();
		seen.push(shown);
		if (shown.length > 0) {
			await buttons.nth(pick(shown, await page.locator('[data-node]').last().getAttribute('data-node'))).click();
		} else {
			await group.getByRole('textbox').fill(typed);
			await group.getByRole('button', { name: 'Send reply' }).click();
		}
		await expect(page.getByTestId('your-reply')).toHaveCount(before + 1);
		if (seen.length > 60) throw new Error('The scenario did not end');
	}
	return seen;
}

/**
 * Runs `body` with a browser whose profile lives on disk, so a test can crash it (SIGKILL to every one of its
 * processes, not a clean shutdown) and open it again on the same IndexedDB.
 */
export async function withCrashableBrowser(
	testInfo: TestInfo,
	body: (browser: { open: () => Promise<Page>; crash: () => Promise<void> }) => Promise<void>
) {
	const profile = mkdtempSync(join(tmpdir(), 'drill-profile-'));
	const use = testInfo.project.use;
	let context: BrowserContext | undefined;
	const open = async () => {
		context = await chromium.launchPersistentContext(profile, {
			...use,
			executablePath: use.launchOptions?.executablePath,
			args: use.launchOptions?.args
		});
		return context.pages()[0] ?? (await context.newPage());
	};
	const crash = async () => {
		for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
			try {
				if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) process.kill(Number(pid), 'SIGKILL');
			} catch {
				// the process ended while we looked
			}
		}
		await context?.close().catch(() => {});
	};
	try {
		await body({ open, crash });
		await context?.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
}

/**
 * axe-core on the screen as it is, with all its rules (WCAG A/AA and best practices such as heading order and
 * unique landmarks): zero violations.
 */
export async function expectNoViolations(page: Page, screen: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	expect(found, `axe violations on ${screen}`).toEqual([]);
}
