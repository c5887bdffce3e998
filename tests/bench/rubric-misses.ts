/**
 * Where the rubric disagrees with a labelled set, reply by reply, against the panel's labels (the standard;
 * add --author for the set author's own signs):
 *   npm run rubric:misses -- [file.json] [empathy|flexibility|ownership|none] [--author]
 */
import { DIMENSIONS, scoreReply } from '../../src/lib/core/index.ts';
import { loadAuthorSets, loadSets } from './rubric-sets.ts';

const args = process.argv.slice(2).filter((a) => a !== '--author');
const file = args[0] ?? 'labelled.json';
const only = args[1];
const sets = process.argv.includes('--author') ? loadAuthorSets() : loadSets();
const set = sets.find((s) => s.name === file);
if (!set) throw new Error(`${file} is not one of the labelled sets: ${sets.map((s) => s.name).join(', ')}`);
const SIGN = (v: number) => (v > 0 ? '+' : v < 0 ? '-' : '0');
for (const d of DIMENSIONS) {
	let agree = 0;
	const misses: string[] = [];
	for (const item of set.items) {
		const a = scoreReply(item.reply, item.context);
		if (SIGN(a[d]) === item.expected[d]) agree++;
		else misses.push(`  ${item.id} want ${item.expected[d]} got ${SIGN(a[d])} [${a.evidence.filter((e) => e.dimension === d).map((e) => `${e.weight}:${e.phrase}`).join(' | ')}] ${item.reply.slice(0, 140)} ${item.context.customerLine ? '<<Q: ' + item.context.customerLine.slice(-80) : ''} ## ${item.note ?? ''}`);
	}
	console.log(`${d}: ${agree}/${set.items.length} ${((100 * agree) / set.items.length).toFixed(1)}%`);
	if (!only || only === d) console.log(misses.join('\n'));
}
