// @vitest-environment jsdom
import { flushSync, mount, unmount, type Component } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { summariseAttempts } from '../../src/lib/core';
import { dashboardData } from '../../src/lib/dashboard/chart-data';
import Dashboard from '../../src/lib/dashboard/Dashboard.svelte';
import OutcomeChart from '../../src/lib/dashboard/OutcomeChart.svelte';
import TrendChart from '../../src/lib/dashboard/TrendChart.svelte';
import { completed, day } from '../dashboard/fixtures';

// jsdom has no layout: bind:clientWidth needs a ResizeObserver, and measures 0 (the charts then draw 640 wide).
beforeAll(() => {
	globalThis.ResizeObserver ??= class {
		observe() {}
		unobserve() {}
		disconnect() {}
	} as unknown as typeof ResizeObserver;
});

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((done) => done()));

function render<P extends Record<string, any>>(component: Component<P>, props: P) {
	const target = document.createElement('div');
	document.body.append(target);
	const instance = mount(component, { target, props });
	flushSync();
	cleanups.push(() => {
		unmount(instance);
		target.remove();
	});
	return target;
}

const titles = new Map([['a', 'The Third Call']]);

/** Opens a chart's table (built when its details open). */
function openTable(target: HTMLElement) {
	const details = target.querySelector('details')!;
	expect(details.querySelector('table')).toBeNull();
	details.open = true;
	details.dispatchEvent(new Event('toggle'));
	flushSync();
}

describe('the trend chart', () => {
	it('draws a point per conversation, hollow below the pass mark, and the pass-mark line at 70 on the 0–100 scale', () => {
		const attempts = [completed('a', day(0), [40, null, null]), completed('a', day(1), [70, null, null]), completed('a', day(2), [95, null, null])];
		const data = dashboardData(summariseAttempts(attempts), attempts, 70);
		const target = render(TrendChart, { series: data.trends.empathy, label: 'Empathy', titles });
		const svg = target.querySelector('svg')!;
		expect(svg.getAttribute('role')).toBe('img');
		expect(svg.querySelectorAll('circle.point')).toHaveLength(3);
		expect(svg.querySelectorAll('circle.point.below')).toHaveLength(1);
		// y: 0 at the bottom of the plot (220 − 48), 100 at the top (16); 70 sits 70 % of the way up.
		const pass = svg.querySelector('line.pass-mark')!;
		expect(Number(pass.getAttribute('y1'))).toBeCloseTo(172 - 0.7 * 156);
		const circles = [...svg.querySelectorAll('circle.point')];
		expect(circles.map((circle) => Number(circle.getAttribute('cy')))).toEqual([172 - 0.4 * 156, 172 - 0.7 * 156, 172 - 0.95 * 156].map((v) => expect.closeTo(v, 5)));
		// x: conversations in order, left to right.
		const xs = circles.map((circle) => Number(circle.getAttribute('cx')));
		expect(xs[0]).toBeLessThan(xs[1]);
		expect(xs[1]).toBeLessThan(xs[2]);
		expect(svg.querySelector('path.line')!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
		expect(target.querySelector('figcaption')!.textContent).toContain('Empathy over 3 conversations');
		openTable(target);
		const rows = [...target.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent));
		expect(rows.map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
			['1', 'The Third Call', '40', 'Below'],
			['2', 'The Third Call', '70', 'Reached'],
			['3', 'The Third Call', '95', 'Reached']
		]);
	});

	it('draws a long history as a band and an average line, with a row per group', () => {
		const attempts = Array.from({ length: 1000 }, (_, i) => completed('a', day(i), [i % 100, 50, 50]));
		const data = dashboardData(summariseAttempts(attempts), attempts, 70);
		const target = render(TrendChart, { series: data.trends.empathy, label: 'Empathy', titles });
		expect(target.querySelectorAll('circle')).toHaveLength(0);
		expect(target.querySelector('path.spread')!.getAttribute('d')).toBeTruthy();
		expect(target.querySelector('svg')!.getAttribute('data-groups')).toBe('50');
		openTable(target);
		expect(target.querySelectorAll('tbody tr')).toHaveLength(50);
		expect(target.querySelector('tbody tr th')!.textContent).toBe('1–20');
	});
});

describe('the dashboard', () => {
	it('shows completed conversations, average CSAT, NPS with its band, and an outcome bar per outcome', () => {
		const attempts = [
			completed('a', day(0), [80, 80, 80], { csat: 5, nps: 'promoter', outcome: 'resolved' }),
			completed('a', day(1), [30, 30, 30], { csat: 1, nps: 'detractor', outcome: 'lost' }),
			completed('a', day(2), [60, 60, 60], { csat: 3, nps: 'detractor', outcome: 'escalated' })
		];
		const data = dashboardData(summariseAttempts(attempts), attempts, 70);
		const target = render(Dashboard, { data, titles });
		const text = (id: string) => target.querySelector(`[data-testid="${id}"]`)!.textContent;
		expect(text('completed')).toBe('3');
		expect(text('csat')).toBe('3.0');
		// 33.3 % promoters − 66.7 % detractors = −33: poor.
		expect(text('nps')).toBe('−33');
		expect(text('nps-band')).toBe('Poor');
		expect(target.textContent).toContain('33.3 % promoters − 66.7 % detractors');
		expect(target.querySelectorAll('.trend svg')).toHaveLength(3);
		const bars = target.querySelectorAll('.outcomes rect.bar');
		expect([...bars].map((bar) => bar.getAttribute('data-outcome'))).toEqual(['resolved', 'retained', 'escalated', 'lost']);
		expect(Number(bars[1].getAttribute('width'))).toBe(0);
	});

	it('labels every outcome with its count and share', () => {
		const target = render(OutcomeChart, {
			bars: [
				{ outcome: 'resolved', count: 3, percent: 60 },
				{ outcome: 'retained', count: 1, percent: 20 },
				{ outcome: 'escalated', count: 0, percent: 0 },
				{ outcome: 'lost', count: 1, percent: 20 }
			]
		});
		expect([...target.querySelectorAll('text.count')].map((label) => label.textContent!.trim())).toEqual(['3 (60 %)', '1 (20 %)', '0 (0 %)', '1 (20 %)']);
		expect(target.querySelector('desc')!.textContent).toBe('Of 5 conversations: 3 resolved (60 %), 1 retained (20 %), 0 escalated (0 %), 1 lost (20 %).');
	});
});
