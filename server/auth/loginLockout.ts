import type { Knex } from 'knex';

/** Failures allowed before an account is locked; each failure beyond doubles the lock. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MINUTES = 1;
const MAX_LOCK_MINUTES = 24 * 60;

const accountOf = (email: string) => email.trim().toLowerCase();

/** When the account's lock ends, if it is locked now. */
export async function lockedUntil(knex: Knex, email: string): Promise<Date | undefined> {
  const row = await knex('gatehouse.login_failures')
    .where({ account: accountOf(email) })
    .where('locked_until', '>', knex.fn.now())
    .first('locked_until');
  return row ? new Date(row.locked_until as string) : undefined;
}

/**
 * Counts a failed sign-in (one statement, safe under concurrent attempts) and locks the
 * account once it has failed FREE_FAILURES times: one minute, then twice as long per further
 * failure, up to a day.
 */
export async function noteFailure(knex: Knex, email: string): Promise<void> {
  await knex.raw(
    `INSERT INTO gatehouse.login_failures AS f (account, failed_login_attempts, last_failed_at)
     VALUES (?, 1, now())
     ON CONFLICT (account) DO UPDATE SET
       failed_login_attempts = f.failed_login_attempts + 1,
       last_failed_at = now(),
       locked_until = CASE WHEN f.failed_login_attempts + 1 >= ?
         THEN now() + make_interval(mins => least(? * power(2, f.failed_login_attempts + 1 - ?), ?)::int)
         ELSE f.locked_until END`,
    [accountOf(email), FREE_FAILURES, FIRST_LOCK_MINUTES, FREE_FAILURES, MAX_LOCK_MINUTES],
  );
}

/** A successful sign-in forgets the failures. */
export async function clearFailures(knex: Knex, email: string): Promise<void> {
  await knex('gatehouse.login_failures').where({ account: accountOf(email) }).delete();
}
