import type { Knex } from 'knex';
import { ident, qualifiedTable } from '../../permissions/sqlText.js';
import { onBehalfOf } from '../data/onBehalfOf.js';
import { nameColumns, type People } from '../meta/governance.js';
import { NO_PASSWORD, passwordSetSql } from './passwords.js';

/**
 * The data side of user administration. Everything here uses the OWNER's connection: the
 * account flags, second factors and password hashes live in owner-only tables. Who may call
 * these is decided before, by the router (CASL, then the database as the caller).
 */

export type StaffUserStatus = 'active' | 'inactive' | 'suspended';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  /** The role the user is known by: the first of `roles`. */
  role: string;
  roles: string[];
  status: StaffUserStatus;
  lastSignInAt: string | null;
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  /** False until an administrator gives the account a password (accounts made for a database's own people start without). */
  passwordSet: boolean;
  createdAt: string | null;
}

export interface StaffUserQuery {
  /** Part of an email or a name, case-insensitive. */
  q?: string | undefined;
  role?: string | undefined;
  /** Only these users (the people a caller whose reach is limited may see), when given. */
  only?: readonly string[] | undefined;
  page: number;
  perPage: number;
}

/**
 * Where the served database keeps people's names, roles and status beyond auth.users, as its
 * governance record names it, with the resource serving it; undefined where it names none.
 */
export interface ProfileTable extends People {
  resource: string;
  /** The resource serving the role table (people.roles), where there is one. */
  rolesResource?: string;
}
export type Profiles = ProfileTable | undefined;

const column = (name: string) => `p.${ident(name)}`;

/** `%`, `_` and `\` typed in a search box are literal characters, not patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The columns of one listed user. A Gatehouse suspension (accounts.suspended_at) wins over a
 * profile's own status, since either keeps the user from signing in.
 */
function userColumns(profiles: Profiles): string {
  const name = `coalesce(${nameOf(profiles)}, u.email)`;
  const roles = rolesOf(profiles);
  // A yes/no status that is off keeps the person out as a suspension does, and is shown as one.
  const status = profiles?.status
    ? `CASE ${column(profiles.status)}::text WHEN 'true' THEN 'active' WHEN 'false' THEN 'suspended' ELSE coalesce(${column(profiles.status)}::text, 'active') END`
    : `'active'`;
  return `u.id, u.email, ${name} AS name, coalesce((${roles})[1], '') AS role, ${roles} AS roles,
          CASE WHEN a.suspended_at IS NOT NULL THEN 'suspended' ELSE ${status} END AS status,
          u.last_sign_in_at AS "lastSignInAt", u.created_at AS "createdAt",
          ${passwordSetSql('u.encrypted_password')} AS "passwordSet",
          (t.user_id IS NOT NULL) AS "twoFactorEnabled",
          coalesce(a.must_change_password, false) AS "mustChangePassword"`;
}

/** A user's name: the profile's name (its name columns joined), else the account's. */
function nameOf(profiles: Profiles): string {
  const account = `u.raw_user_meta_data->>'name'`;
  if (!profiles) return account;
  return `coalesce(nullif(concat_ws(' ', ${nameColumns(profiles).map((c) => `${column(c)}::text`).join(', ')}), ''), ${account})`;
}

/**
 * A user's roles: the profile's role column where the pack keeps one there, else what
 * auth.users carries (a role table's assignments are copied there by govern's trigger).
 */
function rolesOf(profiles: Profiles): string {
  const account = `gatehouse.roles_of(u.raw_app_meta_data)`;
  return profiles?.role ? `coalesce(array_remove(ARRAY[${column(profiles.role)}::text], NULL), ${account})` : account;
}

function userJoins(profiles: Profiles): string {
  return `FROM auth.users u
          ${profiles ? `LEFT JOIN ${qualifiedTable(profiles.table)} p ON ${column(profiles.id)} = u.id` : ''}
          LEFT JOIN gatehouse.accounts a ON a.user_id = u.id
          LEFT JOIN gatehouse.two_factor t ON t.user_id = u.id AND t.enabled_at IS NOT NULL`;
}

interface UserRowOut extends Omit<StaffUser, 'lastSignInAt' | 'createdAt'> {
  lastSignInAt: string | Date | null;
  createdAt: string | Date | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
const toStaffUser = (row: UserRowOut): StaffUser => ({ ...row, lastSignInAt: iso(row.lastSignInAt), createdAt: iso(row.createdAt) });

/** Past this many matching users the total is given as this many (the pages still reach every user). */
const COUNT_CAP = 10_000;

/**
 * One page of users, sorted by email, and how many match (counted up to COUNT_CAP): one
 * statement, no query per row. The page is read straight off the email order (an index on
 * lower(email) COLLATE "C" serves it where the schema has one) rather than after computing
 * every user's row, so a table of millions of accounts lists as fast as a small one.
 */
export async function listStaffUsers(knex: Knex, profiles: Profiles, query: StaffUserQuery): Promise<{ items: StaffUser[]; total: number }> {
  const conditions: string[] = [];
  const bindings: Knex.Value[] = [];
  const q = query.q?.trim();
  if (q) {
    conditions.push(`(u.email ILIKE ? OR ${nameOf(profiles)} ILIKE ?)`);
    bindings.push(likePattern(q), likePattern(q));
  }
  if (query.role) {
    conditions.push(`? = ANY (${rolesOf(profiles)})`);
    bindings.push(query.role);
  }
  if (query.only) {
    conditions.push(`u.id = ANY (?::uuid[])`);
    bindings.push(query.only as unknown as Knex.Value);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = `lower(u.email) COLLATE "C", u.id`;
  const { rows } = await knex.raw<{ rows: { total: string | number; items: UserRowOut[] | null }[] }>(
    `SELECT (SELECT count(*) FROM (SELECT 1 ${userJoins(profiles)} ${where} LIMIT ?) capped) AS total,
            (SELECT json_agg(page) FROM (SELECT ${userColumns(profiles)} ${userJoins(profiles)} ${where} ORDER BY ${order} LIMIT ? OFFSET ?) page) AS items`,
    [...bindings, COUNT_CAP, ...bindings, query.perPage, (query.page - 1) * query.perPage],
  );
  const row = rows[0]!;
  return { items: (row.items ?? []).map(toStaffUser), total: Number(row.total) };
}

export async function findStaffUser(knex: Knex, profiles: Profiles, id: string): Promise<StaffUser | undefined> {
  const { rows } = await knex.raw<{ rows: UserRowOut[] }>(`SELECT ${userColumns(profiles)} ${userJoins(profiles)} WHERE u.id = ?`, [id]);
  return rows[0] && toStaffUser(rows[0]);
}

/** Field problems that only the data can tell: an email or mobile number someone already has. */
export async function takenFields(knex: Knex, profiles: Profiles, input: { email: string; mobile?: string | undefined }): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const email = await knex('auth.users').whereRaw('lower(email) = lower(?)', [input.email]).first('id');
  if (email) errors.email = 'A user with this email already exists.';
  if (profiles?.mobile && input.mobile) {
    const mobile = await knex(profiles.table).where({ [profiles.mobile]: input.mobile }).first(profiles.id);
    if (mobile) errors.mobile = 'A user with this mobile number already exists.';
  }
  return errors;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

/**
 * Creates the account in auth.users without a usable password ('!' verifies against nothing):
 * the one-time password is set only once the rest of the creation has committed, so an
 * account half-made by a crash cannot be signed in to (an administrator sets a one-time
 * password, or removes it). Runs in the owner's transaction `trx`, which carries the
 * administrator as app.user_id so the audit trail names them.
 */
export async function insertStaffUser(trx: Knex.Transaction, input: NewStaffUser, options: { actorId: string; requestId: string }): Promise<string> {
  await onBehalfOf(trx, options);
  const [row] = await trx('auth.users')
    .insert({
      email: input.email,
      encrypted_password: NO_PASSWORD,
      email_confirmed_at: trx.fn.now(),
      raw_app_meta_data: JSON.stringify({ role: input.role }),
      raw_user_meta_data: JSON.stringify({ name: input.name }),
    })
    .returning('id');
  return String((row as { id: string }).id);
}

/** Undoes insertStaffUser when a later step of the request failed (its rows cascade away with it). */
export async function deleteStaffUser(knex: Knex, id: string): Promise<void> {
  await knex('auth.users').where({ id }).delete();
}

/** The user must choose a new password at their next request (their sessions are revoked apart). */
export async function requirePasswordChange(knex: Knex, userId: string): Promise<void> {
  await knex('gatehouse.accounts').insert({ user_id: userId, must_change_password: true }).onConflict('user_id').merge(['must_change_password']);
}
