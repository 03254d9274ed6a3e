import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFileContext } from '../../src/code-intel/file-context.js';
import { tokenCounterFor } from '../../src/code-intel/token-counter.js';
import { aiPost, buildTinyModelApp } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile, type StoredFile } from '../helpers/files-user.js';

const UTIL = [
  'def slugify(text):',
  '    return text.lower().replace(" ", "-")',
  '',
  'def clamp(value, low, high):',
  '    return max(low, min(high, value))',
  '',
].join('\n');

const MAIN = [
  'from util import slugify, clamp',
  '',
  'class Page:',
  '    def render(self, name, size):',
  '        return slugify(name) * clamp(size, 1, 3)',
  '',
  'def main():',
  '    print(Page().render("Hello World", 2))',
  '',
].join('\n');

describe('context for AI operations on a stored file', () => {
  let t: TestApp;
  let user: FilesUser;
  let main: StoredFile;

  beforeAll(async () => {
    t = await buildTinyModelApp();
    user = await addFilesUser(t.app, 'contextual');
    await postFile(t.app, user, { path: 'util.py', content: UTIL });
    for (let i = 0; i < 30; i += 1) {
      await postFile(t.app, user, {
        path: `extra/mod${i}.py`,
        content: `from util import slugify\n\ndef helper_${i}(x):\n    return slugify(x)\n`,
      });
    }
    main = await postFile(t.app, user, { path: 'main.py', content: MAIN });
  });
  afterAll(() => t.close());

  const contextOf = (budget: number) =>
    buildFileContext(
      t.app.db,
      { userId: user.id },
      { id: main.id, version: main.version, language: 'python', path: 'main.py', content: MAIN },
      budget,
      tokenCounterFor(t.app.engine),
    );

  it('names what it includes: the outline and the files of related symbols', async () => {
    const context = await contextOf(1024);

    expect(context?.text.split('\n')[0]).toBe(
      'Context: outline of main.py; related symbols from util.py',
    );
    expect(context?.text).toContain('Outline of main.py:\n  3: class Page:\n    4: def render(');
    expect(context?.text).toContain('util.py:\n  1: def slugify(text):');
    expect(context?.related[0]).toBe('util.py');
  });

  it.each([100, 160, 250, 400, 1000])('stays within a budget of %i tokens', async (budget) => {
    const context = await contextOf(budget);

    expect(context).toBeDefined();
    const counted = await t.app.engine.countTokens(context?.text ?? '');
    expect(counted).toBeLessThanOrEqual(budget);
    expect(context?.tokens).toBe(counted);
  });

  it('gives nothing when no tokens are left', async () => {
    expect(await contextOf(0)).toBeUndefined();
    expect(await contextOf(3)).toBeUndefined();
  });

  it('adds the context to the prompt of an operation on a stored file', async () => {
    const payload = { question: 'What does render do?', max_tokens: 4, temperature: 0 };

    const byFile = await aiPost(t.app, 'explain', user.auth, { ...payload, file_id: main.id });
    const byCode = await aiPost(t.app, 'explain', user.auth, {
      ...payload,
      code: MAIN,
      language: 'python',
    });

    expect(byFile.statusCode).toBe(200);
    expect(byCode.statusCode).toBe(200);
    expect(byFile.json().usage.prompt_tokens).toBeGreaterThan(byCode.json().usage.prompt_tokens);
  });

  it('still answers when the file fills the context window, without context', async () => {
    const big = await postFile(t.app, user, {
      path: 'big.py',
      content: `${'x = 1\n'.repeat(900)}`,
    });

    const res = await aiPost(t.app, 'complete', user.auth, {
      file_id: big.id,
      cursor: { line: 450, column: 1 },
      max_tokens: 4,
      temperature: 0,
    });

    expect(res.statusCode).toBe(200);
  });
});
