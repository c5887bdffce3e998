/**
 * A generated conversation for measuring the map, shaped like an authored one:
 * `nodes` nodes in about 1.8 × √nodes rounds (one node in the first, more in
 * the middle, endings in the last), two to four replies each, most to the next
 * round, some skipping one, about one in ten looping back up to three rounds,
 * a few early endings, effects on every reply. Seeded: every run lays out the
 * same graph.
 */
export function conversation(nodes: number, seed = 7): string {
	let state = seed >>> 0;
	const random = () => {
		// mulberry32
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const pick = (n: number) => Math.floor(random() * n);
	const signed = (n: number) => (n >= 0 ? `+${n}` : `${n}`);

	const rounds = Math.max(3, Math.round(1.8 * Math.sqrt(nodes)));
	// Round sizes: 1, then the rest spread with a bulge in the middle.
	const weights = Array.from({ length: rounds - 1 }, (_, r) => 1 + Math.sin((Math.PI * (r + 1)) / rounds));
	const total = weights.reduce((a, b) => a + b, 0);
	const sizes = [1, ...weights.map((w) => Math.max(1, Math.round(((nodes - 1) * w) / total)))];
	let excess = sizes.reduce((a, b) => a + b, 0) - nodes;
	for (let r = sizes.length - 1; excess !== 0; r = r > 1 ? r - 1 : sizes.length - 1) {
		if (excess > 0 && sizes[r] > 1) (sizes[r]--, excess--);
		else if (excess < 0) (sizes[r]++, excess++);
	}
	const round: number[][] = [];
	let next = 0;
	for (const size of sizes) round.push(Array.from({ length: size }, () => next++));

	const topics = ['the refund', 'a late delivery', 'the wrong size', 'a second charge', 'the manager', 'a broken part', 'the warranty'];
	const title = (i: number) => `Step ${i}: ${topics[i % topics.length]}${i % 3 === 0 ? ' and what Pat wants next' : ''}`;
	const id = (i: number) => title(i).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
	const out = ['---', `title: Conversation ${nodes}`, 'customer: Pat Example', 'summary: A generated conversation.', 'mood: 50', '---', ''];
	round.forEach((members, r) => {
		for (const i of members) {
			out.push(`## ${title(i)}`, '', `> **Pat:** "About ${topics[i % topics.length]}: this is step ${i}."`, '');
			if (r === rounds - 1 || (r >= 2 && random() < 0.08)) {
				out.push(`Outcome: ${['resolved', 'retained', 'escalated', 'lost'][i % 4]}`, '');
				continue;
			}
			const replies = 2 + pick(3);
			for (let k = 0; k < replies; k++) {
				const roll = random();
				const to = roll < 0.1 && r > 0 ? Math.max(0, r - 1 - pick(3)) : roll < 0.2 ? Math.min(rounds - 1, r + 2) : r + 1;
				const target = round[to][pick(round[to].length)];
				const effects = [`empathy ${signed(pick(7) - 3)}`, `ownership ${signed(pick(7) - 3)}`, `mood ${signed((pick(9) - 4) * 5)}`];
				if (random() < 0.4) effects.splice(1, 0, `flexibility ${signed(pick(5) - 2)}`);
				out.push(`- [Reply ${k + 1} at step ${i}](#${id(target)}) ${effects.join(', ')}`, `  > Why reply ${k + 1} helps or hurts.`);
			}
			out.push('');
		}
	});
	return out.join('\n');
}
