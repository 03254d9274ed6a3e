import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engines/create-engine.js';
import { buildTinyModel } from '../../src/engines/local/tiny-model.js';
import { engineConfig, quietLog, waitForState } from '../helpers/engine-config.js';
import { type FileServer, startFileServer } from '../helpers/file-server.js';

describe('local engine fetching its model over HTTP', () => {
  const model = buildTinyModel({ seed: 7 });
  const sha256 = createHash('sha256').update(model).digest('hex');
  let server: FileServer;

  beforeAll(async () => {
    server = await startFileServer(model, 'tiny.gguf');
  });

  afterAll(async () => {
    await server.close();
  });

  it('downloads in the background, verifies the checksum and loads', async () => {
    const config = engineConfig({ model: `${server.url}#sha256=${sha256}`, modelDownload: true });
    const engine = createEngine(config, quietLog);
    engine.start();
    expect(['starting', 'downloading']).toContain(engine.status().state);

    const status = await waitForState(engine, ['ready', 'unavailable']);
    expect(status).toMatchObject({ state: 'ready', model: server.url });
    const result = await engine.completeText('hello', { maxTokens: 4, temperature: 0 });
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    await engine.close();
  });

  it('resumes a partial download with a Range request', async () => {
    const config = engineConfig({ model: server.url, modelDownload: true });
    const first = createEngine(config, quietLog);
    first.start();
    await waitForState(first, ['ready']);
    await first.close();
    const [cached] = readdirSync(config.modelCacheDir);
    const file = path.join(config.modelCacheDir, cached ?? '');

    // Leave only the first half, as a dropped connection would.
    await writeFile(`${file}.part`, model.subarray(0, 300_000));
    rmSync(file);
    server.ranges.length = 0;

    const second = createEngine(config, quietLog);
    second.start();
    expect((await waitForState(second, ['ready', 'unavailable'])).state).toBe('ready');
    expect(server.ranges).toEqual(['bytes=300000-']);
    expect(await readFile(file)).toEqual(model);
    expect(existsSync(`${file}.part`)).toBe(false);
    await second.close();
  });

  it('rejects a file whose checksum does not match', async () => {
    const wrong = '0'.repeat(64);
    const config = engineConfig({ model: `${server.url}#sha256=${wrong}`, modelDownload: true });
    const engine = createEngine(config, quietLog);
    engine.start();

    const status = await waitForState(engine, ['ready', 'unavailable']);
    expect(status.state).toBe('unavailable');
    expect(status.detail).toContain(`checksum mismatch`);
    expect(status.detail).toContain(sha256);
    await engine.close();
  });
});
