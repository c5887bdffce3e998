// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { compileScenario, parseScenario, type MarkdownRenderer } from '$lib/core';
import { createMarkdownRenderer, renderInline as pageInline, renderMarkdown as pageMarkdown } from '$lib/markdown';

const PAYLOADS = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/security/xss-payloads.txt'), 'utf8')
	.split(/\r?\n/)
	.filter((line) => line.trim() !== '');

const FORBIDDEN_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'form', 'style', 'meta', 'base', 'link', 'svg', 'math'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href'];
/** Whitespace (including Unicode spaces and zero-width characters) and control characters. */
const INVISIBLE = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b-\u200f\u2028\u2029\u2060\ufeff]/g;

/** Everything that could run script in the rendered HTML, as readable problems (empty when safe). */
function dangers(html: string): string[] {
	const problems: string[] = [];
	// The page inserts the HTML with innerHTML ({@html}); DOMParser parses it the same way.
	const doc = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
	const elements = [...doc.querySelectorAll('*')];
	// Content of <template> elements is parsed into a separate fragment; look there too.
	for (const template of doc.querySelectorAll('template')) elements.push(...template.content.querySelectorAll('*'));
	for (const element of elements) {
		const tag = element.localName.toLowerCase();
		if (FORBIDDEN_ELEMENTS.includes(tag)) problems.push(`<${tag}> element`);
		for (const attribute of [...element.attributes]) {
			const name = attribute.name.toLowerCase();
			if (name.startsWith('on')) problems.push(`${name} attribute on <${tag}>`);
			if (!URL_ATTRIBUTES.includes(name)) continue;
			const value = attribute.value.trim().toLowerCase().replace(INVISIBLE, '');
			if (value.startsWith('javascript:') || value.startsWith('vbscript:')) {
				problems.push(`${name}="${attribute.value}" on <${tag}>`);
			} else if (value.startsWith('data:')) {
				const imageSource = tag === 'img' && name === 'src' && value.startsWith('data:image/');
				if (!imageSource) problems.push(`${name}="${attribute.value}" on <${tag}>`);
			}
		}
	}
	return problems;
}

/** The payload in every place a scenario can hold Markdown. */
function contexts(payload: string): [string, string][] {
	return [
		['alone', payload],
		['list item', `- ${payload}`],
		['blockquote', `> ${payload}`],
		['heading', `### ${payload}`],
		['choice feedback', `- [reply](#x)\n  > ${payload}`]
	];
}

describe('the dangers() check itself', () => {
	it('flags what it must flag', () => {
		expect(dangers('<script>alert(1)</script>')).not.toEqual([]);
		expect(dangers('<img src=x onerror=alert(1)>')).not.toEqual([]);
		expect(dangers('<a href=" JaVa\tScRiPt:alert(1)">x</a>')).not.toEqual([]);
		expect(dangers('<a href="&#x200B;javascript:alert(1)">x</a>')).not.toEqual([]);
		expect(dangers('<a href="data:text/html,x">x</a>')).not.toEqual([]);
		expect(dangers('<img src="data:text/html,x">')).not.toEqual([]);
		expect(dangers('<svg></svg>')).not.toEqual([]);
		expect(dangers('<math></math>')).not.toEqual([]);
		expect(dangers('<form action="/x"></form>')).not.toEqual([]);
	});

	it('lets ordinary HTML through', () => {
		expect(dangers('<p><a href="https://example.com">x</a> <img src="data:image/png;base64,AAAA" alt=""></p>')).toEqual([]);
		expect(dangers('<p><a href="#next">x</a></p>')).toEqual([]);
	});
});

/**
 * The same hostile-input tests for the two places the one renderer runs: in
 * the page (scenarios made on the device) and at build time, in jsdom, where
 * the bundled scenarios' HTML is prepared (src/lib/server/bundled.ts).
 */
const RENDERERS: [string, MarkdownRenderer][] = [
	['in the page', { block: pageMarkdown, inline: pageInline }],
	['at build time', createMarkdownRenderer(new JSDOM('').window as unknown as Parameters<typeof createMarkdownRenderer>[0])]
];

for (const [where, { block: renderMarkdown, inline: renderInline }] of RENDERERS) describe(`renderMarkdown and renderInline on hostile input, ${where}`, () => {
	it('reads the payload file', () => {
		expect(PAYLOADS.length).toBeGreaterThanOrEqual(30);
	});

	for (const [index, payload] of PAYLOADS.entries()) {
		describe(`payload ${index + 1}: ${payload}`, () => {
			for (const [context, source] of contexts(payload)) {
				it(`${context}, renderMarkdown`, () => {
					expect(dangers(renderMarkdown(source))).toEqual([]);
				});
				it(`${context}, renderInline`, () => {
					expect(dangers(renderInline(source))).toEqual([]);
				});
			}

			it('as the feedback of a parsed scenario choice', () => {
				const source = [
					'---',
					'title: Hostile',
					'customer: Sam',
					'summary: A payload in a reply and its feedback.',
					'---',
					'',
					'## Start',
					'',
					'Sam is waiting.',
					'',
					'- [reply](#end) empathy +1, flexibility +1, ownership +1',
					`  > ${payload}`,
					'',
					'## End',
					'',
					'Done.'
				].join('\n');
				const { scenario } = parseScenario(source);
				expect(scenario).not.toBeNull();
				const choice = scenario!.nodes[0].choices[0];
				expect(choice.feedback).toContain(payload.trim().slice(0, 8));
				expect(dangers(renderMarkdown(choice.feedback))).toEqual([]);
				expect(dangers(renderInline(choice.feedback))).toEqual([]);
				// The whole file rendered as Markdown, as an author previewing it on a git host would see it.
				expect(dangers(renderMarkdown(source))).toEqual([]);
			});
		});
	}

	it('strips script and event handlers while keeping the harmless text', () => {
		const html = renderMarkdown('Hello <img src=x onerror=alert(1)> <script>alert(1)</script> world');
		expect(html).toContain('Hello');
		expect(html).toContain('world');
		expect(html).not.toMatch(/onerror|<script/i);
	});

	it('drops javascript: link targets in any spelling', () => {
		for (const source of ['[a](javascript:alert(1))', '[a](JaVaScRiPt:alert(1))', '[a](&#x6A;avascript:alert(1))', '[a](javascript&#x3A;alert(1))']) {
			const doc = new DOMParser().parseFromString(renderInline(source), 'text/html');
			for (const link of doc.querySelectorAll('a')) {
				expect((link.getAttribute('href') ?? '').toLowerCase().replace(INVISIBLE, '')).not.toContain('javascript:');
			}
		}
	});
});

const renderMarkdown = pageMarkdown;
const renderInline = pageInline;

describe('a compiled scenario with a payload everywhere Markdown goes', () => {
	const [, buildRenderer] = RENDERERS[1];
	for (const [index, payload] of PAYLOADS.entries()) {
		it(`payload ${index + 1}: every prepared piece of HTML is safe`, () => {
			const source = [
				'---',
				'title: Hostile',
				'customer: Sam Lee',
				'summary: A payload in every place.',
				`policy: ${JSON.stringify(payload)}`,
				'---',
				'',
				payload,
				'',
				'## Start',
				'',
				payload,
				'',
				`> **Sam:** ${payload}`,
				'',
				`- [${payload.replace(/[[\]]/g, '')}](#end) empathy +1, flexibility +1, ownership +1`,
				`  > ${payload}`,
				'- [Fine](#end) empathy -1, flexibility -1, ownership -1',
				'  > Fine.',
				'',
				'## End',
				'',
				'Done.'
			].join('\n');
			const record = compileScenario('hostile', source, buildRenderer);
			expect(record.html).toBeDefined();
			const pieces = [...Object.values(record.html!.block), ...Object.values(record.html!.inline)];
			expect(pieces.length).toBeGreaterThanOrEqual(5);
			for (const html of pieces) expect(dangers(html)).toEqual([]);
		});
	}
});

describe('ordinary Markdown', () => {
	const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;

	it('renders paragraphs, emphasis, strong, lists and quotes', () => {
		const body = parse(renderMarkdown('Hello *there* and **you**.\n\n- one\n- two\n\n> **Dana:** "Hi."'));
		expect(body.querySelector('p em')?.textContent).toBe('there');
		expect(body.querySelector('p strong')?.textContent).toBe('you');
		expect([...body.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
		expect(body.querySelector('blockquote strong')?.textContent).toBe('Dana:');
		expect(body.querySelector('blockquote')?.textContent).toContain('"Hi."');
	});

	it('renders inline Markdown without a wrapping paragraph', () => {
		const html = renderInline('I *will* sort it **myself**');
		expect(html).not.toMatch(/<p[\s>]/);
		const body = parse(html);
		expect(body.querySelector('em')?.textContent).toBe('will');
		expect(body.querySelector('strong')?.textContent).toBe('myself');
	});

	it('opens external links in a new tab without an opener', () => {
		for (const html of [renderMarkdown('See [the policy](https://example.com/policy).'), renderInline('[site](https://example.com)')]) {
			const link = parse(html).querySelector('a')!;
			expect(link).not.toBeNull();
			expect(link.getAttribute('href')).toMatch(/^https:\/\/example\.com/);
			expect(link.getAttribute('target')).toBe('_blank');
			expect(link.getAttribute('rel')).toBe('noopener noreferrer');
		}
		const relative = parse(renderMarkdown('[help](/help)')).querySelector('a')!;
		expect(relative.getAttribute('target')).toBe('_blank');
		expect(relative.getAttribute('rel')).toBe('noopener noreferrer');
	});

	it('leaves #anchor links in the page', () => {
		for (const html of [renderMarkdown('Go to [the next part](#next-part).'), renderInline('[back](#start)')]) {
			const link = parse(html).querySelector('a')!;
			expect(link.getAttribute('href')).toMatch(/^#/);
			expect(link.hasAttribute('target')).toBe(false);
			expect(link.hasAttribute('rel')).toBe(false);
		}
	});

	it('keeps code, headings and GFM tables', () => {
		const body = parse(renderMarkdown('### Notes\n\nUse `WS-48213`.\n\n| a | b |\n|---|---|\n| 1 | 2 |'));
		expect(body.querySelector('h3')?.textContent).toBe('Notes');
		expect(body.querySelector('code')?.textContent).toBe('WS-48213');
		expect(body.querySelector('table td')?.textContent).toBe('1');
	});

	it('escapes a lone angle bracket as text', () => {
		const body = parse(renderInline('refund < £150 & > £0'));
		expect(body.textContent).toBe('refund < £150 & > £0');
	});

	it('keeps an image with a data:image source', () => {
		const img = parse(renderMarkdown('![dot](data:image/png;base64,iVBORw0KGgo=)')).querySelector('img');
		expect(img?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
		expect(img?.getAttribute('alt')).toBe('dot');
	});
});

describe('data: URLs', () => {
	it('keeps a data: picture in an image and drops every other data: URL', () => {
		const picture = renderMarkdown('![dot](data:image/png;base64,iVBORw0KGgo=)');
		expect(picture).toContain('src="data:image/png;base64,iVBORw0KGgo="');
		for (const html of [
			renderMarkdown('<img src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'),
			renderMarkdown('<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">'),
			renderMarkdown('<video><source src="data:text/html,x"></video>'),
			renderMarkdown('[x](data:text/html,hi)')
		]) {
			expect(html).not.toMatch(/data:(?!image\/(?:png|gif|jpe?g|webp|avif);)/i);
		}
	});
});
