import type { Plugin } from 'vite';

/** Where the list is written, relative to the client output (and served from `/`). */
export const STUDIO_ASSETS_FILE = '_app/studio-assets.json';

interface BundleChunk {
	type: 'chunk';
	fileName: string;
	isEntry: boolean;
	moduleIds: string[];
	imports: string[];
	dynamicImports: string[];
	viteMetadata?: { importedCss: Set<string> };
}

/**
 * Build step: lists the files only the studio needs (the /author pages, the
 * editor, the map, the in-browser compiler with the parser, YAML, marked and
 * DOMPurify), so the service worker can leave them out of a trainee's first
 * visit and fetch them once /author has been opened on the device.
 *
 * A file is the studio's when no other page reaches it: the app's entries
 * are followed through their static and dynamic imports, except into the
 * /author pages and the in-browser compiler (which the library only asks for
 * when the device has scenarios made in the studio, and then the studio is cached).
 */
export function studioAssets(): Plugin {
	return {
		name: 'service-drill:studio-assets',
		apply: 'build',
		generateBundle(_options, bundle) {
			const chunks = Object.values(bundle).filter((item): item is typeof item & BundleChunk => item.type === 'chunk') as unknown as BundleChunk[];
			// Only the client build has the app's start entry.
			if (!chunks.some((chunk) => chunk.isEntry && chunk.fileName.includes('/entry/start'))) return;
			const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
			// Route nodes are imported dynamically by the app's entry; the studio's are those holding an /author page.
			const isStudioPage = (chunk: BundleChunk) => chunk.moduleIds.some((id) => id.includes('/src/routes/author/'));
			const isCompiler = (chunk: BundleChunk) => chunk.moduleIds.some((id) => id.endsWith('/src/lib/studio/compile.ts'));

			const needed = new Set<string>();
			const visit = (chunk: BundleChunk | undefined) => {
				if (!chunk || needed.has(chunk.fileName) || isCompiler(chunk) || isStudioPage(chunk)) return;
				needed.add(chunk.fileName);
				for (const css of chunk.viteMetadata?.importedCss ?? []) needed.add(css);
				for (const name of [...chunk.imports, ...chunk.dynamicImports]) visit(byName.get(name));
			};
			for (const chunk of chunks) if (chunk.isEntry) visit(chunk);

			const studio = new Set<string>();
			for (const chunk of chunks) {
				if (needed.has(chunk.fileName)) continue;
				studio.add(chunk.fileName);
				for (const css of chunk.viteMetadata?.importedCss ?? []) if (!needed.has(css)) studio.add(css);
			}
			// Worker scripts and other assets only studio chunks refer to (e.g. the inspection worker, the layout worker).
			for (const item of Object.values(bundle)) {
				if (item.type !== 'asset' || needed.has(item.fileName)) continue;
				const referencedByStudio = chunks.some((chunk) => studio.has(chunk.fileName) && 'code' in chunk && String((chunk as { code: string }).code).includes(item.fileName.split('/').pop()!));
				const referencedElsewhere = chunks.some((chunk) => needed.has(chunk.fileName) && 'code' in chunk && String((chunk as { code: string }).code).includes(item.fileName.split('/').pop()!));
				if (referencedByStudio && !referencedElsewhere) studio.add(item.fileName);
			}
			this.emitFile({ type: 'asset', fileName: STUDIO_ASSETS_FILE, source: JSON.stringify([...studio].sort().map((name) => `/${name}`)) });
		}
	};
}
