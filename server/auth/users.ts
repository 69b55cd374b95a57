import { ADMINISTRATOR_ROLE } from '../../permissions/abilityOfCaller.js';
import type { Knex } from 'knex';
import { hashPassword, isPasswordSet } from './passwords.js';

export interface UserRow {
  id: string;
  email: string;
  encrypted_password: string;
  /** The role the account is known by: the first of `roles`. */
  role: string;
  roles: string[];
  name: string;
  /** False for an account that may not sign in (suspended, inactive). */
  active: boolean;
  twoFactorEnabled: boolean;
}

export async function findUserByEmail(knex: Knex, email: string): Promise<UserRow | undefined> {
  return knex('auth.users')
    .select(
      'id',
      'email',
      'encrypted_password',
      knex.raw(`coalesce((gatehouse.roles_of(raw_app_meta_data))[1], '') AS role`),
      knex.raw(`gatehouse.roles_of(raw_app_meta_data) AS roles`),
      knex.raw(`coalesce(raw_user_meta_data->>'name', email) AS name`),
      knex.raw('gatehouse.account_open(id) AS active'),
      knex.raw('gatehouse.has_two_factor(id) AS "twoFactorEnabled"'),
    )
    .whereRaw('lower(email) = lower(?)', [email])
    .first();
}

/**
 * The first administrator of a database Gatehouse has never seen, from GATEHOUSE_ADMIN_EMAIL /
 * GATEHOUSE_ADMIN_PASSWORD: a new account, or, where the email already has an account that has
 * no password yet (one govern made for a person of the database's own), that password. An
 * account with a password is left alone. Says what it did, or undefined.
 */
export async function ensureAdministrator(knex: Knex, email: string, password: string): Promise<'created' | 'password set' | undefined> {
  const existing = await knex('auth.users').whereRaw('lower(email) = lower(?)', [email]).first('id', 'encrypted_password');
  if (existing) {
    if (isPasswordSet(existing.encrypted_password)) return undefined;
    await knex('auth.users').where({ id: existing.id }).update({ encrypted_password: await hashPassword(password) });
    return 'password set';
  }
  await knex('auth.users').insert({
    email,
    encrypted_password: await hashPassword(password),
    email_confirmed_at: knex.fn.now(),
    raw_app_meta_data: JSON.stringify({ role: ADMINISTRATOR_ROLE }),
    raw_user_meta_data: JSON.stringify({ name: 'Administrator' }),
  });
  return 'created';
}
