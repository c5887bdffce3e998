import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, checksumOf, NotJsonError } from '../../src/lib/backup/canonical';
import { sha256Hex } from '../../src/lib/backup/sha256';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('canonical JSON', () => {
	it('is the same text whatever order the keys were written in', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
		expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
		expect(canonicalJson(['é', '\u2028', '\ud800'])).toBe(JSON.stringify(['é', '\u2028', '\ud800']));
	});

	it('reads back to itself for any JSON value (the checksum survives a round trip through a file)', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (value) => {
				const text = canonicalJson(value);
				expect(canonicalJson(JSON.parse(text))).toBe(text);
				// Key order does not matter.
				const reordered = JSON.parse(JSON.stringify(value), (_key, item) =>
					item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).reverse()) : item
				);
				expect(canonicalJson(reordered)).toBe(text);
			}),
			{ numRuns: 300 }
		);
	});

	it('refuses what JSON cannot carry', () => {
		expect(() => canonicalJson({ a: NaN })).toThrow(NotJsonError);
		expect(() => canonicalJson({ a: Infinity })).toThrow(NotJsonError);
		expect(() => canonicalJson({ a: () => 1 })).toThrow(NotJsonError);
	});
});

describe('SHA-256', () => {
	it('matches Node for known vectors and any bytes (the fallback for pages without crypto.subtle)', () => {
		expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				expect(sha256Hex(bytes)).toBe(nodeSha(bytes));
			}),
			{ numRuns: 300 }
		);
		const big = new Uint8Array(1_000_003).map((_, i) => (i * 31) & 0xff);
		expect(sha256Hex(big)).toBe(nodeSha(big));
	});

	it('gives the same checksum with and without crypto.subtle', async () => {
		const text = canonicalJson({ name: 'Zoë', emoji: '😀', lone: '\udc00' });
		const withSubtle = await checksumOf(text);
		const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
		Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
		try {
			expect(await checksumOf(text)).toBe(withSubtle);
		} finally {
			if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
			else delete (globalThis.crypto as { subtle?: unknown }).subtle;
		}
		expect(withSubtle).toBe(nodeSha(new TextEncoder().encode(text)));
	});
});
