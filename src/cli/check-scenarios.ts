/**
 * Checks scenario files with the same core the app uses.
 *   npm run check:scenarios [--strict] [--hints] [paths…]   (default: scenarios/)
 * One line per diagnostic, `path:line:column: severity code message` (a
 * failing check is one of them, at its line), then a summary per file; with
 * --hints, how to fix each, and per file the reply-order hint and how many
 * checks passed. Exit code 1 on any error (or warning, with --strict), 2 on bad usage.
 * Files in a folder called `programs` are programmes, checked against the scenario files one folder up.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyseScenario,
	parseProgramme,
	parseScenario,
	passMarkText,
	renewalText,
	type CheckResult,
	type Diagnostic,
	type ParseResult,
	type ProgrammeParseResult,
	type ScenarioAnalysis
} from '../lib/core/index.ts';
import { signed } from '../lib/labels.ts';

export interface CheckReport {
	lines: string[];
	errors: number;
	warnings: number;
	files: number;
}

const USAGE = 'usage: check-scenarios [--strict] [--hints] [file-or-folder …]';

/** Scenario files under `path` (as the user wrote it), read relative to `cwd`. */
function scenarioFiles(path: string, cwd: string): string[] {
	const stat = statSync(resolve(cwd, path));
	if (stat.isFile()) return [path];
	const found: string[] = [];
	for (const entry of readdirSync(resolve(cwd, path), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const full = join(path, entry.name);
		if (entry.isDirectory()) found.push(...scenarioFiles(full, cwd));
		else if (entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md') found.push(full);
	}
	return found;
}

function countsOf(diagnostics: Diagnostic[]): string {
	const errors = diagnostics.filter((d) => d.severity === 'error').length;
	const warnings = diagnostics.length - errors;
	return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** The summary line of one file, from its parse result. */
export function summarise(path: string, { scenario, diagnostics }: ParseResult): string {
	const counts = countsOf(diagnostics);
	if (!scenario) return `${path}: not playable (${counts})`;
	const a = analyseScenario(scenario);
	const outcomes = Object.entries(a.outcomes)
		.filter(([, n]) => n > 0)
		.map(([outcome, n]) => `${n} ${outcome === 'byMood' ? 'by mood' : outcome}`)
		.join(', ');
	const totals = Object.entries(a.totals)
		.map(([dimension, { best, worst }]) => `${dimension} ${signed(worst)}..${signed(best)}`)
		.join(', ');
	return (
		`${path}: ${a.nodes} nodes, ${a.endings} endings (${outcomes}), ` +
		`decisions shortest ${a.shortestDecisions} / longest ${a.longestDecisions}${a.cyclic ? ' (loops walked once)' : ''}; ` +
		`achievable totals ${totals}; ${counts}`
	);
}

/** A `.md` file directly in a folder called `programs` is a programme (`scenarios/programs/new-hire-boot-camp.md`). */
export function isProgrammeFile(path: string): boolean {
	return basename(dirname(resolve(path))) === 'programs';
}

/** The summary line of one programme: `boot camp, 8 steps, pass mark 70; 0 errors, 0 warnings`. */
export function summariseProgramme(path: string, { programme, diagnostics }: ProgrammeParseResult): string {
	const counts = countsOf(diagnostics);
	if (!programme) return `${path}: not usable (${counts})`;
	const steps = `${programme.steps.length} step${programme.steps.length === 1 ? '' : 's'}`;
	const renewal = programme.renewal ? `, renewal ${renewalText(programme.renewal)}` : '';
	return `${path}: ${programme.audience === 'boot-camp' ? 'boot camp' : 'refresher'}, ${steps}, pass mark ${passMarkText(programme.passMark)}${renewal}; ${counts}`;
}

/** The scenario ids a programme's steps may name: the `.md` files one folder up from its `programs` folder. */
function scenarioIdsFor(programmeFile: string, cache: Map<string, Set<string>>): Set<string> {
	const folder = dirname(dirname(programmeFile));
	let ids = cache.get(folder);
	if (!ids) {
		ids = new Set();
		try {
			for (const entry of readdirSync(folder, { withFileTypes: true })) {
				const name = entry.name.toLowerCase();
				if (entry.isFile() && name.endsWith('.md') && name !== 'readme.md') ids.add(entry.name.slice(0, -3));
			}
		} catch {
			// no folder above: every step is then reported as an unknown scenario
		}
		cache.set(folder, ids);
	}
	return ids;
}

/** What authors should know about where they put the best reply, even though the player shuffles. */
export function orderHint({ decisions, bestFirst, bestFirstKept }: ScenarioAnalysis['order']): string {
	if (decisions === 0) return 'no decision has replies of different value, so reply order cannot give anything away.';
	const shown =
		bestFirstKept === 0
			? 'the player shuffles them for every attempt'
			: `${bestFirstKept} of those keep the written order in play (\`Order: as written\` or \`shuffle: false\`), so a trainee who always picks the first reply does well there`;
	return `the best reply is written first at ${bestFirst} of ${decisions} decision${decisions === 1 ? '' : 's'}; ${shown}.`;
}

/** How a file's checks (golden paths) went, for `--hints`: failing ones are already listed as diagnostics at their lines. */
export function checksHint(checks: CheckResult[]): string {
	if (checks.length === 0) return 'none.';
	const run = checks.filter((check) => check.status !== 'not-run');
	if (run.length === 0) return `${checks.length} not run, because the file has errors.`;
	const passed = run.filter((check) => check.status === 'passed').length;
	const failed = run.filter((check) => check.status === 'failed').map((check) => `"${check.name}" (line ${check.line})`);
	return `${passed} of ${checks.length} passed${failed.length > 0 ? `; failing: ${failed.join(', ')}` : ''}.`;
}

/** Checks files and folders, read relative to `cwd` (and shown relative to it when given). */
export function checkPaths(paths: string[], options: { hints?: boolean; cwd?: string } = {}): CheckReport {
	const cwd = options.cwd ?? process.cwd();
	const report: CheckReport = { lines: [], errors: 0, warnings: 0, files: 0 };
	const scenarioIds = new Map<string, Set<string>>();
	for (const input of paths) {
		for (const file of scenarioFiles(input, cwd)) {
			// Inside the working folder, paths relative to it (what editors and CI annotate); elsewhere, as given.
			const inside = relative(cwd, resolve(cwd, file));
			const shown = options.cwd === undefined || inside.startsWith('..') || isAbsolute(inside) ? file : inside;
			let source: string;
			try {
				source = readFileSync(resolve(cwd, file), 'utf8');
			} catch (error) {
				report.lines.push(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
				report.errors++;
				report.files++;
				continue;
			}
			const full = resolve(cwd, file);
			const programme = isProgrammeFile(full) ? parseProgramme(source, scenarioIdsFor(full, scenarioIds)) : null;
			const parsed = programme ? null : parseScenario(source);
			const diagnostics = (programme ?? parsed)!.diagnostics;
			report.files++;
			for (const d of diagnostics) {
				report.lines.push(`${shown}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
				if (options.hints) report.lines.push(`  hint: ${d.hint}`);
				if (d.severity === 'error') report.errors++;
				else report.warnings++;
			}
			if (programme) {
				report.lines.push(summariseProgramme(shown, programme));
				continue;
			}
			report.lines.push(summarise(shown, parsed!));
			if (options.hints && parsed!.scenario) report.lines.push(`  order hint: ${orderHint(analyseScenario(parsed!.scenario).order)}`);
			if (options.hints) report.lines.push(`  checks: ${checksHint(parsed!.checks)}`);
		}
	}
	return report;
}

export function main(argv: string[], cwd = process.cwd()): number {
	const flags = argv.filter((arg) => arg.startsWith('--'));
	const unknown = flags.filter((flag) => flag !== '--strict' && flag !== '--hints');
	if (unknown.length > 0 || flags.includes('--help')) {
		console.error(unknown.length ? `unknown option ${unknown[0]}\n${USAGE}` : USAGE);
		return 2;
	}
	const paths = argv.filter((arg) => !arg.startsWith('--'));
	const targets = paths.length > 0 ? paths : ['scenarios'];
	for (const target of targets) {
		try {
			statSync(resolve(cwd, target));
		} catch {
			console.error(`check-scenarios: no such file or folder: ${target}`);
			return 2;
		}
	}
	const strict = flags.includes('--strict');
	const report = checkPaths(targets, { hints: flags.includes('--hints'), cwd });
	for (const line of report.lines) console.log(line);
	if (report.files === 0) {
		console.error(`check-scenarios: no .md scenario files in ${targets.join(', ')}`);
		return 2;
	}
	const failed = report.errors > 0 || (strict && report.warnings > 0);
	console.log(
		`${report.files} file${report.files === 1 ? '' : 's'} checked: ${report.errors} error${report.errors === 1 ? '' : 's'}, ` +
			`${report.warnings} warning${report.warnings === 1 ? '' : 's'}${strict ? ' (strict: warnings fail)' : ''}` +
			(report.errors + report.warnings > 0 && !flags.includes('--hints') ? '. Add --hints to see how to fix each.' : '')
	);
	return failed ? 1 : 0;
}

/** Run as a script (not imported): compare real paths, since a URL escapes spaces and the like and a path may go through a symlink. */
function isScript(): boolean {
	try {
		return process.argv[1] !== undefined && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1]);
	} catch {
		return false;
	}
}

if (isScript()) process.exitCode = main(process.argv.slice(2));
