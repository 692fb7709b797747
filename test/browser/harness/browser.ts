/**
 * Launching Debian's Chromium with playwright-core, and opening a page until it is settled.
 * Playwright's own browser downloads are not used: CI installs the `chromium` package, and
 * `CHROMIUM_PATH` points elsewhere if needed.
 */
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, reproducible headless Chromium. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens a page and waits until its network has been quiet for 50 ms after `load` (scripts may
 * fetch or import after it), within 5 s. Quicker than Playwright's `networkidle` (500 ms).
 */
export async function gotoAndSettle(page: Page, url: string): Promise<void> {
  const pending = new Set<Request>();
  let last = Date.now();
  const start = (request: Request) => {
    pending.add(request);
    last = Date.now();
  };
  const end = (request: Request) => {
    pending.delete(request);
    last = Date.now();
  };
  page.on('request', start);
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const deadline = Date.now() + 5000;
    while ((pending.size > 0 || Date.now() - last < 50) && Date.now() < deadline) await page.waitForTimeout(20);
  } finally {
    page.off('request', start);
    page.off('requestfinished', end);
    page.off('requestfailed', end);
  }
}
