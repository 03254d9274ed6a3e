import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Tokens } from '@atelier/client';

/** What `atelier login` keeps between commands. */
export interface Credentials {
  url: string;
  username: string;
  tokens: Tokens;
}

/** `$XDG_CONFIG_HOME/atelier`, else `~/.config/atelier` (XDG Base Directory). */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The specification says relative values are invalid and to be ignored.
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(homedir(), '.config');
  return path.join(base, 'atelier');
}

export function credentialsFile(): string {
  return path.join(configDir(), 'credentials.json');
}

export async function readCredentials(): Promise<Credentials | undefined> {
  try {
    return JSON.parse(await readFile(credentialsFile(), 'utf8')) as Credentials;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/**
 * Writes through a temporary file and a rename, so a crash never leaves
 * half a file; both are created 0600 because they hold the refresh token.
 */
export async function writeCredentials(credentials: Credentials): Promise<void> {
  const file = credentialsFile();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, file);
}

export async function removeCredentials(): Promise<void> {
  await rm(credentialsFile(), { force: true });
}
