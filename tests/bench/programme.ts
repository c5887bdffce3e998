/**
 * The progress dashboard's pure work on a long history, for `npm run bench`:
 * everything the home screen and /progress compute from a learner's attempts
 * (dashboard summary, both shipped programmes' progress, the practise-today
 * list), at 10 and at 10,000 attempts. Storage (the indexed Dexie query) is
 * measured apart; this is the part computed once per page open.
 *   import { programmeBench } from './programme.ts'; programmeBench();
 *   npx tsx tests/bench/programme.ts
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	analyseScenario,
	csatFromMood,
	DAY_MS,
	dimensionEmphasis,
	npsFromMood,
	outcomeFromMood,
	parseProgramme,
	parseScenario,
	practiseToday,
	programmeProgress,
	summariseAttempts,
	type Dimension,
	type Programme,
	type ScoredAttempt
} from '../../src/lib/core/index.ts';
import { seededRandom } from '../../src/lib/core/random.ts';

const NOW = Date.UTC(2027, 5, 1, 12);

/** `count` attempts over the last three years at the given scenarios: mostly completed, some unfinished or abandoned, scores spread 20–100. */
export function generateAttempts(count: number, scenarioIds: string[], seed = 1): ScoredAttempt[] {
	const random = seededRandom(seed, 'attempts');
	const span = 3 * 365 * DAY_MS;
	return Array.from({ length: count }, (_, i) => {
		const startedAt = NOW - span + Math.floor((span * i) / count) + Math.floor(random() * 1000);
		const roll = random();
		const scenarioId = scenarioIds[Math.floor(random() * scenarioIds.length)];
		if (roll < 0.05) return { id: `b${i}`, scenarioId, status: 'abandoned', startedAt, updatedAt: startedAt + 120_000 };
		if (roll < 0.08) return { id: `b${i}`, scenarioId, status: 'in-progress', startedAt, updatedAt: startedAt + 60_000 };
		const mood = Math.floor(random() * 101);
		const score = () => (random() < 0.1 ? null : 20 + Math.floor(random() * 81));
		return {
			id: `b${i}`,
			scenarioId,
			status: 'completed',
			startedAt,
			updatedAt: startedAt + 400_000,
			completedAt: startedAt + 400_000,
			score: {
				dimensions: { empathy: { score: score() }, flexibility: { score: score() }, ownership: { score: score() } },
				outcome: outcomeFromMood(mood),
				csat: csatFromMood(mood),
				nps: npsFromMood(mood)
			}
		};
	});
}

/** The first run's milliseconds (code not yet optimised: what a page open pays), then the median of `runs` more. */
function measure(run: () => void, runs: number): { firstMs: number; medianMs: number } {
	let start = performance.now();
	run();
	const firstMs = performance.now() - start;
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { firstMs, medianMs: times[Math.floor(times.length / 2)] };
}

export interface ProgrammeBenchRow {
	attempts: number;
	/** Summary, both programmes' progress and practise today (what a page open computes): the first call, and the median after. */
	firstMs: number;
	medianMs: number;
	/** summariseAttempts alone, median. */
	summaryMs: number;
}

/** Runs the benchmark, prints one line per size and returns the figures. */
export function programmeBench(sizes: number[] = [10, 10_000], log: (line: string) => void = console.log): ProgrammeBenchRow[] {
	const ids = readdirSync('scenarios')
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name) => name.slice(0, -3));
	const emphasis = new Map<string, Record<Dimension, number>>(
		ids.map((id) => [id, dimensionEmphasis(analyseScenario(parseScenario(readFileSync(join('scenarios', `${id}.md`), 'utf8')).scenario!))])
	);
	const programmes: { id: string; programme: Programme }[] = ['new-hire-boot-camp', 'annual-refresher'].map((id) => ({
		id,
		programme: parseProgramme(readFileSync(join('scenarios', 'programs', `${id}.md`), 'utf8'), ids).programme!
	}));
	const rows: ProgrammeBenchRow[] = [];
	for (const size of sizes) {
		const attempts = generateAttempts(size, ids);
		const enrolledAt = NOW - 3 * 365 * DAY_MS;
		const pageOpen = () => {
			const summary = summariseAttempts(attempts, NOW);
			const enrolled = programmes.map(({ id, programme }) => ({
				programmeId: id,
				programme,
				progress: programmeProgress(programme, attempts, { enrolledAt, now: NOW, emphasis })
			}));
			return practiseToday({ now: NOW, enrolled, summary, emphasis });
		};
		const runs = size > 1000 ? 51 : 501;
		const { firstMs, medianMs } = measure(pageOpen, runs);
		const summaryMs = measure(() => summariseAttempts(attempts, NOW), runs).medianMs;
		rows.push({ attempts: size, firstMs, medianMs, summaryMs });
		log(
			`progress dashboard, ${size.toLocaleString('en')} attempts: summary + both programmes + practise today ` +
				`${firstMs.toFixed(2)} ms on the first call, ${medianMs.toFixed(2)} ms median of ${runs} more (summary alone ${summaryMs.toFixed(2)} ms)`
		);
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

if (isScript()) programmeBench();
