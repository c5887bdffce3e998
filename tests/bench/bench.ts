/**
 * npm run bench: parse + lint + analyse speed, memory, reply scoring speed,
 * then page weight at 15 and 200 scenarios and Lighthouse scores (pages.ts),
 * then opening the progress dashboard at 10 and 10,000 attempts in Chromium (dashboard.ts),
 * then the studio editor in Chromium (editor.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { analyseScenario, parseScenario, scoreReply } from '../../src/lib/core/index.ts';
import { generateScenario } from './generate.ts';
import { dashboardBench } from './dashboard.ts';
import { editorBench } from './editor.ts';
import { pageBench } from './pages.ts';
import { programmeBench } from './programme.ts';

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

const replies: { reply: string; context: Parameters<typeof scoreReply>[1] }[] = JSON.parse(
	readFileSync('tests/fixtures/replies/labelled.json', 'utf8')
);
// Wall time counts whatever else the machine runs; this process's CPU time is the rubric's own cost.
// Its regular expressions start interpreted and are compiled as they get used, so the first second is slower than
// the rest: both are reported, the first second as the cold figure and then, after three more seconds of scoring,
// the steady one.
function rubricRate(ms: number): { wall: number; cpu: number; passes: number } {
	const cpuBefore = process.cpuUsage();
	const start = performance.now();
	let passes = 0;
	while (passes < 5 || performance.now() - start < ms) {
		replies.forEach((r) => scoreReply(r.reply, r.context));
		passes++;
	}
	const cpu = process.cpuUsage(cpuBefore);
	const scored = passes * replies.length;
	return { wall: scored / ((performance.now() - start) / 1000), cpu: scored / ((cpu.user + cpu.system) / 1e6), passes };
}
const cold = rubricRate(1000);
rubricRate(3000);
const steady = rubricRate(2000);
const perSecond = (n: number) => Math.round(n).toLocaleString('en');
console.log(
	`reply rubric: ${perSecond(steady.wall)} replies per second of wall time, ${perSecond(steady.cpu)} per second of CPU, ` +
		`steady (${replies.length} labelled replies, ${steady.passes} passes in 2 s after 4 s of scoring); ` +
		`the first second, cold: ${perSecond(cold.wall)} wall, ${perSecond(cold.cpu)} CPU`
);

programmeBench();
await pageBench();
await dashboardBench();
await editorBench();
