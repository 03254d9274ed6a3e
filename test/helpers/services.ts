import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Real Redis and PostgreSQL servers for tests, started on loopback ports
 * without systemd. A missing binary fails the test with the install
 * command; nothing skips silently.
 */

const run = promisify(execFile);

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function missing(binary: string, apt: string): Error {
  return new Error(`${binary} not found: install it with \`apt-get install -y ${apt}\``);
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not become ready in 15 s`);
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops the server; `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  close(): Promise<void>;
}

const REDIS_BIN = '/usr/bin/redis-server';
/** Logical databases of a suite-wide Redis: one per test app, handed out in turn. */
export const REDIS_DATABASES = 4096;

async function redisPing(port: number): Promise<boolean> {
  try {
    const { stdout } = await run('redis-cli', ['-p', String(port), 'ping']);
    return stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}

/** `databases`: how many logical databases (SELECT n) the server offers. */
export async function startRedis(options: { databases?: number } = {}): Promise<RedisServer> {
  if (!existsSync(REDIS_BIN)) throw missing('redis-server', 'redis-server');
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-redis-'));
  const port = await freePort();
  const pidfile = path.join(dir, 'redis.pid');

  const start = async () => {
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--daemonize', 'yes'];
    args.push('--dir', dir, '--pidfile', pidfile, '--save', '', '--appendonly', 'no');
    if (options.databases) args.push('--databases', String(options.databases));
    await run(REDIS_BIN, args);
    await waitFor(() => redisPing(port), 'redis-server');
  };
  const stop = async () => {
    if (!existsSync(pidfile)) return;
    const pid = Number(readFileSync(pidfile, 'utf8').trim());
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
    rmSync(pidfile, { force: true });
    await waitFor(async () => !(await redisPing(port)), 'redis-server stop');
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PostgresServer {
  port: number;
  /** A fresh, empty database on this server, as a postgres:// URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw missing('PostgreSQL (initdb)', 'postgresql');
}

/** PostgreSQL refuses to run as root; as root, run its tools as `postgres`. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', 'postgres', '--', command, ...args]];
}

function postgresUid(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0) throw new Error('no postgres user: install the postgresql package');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

let databaseCounter = 0;

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'atelier-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();

  const initdb = ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8'];
  await run(...asPostgres(path.join(bin, 'initdb'), [...initdb, '--locale=C.UTF-8']));

  const pgctl = path.join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    const args = ['-D', data, '-l', path.join(dir, 'log'), '-w', '-o', options, 'start'];
    await run(...asPostgres(pgctl, args));
  };
  const stop = async () => {
    await run(...asPostgres(pgctl, ['-D', data, '-m', 'immediate', '-w', 'stop'])).catch(() => {});
  };
  const psql = (sql: string) =>
    run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-qc', sql]);

  await start();
  return {
    port,
    start,
    stop,
    createDatabase: async (name) => {
      const db = name ?? `atelier_${process.pid}_${databaseCounter++}`;
      await psql(`CREATE DATABASE ${db}`);
      return `postgres://postgres@127.0.0.1:${port}/${db}`;
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
