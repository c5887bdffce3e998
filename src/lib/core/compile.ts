import { hashSource } from './hash.ts';
import { parseScenario } from './parse.ts';
import { RECORD_VERSION, type MarkdownRenderer, type RenderedText, type ScenarioRecord } from './record.ts';
import { splitSegments } from './segments.ts';
import type { Scenario } from './types.ts';

/**
 * Compiles a scenario's Markdown source into its record: parsed, checked,
 * hashed and, given a renderer, with every piece of Markdown it shows turned
 * into safe HTML. The build uses it for the bundled files, the studio for
 * authored ones.
 * @example compileScenario('the-third-call', source, createMarkdownRenderer(window))
 */
export function compileScenario(id: string, source: string, renderer?: MarkdownRenderer): ScenarioRecord {
	const { scenario, diagnostics } = parseScenario(source);
	const record: ScenarioRecord = { recordVersion: RECORD_VERSION, id, hash: hashSource(source), scenario, diagnostics };
	if (scenario && renderer) record.html = renderText(scenario, renderer);
	return record;
}

/** Every piece of Markdown the player and the debrief show for a scenario, block or inline. */
export function markdownPieces(scenario: Scenario): { block: Set<string>; inline: Set<string> } {
	const block = new Set<string>();
	const inline = new Set<string>();
	if (scenario.meta.briefing) block.add(scenario.meta.briefing);
	if (scenario.meta.policy) block.add(scenario.meta.policy);
	for (const node of scenario.nodes) {
		for (const segment of splitSegments(node.body)) block.add(segment.markdown);
		for (const choice of node.choices) {
			inline.add(choice.text);
			if (choice.feedback) block.add(choice.feedback);
		}
	}
	return { block, inline };
}

export function renderText(scenario: Scenario, renderer: MarkdownRenderer): RenderedText {
	const pieces = markdownPieces(scenario);
	// No prototype: a piece of Markdown reading `__proto__` or `constructor` is just another key.
	const html: RenderedText = { block: Object.create(null), inline: Object.create(null) };
	for (const source of pieces.block) html.block[source] = renderer.block(source);
	for (const source of pieces.inline) html.inline[source] = renderer.inline(source);
	return html;
}
