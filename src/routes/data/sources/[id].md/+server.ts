import { error } from '@sveltejs/kit';
import { bundledIds, bundledSource } from '$lib/server/bundled';
import type { EntryGenerator, RequestHandler } from './$types';

// The bundled files as written, for the studio's "make an editable copy". Written at build time.
export const prerender = true;
export const entries: EntryGenerator = () => bundledIds().map((id) => ({ id }));

export const GET: RequestHandler = ({ params }) => {
	const source = bundledSource(params.id);
	if (source === null) error(404, `No bundled scenario is called ${params.id}.`);
	return new Response(source, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
};
