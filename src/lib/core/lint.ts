import { closest, type DiagnosticList } from './diagnostics.ts';
import type { LinkSite } from './parse.ts';
import { slugify } from './slug.ts';
import { DIMENSIONS, type Condition, type DiagnosticCode, type ScenarioNode } from './types.ts';
import { reachability } from './graph.ts';

const EFFECT_ERRORS = new Set<DiagnosticCode>(['unknown-effect', 'bad-effect-value', 'value-out-of-range', 'duplicate-effect', 'bad-cue']);

/** "Did you mean" is worked out for this many broken links at most, so a hostile file stays fast. */
const SUGGESTION_BUDGET = 50;

/**
 * Checks a scenario's graph and content once its nodes are read: broken
 * links, traps, unreachable nodes, missing feedback, untested dimensions,
 * nodes whose conditions may leave no reply. Returns the links that lead to no node.
 */
export function lintScenario(nodes: ScenarioNode[], links: LinkSite[], diagnostics: DiagnosticList): LinkSite[] {
	const broken: LinkSite[] = [];
	const index = new Map<string, number>();
	nodes.forEach((node, i) => index.set(node.id, i));

	let suggestions = 0;
	const edges: number[][] = nodes.map(() => []);
	const nodeIndex = new Map<ScenarioNode, number>();
	nodes.forEach((node, i) => nodeIndex.set(node, i));
	for (const link of links) {
		const target = index.get(link.choice.target);
		if (target !== undefined && !link.missingHash) {
			edges[nodeIndex.get(link.node)!].push(target);
			continue;
		}
		broken.push(link);
		// When the intended node is certain, count the link in the graph, so the error is not echoed as a trap or an unreachable node.
		const asSlug = slugify(link.choice.target);
		const meant = index.get(asSlug);
		if (meant !== undefined) edges[nodeIndex.get(link.node)!].push(meant);
		if (link.missingHash) {
			diagnostics.error(
				'broken-link',
				link.line,
				link.column,
				`This reply links to \`${link.choice.target}\` without the \`#\` that makes it a link to a node.`,
				`Write \`(#${asSlug})\`.`,
				link.length
			);
			continue;
		}
		// "#A fresh start" for "#a-fresh-start": the heading's text instead of its id.
		const suggestion = index.has(asSlug)
			? asSlug
			: suggestions++ < SUGGESTION_BUDGET
				? closest(link.choice.target, index.keys(), 2000)
				: undefined;
		diagnostics.error(
			'broken-link',
			link.line,
			link.column,
			link.choice.target === ''
				? 'This reply links to `#` with no node id.'
				: `This reply links to \`#${link.choice.target}\`, but no heading makes that id.`,
			suggestion
				? `Did you mean \`#${suggestion}\`? A node id is its heading in lower case, punctuation dropped, spaces as -.`
				: 'Add a `##` heading for it, or link to an existing node: its id is the heading in lower case, punctuation dropped, spaces as -.',
			link.length
		);
	}

	const { reached, canEnd } = reachability(edges, (i) => nodes[i].choices.length === 0);

	nodes.forEach((node, i) => {
		if (!canEnd[i]) {
			diagnostics.error(
				'trap',
				node.line,
				1,
				`No ending can be reached from \`${node.id}\`: the trainee would go round in circles.`,
				'Give one of its replies (or a reply further on) a link to an ending, a node without replies.'
			);
		}
		if (!reached[i]) {
			diagnostics.warning(
				'unreachable',
				node.line,
				1,
				`No reply leads to \`${node.id}\`, so no trainee will see it.`,
				`Link to it with \`[reply](#${node.id})\` from another node, or delete it.`
			);
		}
		for (const choice of node.choices) {
			if (!choice.free && choice.feedback === '') {
				diagnostics.warning(
					'missing-feedback',
					choice.line,
					1,
					'This reply has no coaching feedback.',
					'Add a line under it, indented, starting with `> `, that says in a sentence or two why this reply helps or hurts.'
				);
			}
		}
		checkStall(node, diagnostics);
		checkFreeFallback(node, diagnostics);
	});

	const hasFree = nodes.some((node) => node.choices.some((choice) => choice.free));
	// An effect the parser could not read would make this warning a false echo of that error.
	const unreadEffects = diagnostics.items.some((d) => EFFECT_ERRORS.has(d.code));
	for (const dimension of unreadEffects ? [] : DIMENSIONS) {
		const changed =
			hasFree ||
			nodes.some((node) =>
				node.choices.some((choice) => (choice.effects[dimension] ?? 0) !== 0 || choice.cues.some((cue) => cue.effects[dimension]))
			);
		if (!changed) {
			diagnostics.warning(
				'dimension-unused',
				1,
				1,
				`No reply changes ${dimension}, so this scenario cannot assess it.`,
				`Give some replies a \`${dimension} +N\` or \`${dimension} -N\` effect, so that choosing well on ${dimension} counts.`
			);
		}
	}
	return broken;
}

/** Integers where a condition holds, as inclusive ranges. */
function holdsOn(condition: Condition): [number, number][] {
	const { op, value } = condition;
	const low = -Infinity;
	const high = Infinity;
	switch (op) {
		case '<':
			return [[low, value - 1]];
		case '<=':
			return [[low, value]];
		case '>':
			return [[value + 1, high]];
		case '>=':
			return [[value, high]];
		case '==':
			return [[value, value]];
		case '!=':
			return [
				[low, value - 1],
				[value + 1, high]
			];
	}
}

/** Warns when every reply of a node may be hidden at once, leaving the trainee without a reply. */
function checkStall(node: ScenarioNode, diagnostics: DiagnosticList): void {
	if (node.choices.length === 0) return;
	const conditions: Condition[] = [];
	for (const choice of node.choices) {
		if (!choice.when || choice.when.scope !== 'run') return; // an unconditional reply is always there
		conditions.push(choice.when);
	}
	const subject = conditions[0].subject;
	if (conditions.every((condition) => condition.subject === subject)) {
		const [low, high] = subject === 'mood' ? [0, 100] : [-Infinity, Infinity];
		const ranges = conditions.flatMap(holdsOn).sort((a, b) => a[0] - b[0]);
		let covered = low - 1;
		for (const [from, to] of ranges) {
			if (from > covered + 1) break;
			covered = Math.max(covered, to);
		}
		if (covered >= high) return;
	}
	diagnostics.warning(
		'may-stall',
		node.line,
		1,
		`Every reply in \`${node.id}\` has a \`when\` condition, and there may be moments when none holds.`,
		'Leave one reply without a condition, or make the conditions cover every value (e.g. `mood < 50` and `mood >= 50`). If none holds, the player shows all replies.'
	);
}

function checkFreeFallback(node: ScenarioNode, diagnostics: DiagnosticList): void {
	const free = node.choices.filter((choice) => choice.free);
	if (free.length === 0 || free.some((choice) => choice.when?.scope !== 'reply')) return;
	const last = free[free.length - 1];
	diagnostics.warning(
		'free-no-fallback',
		last.line,
		1,
		'Every typed-reply branch here needs the reply to score in a range, so some replies match none.',
		'Add a last `free` reply without a `reply.` condition as the fallback. Until then, replies that match none take this last branch.'
	);
}
