/*
 * CSV that opens correctly in a spreadsheet (Excel, LibreOffice, Numbers,
 * Google Sheets): RFC 4180 quoting, CRLF line ends, UTF-8 with a byte-order
 * mark (without it Excel reads UTF-8 as the local code page and mangles
 * "Zoë"), dates as ISO 8601, and text that a spreadsheet would run as a
 * formula made inert. Pure: no DOM, so it is tested in Node.
 */

/** A cell: text, a number, or empty (null/undefined). */
export type CsvCell = string | number | null | undefined;

/** U+FEFF, written first: the byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and carriage return, that some readers strip before doing so): OWASP's
 * list for CSV injection.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that would start a formula gets a leading apostrophe, so it shows as typed and never runs. */
export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as they are (−3 stays a number), text guarded, then quoted when it holds a comma, a quote or a line break. */
export function csvField(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const text = guardFormula(cell);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a byte-order mark, then one CRLF-terminated record per row (the header is the first row). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
	return BOM + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 calendar date, `2027-03-01`, in the device's time zone (the day the trainer saw it happen); empty for none. */
export function isoDate(at: number | null | undefined): string {
	if (at === null || at === undefined || !Number.isFinite(at)) return '';
	const date = new Date(at);
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * ISO 8601 date and time to the minute, `2027-03-01 14:05`, local time. The
 * space instead of `T` is what spreadsheets read as a date-time (RFC 3339 allows it).
 */
export function isoDateTime(at: number | null | undefined): string {
	if (at === null || at === undefined || !Number.isFinite(at)) return '';
	const date = new Date(at);
	return `${isoDate(at)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
