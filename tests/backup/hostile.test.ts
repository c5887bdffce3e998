import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canonicalJson, checksumOf } from '../../src/lib/backup/canonical';
import { BACKUP_TABLES, MAX_BACKUP_BYTES } from '../../src/lib/backup/format';
import { planFingerprint } from '../../src/lib/backup/merge';
import { readBackupBlob, readBackupText, type BackupProblemCode } from '../../src/lib/backup/read';
import { applyImport, previewImport } from '../../src/lib/storage/backup';
import { useDatabase, type ServiceDrillDatabase } from '../../src/lib/storage/db';
import { dropDatabase, dump, exportText, fillDevice, freshDatabase, type DevicePlan } from './fixtures';

/*
 * Hostile and broken files: each is refused with its own plain message, the
 * database is exactly as it was, and nothing throws.
 */

const OTHER_DEVICE: DevicePlan = {
	learners: [
		{
			name: 'Mallory',
			enrol: ['new-hire-boot-camp'],
			attempts: [{ scenario: 'the-third-call', seed: 1, picks: [3, 3, 3, 3, 3, 3], stopAfter: null, abandon: false, mode: 'coach', dispute: true, typed: [] }]
		}
	],
	authored: [{ title: 'Refund call', saves: 2, publish: true }]
};
const THIS_DEVICE: DevicePlan = {
	learners: [{ name: 'Ana', enrol: [], attempts: [{ scenario: 'two-voicemails', seed: 2, picks: [0, 1], stopAfter: null, abandon: false, mode: 'exam', dispute: false, typed: [] }] }],
	authored: []
};

let good: string;
let here: ServiceDrillDatabase;
let before: Record<string, unknown[]>;

beforeAll(async () => {
	const other = await freshDatabase();
	await fillDevice(other, OTHER_DEVICE);
	good = (await exportText()).text;
	await dropDatabase(other);
	here = await freshDatabase();
	await fillDevice(here, THIS_DEVICE);
	before = await dump(here);
});
afterAll(() => dropDatabase(here));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const parsed = (): Json => JSON.parse(good);

/** The file after `edit`, with counts and checksum made to match again: only the check under test can catch it. */
async function resigned(edit: (file: Json) => void): Promise<string> {
	const file = parsed();
	edit(file);
	for (const table of BACKUP_TABLES) file.counts[table] = file.data[table].length;
	const { checksum: _checksum, ...rest } = file;
	file.checksum = { algorithm: 'SHA-256', value: await checksumOf(canonicalJson(rest)) };
	return JSON.stringify(file);
}

/** Reads the file and, if it passes, imports it: the settings page's path. */
async function tryImport(file: string | Blob) {
	useDatabase(here);
	const reading = typeof file === 'string' ? await readBackupText(file, 3) : await readBackupBlob(file, 3);
	if (!reading.ok) return reading.problem;
	const { plan } = await previewImport(reading.backup);
	await applyImport(reading.backup, {}, planFingerprint(plan));
	return null;
}

async function expectRefused(file: string | Blob, code: BackupProblemCode, message?: RegExp) {
	const problem = await tryImport(file);
	expect(problem?.code).toBe(code);
	if (message) expect(problem?.message).toMatch(message);
	expect(await dump(here)).toEqual(before);
}

describe('a valid file', () => {
	it('imports (so each refusal below is down to its one change)', async () => {
		const scratch = await freshDatabase();
		const reading = await readBackupText(await resigned(() => {}), 3);
		if (!reading.ok) throw new Error(reading.problem.message);
		const { plan } = await previewImport(reading.backup);
		await applyImport(reading.backup, {}, planFingerprint(plan));
		expect((await dump(scratch)).attempts).toHaveLength(1);
		await dropDatabase(scratch);
	});
});

describe('hostile and broken backup files are refused, leaving the database unchanged', () => {
	it('a truncated file', async () => {
		await expectRefused(good.slice(0, Math.floor(good.length / 2)), 'truncated', /cut off/);
		await expectRefused(good.slice(0, -3), 'truncated');
	});

	it('a file that is not JSON, an empty file, and JSON that is not a backup', async () => {
		await expectRefused('PK\u0003\u0004 this is a zip', 'not-json', /not JSON/);
		await expectRefused('', 'empty');
		await expectRefused('   \n', 'empty');
		await expectRefused('{"hello": "world"}', 'not-a-backup');
		await expectRefused('[1, 2, 3]', 'not-a-backup');
		await expectRefused('null', 'not-a-backup');
	});

	it('wrong types anywhere in the records', async () => {
		await expectRefused(await resigned((file) => (file.data.profiles[0].createdAt = 'yesterday')), 'invalid', /data\.profiles\[0\]\.createdAt/);
		await expectRefused(await resigned((file) => (file.data.attempts[0].score.csat = 7)), 'invalid', /data\.attempts\[0\]\.score\.csat/);
		await expectRefused(await resigned((file) => (file.data.steps[0].index = -1)), 'invalid');
		await expectRefused(await resigned((file) => (file.data.attempts[0].state = null)), 'invalid');
		await expectRefused(await resigned((file) => (file.data.attempts[0].state.steps[0].effects.empathy = '3')), 'invalid');
		await expectRefused(await resigned((file) => (file.data.profiles = {})), 'invalid');
		await expectRefused(await resigned((file) => (file.data.profiles[0].name = '   ')), 'invalid');
		await expectRefused(await resigned((file) => (file.data.profiles[0].name = 'x'.repeat(41))), 'invalid');
		await expectRefused(await resigned((file) => (file.data.authored[0].id = 'the-third-call')), 'invalid', /starting with ~/);
		await expectRefused(await resigned((file) => (file.createdAt = 'last week')), 'invalid');
		await expectRefused(await resigned((file) => (file.data.settings = [{ key: 'persistAsked', value: 1 }])), 'invalid');
	});

	it('keys the format does not have, at any depth', async () => {
		await expectRefused(await resigned((file) => (file.data.profiles[0].isAdmin = true)), 'invalid', /data\.profiles\[0\]\.isAdmin is not part of the backup format/);
		await expectRefused(await resigned((file) => (file.data.attempts[0].state.steps[0].effects.charisma = 3)), 'invalid');
		await expectRefused(await resigned((file) => (file.extra = 1)), 'invalid');
		await expectRefused(await resigned((file) => (file.data.notes = [])), 'invalid');
	});

	it('__proto__, constructor and prototype keys, and nothing is polluted', async () => {
		const injected = good.replace('"profiles":[{', '"profiles":[{"__proto__":{"polluted":true},');
		expect(injected).not.toBe(good);
		await expectRefused(injected, 'forbidden-key', /__proto__/);
		await expectRefused(good.replace('"effects":{', '"effects":{"constructor":{"prototype":{"polluted":true}},'), 'forbidden-key', /constructor/);
		await expectRefused(await resigned((file) => (file.data.attempts[0].state.totals = JSON.parse('{"__proto__":{"polluted":true}}'))), 'forbidden-key');
		await expectRefused(good.replace('{"format"', '{"prototype":1,"format"'), 'forbidden-key');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('duplicate ids, decisions and names', async () => {
		await expectRefused(await resigned((file) => file.data.profiles.push({ ...file.data.profiles[0], name: 'Someone else' })), 'duplicate', /twice/);
		await expectRefused(await resigned((file) => file.data.profiles.push({ ...file.data.profiles[0], id: 'other', name: 'MALLORY' })), 'duplicate');
		await expectRefused(await resigned((file) => file.data.attempts.push(file.data.attempts[0])), 'duplicate');
		await expectRefused(await resigned((file) => file.data.steps.push({ ...file.data.steps[0], at: 1 })), 'duplicate');
		await expectRefused(await resigned((file) => file.data.disputes.push(file.data.disputes[0])), 'duplicate');
		await expectRefused(await resigned((file) => file.data.authored.push(file.data.authored[0])), 'duplicate');
		await expectRefused(await resigned((file) => file.data.authoredRevisions.push({ ...file.data.authoredRevisions[0], seq: 99 })), 'duplicate');
		await expectRefused(await resigned((file) => file.data.publishedVersions.push(file.data.publishedVersions[0])), 'duplicate');
		await expectRefused(await resigned((file) => file.data.enrolments.push(file.data.enrolments[0])), 'duplicate');
	});

	it('a 50 MB file, before reading it', async () => {
		const huge = new Blob([new Uint8Array(50 * 1024 * 1024).fill(0x20)], { type: 'application/json' });
		const read = vi.spyOn(huge, 'text');
		const started = performance.now();
		const reading = await readBackupBlob(huge, 3);
		expect(performance.now() - started).toBeLessThan(100);
		expect(reading.ok).toBe(false);
		await expectRefused(huge, 'too-large', /This file is 50 MB; backups larger than 40 MB are refused/);
		expect(read).not.toHaveBeenCalled();
		// Given as text (no size known beforehand), it is still refused by its length.
		await expectRefused(' '.repeat(MAX_BACKUP_BYTES + 1), 'too-large');
	});

	it('a file from a newer version of the app', async () => {
		await expectRefused(await resigned((file) => (file.formatVersion = 2)), 'newer-format', /newer version of Service Drill.*format 2.*Update the app/);
		await expectRefused(await resigned((file) => (file.schemaVersion = 4)), 'newer-schema', /newer version of Service Drill.*database version 4/);
		// Even when the rest of the file has a shape this version does not know.
		await expectRefused(JSON.stringify({ format: 'service-drill-backup', formatVersion: 7, somethingNew: [] }), 'newer-format');
	});

	it('a bad checksum: a record changed after the file was made, or the checksum itself changed', async () => {
		await expectRefused(good.replace('"name":"Mallory"', '"name":"Mallroy"'), 'bad-checksum', /checksum/);
		const file = parsed();
		file.checksum.value = file.checksum.value.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
		await expectRefused(JSON.stringify(file), 'bad-checksum');
	});

	it('counts that do not match the records', async () => {
		const file = parsed();
		file.counts.attempts += 1;
		const { checksum: _checksum, ...rest } = file;
		file.checksum.value = await checksumOf(canonicalJson(rest));
		await expectRefused(JSON.stringify(file), 'bad-counts', /says it holds 2 attempts but holds 1/);
	});

	it('references to records the file does not hold, and published versions that are not their text', async () => {
		await expectRefused(await resigned((file) => (file.data.attempts[0].profileId = 'nobody')), 'dangling');
		await expectRefused(await resigned((file) => (file.data.steps[0].attemptId = 'nothing')), 'dangling');
		await expectRefused(await resigned((file) => (file.data.disputes[0].attemptId = 'nothing')), 'dangling');
		await expectRefused(await resigned((file) => (file.data.publishedVersions[0].source += '\nEdited.')), 'dangling', /does not match its text/);
		await expectRefused(await resigned((file) => (file.data.authored[0].publishedCard.id = '~someone-else')), 'dangling');
		await expectRefused(await resigned((file) => (file.data.authoredRevisions[0].scenarioId = '~gone')), 'dangling');
		await expectRefused(await resigned((file) => (file.scope = { kind: 'learner', profileId: 'x', name: 'X' })), 'dangling');
		// A decision without its step must find it in its attempt's run state.
		await expectRefused(
			await resigned((file) => {
				const row = file.data.steps.find((step: { step?: unknown }) => step.step === undefined);
				row.index = 99;
			}),
			'dangling',
			/has no step/
		);
	});

	it('nesting deeper than any backup', async () => {
		await expectRefused('{"format":"service-drill-backup","x":' + '['.repeat(5000) + ']'.repeat(5000) + '}', 'too-deep');
	});

	it('any one character changed anywhere: refused, never thrown, never imported', async () => {
		const text = good.trimEnd();
		await fc.assert(
			fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.constantFrom('0', '9', 'a', 'x', '"', ',', '}', ' ', 'é', '\\'), async (at, replacement) => {
				fc.pre(text[at] !== replacement);
				const reading = await readBackupText(text.slice(0, at) + replacement + text.slice(at + 1), 3);
				expect(reading.ok).toBe(false);
			}),
			{ numRuns: 300 }
		);
		expect(await dump(here)).toEqual(before);
	});
});
