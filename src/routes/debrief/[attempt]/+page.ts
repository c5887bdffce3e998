import type { PageLoad } from './$types';

// Attempts live in IndexedDB, so this page is resolved in the browser (the app shell serves it offline).
export const prerender = false;

export const load: PageLoad = ({ params }) => ({ attemptId: params.attempt });
