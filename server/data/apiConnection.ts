import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { AUTHENTICATOR_DB_ROLE } from '../../permissions/rlsSql.js';

/**
 * Is the data API's login role set up in this database (a schema with a role matrix)? Roles
 * are cluster-wide, so its grants here are what tell.
 */
export async function hasAuthenticator(owner: Knex): Promise<boolean> {
  const { rows } = await owner.raw(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)
                 THEN has_schema_privilege(?, 'gatehouse', 'USAGE') ELSE false END AS ready`,
    [AUTHENTICATOR_DB_ROLE, AUTHENTICATOR_DB_ROLE],
  );
  return rows[0].ready === true;
}

/**
 * Lets the authenticator log in with `password` (or a fresh random one) and returns it.
 * The password never leaves this process; every start may pick a new one.
 */
export async function enableAuthenticatorLogin(owner: Knex, password = randomBytes(24).toString('hex')): Promise<string> {
  if (!/^[A-Za-z0-9-]+$/.test(password)) throw new Error('The authenticator password must be letters, digits and dashes.');
  // ALTER ROLE takes no bind parameters; the password is checked to be a plain token above.
  await owner.raw(`ALTER ROLE ${AUTHENTICATOR_DB_ROLE} WITH LOGIN PASSWORD '${password}'`);
  return password;
}

/** The owner's connection URL with the authenticator's credentials instead. */
export function authenticatorUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = AUTHENTICATOR_DB_ROLE;
  url.password = password;
  return url.toString();
}
