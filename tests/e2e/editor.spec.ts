import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { SCENARIO_TEMPLATE } from '../../src/lib/studio/template';

/**
 * The studio's editor (CodeMirror) with the parser's diagnostics: typing,
 * the problem shown at its line, the list that jumps there, undo, search and
 * replace, the keyboard way out, and axe on the editor page.
 */

const editor = (page: Page) => page.getByLabel('Scenario file (Markdown)');
const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
/** The 1-based line the cursor is on, as the line-number gutter shows it. */
const cursorLine = (page: Page) => page.locator('.cm-lineNumbers .cm-activeLineGutter');
const REPLY_LINE = SCENARIO_TEMPLATE.split('\n').findIndex((line) => line.includes('(#sorted) empathy +2')) + 1;

async function newScenario(page: Page) {
	await page.goto('/author');
	await page.getByRole('button', { name: 'New scenario from the template' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'A new scenario' })).toBeVisible();
	await expect(editor(page)).toBeVisible();
	await expect(problems(page).getByRole('status')).toHaveText('No problems');
}

/** The whole text, as the manager gets it with Download .md. */
async function text(page: Page): Promise<string> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .md' }).click()]);
	return readFileSync((await download.path())!, 'utf8');
}

/** Selects the first `what` after the cursor with the search panel (Ctrl+F, Enter), and closes the panel. */
async function select(page: Page, what: string) {
	await editor(page).focus();
	await page.keyboard.press('Control+f');
	const find = page.getByRole('textbox', { name: 'Find' });
	await expect(find).toBeFocused();
	// Typed, as a person would: the panel takes the query on key-up.
	await find.pressSequentially(what);
	await find.press('Enter');
	await find.press('Escape');
	await expect(editor(page)).toBeFocused();
}

test('typing a broken link shows the problem at its line: underlined, in the gutter, under the editor and in the list', async ({ page }) => {
	await newScenario(page);
	await select(page, '#sorted) empathy +2');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.type('x');
	await expect(cursorLine(page)).toHaveText(String(REPLY_LINE));

	const entry = problems(page).getByRole('button', { name: new RegExp(`^Line ${REPLY_LINE}, column \\d+: This reply links to #xsorted`) });
	await expect(entry).toBeVisible();
	await expect(problems(page).getByRole('status')).toHaveText('1 error');
	// The link target is underlined as an error…
	await expect(page.locator('.cm-lintRange-error')).toHaveText('#xsorted');
	// …the gutter marks the same line…
	const marker = page.locator('.cm-gutter-lint .cm-gutterElement:has(.cm-lint-marker-error)');
	await expect(marker).toHaveCount(1);
	const markerBox = (await marker.boundingBox())!;
	const lineBox = (await page.locator('.cm-line', { hasText: '#xsorted' }).boundingBox())!;
	expect(Math.abs(markerBox.y - lineBox.y)).toBeLessThan(4);
	// …and the message and hint are under the editor while the cursor is on the line.
	await expect(page.getByText(`Line ${REPLY_LINE}: 1 problem`)).toBeVisible();
	await expect(page.locator('.studio-editor .here')).toContainText('Did you mean #sorted?');

	// Hovering the underline shows the message and the hint.
	await page.locator('.cm-lintRange-error').hover();
	await expect(page.locator('.cm-tooltip-lint')).toContainText('This reply links to #xsorted, but no heading makes that id.');
	await expect(page.locator('.cm-tooltip-lint')).toContainText('Did you mean #sorted?');

	// From the keyboard: F8 goes to the problem, Ctrl+Shift+M lists the problems in a panel.
	await editor(page).focus();
	await page.keyboard.press('Control+Home');
	await page.keyboard.press('F8');
	await expect(cursorLine(page)).toHaveText(String(REPLY_LINE));
	await page.keyboard.press('Control+Shift+M');
	const panel = page.getByRole('listbox', { name: 'Diagnostics' });
	await expect(panel).toBeFocused();
	await expect(panel.getByRole('option')).toHaveCount(1);
	await expect(panel.getByRole('option')).toContainText('Did you mean #sorted?');
	await page.keyboard.press('Escape');
	await expect(editor(page)).toBeFocused();

	// Fixed, it all goes.
	await select(page, '#x');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Backspace');
	await expect(problems(page).getByRole('status')).toHaveText('No problems');
	await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
	await expect(marker).toHaveCount(0);
});

test('choosing a problem in the list moves the cursor to its line and focuses the editor', async ({ page }) => {
	await newScenario(page);
	const lostLine = SCENARIO_TEMPLATE.split('\n').indexOf('## Lost') + 1;
	await select(page, '## Lost');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.type('x');
	// Now the reply that links to #lost is broken; move away and use the list to come back.
	await page.keyboard.press('Control+Home');
	await expect(cursorLine(page)).toHaveText('1');
	const linkLine = SCENARIO_TEMPLATE.split('\n').findIndex((line) => line.includes('(#lost)')) + 1;
	const entry = problems(page).getByRole('button', { name: new RegExp(`^Line ${linkLine}, column \\d+: This reply links to #lost`) });
	await entry.click();
	await expect(editor(page)).toBeFocused();
	await expect(cursorLine(page)).toHaveText(String(linkLine));
	// The warning that the renamed node is unreachable sits at its heading.
	await problems(page).getByRole('button', { name: new RegExp(`^Line ${lostLine}, column 1: No reply leads to`) }).click();
	await expect(cursorLine(page)).toHaveText(String(lostLine));
});

test('undo and redo take the text, and its problems, back and forth', async ({ page }) => {
	await newScenario(page);
	await select(page, '## Sorted');
	await page.keyboard.press('ArrowRight');
	// One input, so one step to undo however slowly the machine types.
	await page.keyboard.insertText(' again');
	await expect(problems(page).getByRole('status')).toHaveText(/errors?/);
	await page.keyboard.press('Control+z');
	await expect(problems(page).getByRole('status')).toHaveText('No problems');
	expect(await text(page)).toBe(SCENARIO_TEMPLATE);
	await editor(page).focus();
	await page.keyboard.press('Control+Shift+Z');
	await expect(problems(page).getByRole('status')).toHaveText(/errors?/);
	expect(await text(page)).toContain('## Sorted again');
});

test('find and replace from the keyboard, and the problems follow', async ({ page }) => {
	await newScenario(page);
	await editor(page).focus();
	await page.keyboard.press('Control+f');
	await page.getByRole('textbox', { name: 'Find' }).fill('#sorted');
	await page.getByRole('textbox', { name: 'Replace' }).fill('#done');
	await page.getByRole('button', { name: 'replace all' }).click();
	const count = SCENARIO_TEMPLATE.split('#sorted').length - 1;
	await expect(problems(page).getByRole('status')).toHaveText(`${count} errors, 1 warning`);
	await page.getByRole('textbox', { name: 'Find' }).press('Escape');
	await expect(editor(page)).toBeFocused();
	expect(await text(page)).toBe(SCENARIO_TEMPLATE.replaceAll('#sorted', '#done'));
});

test('Tab indents, Esc then Tab leaves the editor, and Enter continues a reply list', async ({ page }) => {
	await newScenario(page);
	await select(page, 'What the trainee sees or hears first.');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Tab');
	await expect(editor(page)).toBeFocused();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	await expect(editor(page)).not.toBeFocused();
	expect(await text(page)).toContain('\n  What the trainee sees or hears first.');

	await editor(page).focus();
	await page.keyboard.press('Control+z');
	await page.keyboard.press('Control+End');
	await page.keyboard.type('\n\n- [Back to the start](#start) empathy +1');
	await page.keyboard.press('Enter');
	await page.keyboard.type('[Or the end](#sorted)');
	expect(await text(page)).toContain('- [Back to the start](#start) empathy +1\n- [Or the end](#sorted)');
});

async function expectNoViolations(page: Page, screen: string) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
	expect(found, `axe violations on ${screen}`).toEqual([]);
}

test('the editor page has no axe violations, with problems shown, the search panel and the problems panel open (light and dark)', async ({ page }) => {
	// Several screens through axe: 25-45 s beside two other workers on 2 cores, against the default 60 s per test.
	test.setTimeout(150_000);
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await newScenario(page);
		await select(page, '#sorted) empathy +2');
		await page.keyboard.press('ArrowLeft');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.type('x');
		await expect(problems(page).getByRole('status')).toHaveText('1 error');
		await page.keyboard.press('Control+f');
		await expect(page.getByRole('textbox', { name: 'Find' })).toBeFocused();
		await expectNoViolations(page, `the editor page with the search panel (${colorScheme})`);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Control+Shift+M');
		await expect(page.getByRole('listbox', { name: 'Diagnostics' })).toBeFocused();
		await expectNoViolations(page, `the editor page with the problems panel (${colorScheme})`);
	}
});
