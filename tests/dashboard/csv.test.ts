import { describe, expect, it } from 'vitest';
import { BOM, csvField, guardFormula, isoDate, isoDateTime, toCsv } from '$lib/dashboard/csv';

/** A small RFC 4180 reader, to check that what we write reads back to the same cells. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
	return rows;
}

describe('CSV', () => {
	it('starts with a UTF-8 byte-order mark and ends every record with CRLF', () => {
		const csv = toCsv([['Learner', 'Score'], ['Zoë', 80]]);
		expect(csv.startsWith(BOM)).toBe(true);
		expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(csv.slice(1)).toBe('Learner,Score\r\nZoë,80\r\n');
	});

	it('quotes fields with commas, quotes and line breaks (RFC 4180) and reads back to the same cells', () => {
		const cells = ['Smith, Jo', 'Jo "JJ" Smith', 'two\nlines', 'carriage\r\nreturn', 'plain', '', ' spaced '];
		expect(csvField('Smith, Jo')).toBe('"Smith, Jo"');
		expect(csvField('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('plain')).toBe('plain');
		expect(parseCsv(toCsv([cells, ['a', 'b']]).slice(1))).toEqual([cells, ['a', 'b']]);
	});

	it('writes numbers as numbers, and empty cells for null, undefined and non-finite numbers', () => {
		expect(toCsv([[0, -3, 72.5, null, undefined, Number.NaN]]).slice(1)).toBe('0,-3,72.5,,,\r\n');
	});

	it('makes text that a spreadsheet would run as a formula inert with a leading apostrophe', () => {
		for (const hostile of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
			expect(guardFormula(hostile)).toBe(`'${hostile}`);
			expect(parseCsv(toCsv([[hostile]]).slice(1))[0][0]).toBe(`'${hostile}`);
		}
		expect(csvField('=1+2,3')).toBe(`"'=1+2,3"`);
		expect(guardFormula('Ada = 1')).toBe('Ada = 1');
		expect(guardFormula('a-b')).toBe('a-b');
		// A negative number is a number, not text: it stays a number.
		expect(csvField(-5)).toBe('-5');
	});

	it('writes ISO 8601 dates in the local time zone, and nothing for a missing date', () => {
		const at = new Date(2027, 2, 1, 14, 5, 59).getTime();
		expect(isoDate(at)).toBe('2027-03-01');
		expect(isoDateTime(at)).toBe('2027-03-01 14:05');
		expect(isoDate(new Date(2027, 11, 31, 23, 59).getTime())).toBe('2027-12-31');
		expect(isoDate(null)).toBe('');
		expect(isoDateTime(undefined)).toBe('');
		expect(isoDate(Number.NaN)).toBe('');
	});
});
