import type { Command } from 'commander';

const PASSWORD_HELP = `
Password source, first that applies:
  --password-stdin    the whole of standard input, less one trailing newline
  a terminal          asked twice, not echoed
  otherwise           a random password is generated and printed once`;

/** Loaded on demand: the database code should not slow the client commands down. */
const actions = () => import('./user-actions.js');

/** `atelier user ...`: works on the configured database, server running or not. */
export function registerUserCommands(program: Command): void {
  const user = program
    .command('user')
    .description('manage users in the configured database (no server needed)');

  user
    .command('add')
    .description('create a user')
    .argument('<name>', 'username: 1 to 64 characters of A-Z a-z 0-9 . _ -')
    .option('--admin', 'make the user an administrator')
    .option('--password-stdin', 'read the password from standard input')
    .addHelpText('after', PASSWORD_HELP)
    .action(async (name, options) => (await actions()).addUser(name, options));

  user
    .command('list')
    .description('list users as a table')
    .option('--json', 'print JSON instead of a table')
    .action(async (options) => (await actions()).listUsersCommand(options));

  user
    .command('passwd')
    .description("set a user's password and end their sessions")
    .argument('<name>', 'username')
    .option('--password-stdin', 'read the password from standard input')
    .addHelpText('after', PASSWORD_HELP)
    .action(async (name, options) => (await actions()).changePasswordCommand(name, options));

  user
    .command('remove')
    .description('delete a user with their files and sessions')
    .argument('<name>', 'username')
    .action(async (name) => (await actions()).removeUser(name));
}
