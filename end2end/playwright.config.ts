// Årshjul's end-to-end suite: Debian's Chromium (never a downloaded browser), a desktop and a
// phone viewport, and the read pages once more with JavaScript turned off (server rendering only).
import { defineConfig } from '@playwright/test';

const port = process.env.ARSHJUL_E2E_PORT ?? '3100';
const desktop = { viewport: { width: 1280, height: 900 } };
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // Every flow makes its own data (its own years, see helpers.ts; what changes a whole
  // organisation runs in the demo's second one), so all run in parallel in any order.
  projects: [
    { name: 'desktop', use: desktop },
    { name: 'phone', use: phone },
    { name: 'no-js', use: { ...desktop, javaScriptEnabled: false }, grep: /@ssr/ },
  ],
  webServer: {
    command: 'bash ./start-server.sh',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ARSHJUL_E2E_PORT: port },
  },
});
