import type { Knex } from 'knex';
import { badRequest } from '../http/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { passwordProblem } from './passwordPolicy.js';

/** How many earlier passwords a new one may not repeat (the current one counts). */
export const PASSWORD_HISTORY = 5;

/** Does `password` match the user's current password or one of their last PASSWORD_HISTORY? */
async function usedRecently(knex: Knex, userId: string, password: string): Promise<boolean> {
  const current = await knex('auth.users').where({ id: userId }).first('encrypted_password');
  const earlier = await knex('gatehouse.password_history')
    .where({ user_id: userId })
    .orderBy('created_at', 'desc')
    .limit(PASSWORD_HISTORY)
    .pluck('password_hash');
  const hashes = [current?.encrypted_password as string | undefined, ...(earlier as string[])].filter((h): h is string => !!h);
  // Sequential on purpose: argon2 is memory-hard, and most changes stop at the first match or run all five anyway.
  for (const hash of hashes) if (await verifyPassword(hash, password)) return true;
  return false;
}

/**
 * Sets a user's password after the policy and history checks (a refusal is a 400 naming
 * `field`), keeps the last PASSWORD_HISTORY hashes, and sets or clears the must-change flag
 * (an administrator's one-time password must be replaced at first sign-in).
 */
export async function setPassword(
  knex: Knex,
  userId: string,
  password: string,
  options: { mustChange: boolean; field: string; minLength: number; who?: { email?: string | undefined; name?: string | undefined } },
): Promise<void> {
  const problem = passwordProblem(password, options.who ?? {}, options.minLength);
  if (problem) throw badRequest(problem, { [options.field]: problem });
  if (await usedRecently(knex, userId, password)) {
    const message = `Choose a password you have not used for your last ${PASSWORD_HISTORY} passwords.`;
    throw badRequest(message, { [options.field]: message });
  }
  const hash = await hashPassword(password);
  await knex.transaction(async (trx) => {
    await trx('auth.users').where({ id: userId }).update({ encrypted_password: hash, updated_at: trx.fn.now() });
    await trx('gatehouse.password_history').insert({ user_id: userId, password_hash: hash });
    await trx.raw(
      `DELETE FROM gatehouse.password_history WHERE user_id = ? AND id NOT IN (
         SELECT id FROM gatehouse.password_history WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?)`,
      [userId, userId, PASSWORD_HISTORY],
    );
    await trx('gatehouse.accounts')
      .insert({ user_id: userId, must_change_password: options.mustChange, password_changed_at: trx.fn.now() })
      .onConflict('user_id')
      .merge(['must_change_password', 'password_changed_at']);
  });
}
