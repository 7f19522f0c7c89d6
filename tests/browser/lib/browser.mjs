// One headless Chromium per test (Debian's /usr/bin/chromium, never a downloaded browser) with a fresh
// profile, the console's page served under a strict Content-Security-Policy, and a screenshot of the
// last page in $SCREENSHOT_DIR/<test name>.png whatever the outcome.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { config } from './config.mjs';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// What the console must work under: everything from the gateway, no inline script or style.
export const CSP = "default-src 'self'";
const ACTION_TIMEOUT_MS = 10_000;

/**
 * Runs `fn(page, context)` in a fresh browser. Fails the test on a CSP violation or an uncaught page
 * error. The screenshot is taken before the browser closes, also when `fn` throws.
 */
export async function withBrowser(name, fn) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kinerja-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: config.chromium,
    headless: true,
    args: ARGS,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1280, height: 860 },
    timeout: 30_000,
  });
  const problems = [];
  try {
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(15_000);
    // The gateway's own policy stays in force; the strict one is enforced beside it.
    await context.route(`${config.baseUrl}/`, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      const own = headers['content-security-policy'];
      await route.fulfill({ response, headers: { ...headers, 'content-security-policy': own ? `${own}, ${CSP}` : CSP } });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });
    try {
      await fn(page, context);
    } finally {
      await mkdir(config.screenshotDir, { recursive: true });
      await page
        .screenshot({ path: path.join(config.screenshotDir, `${name}.png`), fullPage: true, timeout: 10_000 })
        .catch((err) => console.error(`screenshot ${name}: ${err.message}`));
    }
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}
