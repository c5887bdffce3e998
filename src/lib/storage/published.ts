import { database, type AuthoredScenario, type PublishedVersion } from './db';

/*
 * What the library and the player read of scenarios made on this device
 * (the studio's writes live in authored.ts, which only the studio loads).
 */

/** Authored ids start with this; bundled ids are file names, which the build keeps to letters, digits and hyphens. */
export const AUTHORED_PREFIX = '~';

export const isAuthoredId = (id: string) => id.startsWith(AUTHORED_PREFIX);

export async function getAuthored(id: string): Promise<AuthoredScenario | undefined> {
	return database().authored.get(id);
}

export async function publishedVersion(id: string, hash: string): Promise<PublishedVersion | undefined> {
	return database().publishedVersions.get([id, hash]);
}

/** The library's authored entries: published and not deleted. */
export async function publishedAuthored(): Promise<AuthoredScenario[]> {
	const all = await database().authored.toArray();
	return all.filter((scenario) => scenario.publishedHash && scenario.publishedCard && scenario.deletedAt === undefined);
}
