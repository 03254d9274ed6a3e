import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * OWASP's argon2id baseline (19 MiB, two passes, one lane). Stored hashes
 * with other parameters are re-hashed on the next successful login.
 */
export const PASSWORD_HASH_PARAMS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

const CURRENT_PREFIX = `$argon2id$v=19$m=${PASSWORD_HASH_PARAMS.memoryCost},t=${
  PASSWORD_HASH_PARAMS.timeCost
},p=${PASSWORD_HASH_PARAMS.parallelism}$`;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 1024;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so that an unknown username costs the
 * same time as a wrong password and does not reveal which users exist.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('atelier-dummy-password-never-matches');
  await verifyPassword(await dummyHash, password);
  return false;
}
