#!/usr/bin/env node
import { createRequire } from 'node:module';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerUserCommands } from './user-commands.js';

/** Exit codes: 0 ok, 1 the command failed, 2 the command line was wrong. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

// Two levels up from both src/cli and dist/cli.
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('expected an integer from 0 to 65535');
  }
  return port;
}

const program = new Command('atelier')
  .description('Atelier: self-hosted AI coding assistant server')
  .version(version)
  .exitOverride()
  .showHelpAfterError('(add --help for usage)')
  .addHelpText('after', '\nExit codes: 0 done, 1 the command failed, 2 wrong usage.');

program
  .command('serve')
  .description('start the HTTP server (settings from ATELIER_* variables)')
  .option('--host <host>', 'address to listen on (ATELIER_HOST)')
  .option('--port <port>', 'port to listen on (ATELIER_PORT)', parsePort)
  .action(async (options: { host?: string; port?: number }) => {
    // Loaded on demand: user commands should not pay for the server and engines.
    const { serve } = await import('./serve.js');
    await serve(options);
  });

program
  .command('worker')
  .description('run background jobs without serving HTTP (BullMQ with ATELIER_REDIS_URL)')
  .action(async () => {
    const { work } = await import('./worker.js');
    await work();
  });

registerUserCommands(program);

try {
  await program.parseAsync();
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`atelier: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_FAILED;
  }
}
