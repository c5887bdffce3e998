/** The three scored dimensions of a reply. */
export const DIMENSIONS = ['empathy', 'flexibility', 'ownership'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a condition or an effect can refer to: a dimension or the customer's mood. */
export type Subject = Dimension | 'mood';
export const SUBJECTS: readonly Subject[] = [...DIMENSIONS, 'mood'];

/** A reply moves a dimension by a whole number in −3..+3 (authored or scored by the rubric), and the mood by −100..+100. */
export const DIMENSION_LIMIT = 3;
export const MOOD_LIMIT = 100;

/** A record with one value per dimension, e.g. `perDimension(() => 0)`. */
export function perDimension<T>(value: (dimension: Dimension) => T): Record<Dimension, T> {
	return { empathy: value('empathy'), flexibility: value('flexibility'), ownership: value('ownership') };
}

export const OUTCOMES = ['resolved', 'retained', 'escalated', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Signed changes a choice makes. A missing key means 0. */
export type Effects = Partial<Record<Subject, number>>;

export const COMPARATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * `when mood < 60`: hides a choice unless it holds.
 * `scope: 'run'` compares the running totals (and current mood);
 * `scope: 'reply'` compares the scores of the typed reply (free choices only).
 */
export interface Condition {
	scope: 'run' | 'reply';
	subject: Subject;
	op: Comparator;
	value: number;
}

/** A phrase list the author wants the free-text rubric to reward or penalise. */
export interface Cue {
	kind: 'look-for' | 'avoid';
	phrases: string[];
	effects: Effects;
	line: number;
}

export interface Choice {
	/** The trainee's reply as inline Markdown (the link text). */
	text: string;
	target: string;
	effects: Effects;
	/** The trainee types their own reply. */
	free: boolean;
	when?: Condition;
	/** Coaching feedback as Markdown; empty when the author gave none. */
	feedback: string;
	/** Free choices only: scenario-specific phrases for the rubric. */
	cues: Cue[];
	/** Free choices only: a strong reply shown in the debrief. */
	modelAnswer?: string;
	/** 1-based line of the list item in the file. */
	line: number;
}

export interface ScenarioNode {
	id: string;
	title: string;
	/** Markdown, without the heading, the choice list and the `Outcome:` line. */
	body: string;
	choices: Choice[];
	/** Endings only: the `Outcome:` line's outcome; absent when the outcome follows the final mood. */
	outcome?: Outcome;
	/** The node's `Order:` line, overriding the scenario's `shuffle` for its replies; absent when there is none. */
	order?: ReplyOrder;
	line: number;
}

/** How a decision's listed replies are shown: shuffled per attempt, or in the order the author wrote them. */
export type ReplyOrder = 'shuffled' | 'written';

export interface ScenarioMeta {
	title: string;
	customer: string;
	summary: string;
	difficulty: 1 | 2 | 3;
	minutes?: number;
	tags: string[];
	/** Starting mood, 0–100. */
	mood: number;
	/** Replies are shown in a per-attempt shuffled order (the default) unless `shuffle: false`. */
	shuffle: boolean;
	policy?: string;
	/** Markdown shown before the first node; may be empty. */
	briefing: string;
}

export interface Scenario {
	meta: ScenarioMeta;
	start: string;
	nodes: ScenarioNode[];
}

/**
 * What the parser could read of a file, errors or not: the nodes, replies and
 * links it found, with the links that lead nowhere marked. The editor, the
 * map and the analysis work from it; players only ever get a Scenario.
 */
export interface ScenarioDraft {
	/** Null while the front matter has errors. */
	meta: ScenarioMeta | null;
	/** The first node's id; null when the file has no node. */
	start: string | null;
	nodes: ScenarioNode[];
	/** Replies whose link leads to no node: the node's id and the reply's index in it. */
	broken: { node: string; choice: number }[];
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
	severity: Severity;
	code: DiagnosticCode;
	message: string;
	/** What the author can do about it. */
	hint: string;
	/** 1-based. */
	line: number;
	/** 1-based. */
	column: number;
	/** Where the mistake ends (exclusive, 1-based), when it is known: editors underline from column to here. */
	endLine?: number;
	endColumn?: number;
}

/** Every diagnostic the scenario and programme parsers and the linter can report; codes are stable (editors and CI match on them). */
export const DIAGNOSTIC_CODES = [
	'front-matter-missing',
	'front-matter-unclosed',
	'front-matter-yaml',
	'front-matter-field-missing',
	'front-matter-field-invalid',
	'front-matter-field-unknown',
	'file-too-large',
	'too-many-nodes',
	'no-nodes',
	'empty-heading',
	'duplicate-node',
	'broken-link',
	'unknown-effect',
	'bad-effect-value',
	'value-out-of-range',
	'duplicate-effect',
	'bad-when',
	'bad-cue',
	'bad-outcome',
	'bad-order',
	'order-without-choice',
	'outcome-on-choice-node',
	'reply-condition-on-fixed-choice',
	'effects-on-free-choice',
	'trap',
	'unreachable',
	'missing-feedback',
	'dimension-unused',
	'choices-not-last',
	'stray-list-item',
	'may-stall',
	'free-no-fallback',
	'bad-check',
	'check-reply-not-found',
	'check-reply-ambiguous',
	'check-reply-unavailable',
	'check-ends-early',
	'check-past-ending',
	'check-failed',
	// programmes (scenarios/programs/*.md)
	'bad-audience',
	'bad-pass-mark',
	'bad-renewal',
	'renewal-ignored',
	'no-steps',
	'unknown-scenario',
	'duplicate-step',
	'stray-step',
	'step-link-path'
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Typed replies are scored on their first this-many characters; the text box stops there too. */
export const MAX_REPLY_CHARS = 1500;
