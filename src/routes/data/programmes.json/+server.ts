import { json } from '@sveltejs/kit';
import { bundledProgrammes } from '$lib/server/bundled';

// The programmes, parsed at build time; precached with the app.
export const prerender = true;

export function GET() {
	return json(bundledProgrammes());
}
