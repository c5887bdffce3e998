import { readFileSync } from 'node:fs';
import { scoreReply } from '../../src/lib/core/index.ts';
const [file, ...ids] = process.argv.slice(2);
const items = JSON.parse(readFileSync('tests/fixtures/replies/' + file, 'utf8'));
for (const item of items.filter((i: { id: string }) => ids.includes(i.id))) {
	const a = scoreReply(item.reply, item.context);
	console.log(item.id, item.expected, { e: a.empathy, f: a.flexibility, o: a.ownership }, item.reply);
	for (const e of a.evidence) console.log('   ', e.dimension, e.weight, JSON.stringify(e.phrase), e.reason.slice(0, 60));
	console.log('   notes', a.notes);
}
