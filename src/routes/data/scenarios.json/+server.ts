import { json } from '@sveltejs/kit';
import { bundledCards } from '$lib/server/bundled';

// Written once at build time; the service worker precaches it with the app.
export const prerender = true;

export function GET() {
	return json(bundledCards());
}
