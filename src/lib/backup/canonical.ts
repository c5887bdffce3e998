/*
 * The checksum's input: one text per value, whatever order its keys were
 * written or parsed in. Object keys are sorted (by UTF-16 code units), arrays
 * keep their order, strings and numbers are written as JSON.stringify writes
 * them, and keys whose value is `undefined` are left out (JSON has no
 * undefined). So `canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x)`
 * for every JSON value x: a file re-read gives the checksum it was written with.
 */
import { sha256Hex } from './sha256';

/** Thrown for a value JSON cannot carry as it is (NaN, Infinity, a function…): a programmer's mistake, never a user's. */
export class NotJsonError extends Error {
	override name = 'NotJsonError';
}

/** The canonical JSON text of `value`, appended to `out` piece by piece (large exports build it in batches). */
export function writeCanonical(value: unknown, out: string[]): void {
	if (value === null) {
		out.push('null');
		return;
	}
	switch (typeof value) {
		case 'string':
			out.push(JSON.stringify(value));
			return;
		case 'number':
			if (!Number.isFinite(value)) throw new NotJsonError(`${value} cannot be written as JSON.`);
			out.push(JSON.stringify(value));
			return;
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return;
		case 'object': {
			if (Array.isArray(value)) {
				out.push('[');
				for (let i = 0; i < value.length; i++) {
					if (i > 0) out.push(',');
					// JSON.stringify writes holes and undefined in arrays as null.
					writeCanonical(value[i] === undefined ? null : value[i], out);
				}
				out.push(']');
				return;
			}
			const record = value as Record<string, unknown>;
			const keys = Object.keys(record)
				.filter((key) => record[key] !== undefined)
				.sort(compareKeys);
			out.push('{');
			keys.forEach((key, i) => {
				if (i > 0) out.push(',');
				out.push(JSON.stringify(key), ':');
				writeCanonical(record[key], out);
			});
			out.push('}');
			return;
		}
		default:
			throw new NotJsonError(`A ${typeof value} cannot be written as JSON.`);
	}
}

/** Sort by UTF-16 code units (what `<` does on strings), the same on every engine and locale. */
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function canonicalJson(value: unknown): string {
	const out: string[] = [];
	writeCanonical(value, out);
	return out.join('');
}

/** SHA-256 of the text's UTF-8 bytes, as lower-case hex. */
export async function checksumOf(text: string): Promise<string> {
	const bytes = new TextEncoder().encode(text);
	// crypto.subtle exists only in secure contexts; a plain-http LAN address gets the small fallback.
	const subtle = globalThis.crypto?.subtle;
	if (subtle) {
		const digest = await subtle.digest('SHA-256', bytes);
		return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
	}
	return sha256Hex(bytes);
}
