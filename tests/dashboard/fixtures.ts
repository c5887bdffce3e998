import { DAY_MS, type NpsClass, type Outcome, type Programme, type ScoredAttempt } from '$lib/core';

/** The fake clock starts here: Saturday 10 January 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 0, 10, 9);
export const day = (n: number) => T0 + n * DAY_MS;
export const MINUTE = 60_000;

let serial = 0;

/** A completed attempt with these scores (empathy, flexibility, ownership; null: not assessed). */
export function completed(
	scenarioId: string,
	completedAt: number,
	scores: [number | null, number | null, number | null],
	result: { csat?: number; nps?: NpsClass; outcome?: Outcome | null; minutes?: number; id?: string } = {}
): ScoredAttempt {
	const [empathy, flexibility, ownership] = scores;
	return {
		id: result.id ?? `a${String(++serial).padStart(6, '0')}`,
		scenarioId,
		status: 'completed',
		startedAt: completedAt - (result.minutes ?? 6) * MINUTE,
		updatedAt: completedAt,
		completedAt,
		score: {
			dimensions: { empathy: { score: empathy }, flexibility: { score: flexibility }, ownership: { score: ownership } },
			outcome: result.outcome === undefined ? 'resolved' : result.outcome,
			csat: result.csat ?? 4,
			nps: result.nps ?? 'passive'
		}
	};
}

export function makeProgramme(title: string, audience: Programme['audience'], ids: string[]): Programme {
	return {
		title,
		summary: '',
		audience,
		passMark: { empathy: 70, flexibility: 70, ownership: 70 },
		renewal: audience === 'refresher' ? { amount: 12, unit: 'months' } : null,
		description: '',
		steps: ids.map((scenarioId, i) => ({ scenarioId, label: scenarioId, notes: '', line: i + 6 }))
	};
}
