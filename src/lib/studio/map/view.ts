import type { Box, MapLayout } from './layout.ts';

/** Pan and zoom: a screen point p shows the layout point (p − (x, y)) / k. */
export interface View {
	x: number;
	y: number;
	k: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2.5;
/** Below this zoom node titles are too small to read; the first view never starts smaller. */
export const READABLE_ZOOM = 0.7;
const MARGIN = 16;

const clampZoom = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

/** Zooms by `factor` keeping the screen point (cx, cy) still. */
export function zoomAt(view: View, factor: number, cx: number, cy: number): View {
	const k = clampZoom(view.k * factor);
	const ratio = k / view.k;
	return { k, x: cx - (cx - view.x) * ratio, y: cy - (cy - view.y) * ratio };
}

/** The whole layout in the viewport, centred, never zoomed in past 100 %. */
export function fitView(layout: Pick<MapLayout, 'width' | 'height'>, width: number, height: number): View {
	if (layout.width <= 0 || layout.height <= 0 || width <= 0 || height <= 0) return { x: 0, y: 0, k: 1 };
	const k = clampZoom(Math.min(1, (width - 2 * MARGIN) / layout.width, (height - 2 * MARGIN) / layout.height));
	return { k, x: (width - layout.width * k) / 2, y: (height - layout.height * k) / 2 };
}

/**
 * The first view of a layout: all of it when it is readable that way;
 * otherwise readable, with the start node at the top and centred.
 */
export function firstView(layout: MapLayout, start: Box | undefined, width: number, height: number): View {
	const fit = fitView(layout, width, height);
	if (fit.k >= READABLE_ZOOM || !start) return fit;
	const k = READABLE_ZOOM;
	return { k, x: width / 2 - (start.x + start.width / 2) * k, y: MARGIN - start.y * k };
}

/** The view moved so that the box is inside the viewport (unchanged when it already is). */
export function reveal(view: View, box: Box, width: number, height: number): View {
	const left = view.x + box.x * view.k;
	const top = view.y + box.y * view.k;
	const right = left + box.width * view.k;
	const bottom = top + box.height * view.k;
	if (left >= 0 && top >= 0 && right <= width && bottom <= height) return view;
	return { k: view.k, x: width / 2 - (box.x + box.width / 2) * view.k, y: height / 2 - (box.y + box.height / 2) * view.k };
}

/**
 * After a new layout: moves the view so that the anchor node (the selected
 * one, or the one nearest the middle of the screen) stays where it was on screen.
 */
export function keepAnchor(view: View, before: MapLayout, after: MapLayout, selected: string | undefined, width: number, height: number): View {
	let anchor = selected !== undefined && before.nodes[selected] && after.nodes[selected] ? selected : undefined;
	if (!anchor) {
		const cx = (width / 2 - view.x) / view.k;
		const cy = (height / 2 - view.y) / view.k;
		let nearest = Infinity;
		for (const [id, box] of Object.entries(before.nodes)) {
			if (!after.nodes[id]) continue;
			const distance = Math.hypot(box.x + box.width / 2 - cx, box.y + box.height / 2 - cy);
			if (distance < nearest) {
				nearest = distance;
				anchor = id;
			}
		}
	}
	if (!anchor) return view;
	const was = before.nodes[anchor];
	const now = after.nodes[anchor];
	return { k: view.k, x: view.x + (was.x - now.x) * view.k, y: view.y + (was.y - now.y) * view.k };
}

/** The part of the layout on screen, with `margin` screen pixels around it, in layout coordinates. */
export function visibleRect(view: View, width: number, height: number, margin = 200): Box {
	return { x: (-view.x - margin) / view.k, y: (-view.y - margin) / view.k, width: (width + 2 * margin) / view.k, height: (height + 2 * margin) / view.k };
}

export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The box around a polyline. */
export function boundsOf(points: { x: number; y: number }[]): Box {
	let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { x, y } of points) {
		x0 = Math.min(x0, x);
		y0 = Math.min(y0, y);
		x1 = Math.max(x1, x);
		y1 = Math.max(y1, y);
	}
	return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
