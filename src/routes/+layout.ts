// A static single-page app: every page is a prerendered shell that works offline.
export const prerender = true;
export const ssr = false;
