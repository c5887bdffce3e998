/**
 * npm run bench: parse + lint + analyse speed, memory, reply scoring speed,
 * then page weight at 15 and 200 scenarios and Lighthouse scores (pages.ts),
 * then opening the progress dashboard at 10 and 10,000 attempts in Chromium (dashboard.ts),
 * then the studio editor in Chromium (editor.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { gzipSync } from 'node:zlib';
import { analyseScenario, parseScenario, type scoreReply } from '../../src/lib/core/index.ts';
import { generateScenario } from './generate.ts';
import { dashboardBench } from './dashboard.ts';
import { editorBench } from './editor.ts';
import { pageBench } from './pages.ts';
import { programmeBench } from './programme.ts';

/** Run in a fresh node: load the bundled core, then time the player's warm-up reply and the first real one. */
const FIRST_REPLY = `
const start = performance.now();
const { scoreReply } = await import(process.argv[1]);
const loaded = performance.now();
scoreReply("I'm so sorry, Sam. I can't refund it, but I'll send a replacement today.", { customer: 'Sam Lee', customerLine: 'Can you help?' });
const warm = performance.now();
scoreReply('Thanks for waiting, Ana. I have moved your booking to Friday and emailed the new time.', { customer: 'Ana Silva', customerLine: 'Can I move it?' });
const next = performance.now() - warm;
console.log('loading the chunk ' + Math.round(loaded - start) + ' ms, scoring its first reply ' + Math.round(warm - loaded) + ' ms (compiling the patterns), the next ' + next.toFixed(1) + ' ms');
`;

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Mean milliseconds per run (garbage collection included), over as many runs as fit in `minimumMs`, at least 5. */
function time(run: () => void, minimumMs = 300): number {
	run(); // warm up
	let runs = 0;
	const start = performance.now();
	while (runs < 5 || performance.now() - start < minimumMs) {
		run();
		runs++;
	}
	return (performance.now() - start) / runs;
}

function parseLintAnalyse(source: string) {
	const { scenario, diagnostics } = parseScenario(source);
	if (!scenario || diagnostics.length > 0) throw new Error(`not clean: ${diagnostics[0]?.code} ${diagnostics[0]?.message}`);
	analyseScenario(scenario);
	return scenario;
}

console.log('Service Drill benchmark (node ' + process.version + ')\n');

// Memory first, while the heap holds nothing else.
if (gc) {
	const source = generateScenario(1000);
	const settle = () => {
		for (let i = 0; i < 5; i++) gc();
		return process.memoryUsage().heapUsed;
	};
	const before = settle();
	const kept = parseLintAnalyse(source);
	const after = settle();
	console.log(`retained heap for a parsed 1,000-node scenario: ${mb(after - before).toFixed(2)} MB (${kept.nodes.length} nodes kept)`);
} else {
	console.log('retained heap: run with node --expose-gc (npm run bench does) to measure');
}


const files = readdirSync('scenarios').filter((f) => f.endsWith('.md') && f !== 'README.md');
const library = files.map((f) => readFileSync(join('scenarios', f), 'utf8'));
const libraryBytes = library.reduce((sum, s) => sum + Buffer.byteLength(s), 0);
const libraryMs = time(() => library.forEach(parseLintAnalyse), 1500);
console.log(
	`bundled library: ${files.length} files, ${(libraryBytes / 1024).toFixed(0)} KB: ${libraryMs.toFixed(2)} ms for all, ` +
		`${(mb(libraryBytes) / (libraryMs / 1000)).toFixed(1)} MB/s`
);

const rows: { nodes: number; ms: number }[] = [];
for (const nodes of [1000, 10000]) {
	const source = generateScenario(nodes);
	const bytes = Buffer.byteLength(source);
	const ms = time(() => parseLintAnalyse(source), nodes > 5000 ? 3000 : 1500);
	rows.push({ nodes, ms });
	console.log(
		`generated ${nodes} nodes (${mb(bytes).toFixed(2)} MB): parse + lint + analyse ${ms.toFixed(1)} ms, ` +
			`${Math.round(nodes / (ms / 1000)).toLocaleString('en')} nodes/s, ${(mb(bytes) / (ms / 1000)).toFixed(1)} MB/s`
	);
}
console.log(`linearity: 10,000 nodes took ${(rows[1].ms / rows[0].ms).toFixed(1)}× the time of 1,000 (10× is linear)`);

await rubricBench();

/**
 * The reply rubric as it ships: src/lib/core bundled by rolldown (Vite's bundler), not read through tsx, whose
 * loader wraps every function in a naming helper that costs about a tenth of the rate. Three figures: the first
 * reply after the chunk loads, in a fresh process (V8 compiles each rule's pattern on its first use, and the
 * player does this while the trainee types); the first second; and the steady rate, the median of five
 * one-second windows after four seconds of scoring (this machine is shared, so one window can be far off).
 */
async function rubricBench() {
	const dir = mkdtempSync(join(tmpdir(), 'drill-rubric-'));
	const file = join(dir, 'core.mjs');
	try {
		await build({ input: 'src/lib/core/index.ts', output: { file, format: 'esm' }, logLevel: 'silent' });
		const first = execFileSync(process.execPath, ['--input-type=module', '-e', FIRST_REPLY, pathToFileURL(file).href], { encoding: 'utf8' });
		const { scoreReply: score }: { scoreReply: typeof scoreReply } = await import(pathToFileURL(file).href);
		const replies: { reply: string; context: Parameters<typeof scoreReply>[1] }[] = JSON.parse(
			readFileSync('tests/fixtures/replies/labelled.json', 'utf8')
		);
		// Wall time counts whatever else the machine runs; this process's CPU time is the rubric's own cost.
		const rate = (ms: number) => {
			const cpuBefore = process.cpuUsage();
			const start = performance.now();
			let passes = 0;
			while (passes < 3 || performance.now() - start < ms) {
				replies.forEach((r) => score(r.reply, r.context));
				passes++;
			}
			const cpu = process.cpuUsage(cpuBefore);
			const scored = passes * replies.length;
			return { wall: scored / ((performance.now() - start) / 1000), cpu: scored / ((cpu.user + cpu.system) / 1e6) };
		};
		const cold = rate(1000);
		rate(3000);
		const windows = Array.from({ length: 5 }, () => rate(1000));
		const median = (values: number[]) => values.sort((a, b) => a - b)[2];
		const perSecond = (n: number) => Math.round(n).toLocaleString('en');
		const walls = windows.map((w) => w.wall);
		console.log(
			`reply rubric: ${perSecond(median(walls))} replies per second of wall time (five 1 s windows: ${perSecond(Math.min(...walls))}-${perSecond(Math.max(...walls))}), ` +
				`${perSecond(median(windows.map((w) => w.cpu)))} per second of CPU, steady (${replies.length} labelled replies, after 4 s of scoring); ` +
				`the first second, cold: ${perSecond(cold.wall)} wall, ${perSecond(cold.cpu)} CPU; ${first.trim()}`
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

programmeBench();
await pageBench();
await dashboardBench();
await editorBench();
