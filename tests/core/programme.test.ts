import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PASS_MARK,
	DIAGNOSTIC_CODES,
	MAX_SOURCE_CHARS,
	parseProgramme,
	passMarkText,
	renewalText,
	type Diagnostic
} from '../../src/lib/core';

const IDS = ['the-third-call', 'two-voicemails', 'let-her-vent', 'outside-the-window'];

const position = ({ severity, code, line, column }: Diagnostic) => ({ severity, code, line, column });

function programme(front: string, body = '1. [The Third Call](../the-third-call.md)\n') {
	return `---\n${front}\n---\n\n${body}`;
}

function clean(source: string, ids: Iterable<string> = IDS) {
	const result = parseProgramme(source, ids);
	expect(result.diagnostics).toEqual([]);
	expect(result.programme).not.toBeNull();
	return result.programme!;
}

describe('parseProgramme: front matter', () => {
	it('reads a boot camp with the defaults: pass mark 70 everywhere, no renewal', () => {
		const read = clean(programme('title: Spring intake\naudience: boot camp'));
		expect(read.title).toBe('Spring intake');
		expect(read.summary).toBe('');
		expect(read.audience).toBe('boot-camp');
		expect(read.passMark).toEqual({ empathy: DEFAULT_PASS_MARK, flexibility: DEFAULT_PASS_MARK, ownership: DEFAULT_PASS_MARK });
		expect(read.renewal).toBeNull();
	});

	it('gives a refresher a 12-month renewal unless it says otherwise', () => {
		expect(clean(programme('title: Yearly\naudience: refresher')).renewal).toEqual({ amount: 12, unit: 'months' });
		const cases: [string, { amount: number; unit: string }][] = [
			['6 months', { amount: 6, unit: 'months' }],
			['1 year', { amount: 1, unit: 'years' }],
			['2 Years', { amount: 2, unit: 'years' }],
			['90 days', { amount: 90, unit: 'days' }],
			['1 day', { amount: 1, unit: 'days' }],
			['26 weeks', { amount: 26, unit: 'weeks' }],
			['10 years', { amount: 10, unit: 'years' }]
		];
		for (const [written, period] of cases) {
			expect(clean(programme(`title: Yearly\naudience: refresher\nrenewal: ${written}`)).renewal, written).toEqual(period);
		}
	});

	it('reads every spelling of the two audiences', () => {
		for (const word of ['boot camp', 'Boot Camp', 'bootcamp', 'boot-camp', 'BOOT_CAMP']) {
			expect(clean(programme(`title: T\naudience: ${word}`)).audience, word).toBe('boot-camp');
		}
		for (const word of ['refresher', 'Refresher']) {
			expect(clean(programme(`title: T\naudience: ${word}`)).audience, word).toBe('refresher');
		}
	});

	it('reads one pass mark for every dimension, or one per dimension with 70 for the rest', () => {
		expect(clean(programme('title: T\naudience: boot camp\npass-mark: 80')).passMark).toEqual({ empathy: 80, flexibility: 80, ownership: 80 });
		expect(clean(programme('title: T\naudience: boot camp\npass-mark: 65%')).passMark).toEqual({ empathy: 65, flexibility: 65, ownership: 65 });
		const map = clean(programme('title: T\naudience: boot camp\npass-mark:\n  empathy: 80\n  policy flexibility: 60'));
		expect(map.passMark).toEqual({ empathy: 80, flexibility: 60, ownership: 70 });
		expect(clean(programme('title: T\naudience: boot camp\npass-mark: { ownership: 90 }')).passMark.ownership).toBe(90);
	});

	it('refuses pass marks that are not whole numbers from 1 to 100, where they are written', () => {
		for (const value of ['0', '101', '70.5', 'high', '[70, 80]', '"seventy"', '-5']) {
			const { programme: read, diagnostics } = parseProgramme(programme(`title: T\naudience: boot camp\npass-mark: ${value}`), IDS);
			expect(read, value).toBeNull();
			expect(diagnostics.map(position), value).toEqual([{ severity: 'error', code: 'bad-pass-mark', line: 4, column: 12 }]);
		}
		const nested = parseProgramme(programme('title: T\naudience: boot camp\npass-mark:\n  empathy: 0\n  kindness: 80'), IDS);
		expect(nested.diagnostics.map(position)).toEqual([
			{ severity: 'error', code: 'bad-pass-mark', line: 5, column: 12 },
			{ severity: 'error', code: 'bad-pass-mark', line: 6, column: 3 }
		]);
		expect(nested.diagnostics[1].message).toBe('Unknown dimension `kindness` in `pass-mark`.');
	});

	it('refuses renewal periods it cannot read, with the hint to write a unit', () => {
		for (const value of ['12', 'yearly', '0 months', '11 years', '4000 days', 'twelve months', '[12, months]']) {
			const { programme: read, diagnostics } = parseProgramme(programme(`title: T\naudience: refresher\nrenewal: ${value}`), IDS);
			expect(read, value).toBeNull();
			expect(diagnostics.map(position), value).toEqual([{ severity: 'error', code: 'bad-renewal', line: 4, column: 10 }]);
			expect(diagnostics[0].hint).toMatch(/renewal: 12 months/);
		}
	});

	it('warns that a boot camp ignores renewal, and still reads the programme', () => {
		const { programme: read, diagnostics } = parseProgramme(programme('title: T\naudience: boot camp\nrenewal: 6 months'), IDS);
		expect(diagnostics.map(position)).toEqual([{ severity: 'warning', code: 'renewal-ignored', line: 4, column: 10 }]);
		expect(read?.renewal).toBeNull();
	});

	it('requires a title and an audience', () => {
		const { diagnostics } = parseProgramme(programme('summary: Something'), IDS);
		expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
			['front-matter-field-missing', 'The front matter has no `title`.'],
			['front-matter-field-missing', 'The front matter has no `audience`.']
		]);
	});

	it('suggests the audience it nearly names', () => {
		const { diagnostics } = parseProgramme(programme('title: T\naudience: refresser'), IDS);
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'bad-audience', line: 3, column: 11 }]);
		expect(diagnostics[0].hint).toMatch(/^Did you mean `refresher`\?/);
		const far = parseProgramme(programme('title: T\naudience: managers'), IDS).diagnostics[0];
		expect(far.hint).not.toMatch(/Did you mean/);
	});

	it('warns about unknown fields, with the field it nearly names', () => {
		const { programme: read, diagnostics } = parseProgramme(programme('title: T\naudience: boot camp\nrenewl: 6 months\nowner: Sam'), IDS);
		expect(read).not.toBeNull();
		expect(diagnostics.map((d) => [d.code, d.line, d.hint])).toEqual([
			['front-matter-field-unknown', 4, 'Did you mean `renewal`?'],
			['front-matter-field-unknown', 5, 'Known fields: title, summary, audience, pass-mark, renewal.']
		]);
	});

	it('reports missing, unclosed and broken front matter with the scenario codes', () => {
		expect(parseProgramme('1. [The Third Call](../the-third-call.md)\n', IDS).diagnostics.map((d) => d.code)).toEqual(['front-matter-missing']);
		expect(parseProgramme('---\ntitle: T\n\n1. [x](../the-third-call.md)\n', IDS).diagnostics.map((d) => d.code)).toEqual(['front-matter-unclosed']);
		expect(parseProgramme(programme('title: [unclosed\naudience: boot camp'), IDS).diagnostics[0].code).toBe('front-matter-yaml');
		expect(parseProgramme(programme('title: T\ntitle: U\naudience: boot camp'), IDS).diagnostics.map(position)).toEqual([
			{ severity: 'error', code: 'front-matter-yaml', line: 3, column: 1 }
		]);
		expect(parseProgramme(programme('- title\n- audience'), IDS).diagnostics[0].message).toBe('The front matter must be a list of `field: value` lines.');
		const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 60 }, (_, i) => `b${i}: *a`)].join('\n');
		expect(parseProgramme(programme(`title: T\naudience: boot camp\n${bomb}`), IDS).diagnostics[0].code).toBe('front-matter-yaml');
		expect(parseProgramme(programme(`title: T\naudience: boot camp\nx: ${'['.repeat(200)}`), IDS).diagnostics[0].code).toBe('front-matter-yaml');
	});

	it('keeps title text from being read as anything but text', () => {
		const { diagnostics } = parseProgramme(programme('title: [a, b]\naudience: boot camp'), IDS);
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'front-matter-field-invalid', line: 2, column: 8 }]);
	});
});

describe('parseProgramme: steps', () => {
	it('reads steps in order with their labels and notes, from the same line or the lines under them', () => {
		const read = clean(
			programme(
				'title: T\naudience: boot camp',
				[
					'# Spring intake',
					'',
					'Two conversations to start with.',
					'',
					'1. [The Third Call](../the-third-call.md): start here.',
					'   Dana has been **transferred twice**.',
					'',
					'   - listen',
					'   - own it',
					'2. [Two *Voicemails*](../two-voicemails.md) — the slow reply',
					'3. [Let Her Vent](../let-her-vent.md)',
					''
				].join('\n')
			)
		);
		expect(read.description).toBe('Two conversations to start with.');
		expect(read.steps).toEqual([
			{
				scenarioId: 'the-third-call',
				label: 'The Third Call',
				notes: 'start here.\nDana has been **transferred twice**.\n\n- listen\n- own it',
				line: 10
			},
			{ scenarioId: 'two-voicemails', label: 'Two *Voicemails*', notes: 'the slow reply', line: 15 },
			{ scenarioId: 'let-her-vent', label: 'Let Her Vent', notes: '', line: 16 }
		]);
	});

	it('reads steps from several lists (under headings), any list marker, in file order', () => {
		const read = clean(
			programme(
				'title: T\naudience: refresher',
				'## Week one\n\n- [A](../the-third-call.md)\n\n## Week two\n\n* [B](../let-her-vent.md)\n+ [C](../two-voicemails.md)\n'
			)
		);
		expect(read.steps.map((step) => step.scenarioId)).toEqual(['the-third-call', 'let-her-vent', 'two-voicemails']);
		// The description is everything before the first step, a heading too.
		expect(read.description).toBe('## Week one');
	});

	it('leaves lists without scenario links, code blocks and comments to the description', () => {
		const read = clean(
			programme(
				'title: T\naudience: boot camp',
				[
					'What you will practise:',
					'',
					'- listening',
					'- [our values](https://example.com/values)',
					'',
					'```markdown',
					'1. [Not a step](../let-her-vent.md)',
					'```',
					'',
					'<!--',
					'1. [Nor this](../two-voicemails.md)',
					'-->',
					'',
					'1. [The Third Call](../the-third-call.md)',
					''
				].join('\n')
			)
		);
		expect(read.steps.map((step) => step.scenarioId)).toEqual(['the-third-call']);
		expect(read.description).toContain('- listening');
		expect(read.description).toContain('[Not a step]');
	});

	it('reads link titles, angle brackets, fragments and escaped characters', () => {
		const read = clean(
			programme(
				'title: T\naudience: boot camp',
				'1. [The \\[Third\\] Call](<../the-third-call.md> "Dana")\n2. [Vent](../let-her-vent.md#start)\n3. [Two](../two%2Dvoicemails.md)\n'
			)
		);
		expect(read.steps.map((step) => [step.scenarioId, step.label])).toEqual([
			['the-third-call', 'The [Third] Call'],
			['let-her-vent', 'Vent'],
			['two-voicemails', 'Two']
		]);
	});

	it('reports an unknown scenario at its link, with the id it nearly names', () => {
		const { programme: read, diagnostics } = parseProgramme(programme('title: T\naudience: boot camp', '1. [Vent](../let-her-vnet.md)\n'), IDS);
		expect(read).toBeNull();
		expect(diagnostics).toEqual([
			{
				severity: 'error',
				code: 'unknown-scenario',
				message: 'This step links to the scenario `let-her-vnet`, but there is no `let-her-vnet.md`.',
				hint: 'Did you mean `../let-her-vent.md`? A scenario\'s id is its file name without `.md`.',
				line: 6,
				column: 11,
				endLine: 6,
				endColumn: 29
			}
		]);
		const far = parseProgramme(programme('title: T\naudience: boot camp', '1. [X](../completely-else.md)\n'), IDS).diagnostics[0];
		expect(far.hint).not.toMatch(/Did you mean/);
	});

	it('accepts the known ids as any iterable', () => {
		const source = programme('title: T\naudience: boot camp');
		for (const ids of [new Set(IDS), IDS, new Map(IDS.map((id) => [id, 1])).keys(), (function* () { yield* IDS; })()]) {
			expect(parseProgramme(source, ids).programme?.steps).toHaveLength(1);
		}
		expect(parseProgramme(source, []).diagnostics.map((d) => d.code)).toEqual(['unknown-scenario']);
	});

	it('reports a duplicate step and an empty programme', () => {
		const duplicate = parseProgramme(programme('title: T\naudience: boot camp', '1. [A](../let-her-vent.md)\n2. [A again](../let-her-vent.md)\n'), IDS);
		expect(duplicate.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
			['duplicate-step', 7, '`let-her-vent` is already step 1 (line 6).']
		]);
		for (const body of ['', 'Nothing yet.\n', '- to do\n- later\n']) {
			const empty = parseProgramme(programme('title: T\naudience: boot camp', body), IDS);
			expect(empty.programme).toBeNull();
			expect(empty.diagnostics.map(position), JSON.stringify(body)).toEqual([{ severity: 'error', code: 'no-steps', line: 5, column: 1 }]);
		}
		expect(parseProgramme('---\ntitle: T\naudience: boot camp\n---', IDS).diagnostics.map(position)).toEqual([
			{ severity: 'error', code: 'no-steps', line: 4, column: 1 }
		]);
		// A programme whose only step is unknown is reported as that, not also as empty.
		expect(parseProgramme(programme('title: T\naudience: boot camp', '1. [X](../nowhere.md)\n'), IDS).diagnostics.map((d) => d.code)).toEqual([
			'unknown-scenario'
		]);
	});

	it('warns about links not written ../<id>.md, and still takes the step', () => {
		for (const target of ['the-third-call.md', './the-third-call.md', '/scenarios/the-third-call.md', '../../scenarios/the-third-call.md']) {
			const { programme: read, diagnostics } = parseProgramme(programme('title: T\naudience: boot camp', `1. [A](${target})\n`), IDS);
			expect(diagnostics.map((d) => d.code), target).toEqual(['step-link-path']);
			expect(read?.steps[0].scenarioId).toBe('the-third-call');
		}
	});

	it('reads CRLF line endings, a byte-order mark and NUL characters without shifting positions', () => {
		const source = '\uFEFF' + programme('title: T\naudience: boot camp', '1. [A](../the-third-call.md)\n2. [B](../nowhere.md)\n').replace(/\n/g, '\r\n');
		expect(parseProgramme(source, IDS).diagnostics.map(position)).toEqual([{ severity: 'error', code: 'unknown-scenario', line: 7, column: 8 }]);
		expect(clean(programme('title: T\0\naudience: boot camp')).title).toBe('T\uFFFD');
	});

	it('refuses a file over the size limit before reading it', () => {
		const { programme: read, diagnostics } = parseProgramme('x'.repeat(MAX_SOURCE_CHARS + 1), IDS);
		expect(read).toBeNull();
		expect(diagnostics.map(position)).toEqual([{ severity: 'error', code: 'file-too-large', line: 1, column: 1 }]);
	});
});

describe('parseProgramme: properties', () => {
	const ids = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), { minLength: 1, maxLength: 12 });

	it('reads back the steps it is given, in order, with their notes', () => {
		fc.assert(
			fc.property(ids, fc.array(fc.stringMatching(/^[A-Za-z][A-Za-z ,.']{0,40}$/), { minLength: 12, maxLength: 12 }), (list, notes) => {
				const body = list.map((id, i) => `${i + 1}. [${id}](../${id}.md)\n   ${notes[i]}`).join('\n');
				const read = parseProgramme(programme('title: T\naudience: refresher', body), list);
				expect(read.diagnostics).toEqual([]);
				expect(read.programme!.steps.map((step) => [step.scenarioId, step.notes])).toEqual(list.map((id, i) => [id, notes[i].trim()]));
			})
		);
	});

	it('never throws, keeps every diagnostic inside the file, and gives a programme exactly when there is no error', () => {
		const pieces = fc.constantFrom(
			'---',
			'title: T',
			'audience: boot camp',
			'audience: refresher',
			'pass-mark: 80',
			'pass-mark:',
			'  empathy: 90',
			'renewal: 6 months',
			'renewal: soon',
			'1. [A](../the-third-call.md)',
			'2. [B](../two-voicemails.md): note',
			'- [C](../nowhere.md)',
			'   notes',
			'```',
			'<!--',
			'-->',
			'# Title',
			'',
			'[',
			'](',
			'\t- x'
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 30 })), { maxLength: 30 }), (lines) => {
				const source = lines.join('\n');
				const { programme: read, diagnostics } = parseProgramme(source, IDS);
				const lineCount = source.split(/\r\n?|\n/).length;
				for (const d of diagnostics) {
					expect(DIAGNOSTIC_CODES).toContain(d.code);
					expect(d.line).toBeGreaterThanOrEqual(1);
					expect(d.line).toBeLessThanOrEqual(Math.max(lineCount, 1));
					expect(d.column).toBeGreaterThanOrEqual(1);
				}
				expect(read === null).toBe(diagnostics.some((d) => d.severity === 'error'));
			}),
			{ numRuns: 500 }
		);
	});
});

describe('parseProgramme: hostile files', () => {
	const header = '---\ntitle: T\naudience: boot camp\n---\n\n';
	const many = Array.from({ length: 200 }, (_, i) => `scenario-number-${i}`);
	const cases: [string, string, string][] = [
		['50,000 unknown scenarios', header + Array.from({ length: 50_000 }, (_, i) => `1. [x](../scenario-numbr-${i}.md)`).join('\n'), 'unknown-scenario'],
		['50,000 duplicate steps', header + Array.from({ length: 50_000 }, () => '1. [x](../scenario-number-1.md)').join('\n'), 'duplicate-step'],
		['50,000 stray items', header + '1. [x](../scenario-number-1.md)\n' + '2. lunch\n'.repeat(50_000), 'stray-step'],
		['a 2,000,000-character link', header + '1. [a](' + '../'.repeat(700_000) + 'x.md)', 'unknown-scenario'],
		['7,000,000 brackets', header + '- ' + '['.repeat(7_000_000), 'no-steps'],
		['100,000 nested list lines', header + Array.from({ length: 100_000 }, (_, i) => ' '.repeat(i % 40) + '- [a](').join('\n'), 'no-steps']
	];
	it.each(cases.map(([name, source, code]) => ({ name, source, code })))('$name parses quickly, reporting $code', ({ source, code }) => {
		const started = performance.now();
		const { programme: read, diagnostics } = parseProgramme(source, many);
		const ms = performance.now() - started;
		expect(read === null).toBe(diagnostics.some((d) => d.severity === 'error'));
		expect(diagnostics.map((d) => d.code)).toContain(code);
		expect(ms).toBeLessThan(2000);
	});

	it('suggests scenarios for the first hundred unknown steps only', () => {
		const { diagnostics } = parseProgramme(header + Array.from({ length: 150 }, (_, i) => `1. [x](../scenario-numbr-${i}.md)`).join('\n'), many);
		expect(diagnostics.filter((d) => d.hint.startsWith('Did you mean'))).toHaveLength(100);
		expect(diagnostics).toHaveLength(150);
	});
});

describe('wording helpers', () => {
	it('says the pass mark once when the dimensions agree', () => {
		expect(passMarkText({ empathy: 70, flexibility: 70, ownership: 70 })).toBe('70');
		expect(passMarkText({ empathy: 80, flexibility: 60, ownership: 70 })).toBe('empathy 80, flexibility 60, ownership 70');
	});

	it('says a renewal period in words', () => {
		expect(renewalText({ amount: 12, unit: 'months' })).toBe('12 months');
		expect(renewalText({ amount: 1, unit: 'years' })).toBe('1 year');
	});
});
