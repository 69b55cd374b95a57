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
 * failure, up to a day. Answers the lock's end when the account is locked now.
 */
export async function noteFailure(knex: Knex, email: string): Promise<Date | undefined> {
  const { rows } = await knex.raw<{ rows: { locked_until: string | null }[] }>(
    `INSERT INTO gatehouse.login_failures AS f (account, failed_login_attempts, last_failed_at)
     VALUES (?, 1, now())
     ON CONFLICT (account) DO UPDATE SET
       failed_login_attempts = f.failed_login_attempts + 1,
       last_failed_at = now(),
       locked_until = CASE WHEN f.failed_login_attempts + 1 >= ?
         THEN now() + make_interval(mins => least(? * power(2, f.failed_login_attempts + 1 - ?), ?)::int)
         ELSE f.locked_until END
     RETURNING CASE WHEN locked_until > now() THEN locked_until END AS locked_until`,
    [accountOf(email), FREE_FAILURES, FIRST_LOCK_MINUTES, FREE_FAILURES, MAX_LOCK_MINUTES],
  );
  const until = rows[0]?.locked_until;
  return until ? new Date(until) : undefined;
}

/** A successful sign-in forgets the failures. */
export async function clearFailures(knex: Knex, email: string): Promise<void> {
  await knex('gatehouse.login_failures').where({ account: accountOf(email) }).delete();
}

/**
 * Failed sign-ins per client address, whichever accounts they tried: one address guessing
 * across many emails is stopped even though no single account reaches its limit. Past
 * `freeFailures` without an hour's pause the address is locked for 15 minutes, doubling per
 * further failure up to a day. A success does not clear it (one good account must not launder
 * a guessing run). IPv6 clients are counted per /64, the block one subscriber usually holds.
 */
const ADDRESS_PAUSE_MINUTES = 60;
const ADDRESS_FIRST_LOCK_MINUTES = 15;

/** The key an address is counted under (bound three times): IPv4 as is, IPv6 by its /64. */
const ADDRESS_KEY = `(CASE WHEN family(?::inet) = 6 THEN network(set_masklen(?::inet, 64))::inet ELSE ?::inet END)`;
const keyBindings = (address: string) => {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, ''); // IPv4 seen through a dual-stack socket
  return [plain, plain, plain];
};

export async function addressLockedUntil(knex: Knex, address: string | undefined): Promise<Date | undefined> {
  if (!address) return undefined;
  const row = await knex('gatehouse.address_failures')
    .whereRaw(`address = ${ADDRESS_KEY}`, keyBindings(address))
    .where('locked_until', '>', knex.fn.now())
    .first('locked_until');
  return row ? new Date(row.locked_until as string) : undefined;
}

export async function noteAddressFailure(knex: Knex, address: string | undefined, freeFailures: number): Promise<Date | undefined> {
  if (!address) return undefined;
  // One statement, so concurrent failures from the address all count; an hour's pause starts afresh.
  const fresh = `f.last_failed_at < now() - make_interval(mins => ${ADDRESS_PAUSE_MINUTES})`;
  const count = `CASE WHEN ${fresh} THEN 1 ELSE f.failed_login_attempts + 1 END`;
  const { rows } = await knex.raw<{ rows: { locked_until: string | null }[] }>(
    `INSERT INTO gatehouse.address_failures AS f (address, failed_login_attempts, first_failed_at, last_failed_at, locked_until)
     VALUES (${ADDRESS_KEY}, 1, now(), now(), CASE WHEN 1 >= ? THEN now() + make_interval(mins => ?) END)
     ON CONFLICT (address) DO UPDATE SET
       failed_login_attempts = ${count},
       first_failed_at = CASE WHEN ${fresh} THEN now() ELSE f.first_failed_at END,
       last_failed_at = now(),
       locked_until = CASE WHEN ${count} >= ?
         THEN now() + make_interval(mins => least(? * power(2, ${count} - ?), ?)::int)
         ELSE f.locked_until END
     RETURNING CASE WHEN locked_until > now() THEN locked_until END AS locked_until`,
    [...keyBindings(address), freeFailures, ADDRESS_FIRST_LOCK_MINUTES, freeFailures, ADDRESS_FIRST_LOCK_MINUTES, freeFailures, MAX_LOCK_MINUTES],
  );
  const until = rows[0]?.locked_until;
  return until ? new Date(until) : undefined;
}
