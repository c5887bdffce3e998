/**
 * Which nodes a trainee can get to, and from which an ending can still be reached, over links as indices
 * (`edges[from]` lists the nodes `from` links to; conditions ignored). Node 0 is the start; a node is an
 * ending when `isEnding(i)`. The linter and the path analysis both count reachability this one way.
 */
export function reachability(edges: number[][], isEnding: (node: number) => boolean): { reached: Uint8Array; canEnd: Uint8Array } {
	const count = edges.length;
	const reached = new Uint8Array(count);
	if (count > 0) {
		const stack = [0];
		reached[0] = 1;
		while (stack.length > 0) {
			for (const next of edges[stack.pop()!]) {
				if (!reached[next]) {
					reached[next] = 1;
					stack.push(next);
				}
			}
		}
	}

	// Can reach an ending: walk the reversed graph from every ending.
	const incoming: number[][] = edges.map(() => []);
	edges.forEach((targets, from) => targets.forEach((to) => incoming[to].push(from)));
	const canEnd = new Uint8Array(count);
	const stack: number[] = [];
	for (let i = 0; i < count; i++) {
		if (isEnding(i)) {
			canEnd[i] = 1;
			stack.push(i);
		}
	}
	while (stack.length > 0) {
		for (const previous of incoming[stack.pop()!]) {
			if (!canEnd[previous]) {
				canEnd[previous] = 1;
				stack.push(previous);
			}
		}
	}
	return { reached, canEnd };
}
