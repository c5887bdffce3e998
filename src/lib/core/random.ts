/**
 * A small seeded generator (mulberry32) for per-attempt reply orders: the
 * same seed and salt give the same numbers on every device and every reload.
 */
export function seededRandom(seed: number, salt: string): () => number {
	// FNV-1a over the salt, mixed with the seed, so each node of one run gets its own stream.
	let state = (seed ^ 0x811c9dc5) >>> 0;
	for (let i = 0; i < salt.length; i++) state = Math.imul(state ^ salt.charCodeAt(i), 16777619) >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher–Yates, in place. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
	return items;
}
