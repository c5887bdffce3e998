import { describe, expect, it } from 'vitest';
import { certificationsOf } from '../../src/lib/backup/certifications';
import { backupFileName, MAX_NAME, type AttemptRecord } from '../../src/lib/backup/format';
import type { Programme } from '../../src/lib/core';
import { MAX_PROFILE_NAME } from '../../src/lib/storage/progress';
import { askToPersist, formatBytes, readStorageState } from '../../src/routes/settings/storage-state';

describe('the persistent-storage state the settings page shows', () => {
	it('is persisted, best effort or unsupported, as the browser says, with usage when it gives it', async () => {
		expect(await readStorageState({ persisted: async () => true, estimate: async () => ({ usage: 2048, quota: 10 * 1024 ** 3 }) })).toEqual({
			persistence: 'persisted',
			usage: 2048,
			quota: 10 * 1024 ** 3
		});
		expect(await readStorageState({ persisted: async () => false })).toEqual({ persistence: 'best-effort' });
		expect(await readStorageState(undefined)).toEqual({ persistence: 'unsupported' });
		expect(await readStorageState({})).toEqual({ persistence: 'unsupported' });
		expect(await readStorageState({ persisted: () => Promise.reject(new Error('blocked')), estimate: () => Promise.reject(new Error('no')) })).toEqual({
			persistence: 'unsupported'
		});
	});

	it('asks the browser, and says when it cannot be asked', async () => {
		expect(await askToPersist({ persist: async () => true })).toBe(true);
		expect(await askToPersist({ persist: async () => false })).toBe(false);
		expect(await askToPersist({})).toBe('unsupported');
	});

	it('writes sizes for people', () => {
		expect(formatBytes(512)).toBe('512 bytes');
		expect(formatBytes(1536)).toBe('1.5 KB');
		expect(formatBytes(40 * 1024 * 1024)).toBe('40 MB');
		expect(formatBytes(2.2 * 1024 ** 3)).toBe('2.2 GB');
	});
});

describe('the backup format', () => {
	it('limits names as the learner form does', () => {
		expect(MAX_NAME).toBe(MAX_PROFILE_NAME);
	});

	it('names files by date, and by learner for one learner', () => {
		expect(backupFileName({ kind: 'device' }, '2026-11-29T10:00:00.000Z')).toBe('service-drill-backup-2026-11-29.json');
		expect(backupFileName({ kind: 'learner', profileId: 'p', name: 'Zoë Ọlá-Smith' }, '2026-11-29T10:00:00.000Z')).toBe('service-drill-zoe-ola-smith-2026-11-29.json');
		expect(backupFileName({ kind: 'learner', profileId: 'p', name: '李华' }, '2026-11-29T10:00:00.000Z')).toBe('service-drill-learner-2026-11-29.json');
	});
});

describe('certifications written into a backup', () => {
	const programme: Programme = {
		title: 'Boot camp',
		summary: '',
		audience: 'boot-camp',
		passMark: { empathy: 70, flexibility: 70, ownership: 70 },
		renewal: null,
		description: '',
		steps: ['s1', 's2'].map((scenarioId, i) => ({ scenarioId, label: scenarioId, notes: '', line: i + 6 }))
	};
	const passed = (id: string, profileId: string, scenarioId: string, completedAt: number) =>
		({
			id,
			profileId,
			scenarioId,
			status: 'completed',
			startedAt: completedAt - 1000,
			updatedAt: completedAt,
			completedAt,
			score: { dimensions: { empathy: { score: 90 }, flexibility: { score: 80 }, ownership: { score: 75 } }, outcome: 'resolved', csat: 4, nps: 'passive' }
		}) as unknown as AttemptRecord;

	it('follow from attempts and enrolments by the programme rules, per learner', () => {
		const attempts = [passed('a1', 'ana', 's1', 2000), passed('a2', 'ana', 's2', 3000), passed('a3', 'ben', 's1', 2500)];
		const enrolments = [
			{ id: 'e1', profileId: 'ana', programmeId: 'boot', enrolledAt: 1000 },
			{ id: 'e2', profileId: 'ben', programmeId: 'boot', enrolledAt: 1000 },
			{ id: 'e3', profileId: 'ana', programmeId: 'gone', enrolledAt: 1000 }
		];
		expect(certificationsOf(attempts, enrolments, [{ id: 'boot', programme, diagnostics: [], html: {} }], 10_000)).toEqual([
			{ profileId: 'ana', programmeId: 'boot', certifiedAt: 3000, expiresAt: null }
		]);
	});
});
