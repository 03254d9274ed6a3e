import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-error.js';

/** HS256 keys shorter than the hash output weaken the signature (RFC 7518 3.2). */
export const MIN_SECRET_KEY_LENGTH = 32;

const KEY_FILE = 'secret.key';

/**
 * Returns the configured key, or the one kept in the data folder, creating
 * it on first start so that restarts keep issued tokens valid.
 */
export function resolveSecretKey(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_KEY_LENGTH) {
      throw new ConfigError(
        `ATELIER_SECRET_KEY: must be at least ${MIN_SECRET_KEY_LENGTH} characters ` +
          `(got ${configured.length}); generate one with: openssl rand -base64 48`,
      );
    }
    return configured;
  }

  const file = path.join(dataDir, KEY_FILE);
  try {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored.length >= MIN_SECRET_KEY_LENGTH) return stored;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }

  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(48).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
