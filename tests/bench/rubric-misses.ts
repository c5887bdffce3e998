/**
 * Where the rubric disagrees with a labelled set, reply by reply:
 *   npm run rubric:misses -- [file.json] [empathy|flexibility|ownership|none]
 */
import { readFileSync } from 'node:fs';
import { DIMENSIONS, scoreReply } from '../../src/lib/core/index.ts';
const items = JSON.parse(readFileSync('tests/fixtures/replies/' + (process.argv[2] ?? 'labelled.json'), 'utf8'));
const SIGN = (v: number) => (v > 0 ? '+' : v < 0 ? '-' : '0');
const only = process.argv[3];
for (const d of DIMENSIONS) {
	let agree = 0; const misses: string[] = [];
	for (const item of items) {
		const a = scoreReply(item.reply, item.context);
		if (SIGN(a[d]) === item.expected[d]) agree++;
		else misses.push(`  ${item.id} want ${item.expected[d]} got ${SIGN(a[d])} [${a.evidence.filter(e=>e.dimension===d).map(e=>`${e.weight}:${e.phrase}`).join(' | ')}] ${item.reply.slice(0, 140)} ${item.context.customerLine ? '<<Q: ' + item.context.customerLine.slice(-80) : ''} ## ${item.note ?? ''}`);
	}
	console.log(`${d}: ${agree}/${items.length} ${(100 * agree / items.length).toFixed(1)}%`);
	if (!only || only === d) console.log(misses.join('\n'));
}
