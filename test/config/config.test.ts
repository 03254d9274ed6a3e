import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { envNameOf, loadConfig } from '../../src/config/load-config.js';
import { ConfigSchema } from '../../src/config/schema.js';

describe('configuration', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-config-'));
  });

  it('applies defaults and derives paths from the data folder', () => {
    const config = loadConfig({ ATELIER_DATA_DIR: dataDir });

    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8000,
      engine: 'local',
      maxFileBytes: 1024 * 1024,
      databaseUrl: `sqlite://${path.join(dataDir, 'atelier.db')}`,
      modelCacheDir: path.join(dataDir, 'models'),
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('generates a secret key once, kept with mode 0600, and reuses it', async () => {
    const first = loadConfig({ ATELIER_DATA_DIR: dataDir });
    const second = loadConfig({ ATELIER_DATA_DIR: dataDir });
    const file = path.join(dataDir, 'secret.key');

    expect(first.secretKey.length).toBeGreaterThanOrEqual(32);
    expect(second.secretKey).toBe(first.secretKey);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it.each([
    [{ ATELIER_SECRET_KEY: 'short' }, /ATELIER_SECRET_KEY: must be at least 32/],
    [{ ATELIER_PORT: 'eighty' }, /ATELIER_PORT/],
    [{ ATELIER_PORT: '70000' }, /ATELIER_PORT/],
    [{ ATELIER_PORT: '9101.5' }, /ATELIER_PORT: must be a whole number/],
    [{ ATELIER_PORT: '0x2391' }, /ATELIER_PORT: must be a whole number/],
    [{ ATELIER_ENGINE: 'gpt' }, /ATELIER_ENGINE: .*one of: local, openai-compatible, anthropic/],
    [{ ATELIER_LOG_LEVEL: 'verbose' }, /ATELIER_LOG_LEVEL: .*one of: fatal/],
    [{ ATELIER_TRUST_PROXY: 'yes' }, /ATELIER_TRUST_PROXY: must be true or false/],
    [{ ATELIER_ENGINE_THREADS: '0' }, /ATELIER_ENGINE_THREADS/],
    [{ ATELIER_MODEL_DOWNLOAD: 'maybe' }, /ATELIER_MODEL_DOWNLOAD/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig({ ATELIER_DATA_DIR: dataDir, ...env })).toThrow(message);
  });

  it('reads booleans and integers from the environment strictly', () => {
    const config = loadConfig({
      ATELIER_DATA_DIR: dataDir,
      ATELIER_PORT: ' 9101 ',
      ATELIER_TRUST_PROXY: 'TRUE',
    });

    expect(config).toMatchObject({ port: 9101, trustProxy: true });
  });

  it('reads a JSON config file, with the environment and flags winning', async () => {
    const file = path.join(dataDir, 'atelier.json');
    await writeFile(file, JSON.stringify({ port: 9001, host: '0.0.0.0', engineThreads: 3 }));

    const config = loadConfig(
      { ATELIER_DATA_DIR: dataDir, ATELIER_CONFIG_FILE: file, ATELIER_PORT: '9002' },
      { host: '127.0.0.2' },
    );

    expect(config).toMatchObject({ port: 9002, host: '127.0.0.2', engineThreads: 3 });
  });

  it('names an unknown key in the config file', async () => {
    const file = path.join(dataDir, 'atelier.json');
    await writeFile(file, JSON.stringify({ prot: 1 }));

    expect(() => loadConfig({ ATELIER_DATA_DIR: dataDir, ATELIER_CONFIG_FILE: file })).toThrow(
      /prot/,
    );
  });

  it('refuses an unknown ATELIER_ variable, which is most likely a typo', () => {
    expect(() => loadConfig({ ATELIER_DATA_DIR: dataDir, ATELIER_PROT: '1' })).toThrow(
      /ATELIER_PROT: unknown setting/,
    );
  });

  it('wants a redis:// or rediss:// URL for ATELIER_REDIS_URL', () => {
    const load = (url: string) => loadConfig({ ATELIER_DATA_DIR: dataDir, ATELIER_REDIS_URL: url });

    expect(() => load('http://127.0.0.1:6379')).toThrow(/ATELIER_REDIS_URL/);
    expect(load('redis://127.0.0.1:6379/2').redisUrl).toBe('redis://127.0.0.1:6379/2');
    expect(load('rediss://cache.internal:6380').redisUrl).toBe('rediss://cache.internal:6380');
  });

  it('splits comma-separated CORS origins', () => {
    const config = loadConfig({
      ATELIER_DATA_DIR: dataDir,
      ATELIER_CORS_ORIGINS: 'https://a.example, https://b.example',
    });

    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('documents every setting in the README', async () => {
    const readme = await readFile('README.md', 'utf8');
    const missing = Object.keys(ConfigSchema.properties)
      .map(envNameOf)
      .filter((name) => !readme.includes(`\`${name}\``));

    expect(missing).toEqual([]);
  });
});
