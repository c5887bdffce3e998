import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's chromium (CI installs it); Playwright's own browser download is not available here.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
// E2E_PORT lets several checkouts (git worktrees) run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: true,
	// Three on 2 cores: the tests spend part of their time waiting on the browser's storage, and a third worker
	// keeps the cores busy (the end-to-end run: 7.5 min against 8.8 with two, 2026-12-02).
	workers: 3,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		serviceWorkers: 'allow',
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		command: `node tests/serve.js ${PORT} build`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI
	}
});
