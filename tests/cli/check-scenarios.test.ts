import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPaths, checksHint, isProgrammeFile, main, orderHint } from '../../src/cli/check-scenarios';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = 'tests/fixtures/checker';
const at = (...parts: string[]) => join(ROOT, ...parts);

const DIAGNOSTIC = /^(\S+\.md):(\d+):(\d+): (error|warning) ([a-z]+(?:-[a-z]+)*) (\S.*)$/;
const SUMMARY =
	/^(\S+\.md): (\d+) nodes?, (\d+) endings? \(([^)]*)\), decisions shortest (\d+) \/ longest (\d+)(?: \(loops walked once\))?; achievable totals empathy ([+-]?\d+)\.\.([+-]?\d+), flexibility ([+-]?\d+)\.\.([+-]?\d+), ownership ([+-]?\d+)\.\.([+-]?\d+); (\d+) errors?, (\d+) warnings?$/;
const NOT_PLAYABLE = /^(\S+\.md): not playable \((\d+) errors?, (\d+) warnings?\)$/;
const PROGRAMME_SUMMARY = /^(\S+\.md): (boot camp|refresher), (\d+) steps?, pass mark ([^;]+?)(?:, renewal (\d+ \w+))?; (\d+) errors?, (\d+) warnings?$/;

interface Run {
	code: number;
	out: string[];
	err: string[];
}

/** Runs the checker in-process from the project root, capturing what it prints. */
function run(...argv: string[]): Run {
	const out: string[] = [];
	const err: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void out.push(...args.map(String).join(' ').split('\n')));
	const error = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void err.push(...args.map(String).join(' ').split('\n')));
	try {
		return { code: main(argv, ROOT), out, err };
	} finally {
		log.mockRestore();
		error.mockRestore();
	}
}

/** 1-based line and column of `needle` in a fixture file. */
function position(file: string, needle: string): { line: number; column: number } {
	const lines = readFileSync(at(file), 'utf8').split('\n');
	const line = lines.findIndex((text) => text.includes(needle));
	if (line < 0) throw new Error(`${needle} not in ${file}`);
	return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

const diagnosticsOf = (lines: string[]) => lines.filter((line) => DIAGNOSTIC.test(line));
const summariesOf = (lines: string[]) => lines.filter((line) => SUMMARY.test(line) || NOT_PLAYABLE.test(line));

afterEach(() => {
	vi.restoreAllMocks();
});

describe('the fixtures', () => {
	it('are laid out as the tests expect', () => {
		expect(readdirSync(at(FIXTURES, 'clean')).sort()).toEqual(['README.md', 'first-call.md', 'second-call.md']);
		expect(readdirSync(at(FIXTURES, 'warnings')).sort()).toEqual(['no-feedback.md']);
		expect(readdirSync(at(FIXTURES, 'broken')).sort()).toEqual(['README.md', 'bad.md', 'good.md']);
		expect(readdirSync(at(FIXTURES, 'library')).sort()).toEqual(['first-call.md', 'programs', 'second-call.md']);
		expect(readdirSync(at(FIXTURES, 'library', 'programs')).sort()).toEqual(['README.md', 'bad.md', 'good.md']);
	});
});

describe('a clean folder', () => {
	it('passes, strict or not, with one exact summary per file and no diagnostics', () => {
		for (const argv of [[`${FIXTURES}/clean`], ['--strict', `${FIXTURES}/clean`], [at(FIXTURES, 'clean'), '--strict']]) {
			const { code, out, err } = run(...argv);
			expect(code).toBe(0);
			expect(err).toEqual([]);
			expect(diagnosticsOf(out)).toEqual([]);
			expect(out).toEqual([
				`${FIXTURES}/clean/first-call.md: 3 nodes, 2 endings (1 resolved, 1 lost), decisions shortest 1 / longest 1; ` +
					'achievable totals empathy -1..+2, flexibility -1..0, ownership -2..+2; 0 errors, 0 warnings',
				`${FIXTURES}/clean/second-call.md: 4 nodes, 2 endings (1 retained, 1 by mood), decisions shortest 1 / longest 2; ` +
					'achievable totals empathy -2..+2, flexibility -3..+3, ownership 0..+3; 0 errors, 0 warnings',
				`2 files checked: 0 errors, 0 warnings${argv.includes('--strict') ? ' (strict: warnings fail)' : ''}`
			]);
		}
	});

	it('skips README.md (which is not a scenario and would fail)', () => {
		const { out } = run(`${FIXTURES}/clean`);
		expect(out.some((line) => /readme/i.test(line))).toBe(false);
		expect(checkPaths([at(FIXTURES, 'clean')]).files).toBe(2);
		// Named on its own, a README is checked like any file.
		const readme = checkPaths([at(FIXTURES, 'clean', 'README.md')], { cwd: ROOT });
		expect(readme.files).toBe(1);
		expect(readme.errors).toBeGreaterThan(0);
	});

	it('checks a single file', () => {
		const { code, out } = run(`${FIXTURES}/clean/second-call.md`);
		expect(code).toBe(0);
		expect(summariesOf(out)).toHaveLength(1);
		expect(out[out.length - 1]).toBe('1 file checked: 0 errors, 0 warnings');
	});
});

describe('a folder with warnings', () => {
	const file = `${FIXTURES}/warnings/no-feedback.md`;
	const expected = () => {
		const noFeedback = position(file, "- [I'll fix it now.]");
		const forgotten = position(file, '## Forgotten');
		return [
			`${file}:1:1: warning dimension-unused No reply changes flexibility, so this scenario cannot assess it.`,
			`${file}:${noFeedback.line}:1: warning missing-feedback This reply has no coaching feedback.`,
			`${file}:${forgotten.line}:1: warning unreachable No reply leads to \`forgotten\`, so no trainee will see it.`
		];
	};

	it('passes without --strict and prints each diagnostic exactly', () => {
		const { code, out, err } = run(`${FIXTURES}/warnings`);
		expect(code).toBe(0);
		expect(err).toEqual([]);
		expect(diagnosticsOf(out)).toEqual(expected());
		// Diagnostics come before their file's summary.
		expect(out.slice(0, 3)).toEqual(expected());
		const summary = SUMMARY.exec(out[3])!;
		expect(summary).not.toBeNull();
		expect(summary[1]).toBe(file);
		expect(out[3]).toBe(
			`${file}: 4 nodes, 3 endings (1 resolved, 1 lost, 1 by mood), decisions shortest 1 / longest 1; ` +
				'achievable totals empathy 0..+1, flexibility 0..0, ownership -2..+2; 0 errors, 3 warnings'
		);
		expect(out[4]).toBe('1 file checked: 0 errors, 3 warnings. Add --hints to see how to fix each.');
		expect(out).toHaveLength(5);
	});

	it('fails with --strict', () => {
		const { code, out } = run('--strict', `${FIXTURES}/warnings`);
		expect(code).toBe(1);
		expect(diagnosticsOf(out)).toEqual(expected());
		expect(out[out.length - 1]).toBe('1 file checked: 0 errors, 3 warnings (strict: warnings fail). Add --hints to see how to fix each.');
	});

	it('--hints adds a hint line after each diagnostic', () => {
		const { code, out } = run('--hints', `${FIXTURES}/warnings`);
		expect(code).toBe(0);
		const diagnostics = expected();
		for (const [i, line] of diagnostics.entries()) {
			expect(out[i * 2]).toBe(line);
			expect(out[i * 2 + 1]).toMatch(/^ {2}hint: \S.*$/);
		}
		expect(out[3]).toBe(
			'  hint: Add a line under it, indented, starting with `> `, that says in a sentence or two why this reply helps or hurts.'
		);
		expect(out.filter((line) => line.startsWith('  hint: '))).toHaveLength(3);
		expect(out[out.length - 1]).toBe('1 file checked: 0 errors, 3 warnings');
	});
});

describe('a folder with a broken file and a good one', () => {
	const bad = `${FIXTURES}/broken/bad.md`;
	const good = `${FIXTURES}/broken/good.md`;
	const expectedDiagnostics = () => {
		const link = position(bad, '#middel');
		const range = position(bad, 'ownership +5');
		const middle = position(bad, '## Middle');
		return [
			`${bad}:${link.line}:${link.column}: error broken-link This reply links to \`#middel\`, but no heading makes that id.`,
			`${bad}:${range.line}:${range.column}: error value-out-of-range \`ownership +5\` is out of range.`,
			`${bad}:${middle.line}:1: warning unreachable No reply leads to \`middle\`, so no trainee will see it.`
		];
	};

	for (const strict of [false, true]) {
		it(`fails${strict ? ' with --strict' : ''}, and still summarises the good file`, () => {
			const { code, out, err } = run(...(strict ? ['--strict'] : []), `${FIXTURES}/broken`);
			expect(code).toBe(1);
			expect(err).toEqual([]);
			expect(diagnosticsOf(out)).toEqual(expectedDiagnostics());
			expect(out).toContain(`${bad}: not playable (2 errors, 1 warning)`);
			const goodSummary = out.find((line) => line.startsWith(`${good}: `));
			expect(goodSummary).toBeDefined();
			const match = SUMMARY.exec(goodSummary!)!;
			expect(match).not.toBeNull();
			expect(match.slice(2, 15)).toEqual(['2', '1', '1 by mood', '1', '1', '-1', '+1', '-1', '+1', '-1', '+2', '0', '0']);
			expect(out.some((line) => /readme/i.test(line))).toBe(false);
			expect(out[out.length - 1]).toBe(
				`2 files checked: 2 errors, 1 warning${strict ? ' (strict: warnings fail)' : ''}. Add --hints to see how to fix each.`
			);
		});
	}

	it('--hints suggests the nearest node for a broken link', () => {
		const { out } = run('--hints', `${FIXTURES}/broken`);
		const link = out.findIndex((line) => line.includes(' error broken-link '));
		expect(out[link + 1]).toMatch(/^ {2}hint: Did you mean `#middle`\?/);
		expect(out.filter((line) => line.startsWith('  hint: '))).toHaveLength(3);
	});

	it('checkPaths counts errors, warnings and files', () => {
		const report = checkPaths([at(FIXTURES, 'broken'), at(FIXTURES, 'clean')], { cwd: ROOT });
		expect(report.files).toBe(4);
		expect(report.errors).toBe(2);
		expect(report.warnings).toBe(1);
		expect(diagnosticsOf(report.lines)).toEqual(expectedDiagnostics());
		expect(summariesOf(report.lines)).toHaveLength(4);
		// Without a cwd, paths are shown as given.
		const plain = checkPaths([at(FIXTURES, 'broken', 'bad.md')]);
		expect(plain.lines[0].startsWith(`${at(FIXTURES, 'broken', 'bad.md')}:`)).toBe(true);
	});
});

describe('bad usage', () => {
	it('exits 2 for a missing path and checks nothing', () => {
		const { code, out, err } = run(`${FIXTURES}/no-such-folder`);
		expect(code).toBe(2);
		expect(out).toEqual([]);
		expect(err.join('\n')).toContain(`no such file or folder: ${FIXTURES}/no-such-folder`);
	});

	it('exits 2 when one of several paths is missing', () => {
		const { code, out } = run(`${FIXTURES}/clean`, `${FIXTURES}/missing.md`);
		expect(code).toBe(2);
		expect(out).toEqual([]);
	});

	it('exits 2 for an unknown option, with the usage', () => {
		const { code, out, err } = run('--stritc', `${FIXTURES}/clean`);
		expect(code).toBe(2);
		expect(out).toEqual([]);
		expect(err.join('\n')).toContain('unknown option --stritc');
		expect(err.join('\n')).toMatch(/usage: check-scenarios/);
	});

	it('exits 2 for --help, with the usage', () => {
		const { code, err } = run('--help');
		expect(code).toBe(2);
		expect(err.join('\n')).toMatch(/usage: check-scenarios \[--strict\] \[--hints\]/);
	});

	it('exits 2 for a folder without scenario files', () => {
		const { code, err } = run('tests/fixtures/security');
		expect(code).toBe(2);
		expect(err.join('\n')).toContain('no .md scenario files');
	});
});

describe('the scenario library', () => {
	it('passes with --strict, its programmes included', () => {
		const { code, out, err } = run('--strict', at('scenarios'));
		expect(err).toEqual([]);
		expect(diagnosticsOf(out)).toEqual([]);
		const files = readdirSync(at('scenarios')).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md');
		const programmes = readdirSync(at('scenarios', 'programs')).filter((name) => name.endsWith('.md') && name.toLowerCase() !== 'readme.md');
		expect(programmes.sort()).toEqual(['annual-refresher.md', 'new-hire-boot-camp.md']);
		const summaries = out.filter((line) => SUMMARY.test(line));
		expect(summaries.map((line) => SUMMARY.exec(line)![1]).sort()).toEqual(files.map((name) => `scenarios/${name}`).sort());
		expect(out.filter((line) => PROGRAMME_SUMMARY.test(line))).toEqual([
			'scenarios/programs/annual-refresher.md: refresher, 5 steps, pass mark 70, renewal 12 months; 0 errors, 0 warnings',
			'scenarios/programs/new-hire-boot-camp.md: boot camp, 8 steps, pass mark 70; 0 errors, 0 warnings'
		]);
		expect(out[out.length - 1]).toBe(`${files.length + programmes.length} files checked: 0 errors, 0 warnings (strict: warnings fail)`);
		expect(code).toBe(0);
	});
});

describe('programmes', () => {
	const LIBRARY = `${FIXTURES}/library`;
	const bad = `${LIBRARY}/programs/bad.md`;
	const good = `${LIBRARY}/programs/good.md`;
	const expectedDiagnostics = () => {
		const audience = position(bad, 'boot kamp');
		const unknown = position(bad, '../secnd-call.md');
		const lunch = position(bad, '3. Lunch');
		return [
			`${bad}:${audience.line}:${audience.column}: error bad-audience Unknown audience \`boot kamp\`.`,
			`${bad}:${unknown.line}:${unknown.column}: error unknown-scenario This step links to the scenario \`secnd-call\`, but there is no \`secnd-call.md\`.`,
			`${bad}:${lunch.line}:1: warning stray-step This item sits in the list of steps but does not start with a link to a scenario, so it is not a step.`
		];
	};
	const goodSummary = `${good}: refresher, 1 step, pass mark empathy 80, flexibility 70, ownership 70, renewal 6 months; 0 errors, 0 warnings`;

	it('reads files in a programs folder as programmes, against the scenario files one folder up', () => {
		const { code, out, err } = run(LIBRARY);
		expect(code).toBe(1);
		expect(err).toEqual([]);
		expect(diagnosticsOf(out)).toEqual(expectedDiagnostics());
		expect(out.filter((line) => SUMMARY.test(line)).map((line) => SUMMARY.exec(line)![1])).toEqual([
			`${LIBRARY}/first-call.md`,
			`${LIBRARY}/second-call.md`
		]);
		expect(out).toContain(`${bad}: not usable (2 errors, 1 warning)`);
		expect(out).toContain(goodSummary);
		expect(out.some((line) => /readme/i.test(line))).toBe(false);
		// Never read as scenarios: no "not playable", no scenario front matter complaints.
		expect(out.some((line) => line.includes('not playable') || line.includes('customer'))).toBe(false);
		expect(out[out.length - 1]).toBe('4 files checked: 2 errors, 1 warning. Add --hints to see how to fix each.');
	});

	it('checks one programme named on its own, or its folder, against the same scenarios', () => {
		for (const target of [good, `${LIBRARY}/programs`, at(FIXTURES, 'library', 'programs', 'good.md')]) {
			const { code, out } = run('--strict', target);
			expect(code, target).toBe(target.endsWith('programs') ? 1 : 0);
			expect(out.some((line) => line.endsWith(goodSummary.slice(good.length)))).toBe(true);
		}
	});

	it('--hints suggests the scenario a step nearly names', () => {
		const { out } = run('--hints', `${LIBRARY}/programs`);
		const unknown = out.findIndex((line) => line.includes(' error unknown-scenario '));
		expect(out[unknown + 1]).toBe("  hint: Did you mean `../second-call.md`? A scenario's id is its file name without `.md`.");
		expect(out.filter((line) => line.startsWith('  hint: '))).toHaveLength(3);
		expect(out.some((line) => line.includes('order hint'))).toBe(false);
	});

	it('summarises each kind of programme', () => {
		expect(PROGRAMME_SUMMARY.test(goodSummary)).toBe(true);
		const report = checkPaths([at(FIXTURES, 'library')], { cwd: ROOT });
		expect([report.files, report.errors, report.warnings]).toEqual([4, 2, 1]);
		expect(report.lines.filter((line) => PROGRAMME_SUMMARY.test(line))).toEqual([goodSummary]);
	});

	it('tells a programme from a scenario by its folder only', () => {
		expect(isProgrammeFile('scenarios/programs/new-hire-boot-camp.md')).toBe(true);
		expect(isProgrammeFile('/home/programs/service-drill/scenarios/the-third-call.md')).toBe(false);
		expect(isProgrammeFile('scenarios/programs/2027/spring.md')).toBe(false);
		expect(isProgrammeFile('scenarios/programmes/spring.md')).toBe(false);
	});
});

describe('as a command', () => {
	const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

	it('exits 1 for the broken folder with --strict', () => {
		const result = spawnSync(npx, ['tsx', 'src/cli/check-scenarios.ts', '--strict', 'tests/fixtures/checker/broken'], {
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 60_000
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('tests/fixtures/checker/broken/bad.md: not playable (2 errors, 1 warning)');
		expect(result.stdout).toMatch(/^tests\/fixtures\/checker\/broken\/good\.md: 2 nodes, /m);
		expect(result.stdout).toContain('2 files checked: 2 errors, 1 warning (strict: warnings fail)');
	}, 60_000);

	it('still runs when the script path has a space in it (and goes through a symlink)', () => {
		// Regression: the "am I the script" check compared import.meta.url with `file://` + argv[1],
		// so from a path with a space the checker printed nothing and exited 0.
		const dir = mkdtempSync(join(tmpdir(), 'service drill '));
		const link = join(dir, 'check out');
		symlinkSync(ROOT, link, 'dir');
		try {
			const result = spawnSync(npx, ['tsx', join(link, 'src', 'cli', 'check-scenarios.ts'), '--strict', 'tests/fixtures/checker/broken'], {
				cwd: ROOT,
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(result.error).toBeUndefined();
			expect(result.stdout).toContain('2 files checked: 2 errors, 1 warning');
			expect(result.status).toBe(1);
		} finally {
			unlinkSync(link);
			rmdirSync(dir);
		}
	}, 60_000);
});

describe('--hints on reply order', () => {
	it('says per playable file at how many decisions the best reply is written first', () => {
		const { out } = run('--hints', `${FIXTURES}/clean`);
		const summaries = out.map((line, i) => [line, out[i + 1]] as const).filter(([line]) => SUMMARY.test(line));
		expect(summaries).toHaveLength(2);
		for (const [, next] of summaries) {
			expect(next).toMatch(/^ {2}order hint: the best reply is written first at \d+ of \d+ decisions?; the player shuffles them for every attempt\.$/);
		}
		expect(run(`${FIXTURES}/clean`).out.some((line) => line.includes('order hint'))).toBe(false);
	});

	it('warns when decisions with the best reply first keep the written order', () => {
		expect(orderHint({ decisions: 4, bestFirst: 3, bestFirstKept: 2 })).toBe(
			'the best reply is written first at 3 of 4 decisions; 2 of those keep the written order in play (`Order: as written` or `shuffle: false`), so a trainee who always picks the first reply does well there.'
		);
		expect(orderHint({ decisions: 0, bestFirst: 0, bestFirstKept: 0 })).toMatch(/^no decision has replies of different value/);
	});
});

describe('checks (golden paths)', () => {
	const file = 'tests/fixtures/diagnostics/check-failed.md';

	it('prints a failing check like any diagnostic, at its expectation, and fails only with --strict', () => {
		const expectation = position(file, 'ownership <= 50');
		const line = `${file}:${expectation.line}:${expectation.column}: warning check-failed Check "Best path": ownership is 100, expected <= 50.`;
		const plain = run(file);
		expect(plain.code).toBe(0);
		expect(diagnosticsOf(plain.out)).toEqual([line]);
		const strict = run('--strict', file);
		expect(strict.code).toBe(1);
		expect(diagnosticsOf(strict.out)).toEqual([line]);
		expect(strict.out[strict.out.length - 1]).toBe('1 file checked: 0 errors, 1 warning (strict: warnings fail). Add --hints to see how to fix each.');
	});

	it('--hints says per file how many checks passed, naming the failing ones', () => {
		const { out } = run('--hints', file);
		const summary = out.findIndex((l) => l.startsWith(`${file}: `));
		expect(out[summary + 1]).toMatch(/^ {2}order hint: /);
		expect(out[summary + 2]).toBe(`  checks: 0 of 1 passed; failing: "Best path" (line ${position(file, '<!-- check').line}).`);
		expect(run(file).out.some((l) => l.includes('checks:'))).toBe(false);
	});

	it('--hints on the library: the files with checks pass them all, the rest have none', () => {
		const { code, out } = run('--strict', '--hints', 'scenarios');
		expect(code).toBe(0);
		const lines = out.filter((l) => l.startsWith('  checks: '));
		expect(lines).toHaveLength(out.filter((l) => SUMMARY.test(l)).length);
		const passing = lines.filter((l) => /^ {2}checks: (\d+) of \1 passed\.$/.test(l));
		expect(passing.length).toBeGreaterThanOrEqual(3);
		expect([...passing, ...lines.filter((l) => l === '  checks: none.')]).toHaveLength(lines.length);
	});

	it('says when a file\'s checks could not run because it has errors', () => {
		expect(checksHint([])).toBe('none.');
		const notRun = { name: 'Best path', line: 30, endLine: 34, status: 'not-run' as const, path: [], expectations: [], problems: [] };
		expect(checksHint([notRun, { ...notRun, name: 'Worst path' }])).toBe('2 not run, because the file has errors.');
		const passed = { ...notRun, status: 'passed' as const };
		expect(checksHint([passed, { ...passed, name: 'Mixed', line: 40, status: 'failed' as const }])).toBe('1 of 2 passed; failing: "Mixed" (line 40).');
	});
});
