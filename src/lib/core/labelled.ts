import type { ReplyContext } from './rubric.ts';
import type { Dimension } from './types.ts';

/*
 * The labelled-reply format of tests/fixtures/replies/*.json: what trainers
 * say a reply should score, by sign. The rubric's agreement is measured on it,
 * and disputes are exported in it.
 */

/** The sign a trainer expects on one dimension. */
export type ExpectedSign = '+' | '0' | '-';

/** One labelled reply. */
export interface LabelledReply {
	id: string;
	reply: string;
	context: ReplyContext;
	expected: Record<Dimension, ExpectedSign>;
	note?: string;
}

export const signOf = (value: number): ExpectedSign => (value > 0 ? '+' : value < 0 ? '-' : '0');
