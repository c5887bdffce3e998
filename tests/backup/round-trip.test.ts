import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { changesNothing, planFingerprint } from '../../src/lib/backup/merge';
import { readBackupText } from '../../src/lib/backup/read';
import { applyImport, previewImport } from '../../src/lib/storage/backup';
import { useDatabase, type ServiceDrillDatabase } from '../../src/lib/storage/db';
import { devicePlan, dropDatabase, dump, exportText, fillDevice, freshDatabase, type DevicePlan } from './fixtures';

const opened: ServiceDrillDatabase[] = [];
async function open() {
	const db = await freshDatabase();
	opened.push(db);
	return db;
}
afterEach(async () => {
	for (const db of opened.splice(0)) await dropDatabase(db);
});

/** Reads, previews and applies a backup's text into the current database, as the settings page does (no same-name learners). */
async function importText(text: string) {
	const reading = await readBackupText(text, 3);
	if (!reading.ok) throw new Error(reading.problem.message);
	const { plan } = await previewImport(reading.backup);
	return applyImport(reading.backup, {}, planFingerprint(plan));
}

/** The settings a device keeps for itself (the selected learner travels; the persistence prompt and backup times do not). */
const portable = (tables: Record<string, unknown[]>): Record<string, unknown[]> => ({
	...tables,
	settings: tables.settings.filter((setting) => (setting as { key: string }).key === 'currentProfileId')
});

const SAMPLE: DevicePlan = {
	learners: [
		{
			name: 'Ana',
			enrol: ['new-hire-boot-camp'],
			attempts: [
				{ scenario: 'the-third-call', seed: 7, picks: [3, 3, 3, 3, 3, 3], stopAfter: null, abandon: false, mode: 'coach', dispute: true, typed: [] },
				{ scenario: 'two-voicemails', seed: 8, picks: [1, 2], stopAfter: 2, abandon: false, mode: 'exam', dispute: false, typed: [] },
				{ scenario: 'the-third-call', seed: 9, picks: [1], stopAfter: 1, abandon: true, mode: 'coach', dispute: false, typed: [] }
			]
		},
		{
			name: 'Zoë',
			enrol: ['annual-refresher', 'new-hire-boot-camp'],
			attempts: [{ scenario: 'let-her-vent', seed: 3, picks: [2, 1, 0, 2, 1], stopAfter: null, abandon: false, mode: 'coach', dispute: true, typed: ['Désolé 😀'] }]
		}
	],
	authored: [
		{ title: 'Refund call', saves: 3, publish: true },
		{ title: 'Late parcel', saves: 1, publish: false }
	]
};

describe('export → wipe → import', () => {
	it('gives back every record of a played device, exactly', async () => {
		const source = await open();
		await fillDevice(source, SAMPLE);
		const before = portable(await dump(source));
		expect(before.attempts.length).toBe(4);
		expect(before.disputes.length).toBeGreaterThan(0);
		expect(before.authoredRevisions.length).toBe(4);
		const built = await exportText();

		const target = await open();
		const plan = await importText(built.text);
		expect(plan.summary.attempts.added).toBe(4);
		const after = await dump(target);
		expect(portable(after)).toEqual(before);
		// The imported learners' results are in the file: the backup reminder counts them as exported when it was made.
		expect(after.settings.filter((setting) => (setting as { key: string }).key.startsWith('lastExportAt:'))).toEqual(
			(before.profiles as { id: string }[]).map((profile) => ({ key: `lastExportAt:${profile.id}`, value: Date.UTC(2026, 1, 1) })).sort((a, b) => (a.key < b.key ? -1 : 1))
		);
	});

	it('writes each decision once (the run state holds it), and keeps one that differs from the run state', async () => {
		const source = await open();
		await fillDevice(source, SAMPLE);
		const odd = (await source.steps.toArray())[0];
		await source.steps.put({ ...odd, step: { ...odd.step, moodAfter: odd.step.moodAfter + 1 } });
		const before = portable(await dump(source));
		const built = await exportText();
		const file = JSON.parse(built.text);
		const withStep = file.data.steps.filter((row: { step?: unknown }) => row.step !== undefined);
		expect(withStep).toHaveLength(1);
		expect(withStep[0]).toMatchObject({ attemptId: odd.attemptId, index: odd.index });

		const target = await open();
		await importText(built.text);
		expect(portable(await dump(target))).toEqual(before);
	});

	it('holds for generated devices: any learners, attempts in every state, typed replies, disputes, programmes and studio scenarios', async () => {
		// What the generated devices held, so the property is known to have covered each kind.
		const seen = { learners: 0, completed: 0, inProgress: 0, typed: 0, disputes: 0, enrolments: 0, published: 0 };
		await fc.assert(
			fc.asyncProperty(devicePlan, async (plan) => {
				const source = await freshDatabase();
				const target = await freshDatabase();
				try {
					useDatabase(source);
					await fillDevice(source, plan);
					const before = portable(await dump(source));
					const attempts = before.attempts as { status: string; state: { steps: { reply?: string }[] } }[];
					seen.learners += before.profiles.length;
					seen.completed += attempts.filter((attempt) => attempt.status === 'completed').length;
					seen.inProgress += attempts.filter((attempt) => attempt.status === 'in-progress').length;
					seen.typed += attempts.filter((attempt) => attempt.state.steps.some((step) => step.reply !== undefined)).length;
					seen.disputes += before.disputes.length;
					seen.enrolments += before.enrolments.length;
					seen.published += before.publishedVersions.length;
					const built = await exportText();

					useDatabase(target);
					await importText(built.text);
					const after = portable(await dump(target));
					expect(after).toEqual(before);

					// And a second import of the same file changes nothing.
					const reading = await readBackupText(built.text, 3);
					if (!reading.ok) throw new Error(reading.problem.message);
					const again = await previewImport(reading.backup);
					expect(changesNothing(again.plan)).toBe(true);
					await applyImport(reading.backup, {}, planFingerprint(again.plan));
					expect(portable(await dump(target))).toEqual(before);
				} finally {
					await dropDatabase(source);
					await dropDatabase(target);
				}
			}),
			{ numRuns: 25 }
		);
		for (const [kind, count] of Object.entries(seen)) expect(count, kind).toBeGreaterThan(0);
	});

	it('gives back one learner with their attempts, decisions, enrolments and disputes, and nobody else', async () => {
		const source = await open();
		await fillDevice(source, SAMPLE);
		const all = await dump(source);
		const zoe = (all.profiles as { id: string; name: string }[]).find((profile) => profile.name === 'Zoë')!;
		const built = await exportText({ kind: 'learner', profileId: zoe.id });
		expect(built.fileName).toBe('service-drill-zoe-2026-02-01.json');

		const target = await open();
		await importText(built.text);
		const after = await dump(target);
		const mine = <T extends { profileId: string }>(rows: unknown[]) => (rows as T[]).filter((row) => row.profileId === zoe.id);
		expect(after.profiles).toEqual([zoe]);
		expect(after.attempts).toEqual(mine(all.attempts));
		expect(after.enrolments).toEqual(mine(all.enrolments));
		expect(after.disputes).toEqual(mine(all.disputes));
		const attemptIds = new Set((after.attempts as { id: string }[]).map((attempt) => attempt.id));
		expect(after.steps).toEqual((all.steps as { attemptId: string }[]).filter((row) => attemptIds.has(row.attemptId)));
		// Studio drafts stay on their device; Zoë played no studio scenario.
		expect(after.authored).toEqual([]);
		expect(after.publishedVersions).toEqual([]);
	});
});
