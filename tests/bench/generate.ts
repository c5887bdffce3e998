/**
 * A generated scenario for benchmarks and stress tests: `nodes` nodes, 3
 * choices per node, 3 lines of narrative, effects on half the choices, one
 * node in ten an ending. It lints clean.
 */
export function generateScenario(nodes: number): string {
	const out: string[] = [
		'---',
		`title: Generated ${nodes}`,
		'customer: Pat Example',
		'summary: A generated scenario for benchmarks.',
		'difficulty: 2',
		'mood: 50',
		'---',
		'',
		'A generated briefing paragraph.',
		''
	];
	const effects = ['empathy +1, mood +5', 'flexibility -1', 'ownership +2, mood -5'];
	for (let i = 0; i < nodes; i++) {
		out.push(`## Node ${i}`, '');
		out.push(`The customer sighs and explains problem number ${i} in some detail, with the order number ready.`);
		out.push(`> **Pat:** "This is line ${i}. I have been waiting for a while and I would like an answer today."`);
		out.push('You check the account history and the notes from earlier calls before you reply.', '');
		const ending = i % 10 === 9 || i === nodes - 1;
		if (ending) {
			out.push(`Outcome: ${['resolved', 'retained', 'escalated', 'lost'][i % 4]}`, '');
			continue;
		}
		for (let c = 1; c <= 3; c++) {
			const target = Math.min(i + c, nodes - 1);
			const effect = (i + c) % 2 === 0 ? ` ${effects[(i + c) % 3]}` : '';
			out.push(`- [Reply ${c} to node ${i}, in the trainee's own words.](#node-${target})${effect}`);
			out.push(`  > Feedback for reply ${c}: why this helps or hurts.`);
		}
		out.push('');
	}
	return out.join('\n');
}
