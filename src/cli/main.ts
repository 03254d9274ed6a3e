#!/usr/bin/env node
import { createRequire } from 'node:module';
import { ProblemError } from '@atelier/client';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerAiCommands } from './ai-commands.js';
import { registerAnalyzeCommand } from './analyze-command.js';
import { EXIT_CODES_HELP, exitCodeOf, messageOf } from './exit-codes.js';
import { registerFileCommands } from './file-commands.js';
import { registerLoginCommands } from './login-commands.js';
import { registerUsageCommand } from './usage-command.js';
import { registerUserCommands } from './user-commands.js';

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
  .description('Atelier: self-hosted AI coding assistant server, and a client of it')
  .version(version)
  .exitOverride()
  .showHelpAfterError('(add --help for usage)')
  .addHelpText('after', EXIT_CODES_HELP);

program
  .command('serve')
  .description('start the HTTP server (settings from ATELIER_* variables)')
  .option('--host <host>', 'address to listen on (ATELIER_HOST)')
  .option('--port <port>', 'port to listen on (ATELIER_PORT)', parsePort)
  .action(async (options: { host?: string; port?: number }) => {
    // Loaded on demand: other commands should not pay for the server and engines.
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
registerLoginCommands(program);
registerFileCommands(program);
registerAiCommands(program);
registerAnalyzeCommand(program);
registerUsageCommand(program);

try {
  await program.parseAsync();
} catch (err) {
  if (!(err instanceof CommanderError)) {
    process.stderr.write(`atelier: ${messageOf(err)}\n`);
    // Scripts that asked for JSON get the problem body too, on stderr.
    if (err instanceof ProblemError && process.argv.includes('--json')) {
      process.stderr.write(`${JSON.stringify(err.body)}\n`);
    }
  }
  process.exitCode = exitCodeOf(err);
}
