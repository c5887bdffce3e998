import { literalLines } from './blocks.ts';
import type { ReplyContext } from './rubric.ts';
import type { Scenario } from './types.ts';

/** A piece of a node's body: narration, or a line spoken by someone (a chat bubble). */
export type Segment =
	| { kind: 'narration'; markdown: string }
	| { kind: 'speech'; speaker: string; markdown: string };

const SPEAKER = /^(?:\*\*([^*]{1,60}?):\*\*|\*\*([^*]{1,60}?)\*\*:)\s*/;

/**
 * Splits a node body into narration and spoken lines. A blockquote whose
 * first words are `**Name:**` is a line spoken by Name.
 * @example splitSegments('She sighs.\n\n> **Dana:** "Third time."') // narration, then Dana's line
 */
export function splitSegments(body: string): Segment[] {
	const lines = body.split('\n');
	const segments: Segment[] = [];
	let narration: string[] = [];
	const flushNarration = () => {
		const markdown = narration.join('\n').trim();
		if (markdown) segments.push({ kind: 'narration', markdown });
		narration = [];
	};
	// Inside code or an HTML comment a `>` is text, never a bubble.
	const literal = literalLines(lines);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		if (!literal[i] && /^ {0,3}>/.test(line)) {
			const quote: string[] = [];
			let j = i;
			while (j < lines.length && !literal[j] && /^ {0,3}>/.test(lines[j])) quote.push(lines[j++].replace(/^ {0,3}>[ \t]?/, ''));
			const speaker = SPEAKER.exec(quote[0]);
			if (speaker) {
				flushNarration();
				quote[0] = quote[0].slice(speaker[0].length);
				segments.push({ kind: 'speech', speaker: (speaker[1] ?? speaker[2]).trim(), markdown: quote.join('\n').trim() });
			} else {
				narration.push(...lines.slice(i, j));
			}
			i = j - 1;
			continue;
		}
		narration.push(line);
	}
	flushNarration();
	return segments;
}

/** True when a speaker label names the customer (full, first or last name). */
export function isCustomerSpeaker(speaker: string, customer: string): boolean {
	const name = speaker.trim().toLowerCase();
	const full = customer.trim().toLowerCase();
	if (name === full) return true;
	const parts = full.split(/\s+/).filter((part) => part.length > 1);
	return parts.includes(name) || (parts.length > 0 && name.endsWith(parts[parts.length - 1]));
}

/** The last thing the customer says in a body, as plain text; undefined when they say nothing. */
export function lastCustomerLine(body: string, customer: string): string | undefined {
	const speech = splitSegments(body).filter(
		(segment): segment is Extract<Segment, { kind: 'speech' }> => segment.kind === 'speech' && isCustomerSpeaker(segment.speaker, customer)
	);
	return speech.at(-1)?.markdown.replace(/[*_`]/g, '');
}

/**
 * What the rubric knows of the moment a reply is typed at `nodeId`: the
 * customer, the policy and the customer's last line there. Scoring a reply
 * (free-reply.ts) and disputing its score later (disputes.ts) read the same.
 */
export function replyContextAt(scenario: Scenario, nodeId: string): ReplyContext {
	const node = scenario.nodes.find((candidate) => candidate.id === nodeId);
	const context: ReplyContext = { customer: scenario.meta.customer };
	if (scenario.meta.policy !== undefined) context.policy = scenario.meta.policy;
	const customerLine = node ? lastCustomerLine(node.body, scenario.meta.customer) : undefined;
	if (customerLine !== undefined) context.customerLine = customerLine;
	return context;
}
