import type { Outcome } from '$lib/core/types';
import type { MapNode } from './graph.ts';

/** How the studio names outcomes. */
export const OUTCOME_LABEL: Record<Outcome, string> = { resolved: 'Resolved', retained: 'Retained', escalated: 'Escalated', lost: 'Lost' };

/** "a", "a or b", "a, b or c". */
export function orList(words: string[]): string {
	return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** What a node is, in a few words: "Start · 3 replies", "Ending · Lost", "Ending by mood: Retained or Lost · Unreachable". */
export function nodeSummary(node: MapNode): string {
	const parts: string[] = [];
	if (node.kind === 'missing') return 'Missing: no such node';
	if (node.start) parts.push('Start');
	if (node.kind === 'ending') {
		if (node.outcome) parts.push(`Ending · ${OUTCOME_LABEL[node.outcome]}`);
		else parts.push(node.moodOutcomes.length > 0 ? `Ending by mood: ${orList(node.moodOutcomes.map((o) => OUTCOME_LABEL[o]))}` : 'Ending by mood');
	} else {
		parts.push(node.replies === 1 ? '1 reply' : `${node.replies} replies`);
	}
	if (node.unreachable) parts.push('Unreachable');
	if (node.trap) parts.push('Trap');
	return parts.join(' · ');
}
