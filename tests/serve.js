// @ts-nocheck: a plain Node script, run as it is.
// A tiny static server for the built app (build/), as any static host would serve it:
// exact files, then `<path>.html`, then `<path>/index.html`, then the SPA fallback 200.html;
// text is gzipped for clients that accept it, as production hosts do.
//   node tests/serve.js [port] [folder]
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const root = resolve(process.argv[3] ?? process.env.BUILD_DIR ?? 'build');
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8'
};

async function file(path) {
	try {
		const info = await stat(path);
		return info.isFile() ? path : null;
	} catch {
		return null;
	}
}

createServer(async (request, response) => {
	const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
	const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, safe);
	const found =
		(await file(base)) ?? (await file(`${base}.html`)) ?? (await file(join(base, 'index.html'))) ?? join(root, '200.html');
	const body = await readFile(found);
	const headers = { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' };
	// The service worker must always be fetched fresh, so updates are noticed.
	if (found.endsWith('service-worker.js')) headers['cache-control'] = 'no-cache';
	// Hashed build output never changes under its name.
	else if (pathname.startsWith('/_app/immutable/')) headers['cache-control'] = 'public, max-age=31536000, immutable';
	const compressible = /^(text\/|application\/(json|manifest|javascript)|image\/svg)/.test(headers['content-type']);
	if (compressible && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
		headers['content-encoding'] = 'gzip';
		headers.vary = 'accept-encoding';
		response.writeHead(200, headers);
		response.end(gzipSync(body));
		return;
	}
	response.writeHead(200, headers);
	response.end(body);
}).listen(port, () => console.log(`Service Drill on http://localhost:${port} (serving ${root})`));
