import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { WEB_APP_DIR } from '../../src/plugins/web-app.js';

/** Debian's chromium; playwright-core never downloads a browser of its own. */
export const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps calling home, and
// this machine's closed network refuses every attempt.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page's scripts. */
  pageErrors: string[];
  close: () => Promise<void>;
}

/** Chromium with a fresh profile, one page of 1440x900. */
export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(path.join(WEB_APP_DIR, 'index.html'))) {
    throw new Error('the web app is not built: run `npm run build:web` first');
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'atelier-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, page, pageErrors, close };
}

/** Where `npm run screenshots` wants the pictures; unset in ordinary runs. */
const SHOTS = process.env.ATELIER_WEB_SCREENSHOTS;

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
