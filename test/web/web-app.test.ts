import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import { addUser, buildTestApp, type TestApp, type TestUser } from '../helpers/app.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { launchBrowser, screenshot, type TestBrowser } from './browser.js';

const WAIT = { timeout: 30_000 };

function parseEvents(body: string) {
  return body
    .split('\n\n')
    .filter((block) => block.includes('data:'))
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: /^data: (.*)$/m.exec(block)?.[1] ?? '',
    }));
}

async function signIn(page: Page, base: string, user: TestUser) {
  await page.goto(`${base}/app`);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Files' }).waitFor(WAIT);
}

function editorText(page: Page): Promise<string> {
  return page
    .locator('.cm-content')
    .evaluate((el) =>
      [...el.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n'),
    );
}

/** The editor holds the stored content: nothing to save, no unsaved marker. */
async function expectEditorSaved(page: Page) {
  expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(true);
  expect(await page.getByText('unsaved changes').count()).toBe(0);
}

async function replaceEditorText(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('the web app in Chromium against the tiny model', () => {
  let t: TestApp;
  let base: string;
  let user: TestUser;
  let browser: TestBrowser;
  let page: Page;
  let fileId: string;
  const api = (url: string, init: { method?: string; payload?: object; headers?: object } = {}) =>
    t.app.inject({ url: `/api/v1${url}`, ...init, headers: { ...user.auth, ...init.headers } });

  beforeAll(async () => {
    t = await buildTinyModelApp({
      ATELIER_RATE_LIMIT_EXPLAIN: '1',
      ATELIER_RATE_LIMIT_LOGIN: '1000',
      ATELIER_TOKEN_BUDGET: '0',
    });
    base = await listenOnLoopback(t);
    user = await addUser(t.app, 'ada');
    browser = await launchBrowser();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    if (t) await closeListening(t);
  });

  it('serves the app at /app with a same-origin policy and cacheable bundles', async () => {
    const response = await fetch(`${base}/app/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('upgrade-insecure-requests');
    const html = await response.text();
    const script = /<script type="module"[^>]+src="(\/app\/assets\/[^"]+)"/.exec(html)?.[1];
    const bundle = await fetch(`${base}${script}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toContain('immutable');

    const bare = await fetch(`${base}/app`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/app/');
  });

  it('shows sign-in errors next to the fields, then signs in', async () => {
    await page.goto(`${base}/app`);
    await screenshot(page, 'login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#login-username-error').textContent()).toBeTruthy();
    expect(await page.getByLabel('Username').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Username').fill(user.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong username or password.').waitFor(WAIT);

    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Files' }).waitFor(WAIT);
    await page.getByText(user.username, { exact: true }).waitFor(WAIT);
  });

  it('refuses a bad path next to the field and creates a file', async () => {
    await page.getByRole('button', { name: 'New file' }).click();
    await page.getByLabel('Path of the new file').fill('../escape.py');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('#new-file-path-error').waitFor(WAIT);

    await page.getByLabel('Path of the new file').fill('src/total.py');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'src/total.py' }).waitFor(WAIT);

    const listed = (await api('/files')).json();
    expect(listed.items.map((f: { path: string }) => f.path)).toEqual(['src/total.py']);
    fileId = listed.items[0].id;
  });

  it('edits with syntax highlighting and saves with Ctrl+S', async () => {
    await replaceEditorText(page, PYTHON);
    await page.keyboard.press('Control+s');
    await page.getByText('Saved src/total.py (version 2)').waitFor(WAIT);

    expect((await api(`/files/${fileId}`)).json()).toMatchObject({ content: PYTHON, version: 2 });
    const highlighted = await page.locator('.cm-line span[class]').count();
    expect(highlighted).toBeGreaterThan(5);
  });

  it('shows a conflict when someone else saved first, and loads their version', async () => {
    const theirs = 'print("theirs")\n';
    const put = await api(`/files/${fileId}`, { method: 'PUT', payload: { content: theirs } });
    expect(put.statusCode).toBe(200);

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# mine\n');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Someone else changed this file.').waitFor(WAIT);
    await screenshot(page, 'conflict');

    await page.getByRole('button', { name: 'Load their version' }).click();
    await expect.poll(() => editorText(page)).toBe(theirs);
    await replaceEditorText(page, PYTHON);
    await page.keyboard.press('Control+s');
    await page.getByText('Saved src/total.py (version 4)').waitFor(WAIT);
  });

  it('completes at the cursor with Alt+C, streamed, and inserts the completion', async () => {
    // Greedy, so the random-weight model's answer is the same on every run
    // (at other temperatures it is sometimes empty, with nothing to insert).
    await page.getByLabel('Temperature').fill('0');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    const streamed = page.waitForResponse((r) => r.url().endsWith('/api/v1/ai/complete'));
    await page.keyboard.press('Alt+c');

    const response = await streamed;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/event-stream/);
    expect(response.request().postDataJSON()).toMatchObject({ stream: true, suffix: '' });
    const insert = page.getByRole('button', { name: 'Insert at cursor' });
    await insert.waitFor(WAIT);
    await screenshot(page, 'complete');
    const events = parseEvents(await response.text());
    const done = JSON.parse(events.find((e) => e.event === 'done')?.data ?? '{}');
    const tokens = events.filter((e) => e.event === 'token').map((e) => JSON.parse(e.data).text);
    expect(tokens.join('')).toBe(done.completion);
    expect(await page.getByLabel('Generated text').textContent()).toBe(done.completion);

    await insert.click();
    await page.keyboard.press('Control+s');
    await page.getByText('Saved src/total.py (version 5)').waitFor(WAIT);
    const saved = (await api(`/files/${fileId}`)).json();
    expect(saved.content).toBe(`${PYTHON}${done.completion}`);
  });

  it('stops a generation with the stop button', async () => {
    await page.getByLabel('Max tokens').fill('3000');
    const stop = page.getByRole('button', { name: 'Stop' });
    let stopped = false;
    // The random model may end a completion early, before Stop is pressed.
    for (let attempt = 0; attempt < 5 && !stopped; attempt++) {
      await page.getByRole('button', { name: 'Complete', exact: true }).click();
      stopped = await stop.click({ timeout: 3000 }).then(
        () => true,
        () => false,
      );
      await page.getByRole('button', { name: 'Complete', exact: true }).isEnabled();
    }

    expect(stopped).toBe(true);
    await page.getByText('Stopped.').waitFor(WAIT);
    await page.getByLabel('Max tokens').fill('64');
  });

  it('shows a validation error next to the max tokens field', async () => {
    await page.getByLabel('Max tokens').fill('99999');
    await page.getByRole('button', { name: 'Complete', exact: true }).click();

    await page.locator('#ai-max-tokens-error').waitFor(WAIT);
    expect(await page.getByLabel('Max tokens').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Max tokens').fill('64');
  });

  it('explains the selection with Alt+E, then says how long to wait when rate limited', async () => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    const explained = page.waitForResponse((r) => r.url().endsWith('/api/v1/ai/explain'));
    await page.keyboard.press('Alt+e');
    expect((await explained).status()).toBe(200);
    await page.locator('.ai-output .meta').waitFor(WAIT);
    expect(await page.getByLabel('Generated text').textContent()).toBeTruthy();

    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const alert = page.locator('[role="alert"][data-code="rate_limited"]');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/Rate limited: try again in \d+ s/);
    await screenshot(page, 'rate-limited');
  });

  it('suggests refactorings as diffs and applies one of them', async () => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    await page.locator('.segmented label', { hasText: 'Refactor' }).click();
    const apply = page.getByRole('button', { name: 'Apply suggestion 1' });
    for (const temperature of ['0.8', '1.2', '0', '1.5']) {
      await page.getByLabel('Temperature').fill(temperature);
      await page.getByRole('button', { name: 'Refactor', exact: true }).click();
      await page.locator('.ai-output .meta').waitFor(WAIT);
      if ((await apply.count()) > 0) break;
    }
    expect(await apply.count()).toBe(1);
    expect(await page.getByLabel('Diff of suggestion 1').textContent()).toContain('@@');
    await screenshot(page, 'refactor');
    const before = (await api(`/files/${fileId}`)).json();

    await apply.click();
    const anyway = page.getByRole('button', { name: 'Apply anyway' });
    await page.locator('.applied-mark').or(anyway).first().waitFor(WAIT);
    if ((await anyway.count()) > 0) await anyway.click();
    await page.locator('.applied-mark').waitFor(WAIT);

    const after = (await api(`/files/${fileId}`)).json();
    expect(after.version).toBe(before.version + 1);
    await page.getByText(`python · v${after.version}`).waitFor(WAIT);
    await expectEditorSaved(page);
  });

  it('undoes the applied suggestion from the history tab, reached with the arrow keys', async () => {
    const applied = (await api(`/files/${fileId}`)).json();
    await page.getByRole('tab', { name: 'Assistant' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.getByRole('button', { name: 'Undo last change' }).click();

    await expect
      .poll(async () => (await api(`/files/${fileId}`)).json().version)
      .toBe(applied.version + 1);
    const undone = (await api(`/files/${fileId}`)).json();
    expect(undone.content).not.toBe(applied.content);
    expect(undone.content).toBe(
      (await api(`/files/${fileId}/versions/${applied.version - 1}`)).json().content,
    );
    await page.getByText(`python · v${undone.version}`).waitFor(WAIT);
    await expectEditorSaved(page);
    await screenshot(page, 'history');
  });

  it('restores an older version', async () => {
    await page.getByRole('button', { name: 'Restore version 3' }).click();

    await expect.poll(() => editorText(page)).toBe('print("theirs")\n');
    expect((await api(`/files/${fileId}`)).json().content).toBe('print("theirs")\n');
  });

  it('analyses the open file as a background job, with progress and its report', async () => {
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.getByRole('button', { name: 'Start analysis' }).click();

    await page.getByText('succeeded', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByText('1 of 1 file(s)').waitFor(WAIT);
    const report = await page.getByRole('figure', { name: 'Analysis report' }).textContent();
    const parsed = JSON.parse(report ?? '') as { files: { path: string }[] };
    expect(parsed.files.map((f) => f.path)).toEqual([(await api(`/files/${fileId}`)).json().path]);
    await screenshot(page, 'analysis');
    await page.getByRole('tab', { name: 'Assistant' }).click();
  });

  it('renames and deletes files from the tree', async () => {
    await page.getByRole('button', { name: 'Rename src/total.py' }).click();
    await page.getByLabel('New path for src/total.py').fill('lib/sum.py');
    await page.getByRole('button', { name: 'Rename', exact: true }).click();
    await page.getByRole('heading', { name: 'lib/sum.py' }).waitFor(WAIT);

    await page.getByRole('button', { name: 'Delete lib/sum.py' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('No files yet.').waitFor(WAIT);
    expect((await api('/files')).json().items).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('the web app without a model', () => {
  let t: TestApp;
  let browser: TestBrowser;
  let user: TestUser;
  let page: Page;

  beforeAll(async () => {
    t = await buildTestApp();
    browser = await launchBrowser();
    page = browser.page;
    const base = await listenOnLoopback(t);
    user = await addUser(t.app, 'bo');
    await signIn(page, base, user);
    await page.getByRole('button', { name: 'New file' }).click();
    await page.getByLabel('Path of the new file').fill('a.py');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'a.py' }).waitFor(WAIT);
  });
  afterAll(async () => {
    await browser?.close();
    if (t) await closeListening(t);
  });

  it('says the model is unavailable, with the detail from the server', async () => {
    await page.getByRole('button', { name: 'Complete', exact: true }).click();

    const alert = page.locator('[role="alert"][data-code="engine_unavailable"]');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('The model is unavailable');
    expect(await alert.textContent()).toContain('ATELIER_MODEL');
    await screenshot(page, 'model-unavailable');
  });

  it('writes the editor over a conflicting change when asked to', async () => {
    const [file] = (await t.app.inject({ url: '/api/v1/files', headers: user.auth })).json().items;
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/files/${file.id}`,
      headers: user.auth,
      payload: { content: 'theirs = 1\n' },
    });
    expect(put.statusCode).toBe(200);

    await replaceEditorText(page, 'mine = 2\n');
    await page.keyboard.press('Control+s');
    await page.getByRole('button', { name: 'Overwrite with mine' }).click();
    await page.getByText('Saved a.py over the other change (version 3)').waitFor(WAIT);

    const stored = await t.app.inject({ url: `/api/v1/files/${file.id}`, headers: user.auth });
    expect(stored.json()).toMatchObject({ content: 'mine = 2\n', version: 3 });
    await expectEditorSaved(page);
  });
  it('asks before opening another file over unsaved changes, and saves them', async () => {
    await page.getByRole('button', { name: 'New file' }).click();
    await page.getByLabel('Path of the new file').fill('b.py');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'b.py' }).waitFor(WAIT);
    await replaceEditorText(page, 'x = 1\n');

    await page.getByRole('button', { name: 'a.py', exact: true }).click();
    await page.getByText('b.py has unsaved changes.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Save and open' }).click();
    await page.getByRole('heading', { name: 'a.py' }).waitFor(WAIT);

    const listed = (await t.app.inject({ url: '/api/v1/files', headers: user.auth })).json();
    const b = listed.items.find((f: { path: string }) => f.path === 'b.py');
    const stored = await t.app.inject({ url: `/api/v1/files/${b.id}`, headers: user.auth });
    expect(stored.json()).toMatchObject({ content: 'x = 1\n', version: 2 });
  });
});

describe('the web app with short-lived access tokens', () => {
  it('refreshes the session silently and keeps working past the first token', async () => {
    const t = await buildTestApp({ ATELIER_ACCESS_TOKEN_TTL: '10' });
    const browser = await launchBrowser();
    try {
      const base = await listenOnLoopback(t);
      const user = await addUser(t.app, 'cy');
      const { page } = browser;
      const refreshes: number[] = [];
      page.on('response', (r) => {
        if (r.url().endsWith('/api/v1/auth/refresh')) refreshes.push(r.status());
      });
      await signIn(page, base, user);
      await page.getByRole('button', { name: 'New file' }).click();
      await page.getByLabel('Path of the new file').fill('first.py');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('heading', { name: 'first.py' }).waitFor(WAIT);

      await expect.poll(() => refreshes.length, { timeout: 30_000, interval: 200 }).toBe(2);
      await page.getByRole('button', { name: 'New file' }).click();
      await page.getByLabel('Path of the new file').fill('second.py');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('heading', { name: 'second.py' }).waitFor(WAIT);

      expect(refreshes.slice(0, 2)).toEqual([200, 200]);
      expect(browser.pageErrors).toEqual([]);
    } finally {
      await browser.close();
      await closeListening(t);
    }
  });
});
