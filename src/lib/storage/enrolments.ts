import { database, type Enrolment } from './db';
import { newId } from './progress';

/** Enrols a learner in a programme; enrolling again changes nothing (the first date stands). */
export async function enrol(profileId: string, programmeId: string, now = Date.now()): Promise<Enrolment> {
	const db = database();
	return db.transaction('rw', db.enrolments, async () => {
		const existing = await db.enrolments.where({ profileId, programmeId }).first();
		if (existing) return existing;
		const enrolment: Enrolment = { id: newId(), profileId, programmeId, enrolledAt: now };
		await db.enrolments.add(enrolment);
		return enrolment;
	});
}

export async function enrolmentsOf(profileId: string): Promise<Enrolment[]> {
	return database().enrolments.where('profileId').equals(profileId).toArray();
}
