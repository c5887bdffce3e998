import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupCheckError } from '../../src/lib/backup/export';
import { changesNothing, planFingerprint, type LearnerChoice } from '../../src/lib/backup/merge';
import { readBackupText } from '../../src/lib/backup/read';
import { reminderDays } from '../../src/lib/backup/reminder';
import { applyImport, ImportChangedError, ImportChoiceError, markExported, previewImport } from '../../src/lib/storage/backup';
import { backupReminderState, dismissBackupReminder } from '../../src/lib/storage/backup-reminder';
import { useDatabase, type Attempt, type ServiceDrillDatabase } from '../../src/lib/storage/db';
import { createProfile, currentProfileId, selectProfile } from '../../src/lib/storage/progress';
import { dropDatabase, dump, exportText, fillDevice, freshDatabase, type DevicePlan, type PlayPlan } from './fixtures';

const opened: ServiceDrillDatabase[] = [];
async function open() {
	const db = await freshDatabase();
	opened.push(db);
	return db;
}
afterEach(async () => {
	vi.restoreAllMocks();
	for (const db of opened.splice(0)) await dropDatabase(db);
});

const DAY = 86_400_000;
const play = (scenario: PlayPlan['scenario'], extra: Partial<PlayPlan> = {}): PlayPlan => ({
	scenario,
	seed: 5,
	picks: [3, 3, 3, 3, 3, 3, 3],
	stopAfter: null,
	abandon: false,
	mode: 'coach',
	dispute: true,
	typed: [],
	...extra
});

/** A file exported from another device holding `plan`. */
async function fileFrom(plan: DevicePlan, createdAt?: Date) {
	const back = await open();
	await fillDevice(back, plan);
	const built = await exportText({ kind: 'device' }, createdAt);
	return { text: built.text, db: back };
}

async function read(text: string) {
	const reading = await readBackupText(text, 3);
	if (!reading.ok) throw new Error(reading.problem.message);
	return reading.backup;
}

async function importInto(db: ServiceDrillDatabase, text: string, choices: Record<string, LearnerChoice> = {}) {
	useDatabase(db);
	const backup = await read(text);
	const { plan } = await previewImport(backup, choices);
	return applyImport(backup, choices, planFingerprint(plan));
}

const ANA_ELSEWHERE: DevicePlan = {
	learners: [{ name: 'ana', enrol: ['new-hire-boot-camp'], attempts: [play('the-third-call'), play('let-her-vent', { stopAfter: 1 })] }],
	authored: []
};
const ANA_HERE: DevicePlan = { learners: [{ name: 'Ana', enrol: [], attempts: [play('two-voicemails', { dispute: false })] }], authored: [] };

describe('importing the same file twice', () => {
	it('changes nothing the second time: records are matched by id, never doubled', async () => {
		const { text } = await fileFrom({ learners: [{ name: 'Ben', enrol: ['annual-refresher'], attempts: [play('the-third-call'), play('two-voicemails', { stopAfter: 2 })] }], authored: [{ title: 'Refund call', saves: 3, publish: true }] });
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const first = await importInto(here, text);
		expect(first.summary.attempts.added).toBe(2);
		const once = await dump(here);

		useDatabase(here);
		const { plan } = await previewImport(await read(text));
		expect(changesNothing(plan)).toBe(true);
		expect(plan.summary.attempts).toMatchObject({ inFile: 2, added: 0, unchanged: 2 });
		expect(plan.summary.steps.added).toBe(0);
		await importInto(here, text);
		expect(await dump(here)).toEqual(once);
	});
});

describe('learners with the same name on both sides', () => {
	it('are not merged silently: the import asks, and refuses to run without an answer', async () => {
		const { text } = await fileFrom(ANA_ELSEWHERE);
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const before = await dump(here);
		useDatabase(here);
		const backup = await read(text);
		const { plan } = await previewImport(backup);
		expect(plan.conflicts).toHaveLength(1);
		expect(plan.conflicts[0].local.name).toBe('Ana');
		expect(plan.conflicts[0].file.name).toBe('ana');
		expect(plan.conflicts[0].keepBothName).toBe('ana (2)');
		expect(plan.undecided).toEqual([backup.data.profiles[0].id]);
		await expect(applyImport(backup, {}, planFingerprint(plan))).rejects.toBeInstanceOf(ImportChoiceError);
		expect(await dump(here)).toEqual(before);
	});

	it('merge: the file’s results join this device’s learner, and importing again changes nothing', async () => {
		const { text } = await fileFrom(ANA_ELSEWHERE);
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const localAna = (await dump(here)).profiles[0] as { id: string };
		const fileAna = (await read(text)).data.profiles[0].id;
		await importInto(here, text, { [fileAna]: 'merge' });
		const after = await dump(here);
		expect(after.profiles).toHaveLength(1);
		expect((after.attempts as Attempt[]).map((attempt) => attempt.profileId)).toEqual([localAna.id, localAna.id, localAna.id]);
		expect((after.enrolments as { profileId: string }[]).map((enrolment) => enrolment.profileId)).toEqual([localAna.id]);
		expect((after.disputes as { profileId: string }[]).every((dispute) => dispute.profileId === localAna.id)).toBe(true);

		await importInto(here, text, { [fileAna]: 'merge' });
		expect(await dump(here)).toEqual(after);
	});

	it('keep both: the file’s learner comes in with a suffix, and is recognised by id next time', async () => {
		const { text } = await fileFrom(ANA_ELSEWHERE);
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const fileAna = (await read(text)).data.profiles[0].id;
		await importInto(here, text, { [fileAna]: 'keep-both' });
		const after = await dump(here);
		expect((after.profiles as { name: string }[]).map((profile) => profile.name).sort()).toEqual(['Ana', 'ana (2)']);
		expect((after.attempts as Attempt[]).filter((attempt) => attempt.profileId === fileAna)).toHaveLength(2);

		useDatabase(here);
		const { plan } = await previewImport(await read(text));
		expect(plan.conflicts).toEqual([]);
		expect(changesNothing(plan)).toBe(true);
	});

	it('skip: nothing of that learner is imported', async () => {
		const { text } = await fileFrom({ ...ANA_ELSEWHERE, learners: [...ANA_ELSEWHERE.learners, { name: 'Ben', enrol: [], attempts: [play('two-voicemails')] }] });
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const before = await dump(here);
		const backup = await read(text);
		const fileAna = backup.data.profiles.find((profile) => profile.name === 'ana')!.id;
		const plan = await importInto(here, text, { [fileAna]: 'skip' });
		expect(plan.summary.profiles).toMatchObject({ added: 1, skipped: 1 });
		expect(plan.summary.attempts).toMatchObject({ added: 1, skipped: 2 });
		expect(plan.summary.enrolments.skipped).toBe(1);
		const after = await dump(here);
		expect((after.profiles as { name: string }[]).map((profile) => profile.name).sort()).toEqual(['Ana', 'Ben']);
		expect((after.attempts as Attempt[]).some((attempt) => attempt.profileId === fileAna)).toBe(false);
		expect(after.attempts).toHaveLength(before.attempts.length + 1);
	});

	it('names differing only in case or spacing count as the same name', async () => {
		const { text } = await fileFrom({ learners: [{ name: 'SAM LEE', enrol: [], attempts: [] }], authored: [] });
		const here = await open();
		useDatabase(here);
		await createProfile('Sam  Lee');
		const { plan } = await previewImport(await read(text));
		expect(plan.conflicts.map((conflict) => conflict.local.name)).toEqual(['Sam Lee']);
	});
});

describe('an attempt and its decisions are one unit: the later version wins', () => {
	it('a later export brings the rest of an attempt; an earlier one does not undo it', async () => {
		const source = await open();
		const T = Date.UTC(2026, 2, 1, 9);
		await fillDevice(source, { learners: [{ name: 'Cai', enrol: [], attempts: [play('the-third-call', { stopAfter: 1, dispute: false })] }], authored: [] }, T);
		const early = (await exportText()).text;
		// Play the same attempt on to the end, on the same device.
		const { attempts } = await dump(source);
		const attempt = attempts[0] as Attempt;
		const { recordStep } = await import('../../src/lib/storage/progress');
		const { availableChoices, choose, parseScenario } = await import('../../src/lib/core');
		const { readFileSync } = await import('node:fs');
		const scenario = parseScenario(readFileSync('scenarios/the-third-call.md', 'utf8')).scenario!;
		let state = attempt.state;
		while (!state.ended) {
			const listed = availableChoices(scenario, state).filter((option) => !option.choice.free);
			state = choose(scenario, state, listed[0].index);
			await recordStep(attempt.id, scenario, state);
		}
		const late = (await exportText()).text;
		const final = await dump(source);

		const target = await open();
		await importInto(target, early);
		const second = await importInto(target, late);
		expect(second.summary.attempts.updated).toBe(1);
		expect(second.summary.steps.added).toBe(state.steps.length - 1);
		const third = await importInto(target, early);
		expect(third.summary.attempts.kept).toBe(1);
		const after = await dump(target);
		expect(after.attempts).toEqual(final.attempts);
		expect(after.steps).toEqual(final.steps);
	});
});

describe('a failure during the import', () => {
	it('leaves every table exactly as it was (one transaction)', async () => {
		const { text } = await fileFrom({ learners: [{ name: 'Dee', enrol: ['new-hire-boot-camp'], attempts: [play('the-third-call'), play('let-her-vent')] }], authored: [{ title: 'Late parcel', saves: 2, publish: true }] });
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const before = await dump(here);
		useDatabase(here);
		const backup = await read(text);
		const { plan } = await previewImport(backup);
		// Profiles, attempts and decisions are written before disputed scores: fail there, mid-import.
		const bulkPut = Object.getPrototypeOf(here.disputes).bulkPut as (...args: unknown[]) => Promise<unknown>;
		const disputes = vi.spyOn(Object.getPrototypeOf(here.disputes), 'bulkPut').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
			if (this.name === 'disputes') return Promise.reject(new Error('disk on fire'));
			return bulkPut.apply(this, args);
		});
		const written: number[] = [];
		await expect(applyImport(backup, {}, planFingerprint(plan), (fraction) => written.push(fraction))).rejects.toThrow('disk on fire');
		expect(disputes).toHaveBeenCalled();
		expect(written.length).toBeGreaterThan(0);
		expect(await dump(here)).toEqual(before);
	});

	it('is refused when the device changed since the preview, writing nothing', async () => {
		const { text } = await fileFrom(ANA_ELSEWHERE);
		const here = await open();
		useDatabase(here);
		const backup = await read(text);
		const { plan } = await previewImport(backup);
		expect(plan.conflicts).toEqual([]);
		// Another tab adds a learner with the same name before the import is confirmed.
		await createProfile('Ana');
		const before = await dump(here);
		await expect(applyImport(backup, {}, planFingerprint(plan))).rejects.toBeInstanceOf(ImportChangedError);
		expect(await dump(here)).toEqual(before);
	});
});

describe('scenarios written on a device', () => {
	it('keep this device’s autosaved versions; the file’s come in under new numbers where theirs are taken', async () => {
		const { text } = await fileFrom({ learners: [], authored: [{ title: 'Refund call', saves: 3, publish: true }] });
		const here = await open();
		await fillDevice(here, { learners: [], authored: [{ title: 'Late parcel', saves: 2, publish: false }] });
		const before = await dump(here);
		await importInto(here, text);
		const after = await dump(here);
		const mine = before.authoredRevisions as { seq: number; scenarioId: string }[];
		expect(after.authoredRevisions.slice(0, mine.length)).toEqual(mine);
		expect(after.authoredRevisions).toHaveLength(mine.length + 3);
		expect(new Set((after.authoredRevisions as { seq: number }[]).map((revision) => revision.seq)).size).toBe(mine.length + 3);
		expect(after.authored).toHaveLength(2);
		expect(after.publishedVersions).toHaveLength(1);
	});
});

describe('the selected learner', () => {
	it('comes with a whole-device file to a device with none, and never replaces one already selected', async () => {
		const { text, db: other } = await fileFrom({ learners: [{ name: 'Eve', enrol: [], attempts: [] }, { name: 'Fay', enrol: [], attempts: [] }], authored: [] });
		useDatabase(other);
		const selected = await currentProfileId();
		const fresh = await open();
		await importInto(fresh, text);
		useDatabase(fresh);
		expect(await currentProfileId()).toBe(selected);

		const busy = await open();
		useDatabase(busy);
		const gil = await createProfile('Gil');
		await importInto(busy, text);
		useDatabase(busy);
		expect(await currentProfileId()).toBe(gil.id);
		await selectProfile(gil.id);
	});
});

describe('an export that does not check out', () => {
	it('is an error, never a file: a record the format cannot carry stops it', async () => {
		const here = await open();
		await fillDevice(here, ANA_HERE);
		const attempt = (await here.attempts.toArray())[0];
		await here.attempts.put({ ...attempt, legacy: true } as Attempt);
		await expect(exportText()).rejects.toBeInstanceOf(BackupCheckError);
		await expect(exportText()).rejects.toThrow(/data\.attempts\[0\]\.legacy is not part of the backup format/);
	});
});

describe('the backup reminder', () => {
	const T = Date.UTC(2026, 3, 1, 9);

	async function state(now: number) {
		const { oldestUnexported, dismissedAt } = await backupReminderState();
		return reminderDays(oldestUnexported, dismissedAt, now);
	}

	it('is due once results that no export holds are more than 7 days old, and goes away with an export', async () => {
		const here = await open();
		useDatabase(here);
		expect(await state(T)).toBeNull();
		await fillDevice(here, { learners: [{ name: 'Hal', enrol: [], attempts: [play('the-third-call', { dispute: false }), play('two-voicemails', { stopAfter: 1 })] }], authored: [] }, T);
		const completed = (await here.attempts.toArray()).filter((attempt) => attempt.status === 'completed');
		expect(completed).toHaveLength(1);
		const at = completed[0].completedAt!;
		expect(await state(at + 6 * DAY)).toBeNull();
		expect(await state(at + 7 * DAY)).toBeNull();
		expect(await state(at + 8 * DAY + 3_600_000)).toBe(8);

		await markExported({ kind: 'device' }, at + 8 * DAY);
		expect(await state(at + 30 * DAY)).toBeNull();
	});

	it('counts one learner’s export for that learner only', async () => {
		const here = await open();
		useDatabase(here);
		await fillDevice(here, { learners: [{ name: 'Ida', enrol: [], attempts: [play('the-third-call', { dispute: false })] }, { name: 'Jo', enrol: [], attempts: [play('two-voicemails', { dispute: false })] }], authored: [] }, T);
		const rows = await here.attempts.toArray();
		const [ida, jo] = await here.profiles.orderBy('createdAt').toArray();
		const joDone = rows.find((attempt) => attempt.profileId === jo.id)!.completedAt!;
		const now = joDone + 10 * DAY;
		await markExported({ kind: 'learner', profileId: ida.id, name: ida.name }, now - DAY);
		expect(await state(now)).toBe(10);
		await markExported({ kind: 'learner', profileId: jo.id, name: jo.name }, now - DAY);
		expect(await state(now)).toBeNull();
	});

	it('stays away for 7 days once dismissed', async () => {
		const here = await open();
		useDatabase(here);
		await fillDevice(here, { learners: [{ name: 'Kim', enrol: [], attempts: [play('the-third-call', { dispute: false })] }], authored: [] }, T);
		const at = (await here.attempts.toArray())[0].completedAt!;
		await dismissBackupReminder(at + 9 * DAY);
		expect(await state(at + 10 * DAY)).toBeNull();
		expect(await state(at + 16 * DAY + 1)).toBe(16);
	});

	it('counts a learner who arrived by import as exported when their file was made', async () => {
		const made = new Date(T + 2 * DAY);
		const { text } = await fileFrom({ learners: [{ name: 'Lou', enrol: [], attempts: [play('the-third-call', { dispute: false })] }], authored: [] }, made);
		const here = await open();
		await importInto(here, text);
		useDatabase(here);
		expect(await state(made.getTime() + 30 * DAY)).toBeNull();
	});
});
