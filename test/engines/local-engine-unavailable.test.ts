import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_LOCAL_MODEL } from '../../src/engines/create-engine.js';
import type { Engine } from '../../src/engines/engine.js';
import { buildTinyModel } from '../../src/engines/local/tiny-model.js';
import { AppError } from '../../src/errors/app-error.js';
import { engineConfig, quietLog, waitForState } from '../helpers/engine-config.js';
import { closedPortUrl } from '../helpers/file-server.js';

async function startUnavailable(model: string | undefined, modelDownload = false) {
  const config = engineConfig({ model, modelDownload });
  const engine = createEngine(config, quietLog);
  engine.start();
  const status = await waitForState(engine, ['ready', 'unavailable']);
  return { engine, status, config };
}

async function expectUnavailableCalls(engine: Engine): Promise<void> {
  const calls = [
    () => engine.completeText('x', { maxTokens: 4, temperature: 0 }),
    () => engine.chat([{ role: 'user', content: 'x' }], { maxTokens: 4, temperature: 0 }),
    () => engine.countTokens('x'),
  ];
  for (const call of calls) {
    const error = await call().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'engine_unavailable', status: 503 });
  }
}

describe('local engine without a usable model', () => {
  it('reports a malformed GGUF as unavailable and keeps the process alive', async () => {
    // Renaming a required key makes llama.cpp fail a native assertion (SIGABRT).
    const image = buildTinyModel();
    const key = 'llama.feed_forward_length';
    image.write('X', image.indexOf(key) + key.length - 1);
    const file = path.join(engineConfig().dataDir, 'broken.gguf');
    await writeFile(file, image);

    const { engine, status } = await startUnavailable(file);

    expect(status.state).toBe('unavailable');
    expect(status.detail).toContain('broken.gguf failed to load');
    expect(status.detail).toContain('ATELIER_MODEL=/path/to/model.gguf');
    await expectUnavailableCalls(engine);
    await engine.close();
  });

  it('reports a file that is not GGUF at all', async () => {
    const file = path.join(engineConfig().dataDir, 'notes.gguf');
    await writeFile(file, 'just some text');
    const { status, engine } = await startUnavailable(file);
    expect(status.detail).toContain('is not a GGUF model file');
    await engine.close();
  });

  it('refuses a header with absurd counts instead of loading it', async () => {
    const file = path.join(engineConfig().dataDir, 'crafted.gguf');
    const header = Buffer.alloc(24, 0xff);
    header.write('GGUF', 0, 'latin1');
    header.writeUInt32LE(3, 4);
    await writeFile(file, header);

    const { status, engine } = await startUnavailable(file);

    expect(status.detail).toContain('implausible GGUF header');
    await engine.close();
  });

  it('names the missing path and how to get a model', async () => {
    const { engine, status } = await startUnavailable('/nonexistent/model.gguf');

    expect(status).toMatchObject({ state: 'unavailable', engine: 'local', model: 'model.gguf' });
    expect(status.detail).toContain('/nonexistent/model.gguf does not exist');
    expect(status.detail).toContain('npm run tiny-model');
    await expectUnavailableCalls(engine);
    await engine.close();
  });

  it('does not touch the network for a URL when downloads are off', async () => {
    const { engine, status, config } = await startUnavailable('https://example.invalid/m.gguf');

    expect(status.state).toBe('unavailable');
    expect(status.detail).toContain('ATELIER_MODEL_DOWNLOAD=false');
    expect(status.detail).toContain(config.modelCacheDir);
    await engine.close();
  });

  it('uses the default Hugging Face model when ATELIER_MODEL is unset', async () => {
    const { engine, status } = await startUnavailable(undefined);

    expect(status.model).toBe(DEFAULT_LOCAL_MODEL);
    expect(status.detail).toContain('downloads are off');
    await engine.close();
  });

  it('reports an unreachable download source quickly', async () => {
    const { engine, status } = await startUnavailable(await closedPortUrl(), true);

    expect(status.state).toBe('unavailable');
    expect(status.detail).toContain('ECONNREFUSED');
    await engine.close();
  });

  it('refuses an hf: reference that names no file', async () => {
    const { engine, status } = await startUnavailable('hf:Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF');
    expect(status.detail).toContain('hf:<user>/<repo>/<file>.gguf');
    await engine.close();
  });

  it('throws engine_unavailable while still starting', async () => {
    const engine = createEngine(engineConfig({ model: '/nonexistent/x.gguf' }), quietLog);
    await expectUnavailableCalls(engine);
    expect(engine.status().state).toBe('starting');
    await engine.close();
  });
});
