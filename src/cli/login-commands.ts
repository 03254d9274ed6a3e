import { createInterface } from 'node:readline/promises';
import { AtelierClient } from '@atelier/client';
import type { Command } from 'commander';
import {
  credentialsFile,
  readCredentials,
  removeCredentials,
  writeCredentials,
} from './credentials.js';
import { UsageError } from './exit-codes.js';
import { askHidden, readStdin } from './prompt.js';
import { printJson } from './table.js';

interface LoginOptions {
  username?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

async function ask(question: string): Promise<string> {
  const reader = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await reader.question(question)).trim();
  } finally {
    reader.close();
  }
}

function serverUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`not a URL: ${value} (for example http://127.0.0.1:8000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the URL must start with http:// or https://, not ${url.protocol}`);
  }
  return url.href.replace(/\/+$/, '');
}

async function credentialsFrom(options: LoginOptions) {
  const terminal = process.stdin.isTTY === true;
  const username = options.username ?? (terminal ? await ask('Username: ') : undefined);
  if (!username) throw new UsageError('give --username (and --password-stdin) off a terminal');
  if (options.passwordStdin) return { username, password: await readStdin() };
  if (!terminal) throw new UsageError('give --password-stdin when standard input is no terminal');
  return { username, password: await askHidden('Password: ') };
}

async function login(url: string, options: LoginOptions) {
  const base = serverUrl(url);
  const { username, password } = await credentialsFrom(options);

  const client = new AtelierClient({ baseUrl: base });
  const tokens = await client.login(username, password);
  await writeCredentials({ url: base, username, tokens });

  if (options.json) return printJson({ url: base, username, credentials: credentialsFile() });
  console.log(`logged in to ${base} as ${username}`);
}

async function logout(options: { json?: boolean }) {
  const credentials = await readCredentials();
  if (credentials) {
    const client = new AtelierClient({ baseUrl: credentials.url, tokens: credentials.tokens });
    // The local copy goes even if the server cannot be told.
    await removeCredentials();
    await client.logout();
  }
  if (options.json) return printJson({ logged_out: credentials !== undefined });
  console.log(credentials ? `logged out of ${credentials.url}` : 'not logged in');
}

export function registerLoginCommands(program: Command): void {
  program
    .command('login')
    .description('sign in to a server; the session is kept in the config folder (mode 0600)')
    .argument('<url>', 'the server, for example http://127.0.0.1:8000')
    .option('--username <name>', 'username (asked on a terminal when omitted)')
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nCredentials go to $XDG_CONFIG_HOME/atelier/credentials.json, or\n' +
        '~/.config/atelier/credentials.json; refreshed tokens are saved back.',
    )
    .action(login);

  program
    .command('logout')
    .description('end the session on the server and forget it here')
    .option('--json', 'print JSON')
    .action(logout);
}
