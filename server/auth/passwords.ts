import argon2 from 'argon2';

/**
 * argon2id with OWASP's first recommended configuration (m=19 MiB, t=2, p=1):
 * about 30 ms a hash on one core, slow enough to hurt guessing, fast enough to log in.
 */
export const PASSWORD_HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PASSWORD_HASH_OPTIONS);
}

/** Hash of a random string, verified against when the email is unknown, so both answers take as long. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  try {
    return await argon2.verify(hash ?? (await decoy), password);
  } catch {
    return false; // a malformed hash in the table is a failed login, not a 500
  }
}

/** What an account holds before it has a password: verifies against nothing (an empty value counts the same). */
export const NO_PASSWORD = '!';

/** Does a stored hash make a usable password (not none, empty or NO_PASSWORD)? */
export const isPasswordSet = (stored: string | null | undefined): boolean => Boolean(stored) && stored !== NO_PASSWORD;

/** The same question as SQL over a column holding the hash: true or false, never null. */
export const passwordSetSql = (column: string): string => `coalesce(${column} NOT IN ('', '${NO_PASSWORD}'), false)`;
