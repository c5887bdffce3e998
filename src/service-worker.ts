/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `service-drill-${version}`;
/** The SPA fallback: answers navigations to pages that were not prerendered (e.g. a debrief). */
const FALLBACK = '/200.html';
/** Written by the build (src/build/studio-assets.ts): the files only the studio needs. */
const STUDIO_LIST = '/_app/studio-assets.json';
/** Kept in the cache once the studio has been opened on this device, so updates cache the studio too. */
const STUDIO_MARKER = '/__studio-cached';
const ALL = [...build, ...files, ...prerendered];

/** The studio's files: its chunks, the bundled files' sources (for "make an editable copy"), its pages. */
async function studioFiles(): Promise<string[]> {
	const response = await fetch(STUDIO_LIST, { cache: 'no-cache' });
	const chunks: string[] = response.ok ? await response.json() : [];
	return [...chunks, ...prerendered.filter((path) => path.startsWith('/data/sources/')), '/author'];
}

/** Whether an earlier version of the app had cached the studio on this device. */
async function studioWasOpened(): Promise<boolean> {
	for (const key of await caches.keys()) if (await (await caches.open(key)).match(STUDIO_MARKER)) return true;
	return false;
}

async function cacheStudio(cache: Cache): Promise<void> {
	await cache.addAll((await studioFiles()).filter((path) => path !== '/author' || ALL.includes(path)));
	await cache.put(STUDIO_MARKER, new Response('1'));
}

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// A trainee's first visit does not download the studio: it is cached once /author has been opened.
			let studio: Set<string>;
			try {
				studio = new Set(await studioFiles());
			} catch {
				studio = new Set(); // the list could not be read: cache everything rather than break offline use
			}
			await cache.addAll(ALL.filter((path) => !studio.has(path)));
			await cache.add(FALLBACK).catch(() => undefined);
			if (await studioWasOpened()) await cacheStudio(cache);
		})()
	);
	// No skipWaiting here: an open tab keeps its code until the user agrees to reload.
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('message', (event) => {
	if (event.data?.type === 'skip-waiting') void worker.skipWaiting();
	if (event.data?.type === 'cache-studio') {
		event.waitUntil(
			(async () => {
				await cacheStudio(await caches.open(CACHE));
				event.source?.postMessage({ type: 'studio-cached' });
			})()
		);
	}
});

worker.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			const path = url.pathname;
			// Precached files (hashed build output, static files, prerendered pages) never change within a version.
			const cached = (await cache.match(path)) ?? (await cache.match(path.replace(/\/$/, '') || '/'));
			if (cached) return cached;
			try {
				const response = await fetch(request);
				if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
				return response;
			} catch (error) {
				if (request.mode === 'navigate') {
					const fallback = await cache.match(FALLBACK);
					if (fallback) return fallback;
				}
				throw error;
			}
		})()
	);
});
