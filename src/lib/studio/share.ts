import { slugify } from '$lib/core/slug';
import type { Diagnostic } from '$lib/core/types';
import type { AuthoredScenario } from '$lib/storage/db';
import { AUTHORED_PREFIX, getAuthored } from '$lib/storage/published';
import { authoredIdFor, createAuthored, MAX_AUTHORED_CHARS, restoreAuthored, saveAuthored } from '$lib/storage/authored';

/*
 * Sharing scenarios as files: a scenario downloads as `<id>.md` (its id
 * without the `~`), so importing that file again finds the same scenario and
 * asks before replacing it.
 */

/** The file name a scenario downloads as; importing it maps back to the same id. */
export function fileNameOf(scenario: Pick<AuthoredScenario, 'id'>): string {
	return `${scenario.id.slice(AUTHORED_PREFIX.length)}.md`;
}

/** The id an imported file takes: `~` and its name as a slug. */
export function idForFile(name: string): string {
	const base = slugify(name.replace(/\.(md|markdown|txt)$/i, '')).replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
	return `${AUTHORED_PREFIX}${base || 'scenario'}`;
}

/** ready: nothing has this id; exists: a scenario (maybe deleted) has it, so the manager chooses; refused: not importable. */
export type ImportStatus = 'ready' | 'exists' | 'refused';

/** One file read for import, before anything is written. */
export interface ImportCandidate {
	fileName: string;
	id: string;
	status: ImportStatus;
	/** Why a file was refused (too large, not text). */
	reason?: string;
	source?: string;
	title?: string;
	errors: number;
	warnings: number;
	/** The first problems, for the report. */
	problems: Diagnostic[];
	/** The scenario already on this device with this id. */
	existing?: AuthoredScenario;
}

/** Reads files for import and reports on each: nothing is written until the manager confirms. */
export async function readImports(files: File[]): Promise<ImportCandidate[]> {
	// The parser (with the rubric its checks use) loads only when files are imported, not with the studio.
	const { inspectScenario } = await import('$lib/core/inspect');
	const candidates: ImportCandidate[] = [];
	for (const file of files) {
		const id = idForFile(file.name);
		const base = { fileName: file.name, id, errors: 0, warnings: 0, problems: [] as Diagnostic[] };
		if (file.size > MAX_AUTHORED_CHARS * 4) {
			candidates.push({ ...base, status: 'refused', reason: `${(file.size / 1e6).toFixed(1)} MB is too large for a scenario (the limit is ${MAX_AUTHORED_CHARS / 1e6} million characters).` });
			continue;
		}
		let source: string;
		try {
			source = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
		} catch {
			candidates.push({ ...base, status: 'refused', reason: 'This is not a text file (it is not valid UTF-8).' });
			continue;
		}
		if (source.length > MAX_AUTHORED_CHARS) {
			candidates.push({ ...base, status: 'refused', reason: `${source.length.toLocaleString('en')} characters is too large for a scenario (the limit is ${MAX_AUTHORED_CHARS.toLocaleString('en')}).` });
			continue;
		}
		const { diagnostics, draft } = inspectScenario(source);
		const errors = diagnostics.filter((d) => d.severity === 'error');
		const existing = await getAuthored(id);
		candidates.push({
			...base,
			status: existing ? 'exists' : 'ready',
			source,
			title: draft.meta?.title ?? file.name,
			errors: errors.length,
			warnings: diagnostics.length - errors.length,
			problems: [...errors, ...diagnostics.filter((d) => d.severity === 'warning')].slice(0, 3),
			existing
		});
	}
	return candidates;
}

/**
 * Writes one read file: `new`, a scenario under the file's id (none exists);
 * `replace`, a new version of the scenario with that id (its history keeps
 * the old text; a deleted one comes back); `keep-both`, a new scenario under a fresh id.
 */
export async function applyImport(candidate: ImportCandidate, choice: 'new' | 'replace' | 'keep-both'): Promise<AuthoredScenario> {
	if (candidate.source === undefined) throw new Error(`${candidate.fileName} was not read.`);
	const summary = { title: candidate.title ?? candidate.fileName, errors: candidate.errors, warnings: candidate.warnings };
	if (choice === 'keep-both') return createAuthored(candidate.source, summary, authoredIdFor(summary.title));
	const existing = await getAuthored(candidate.id);
	if (!existing) return createAuthored(candidate.source, summary, candidate.id);
	if (choice !== 'replace') throw new Error(`${candidate.fileName}: a scenario with this name exists; choose Replace or Keep both.`);
	await saveAuthored(candidate.id, candidate.source, existing.revision, summary);
	if (existing.deletedAt !== undefined) await restoreAuthored(candidate.id);
	return (await getAuthored(candidate.id))!;
}

/** Every scenario on the device (not deleted) as one zip of `.md` files. */
export async function zipAll(scenarios: AuthoredScenario[]): Promise<Uint8Array> {
	const { strToU8, zipSync } = await import('fflate');
	return zipSync(Object.fromEntries(scenarios.map((scenario) => [fileNameOf(scenario), strToU8(scenario.source)])));
}
