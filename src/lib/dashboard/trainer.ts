/*
 * The trainer's view: one row per learner on the device, from their
 * enrolments and attempts, with the programme rules of the core
 * (`programmeProgress`). Sorting, filtering and the CSV are pure functions of
 * the rows, tested without a DOM.
 */
import { summariseAttempts } from '$lib/core/programme-dashboard';
import { dueFrom, programmeProgress, type ScoredAttempt } from '$lib/core/programme-progress';
import type { Audience, Programme } from '$lib/core/programme';
import { DIMENSIONS, perDimension, type Dimension } from '$lib/core/types';
import { SUBJECT_LABEL } from '$lib/labels';
import { isoDate, isoDateTime, toCsv, type CsvCell } from './csv';

/** Where a learner stands in one programme, most pressing first. */
export const STATUSES = ['overdue', 'due', 'in-progress', 'not-started', 'certified', 'not-enrolled'] as const;
export type LearnerStatus = (typeof STATUSES)[number];

export const STATUS_LABEL: Record<LearnerStatus, string> = {
	overdue: 'Overdue',
	due: 'Due',
	'in-progress': 'In progress',
	'not-started': 'Not started',
	certified: 'Certified',
	'not-enrolled': 'Not enrolled'
};

/** One enrolment, as the trainer reads it. */
export interface TrainerProgramme {
	programmeId: string;
	title: string;
	audience: Audience | null;
	/** False when the programme is no longer in the app (its file was removed or has errors): nothing below is known. */
	available: boolean;
	enrolledAt: number;
	passed: number;
	total: number;
	status: LearnerStatus;
	/** The latest certification, when there is one. */
	certifiedAt: number | null;
	/** Refreshers: when the latest certification expires, and when the refresher falls due before that. */
	expiresAt: number | null;
	dueAt: number | null;
}

export interface TrainerRow {
	profileId: string;
	name: string;
	/** In the order the learner enrolled. */
	programmes: TrainerProgramme[];
	passed: number;
	total: number;
	/** Per dimension, the average of each scenario's latest score, rounded; null where nothing assessed it. */
	scores: Record<Dimension, number | null>;
	completed: number;
	/** The latest completion or unfinished attempt's last write; null for a learner who never played. */
	lastActive: number | null;
	/** The most pressing of the programmes' statuses; `not-enrolled` without any. */
	status: LearnerStatus;
}

/** What `trainerRows` reads per learner (the storage's `LearnerRecord` fits). */
export interface TrainerInput {
	profile: { id: string; name: string };
	enrolments: readonly { programmeId: string; enrolledAt: number }[];
	/** Oldest first. */
	completed: readonly ScoredAttempt[];
	unfinished: readonly ScoredAttempt[];
}

export interface ProgrammeRef {
	id: string;
	programme: Programme | null;
}

/** The rows, in the learners' order. `programmes` are the app's (`listProgrammes`). */
export function trainerRows(learners: readonly TrainerInput[], programmes: readonly ProgrammeRef[], now: number): TrainerRow[] {
	const byId = new Map(programmes.map((entry) => [entry.id, entry.programme]));
	return learners.map(({ profile, enrolments, completed, unfinished }) => {
		// One line per programme: a learner enrolled twice in one (two tabs, a restored backup) counts from the first time.
		const first = new Map<string, { programmeId: string; enrolledAt: number }>();
		for (const enrolment of [...enrolments].sort((a, b) => a.enrolledAt - b.enrolledAt || a.programmeId.localeCompare(b.programmeId))) {
			if (!first.has(enrolment.programmeId)) first.set(enrolment.programmeId, enrolment);
		}
		const enrolled = [...first.values()].map((enrolment) => programmeRow(enrolment, byId.get(enrolment.programmeId) ?? null, completed, now));
		const summary = summariseAttempts(completed, now);
		const sum = perDimension(() => 0);
		const count = perDimension(() => 0);
		for (const result of summary.scenarios.values()) {
			for (const dimension of DIMENSIONS) {
				const score = result.latest.scores[dimension];
				if (score === null) continue;
				sum[dimension] += score;
				count[dimension]++;
			}
		}
		let lastActive = summary.last;
		for (const attempt of unfinished) {
			const at = attempt.updatedAt ?? attempt.startedAt;
			if (at <= now && (lastActive === null || at > lastActive)) lastActive = at;
		}
		const status = enrolled.length === 0 ? 'not-enrolled' : enrolled.map((entry) => entry.status).sort(byUrgency)[0];
		return {
			profileId: profile.id,
			name: profile.name,
			programmes: enrolled,
			passed: enrolled.reduce((total, entry) => total + entry.passed, 0),
			total: enrolled.reduce((total, entry) => total + entry.total, 0),
			scores: perDimension((dimension) => (count[dimension] > 0 ? Math.round(sum[dimension] / count[dimension]) : null)),
			completed: summary.completed,
			lastActive,
			status
		};
	});
}

const byUrgency = (a: LearnerStatus, b: LearnerStatus) => STATUSES.indexOf(a) - STATUSES.indexOf(b);

function programmeRow(
	enrolment: { programmeId: string; enrolledAt: number },
	programme: Programme | null,
	attempts: readonly ScoredAttempt[],
	now: number
): TrainerProgramme {
	const base = { programmeId: enrolment.programmeId, enrolledAt: enrolment.enrolledAt, certifiedAt: null, expiresAt: null, dueAt: null };
	if (!programme) return { ...base, title: enrolment.programmeId, audience: null, available: false, passed: 0, total: 0, status: 'not-started' };
	const progress = programmeProgress(programme, attempts, { enrolledAt: enrolment.enrolledAt, now });
	const renewal = progress.renewal;
	let status: LearnerStatus;
	if (renewal.state === 'overdue' || renewal.state === 'due' || renewal.state === 'certified') status = renewal.state;
	else status = progress.steps.some((step) => step.attempts > 0) ? 'in-progress' : 'not-started';
	const certifiedAt = renewal.state === 'not-certified' ? null : renewal.certifiedAt;
	const expiresAt = renewal.state === 'not-certified' ? null : renewal.expiresAt;
	return {
		...base,
		title: programme.title,
		audience: programme.audience,
		available: true,
		passed: progress.passed,
		total: progress.total,
		status,
		certifiedAt,
		expiresAt,
		dueAt: certifiedAt !== null && expiresAt !== null ? dueFrom(certifiedAt, expiresAt) : null
	};
}

/** The columns a trainer can sort by. */
export const SORT_KEYS = ['name', 'programmes', 'steps', 'empathy', 'flexibility', 'ownership', 'status', 'lastActive'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

/** A row's value for a column; null sorts last whichever the direction (an empty cell is never "the best"). */
function sortValue(row: TrainerRow, key: SortKey): string | number | null {
	switch (key) {
		case 'name':
			return row.name;
		case 'programmes':
			return row.programmes.length === 0 ? null : row.programmes.map((entry) => entry.title).join(', ');
		case 'steps':
			return row.total === 0 ? null : row.passed / row.total;
		case 'status':
			return STATUSES.indexOf(row.status);
		case 'lastActive':
			return row.lastActive;
		default:
			return row.scores[key];
	}
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** A sorted copy; ties keep name order, so the table never shuffles between clicks. */
export function sortRows(rows: readonly TrainerRow[], key: SortKey, direction: SortDirection): TrainerRow[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return [...rows].sort((a, b) => {
		const x = sortValue(a, key);
		const y = sortValue(b, key);
		if (x === null || y === null) {
			if (x !== y) return x === null ? 1 : -1;
		} else {
			const order = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
			if (order !== 0) return sign * order;
		}
		return collator.compare(a.name, b.name) || (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0);
	});
}

/** Lower case without accents: "Zoë" is found by "zoe". */
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export interface RowFilter {
	/** Part of a learner's name; blank for everyone. */
	name: string;
	/** Learners with at least one programme in this state (`not-enrolled`: with none); `all` for everyone. */
	status: LearnerStatus | 'all';
}

export function filterRows(rows: readonly TrainerRow[], { name, status }: RowFilter): TrainerRow[] {
	const wanted = fold(name.trim());
	return rows.filter(
		(row) =>
			(wanted === '' || fold(row.name).includes(wanted)) &&
			(status === 'all' ||
				(status === 'not-enrolled' ? row.programmes.length === 0 : row.programmes.some((entry) => entry.status === status)))
	);
}

/**
 * The CSV file: one row per learner, then per programme a group of columns
 * (status, steps passed and total, enrolled, certified, due and expiry
 * dates). `programmes` gives the groups' order (the app's programmes);
 * programmes only found in enrolments are added after them.
 */
export function trainerCsv(rows: readonly TrainerRow[], programmes: readonly { id: string; title: string }[]): string {
	const groups = programmes.map((entry) => ({ id: entry.id, title: entry.title }));
	for (const row of rows) {
		for (const entry of row.programmes) {
			if (!groups.some((group) => group.id === entry.programmeId)) groups.push({ id: entry.programmeId, title: entry.title });
		}
	}
	const header: CsvCell[] = [
		'Learner',
		'Status',
		'Last active',
		'Completed conversations',
		...DIMENSIONS.map((dimension) => `${SUBJECT_LABEL[dimension]} (average of latest scores)`),
		...groups.flatMap(({ title }) =>
			['status', 'steps passed', 'steps total', 'enrolled on', 'certified on', 'due on', 'expires on'].map((field) => `${title}: ${field}`)
		)
	];
	const lines = rows.map((row): CsvCell[] => [
		row.name,
		STATUS_LABEL[row.status],
		isoDateTime(row.lastActive),
		row.completed,
		...DIMENSIONS.map((dimension) => row.scores[dimension]),
		...groups.flatMap(({ id }) => {
			const entry = row.programmes.find((candidate) => candidate.programmeId === id);
			if (!entry) return ['Not enrolled', null, null, null, null, null, null];
			return [
				entry.available ? STATUS_LABEL[entry.status] : 'Programme no longer available',
				entry.available ? entry.passed : null,
				entry.available ? entry.total : null,
				isoDate(entry.enrolledAt),
				isoDate(entry.certifiedAt),
				isoDate(entry.dueAt),
				isoDate(entry.expiresAt)
			];
		})
	]);
	return toCsv([header, ...lines]);
}
