import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import fc from 'fast-check';
import { vi } from 'vitest';
import { availableChoices, choose, compileScenario, hashSource, parseScenario, startRun, submitReply, type RunState, type Scenario } from '../../src/lib/core';
import { buildBackup } from '../../src/lib/backup/export';
import { BACKUP_TABLES, type BackupScope } from '../../src/lib/backup/format';
import { createAuthored, publishAuthored, saveAuthored } from '../../src/lib/storage/authored';
import { readForExport } from '../../src/lib/storage/backup';
import { ServiceDrillDatabase, useDatabase } from '../../src/lib/storage/db';
import { saveDispute } from '../../src/lib/storage/disputes';
import { abandonAttempt, createProfile, newId, recordStep, startAttempt } from '../../src/lib/storage/progress';
import { assessReplyHere, replyContextAt } from '../../src/lib/core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SCENARIO_IDS = ['the-third-call', 'two-voicemails', 'let-her-vent', 'the-name-on-the-booking'] as const;
const scenarios = new Map(
	SCENARIO_IDS.map((id) => {
		const source = readFileSync(join(ROOT, 'scenarios', `${id}.md`), 'utf8');
		return [id, { scenario: parseScenario(source).scenario as Scenario, hash: hashSource(source), title: id }];
	})
);

/** A fresh database the storage functions use from now on. */
export async function freshDatabase(): Promise<ServiceDrillDatabase> {
	const db = new ServiceDrillDatabase(`backup-${Math.random().toString(36).slice(2)}-${Date.now()}`);
	useDatabase(db);
	await db.open();
	return db;
}

export async function dropDatabase(db: ServiceDrillDatabase): Promise<void> {
	db.close();
	await Dexie.delete(db.name);
}

/** Every row of every table the backup covers (and the settings it does not), as plain JSON, in key order. */
export async function dump(db: ServiceDrillDatabase): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of BACKUP_TABLES) out[table] = JSON.parse(JSON.stringify(await db.table(table).toArray()));
	return out;
}

/** A typed reply for generated runs: always English-like, so the rubric scores it. */
const TYPED = ["I'm so sorry about this. I'll sort it out myself today.", 'That is not my department.', "Sorry, I'll call you back by 5pm with the tracking number."];

/** How one generated attempt goes: the replies picked (by position among those shown), where it stops. */
export interface PlayPlan {
	scenario: (typeof SCENARIO_IDS)[number];
	seed: number;
	picks: number[];
	/** Stop after this many decisions (the attempt stays in progress), or play to the end. */
	stopAfter: number | null;
	abandon: boolean;
	mode: 'coach' | 'exam';
	dispute: boolean;
	/** Typed replies, used in turn (any text: accents, emoji, lone surrogates). */
	typed: string[];
}

export interface DevicePlan {
	learners: { name: string; attempts: PlayPlan[]; enrol: ('new-hire-boot-camp' | 'annual-refresher')[] }[];
	authored: { title: string; saves: number; publish: boolean }[];
}

/** Plays attempts and writes learners, enrolments, disputes and studio scenarios through the app's own storage functions. */
export async function fillDevice(db: ServiceDrillDatabase, plan: DevicePlan, start = Date.UTC(2026, 0, 10, 9)): Promise<void> {
	vi.useFakeTimers({ toFake: ['Date'] });
	let now = start;
	const tick = () => vi.setSystemTime((now += 61_000));
	try {
		for (const learner of plan.learners) {
			tick();
			const profile = await createProfile(learner.name);
			for (const programmeId of learner.enrol) {
				tick();
				await db.enrolments.add({ id: newId(), profileId: profile.id, programmeId, enrolledAt: now });
			}
			for (const play of learner.attempts) {
				const { scenario, hash, title } = scenarios.get(play.scenario)!;
				tick();
				let state: RunState = startRun(scenario, { scenarioId: play.scenario, scenarioHash: hash, seed: play.seed });
				const attempt = await startAttempt({ profileId: profile.id, scenarioId: play.scenario, scenarioTitle: title, mode: play.mode, state });
				let decisions = 0;
				while (!state.ended && (play.stopAfter === null || decisions < play.stopAfter)) {
					const options = availableChoices(scenario, state);
					const listed = options.filter((option) => !option.choice.free);
					const before = state;
					// A pick of 3 or more types a reply where a text box is offered; a node with only a text box always does.
					if (listed.length === 0 || (options.some((option) => option.choice.free) && (play.picks[decisions] ?? 0) >= 3)) {
						const typed = [...play.typed, ...TYPED];
						state = submitReply(scenario, state, typed[(play.picks[decisions] ?? 0) % typed.length]);
					}
					else if ((play.picks[decisions] ?? 0) >= 3) {
						// The reply the file rates best, which leads on to the conversations' typed replies.
						const value = (option: (typeof listed)[number]) => Object.values(option.choice.effects).reduce((sum, effect) => sum + (effect ?? 0), 0);
						state = choose(scenario, state, [...listed].sort((a, b) => value(b) - value(a))[0].index);
					} else state = choose(scenario, state, listed[(play.picks[decisions] ?? 0) % listed.length].index);
					tick();
					await recordStep(attempt.id, scenario, state);
					const step = state.steps[state.steps.length - 1];
					if (play.dispute && step.reply !== undefined) {
						await saveDispute({
							profileId: profile.id,
							attemptId: attempt.id,
							stepIndex: state.steps.length - 1,
							scenarioId: play.scenario,
							context: replyContextAt(scenario, before.node),
							reply: step.reply,
							assessment: assessReplyHere(scenario, before, step.reply),
							dimension: 'empathy',
							expected: '+',
							why: 'It was kind.'
						});
					}
					decisions++;
					if (decisions > 60) break;
				}
				if (play.abandon && !state.ended) {
					tick();
					await abandonAttempt(attempt.id);
				}
			}
		}
		for (const authored of plan.authored) {
			tick();
			const source = (n: number) => readFileSync(join(ROOT, 'scenarios', 'the-third-call.md'), 'utf8').replace('title: The Third Call', `title: ${authored.title} ${n}`);
			let saved = await createAuthored(source(1), { title: authored.title, errors: 0, warnings: 0 });
			for (let n = 2; n <= authored.saves; n++) {
				tick();
				saved = await saveAuthored(saved.id, source(n), saved.revision, { title: authored.title, errors: 0, warnings: 0 }, { anchor: n, head: n });
			}
			if (authored.publish) {
				tick();
				await publishAuthored(saved.id, compileScenario(saved.id, saved.source));
			}
		}
	} finally {
		vi.useRealTimers();
	}
}

/** Exports `scope` from the current database the way the settings page does. */
export async function exportText(scope: { kind: 'device' } | { kind: 'learner'; profileId: string } = { kind: 'device' }, createdAt = new Date(Date.UTC(2026, 1, 1))) {
	const { data, scope: full } = await readForExport(scope);
	return buildBackup({ data, scope: full as BackupScope, appVersion: 'test', schemaVersion: 3, createdAt, computed: { certifications: [] } });
}

/** Names as createProfile accepts them: trimmed, single spaces, 1–40 characters. */
const names = fc.oneof(
	fc.constantFrom('Ana', 'Ben', 'Chloé', 'Dmitri Ivanov', 'Ọlá', 'Zoë', 'Sam Lee', '李华', 'Ann-Marie'),
	fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
		.map((name) => name.replace(/\s+/g, ' ').trim())
		.filter((name) => name.length > 0 && name.length <= 40)
);

const playPlan: fc.Arbitrary<PlayPlan> = fc.record({
	scenario: fc.constantFrom(...SCENARIO_IDS),
	seed: fc.integer({ min: 0, max: 4294967295 }),
	picks: fc.array(fc.nat({ max: 4 }), { maxLength: 12 }),
	stopAfter: fc.option(fc.nat({ max: 4 }), { nil: null }),
	abandon: fc.boolean(),
	mode: fc.constantFrom('coach' as const, 'exam' as const),
	dispute: fc.boolean(),
	typed: fc.array(fc.string({ unit: 'binary', maxLength: 80 }), { maxLength: 2 })
});

/** Generated device histories: a few learners with attempts in every state, programmes, disputes and studio scenarios. */
export const devicePlan: fc.Arbitrary<DevicePlan> = fc.record({
	learners: fc.uniqueArray(
		fc.record({
			name: names,
			attempts: fc.array(playPlan, { maxLength: 4 }),
			enrol: fc.subarray(['new-hire-boot-camp', 'annual-refresher'] as ('new-hire-boot-camp' | 'annual-refresher')[])
		}),
		{ maxLength: 3, selector: (learner) => learner.name.toLowerCase() }
	),
	authored: fc.array(fc.record({ title: fc.constantFrom('Refund call', 'Late parcel'), saves: fc.integer({ min: 1, max: 3 }), publish: fc.boolean() }), { maxLength: 2 })
});
