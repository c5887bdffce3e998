/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { build, files, prerendered, version } from '$service-worker';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `service-drill-${version}`;
/** The SPA fallback: answers navigations to pages that were not prerendered (e.g. a debrief). */
const FALLBACK = '/200.html';
const PRECACHE = [...build, ...files, ...prerendered];

worker.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			await cache.addAll(PRECACHE);
			await cache.add(FALLBACK).catch(() => undefined);
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
