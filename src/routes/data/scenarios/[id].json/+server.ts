import { error, json } from '@sveltejs/kit';
import { bundledIds, bundledRecord } from '$lib/server/bundled';
import type { EntryGenerator, RequestHandler } from './$types';

// One file per bundled scenario, written at build time.
export const prerender = true;
export const entries: EntryGenerator = () => bundledIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const record = bundledRecord(params.id);
	if (!record) error(404, `No bundled scenario is called ${params.id}.`);
	return json(record);
};
