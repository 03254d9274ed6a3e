import { randomBytes } from 'node:crypto';
import {
  assertValidPassword,
  assertValidUsername,
  changePassword,
  createAccount,
} from '../auth/accounts.js';
import { loadConfig } from '../config/load-config.js';
import { type Db, databaseOptionsOf, migrateToLatest, openDatabase } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { countUsers, deleteUser, findUserByUsername, listUsers } from '../repositories/users.js';
import { askHidden, readStdin } from './prompt.js';
import { formatTable } from './table.js';

interface PasswordOptions {
  passwordStdin?: boolean;
}

async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl, databaseOptionsOf(config));
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function findUserOrThrow(db: Db, username: string): Promise<UserRow> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new AppError('user_not_found', `no user named "${username}"`);
  return user;
}

/** Returns the new password and whether it was generated (so must be shown). */
async function obtainPassword(options: PasswordOptions) {
  if (options.passwordStdin) return { password: await readStdin(), generated: false };
  if (!process.stdin.isTTY) {
    return { password: randomBytes(18).toString('base64url'), generated: true };
  }

  const password = await askHidden('Password: ');
  if ((await askHidden('Repeat password: ')) !== password) {
    throw new Error('the passwords do not match');
  }
  return { password, generated: false };
}

export async function addUser(name: string, options: PasswordOptions & { admin?: boolean }) {
  assertValidUsername(name);
  await withDatabase(async (db) => {
    if (await findUserByUsername(db, name)) {
      throw new AppError('user_exists', `user "${name}" already exists`);
    }
    const { password, generated } = await obtainPassword(options);
    assertValidPassword(password);

    await createAccount(db, { username: name, password, isAdmin: options.admin ?? false });
    console.log(`created ${options.admin ? 'administrator' : 'user'} ${name}`);
    if (generated) console.log(`password (shown once): ${password}`);
  });
}

async function allUsers(db: Db): Promise<UserRow[]> {
  const total = await countUsers(db);
  return total === 0 ? [] : listUsers(db, total, 0);
}

export async function listUsersCommand(options: { json?: boolean }) {
  const users = await withDatabase(allUsers);
  const view = users.map((u) => ({
    id: u.id,
    username: u.username,
    is_admin: u.is_admin === 1,
    disabled: u.disabled === 1,
    created_at: u.created_at,
  }));

  if (options.json) return console.log(JSON.stringify(view, null, 2));
  const header = ['USERNAME', 'ADMIN', 'DISABLED', 'CREATED', 'ID'];
  const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');
  const rows = view.map((u) => [
    u.username,
    yesNo(u.is_admin),
    yesNo(u.disabled),
    u.created_at,
    u.id,
  ]);
  console.log(formatTable([header, ...rows]));
}

export async function changePasswordCommand(name: string, options: PasswordOptions) {
  await withDatabase(async (db) => {
    const user = await findUserOrThrow(db, name);
    const { password, generated } = await obtainPassword(options);
    assertValidPassword(password);

    await changePassword(db, user.id, password);
    console.log(`changed the password of ${name}; their sessions were ended`);
    if (generated) console.log(`password (shown once): ${password}`);
  });
}

export async function removeUser(name: string) {
  await withDatabase(async (db) => {
    const user = await findUserOrThrow(db, name);
    await deleteUser(db, user.id);
    console.log(`removed user ${name}`);
  });
}
