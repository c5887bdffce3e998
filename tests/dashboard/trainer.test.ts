import { describe, expect, it } from 'vitest';
import { addPeriod, DAY_MS, dueFrom, type ScoredAttempt } from '$lib/core';
import { BOM } from '$lib/dashboard/csv';
import { filterRows, sortRows, trainerCsv, trainerRows, type TrainerInput, type TrainerRow } from '$lib/dashboard/trainer';
import { completed, day, makeProgramme } from './fixtures';

const BOOT = { id: 'boot', programme: makeProgramme('Boot camp', 'boot-camp', ['one', 'two']) };
const REFRESH = { id: 'refresh', programme: makeProgramme('Refresher', 'refresher', ['three']) };
const PROGRAMMES = [BOOT, REFRESH];

function learner(name: string, enrolments: TrainerInput['enrolments'], attempts: ScoredAttempt[] = [], unfinished: ScoredAttempt[] = []): TrainerInput {
	return { profile: { id: `id-${name}`, name }, enrolments, completed: attempts, unfinished };
}

/** Five learners: certified, overdue, in progress, not started, not enrolled. */
function cohort(now = day(400)) {
	const learners = [
		// Passed both steps of the boot camp: certified, never expires.
		learner('Ada', [{ programmeId: 'boot', enrolledAt: day(0) }], [completed('one', day(1), [80, 90, 75]), completed('two', day(2), [70, 70, 95])]),
		// Certified on the refresher on day 3; 12 months later (day 368) it expired: overdue at day 400.
		learner('Bo', [{ programmeId: 'refresh', enrolledAt: day(0) }], [completed('three', day(3), [90, 90, 90])]),
		// One of two boot-camp steps passed, one failed.
		learner('Zoë', [{ programmeId: 'boot', enrolledAt: day(0) }], [completed('one', day(5), [85, 85, 85]), completed('two', day(6), [40, 50, 60])], [
			{ id: 'u1', scenarioId: 'two', status: 'in-progress', startedAt: day(7), updatedAt: day(7) + 1000 }
		]),
		learner('Cy', [{ programmeId: 'boot', enrolledAt: day(10) }]),
		learner('=cmd|calc', [])
	];
	return trainerRows(learners, PROGRAMMES, now);
}

describe("the trainer's rows", () => {
	it('work out each learner: programmes, steps passed, status with dates, scores, last active', () => {
		const [ada, bo, zoe, cy, nobody] = cohort();
		expect(ada).toMatchObject({ name: 'Ada', passed: 2, total: 2, status: 'certified', completed: 2, lastActive: day(2) });
		expect(ada.programmes[0]).toMatchObject({ title: 'Boot camp', status: 'certified', certifiedAt: day(2), expiresAt: null, dueAt: null });
		// Scores: the average of each scenario's latest score.
		expect(ada.scores).toEqual({ empathy: 75, flexibility: 80, ownership: 85 });

		const expires = addPeriod(day(3), { amount: 12, unit: 'months' });
		expect(bo.status).toBe('overdue');
		expect(bo.programmes[0]).toMatchObject({ status: 'overdue', certifiedAt: day(3), expiresAt: expires, dueAt: dueFrom(day(3), expires), passed: 0, total: 1 });

		expect(zoe).toMatchObject({ status: 'in-progress', passed: 1, total: 2, lastActive: day(7) + 1000 });
		expect(cy).toMatchObject({ status: 'not-started', passed: 0, total: 2, lastActive: null, completed: 0 });
		expect(cy.scores).toEqual({ empathy: null, flexibility: null, ownership: null });
		expect(nobody).toMatchObject({ status: 'not-enrolled', programmes: [], total: 0 });
	});

	it('say "due" in the 30 days before a refresher expires', () => {
		const expires = addPeriod(day(3), { amount: 12, unit: 'months' });
		const [, bo] = cohort(expires - 10 * DAY_MS);
		expect(bo.status).toBe('due');
		const [, early] = cohort(expires - 40 * DAY_MS);
		expect(early.status).toBe('certified');
	});

	it('take the most pressing status across programmes, and keep an enrolment whose programme is gone', () => {
		const rows = trainerRows(
			[
				learner('Both', [
					{ programmeId: 'boot', enrolledAt: day(0) },
					{ programmeId: 'refresh', enrolledAt: day(0) },
					{ programmeId: 'gone', enrolledAt: day(1) }
				], [completed('one', day(1), [90, 90, 90]), completed('two', day(2), [90, 90, 90]), completed('three', day(3), [90, 90, 90])])
			],
			[...PROGRAMMES, { id: 'broken', programme: null }],
			day(400)
		);
		expect(rows[0].programmes.map((entry) => [entry.title, entry.status, entry.available])).toEqual([
			['Boot camp', 'certified', true],
			['Refresher', 'overdue', true],
			['gone', 'not-started', false]
		]);
		expect(rows[0].status).toBe('overdue');
		expect(rows[0]).toMatchObject({ passed: 2, total: 3 });
	});

	it('show a programme the learner enrolled in twice once, counted from the first enrolment', () => {
		const [row] = trainerRows(
			[
				learner('Twice', [
					{ programmeId: 'boot', enrolledAt: day(5) },
					{ programmeId: 'boot', enrolledAt: day(0) }
				], [completed('one', day(1), [90, 90, 90])])
			],
			PROGRAMMES,
			day(10)
		);
		expect(row.programmes).toHaveLength(1);
		expect(row.programmes[0]).toMatchObject({ enrolledAt: day(0), passed: 1, status: 'in-progress' });
	});
});

describe('sorting and filtering', () => {
	const names = (rows: TrainerRow[]) => rows.map((row) => row.name);

	it('sorts by any column both ways, empty cells last either way, ties by name', () => {
		const rows = cohort();
		expect(names(sortRows(rows, 'name', 'ascending'))).toEqual(['=cmd|calc', 'Ada', 'Bo', 'Cy', 'Zoë']);
		expect(names(sortRows(rows, 'name', 'descending'))).toEqual(['Zoë', 'Cy', 'Bo', 'Ada', '=cmd|calc']);
		expect(names(sortRows(rows, 'steps', 'descending'))).toEqual(['Ada', 'Zoë', 'Bo', 'Cy', '=cmd|calc']);
		expect(names(sortRows(rows, 'steps', 'ascending'))).toEqual(['Bo', 'Cy', 'Zoë', 'Ada', '=cmd|calc']);
		expect(names(sortRows(rows, 'empathy', 'ascending'))).toEqual(['Zoë', 'Ada', 'Bo', '=cmd|calc', 'Cy']);
		expect(names(sortRows(rows, 'status', 'ascending'))).toEqual(['Bo', 'Zoë', 'Cy', 'Ada', '=cmd|calc']);
		expect(names(sortRows(rows, 'lastActive', 'descending'))).toEqual(['Zoë', 'Bo', 'Ada', '=cmd|calc', 'Cy']);
		expect(names(sortRows(rows, 'programmes', 'ascending'))).toEqual(['Ada', 'Cy', 'Zoë', 'Bo', '=cmd|calc']);
		// The input is left as it was.
		expect(names(rows)).toEqual(['Ada', 'Bo', 'Zoë', 'Cy', '=cmd|calc']);
	});

	it('filters by part of the name (any case, accents optional) and by status', () => {
		const rows = cohort();
		expect(names(filterRows(rows, { name: 'zoe', status: 'all' }))).toEqual(['Zoë']);
		expect(names(filterRows(rows, { name: '  A ', status: 'all' }))).toEqual(['Ada', '=cmd|calc']);
		expect(names(filterRows(rows, { name: '', status: 'overdue' }))).toEqual(['Bo']);
		expect(names(filterRows(rows, { name: '', status: 'not-enrolled' }))).toEqual(['=cmd|calc']);
		expect(names(filterRows(rows, { name: 'a', status: 'certified' }))).toEqual(['Ada']);
		expect(names(filterRows(rows, { name: 'nobody', status: 'all' }))).toEqual([]);
	});
});

describe('the CSV', () => {
	it('has a BOM, a header, one row per learner, ISO dates and inert formulas', () => {
		const rows = cohort();
		const csv = trainerCsv(rows, [
			{ id: 'boot', title: 'Boot camp' },
			{ id: 'refresh', title: 'Refresher' }
		]);
		expect(csv.startsWith(BOM)).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines.pop()).toBe('');
		expect(lines).toHaveLength(1 + rows.length);
		const header = lines[0].split(',');
		expect(header.slice(0, 7)).toEqual([
			'Learner',
			'Status',
			'Last active',
			'Completed conversations',
			'Empathy (average of latest scores)',
			'Policy flexibility (average of latest scores)',
			'Ownership (average of latest scores)'
		]);
		expect(header).toContain('Refresher: due on');
		expect(header).toHaveLength(7 + 2 * 7);
		const iso = (at: number) => new Date(at).toLocaleDateString('sv-SE');
		const ada = lines[1].split(',');
		expect(ada.slice(0, 7)).toEqual(['Ada', 'Certified', `${iso(day(2))} ${new Date(day(2)).toTimeString().slice(0, 5)}`, '2', '75', '80', '85']);
		expect(ada.slice(7, 14)).toEqual(['Certified', '2', '2', iso(day(0)), iso(day(2)), '', '']);
		expect(ada.slice(14)).toEqual(['Not enrolled', '', '', '', '', '', '']);
		const bo = lines[2].split(',');
		const expires = addPeriod(day(3), { amount: 12, unit: 'months' });
		expect(bo.slice(14)).toEqual(['Overdue', '0', '1', iso(day(0)), iso(day(3)), iso(dueFrom(day(3), expires)), iso(expires)]);
		expect(lines[5].startsWith("'=cmd|calc,Not enrolled,,0,,,")).toBe(true);
	});

	it('adds a column group for an enrolment in a programme the app no longer has', () => {
		const rows = trainerRows([learner('Ada', [{ programmeId: 'gone', enrolledAt: day(0) }])], PROGRAMMES, day(1));
		const csv = trainerCsv(rows, [{ id: 'boot', title: 'Boot camp' }]);
		const [header, ada] = csv.slice(1).split('\r\n');
		expect(header).toContain('gone: status');
		expect(ada.endsWith(`,Programme no longer available,,,${new Date(day(0)).toLocaleDateString('sv-SE')},,,`)).toBe(true);
	});
});
