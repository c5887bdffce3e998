import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scoreReply, type ReplyContext } from '$lib/core';
import { ServiceDrillDatabase, useDatabase } from '$lib/storage/db';
import { disputesOn, listDisputes, saveDispute, type DisputeInput } from '$lib/storage/disputes';

let db: ServiceDrillDatabase;

beforeEach(async () => {
	db = new ServiceDrillDatabase('test-' + Math.random().toString(36).slice(2) + Date.now());
	useDatabase(db);
	await db.open();
});

afterEach(async () => {
	db.close();
	await Dexie.delete(db.name);
});

const context: ReplyContext = { customer: 'Dana Whitfield', policy: 'Refunds within 30 days.', customerLine: 'So what happens now?' };
const reply = 'Someone from returns will call you.';

function input(overrides: Partial<DisputeInput> = {}): DisputeInput {
	return {
		profileId: 'p1',
		attemptId: 'a1',
		stepIndex: 3,
		scenarioId: 'the-third-call',
		reply,
		context,
		assessment: scoreReply(reply, context),
		dimension: 'empathy',
		expected: '-',
		why: '  Nobody says sorry.  ',
		...overrides
	};
}

describe('disputes on the device', () => {
	it('stores the reply, its context, the rubric’s evidence and the trainee’s sign and reason', async () => {
		const saved = await saveDispute(input());
		expect(saved).toMatchObject({ profileId: 'p1', attemptId: 'a1', stepIndex: 3, scenarioId: 'the-third-call', reply, context, dimension: 'empathy', expected: '-', why: 'Nobody says sorry.' });
		expect(saved.assessment.evidence.length).toBeGreaterThan(0);
		expect(await listDisputes()).toEqual([saved]);
		expect(await db.disputes.get(saved.id)).toEqual(saved);
	});

	it('replaces a dispute on the same score of the same reply, and keeps one on another score', async () => {
		await saveDispute(input({ expected: '0' }));
		await saveDispute(input({ expected: '-', why: 'Changed my mind.' }));
		await saveDispute(input({ dimension: 'ownership', expected: '+' }));
		await saveDispute(input({ stepIndex: 5 }));
		const onReply = await disputesOn('a1', 3);
		expect(onReply.map((d) => `${d.dimension} ${d.expected} ${d.why}`).sort()).toEqual(['empathy - Changed my mind.', 'ownership + Nobody says sorry.']);
		expect(await listDisputes()).toHaveLength(3);
	});

	it('lists disputes oldest first, and stores them as plain JSON', async () => {
		const first = await saveDispute(input({ attemptId: 'a2' }));
		await new Promise((resolve) => setTimeout(resolve, 5));
		const second = await saveDispute(input({ attemptId: 'a3' }));
		expect((await listDisputes()).map((d) => d.id)).toEqual([first.id, second.id]);
		expect(JSON.parse(JSON.stringify(first))).toEqual(first);
	});

	it('keeps a very long reason to its limit', async () => {
		const saved = await saveDispute(input({ why: 'x'.repeat(5000) }));
		expect(saved.why.length).toBe(1000);
	});
});

describe('the database upgrade to version 2', () => {
	it('keeps version 1 data and adds the disputes table', async () => {
		const name = 'upgrade-' + Math.random().toString(36).slice(2);
		const old = new Dexie(name);
		old.version(1).stores({
			profiles: 'id, name, createdAt',
			attempts: 'id, profileId, scenarioId, [profileId+scenarioId], [profileId+status], updatedAt',
			steps: '[attemptId+index], attemptId, at',
			settings: 'key'
		});
		await old.table('profiles').add({ id: 'p1', name: 'Ana', createdAt: 1, coachMode: true });
		old.close();
		const upgraded = new ServiceDrillDatabase(name);
		useDatabase(upgraded);
		expect(await upgraded.profiles.get('p1')).toMatchObject({ name: 'Ana' });
		await saveDispute(input());
		expect(await listDisputes()).toHaveLength(1);
		expect(upgraded.verno).toBe(3);
		upgraded.close();
		await Dexie.delete(name);
	});
});
