import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { abilityOfCaller } from '../../permissions/abilityOfCaller.js';
import type { AppAbility } from '../../permissions/defineAbility.js';
import type { Action } from '../../permissions/vocabulary.js';
import { reachesEveryRow, whereAllowed, type WhereBuilder } from '../access/abilityToSql.js';
import { filledOnCreate } from '../access/filledOnCreate.js';
import { rolesGivenBy } from '../../permissions/roleGiving.js';
import { ROLE_CHOICES, ROLES } from '../../permissions/vocabulary.js';
import { setPassword } from '../auth/passwordChange.js';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../auth/passwordPolicy.js';
import { clientOf, noteSecurityEvent, type SecurityEventKind } from '../auth/securityEvents.js';
import type { SessionUser } from '../auth/sessions.js';
import { revokeSessionsOf } from '../auth/sessions.js';
import {
  deleteStaffUser,
  findStaffUser,
  insertStaffUser,
  listStaffUsers,
  requirePasswordChange,
  takenFields,
  type NewStaffUser,
  type ProfileTable,
  type Profiles,
  type StaffUser,
} from '../auth/staffUsers.js';
import { clearFailures } from '../auth/loginLockout.js';
import { resetTwoFactor } from '../auth/twoFactor.js';
import { onBehalfOf } from '../data/onBehalfOf.js';
import { twoFactorPolicy, type Env } from '../env.js';
import { ident, qualifiedTable } from '../../permissions/sqlText.js';
import { nameColumns } from '../meta/governance.js';
import { governedPeople, type ResourceInfo, type SchemaModel } from '../meta/schemaModel.js';
import type { FieldMeta } from '../meta/types.js';
import { emptyAsNull } from '../resources/parseBody.js';
import { fieldValueSchema } from '../resources/valueSchemas.js';
import { asRequestCaller } from './callerTransaction.js';
import { fieldErrorsOf, forbidden, invalidFields, notFound } from './errors.js';
import { isPgError } from './pgErrors.js';
import { resolveUser } from './requireUser.js';

export interface UsersRouterDeps {
  /** The owner's connection: auth.users' password hashes and the gatehouse.* account tables. */
  knex: Knex;
  /** The data API's connection (under RLS): every administrative change is authorised as the caller here first. */
  apiKnex: Knex;
  env: Env;
  schema: () => SchemaModel;
}

/** The list answer: the page, the total, and what the SPA needs to draw the screen for this caller. */
export interface StaffUserPage {
  items: StaffUser[];
  total: number;
  /** May the caller create, suspend, reset and force (the SPA hides the buttons otherwise)? */
  canAdminister: boolean;
  /** The served database keeps a profile with a required, unique mobile number (OMBARO). */
  mobileRequired: boolean;
  /** Every role, as the pack names and labels them (to read and filter by). */
  roles: readonly { name: string; label: string }[];
  /** The roles this caller may give and take away (the pack's "mayGive"; every role for the administrator). */
  givableRoles: readonly string[];
  /** A person may hold several roles (the pack takes them from a role table). */
  severalRoles: boolean;
  /** What else the new user's profile needs (its required columns, a name in several parts), asked as `profile`. */
  profileFields: FieldMeta[];
  /** The name is made of several profile columns (among `profileFields`), not asked as one. */
  nameInProfile: boolean;
}

const listQuery = z.object({
  q: z.string().max(200, 'Search for at most 200 characters.').optional(),
  role: z.enum(ROLES as [string, ...string[]], { error: 'Choose one of the roles.' }).optional(),
  page: z.coerce.number({ error: 'The page must be a number.' }).int().min(1, 'Pages start at 1.').default(1),
  perPage: z.coerce.number({ error: 'The page size must be a number.' }).int().min(1).max(100, 'Show at most 100 users a page.').default(25),
});

const MOBILE = /^\+?[0-9][0-9 -]{5,18}[0-9]$/;

const newUserBody = z.object({
  // Lower-cased: sign-in matches emails case-insensitively, so two spellings must not be two accounts.
  email: z.string({ error: 'Enter an email address.' }).trim().toLowerCase().pipe(z.email('Enter a valid email address.')).pipe(z.string().max(320)),
  // Required where the name is one column (or there is no profile): see validNewUser.
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.').optional(),
  role: z.enum(ROLES as [string, ...string[]], { error: 'Choose one of the roles.' }),
  mobile: z
    .string({ error: 'Enter a mobile number.' })
    .trim()
    .regex(MOBILE, 'Enter a mobile number of digits (with an optional leading +).')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  password: z.string({ error: 'Enter a one-time password.' }).min(1, 'Enter a one-time password.').max(MAX_PASSWORD_LENGTH),
  profile: z.record(z.string(), z.unknown(), { error: 'The profile must be an object of fields.' }).optional(),
});

/** A new user, checked: the account's fields, and the profile row to write beside it (keyed by column). */
interface NewUser extends NewStaffUser {
  profileRow: Record<string, unknown>;
}

const userId = z.uuid();
const roleName = z.enum(ROLES as [string, ...string[]], { error: 'Choose one of the roles.' });
/** One role (`{role}`), or, where a role table keeps them, every role the user is to hold (`{roles}`). */
const roleBody = z
  .object({ role: roleName.optional(), roles: z.array(roleName).min(1, 'Choose at least one role.').max(ROLES.length).optional() })
  .refine((body) => body.role !== undefined || body.roles !== undefined, { message: 'Choose one of the roles.', path: ['role'] })
  .transform((body) => [...new Set(body.roles ?? [body.role!])]);
const oneTimePasswordBody = newUserBody.pick({ password: true });

/**
 * What the caller may do here, from their CASL ability: list users with read on the profiles
 * (on auth.users where the database has none); administer them with the right to change a
 * profile's status (auth.users' role data elsewhere) — a field packs keep to their administrator.
 */
function authorityOf(user: SessionUser, profiles: Profiles) {
  const ability = abilityOfCaller(user);
  const subject = profiles ? profiles.resource : 'auth.users';
  const rolesTable = profiles?.roles ? profiles.rolesResource : undefined;
  const administer = !profiles
    ? ability.can('update', 'auth.users', 'raw_app_meta_data')
    : profiles.roles
      ? Boolean(rolesTable && ability.can('create', rolesTable) && ability.can('delete', rolesTable))
      : ability.can('update', profiles.resource, profiles.status ?? profiles.role ?? '');
  return { read: ability.can('read', subject), administer, create: administer && ability.can('create', subject) };
}

/**
 * The database's own answer, as the caller (their role's column privileges and the matrix it
 * reads), so a CASL rule gone wrong is not enough to administer users.
 */
async function databaseAllows(trx: Knex.Transaction, profiles: Profiles): Promise<boolean> {
  const ask = (sql: string, bindings: Knex.RawBinding[] = []) => trx.raw<{ rows: { ok: boolean | null }[] }>(sql, bindings);
  const { rows } = !profiles
    ? await ask(`SELECT gatehouse.allows('auth.users', 'update') AS ok`)
    : profiles.roles
      ? await ask(
          `SELECT has_table_privilege(?, 'INSERT') AND has_table_privilege(?, 'DELETE') AND gatehouse.allows(?, 'create') AND gatehouse.allows(?, 'delete') AS ok`,
          [qualifiedTable(profiles.roles.table), qualifiedTable(profiles.roles.table), profiles.rolesResource ?? '', profiles.rolesResource ?? ''],
        )
      : await ask(`SELECT has_column_privilege(?, ?, 'UPDATE') AND gatehouse.allows(?, 'update') AS ok`, [
          qualifiedTable(profiles.table),
          profiles.status ?? profiles.role ?? '',
          profiles.resource,
        ]);
  return rows[0]?.ok === true;
}

const pgErrorOf = (err: unknown) => {
  const native = (err as { nativeError?: unknown } | undefined)?.nativeError;
  return isPgError(err) ? err : isPgError(native) ? native : undefined;
};

/** The database's refusals, in the words of this screen: 42501 is "not yours to do", a duplicate names its field. */
function translated(err: unknown): unknown {
  const pg = pgErrorOf(err);
  if (pg?.code === '42501') return forbidden('You may not administer this user.');
  if (pg?.code === '23505') {
    const where = `${pg.constraint ?? ''} ${pg.detail ?? ''}`;
    if (/mobile/.test(where)) return invalidFields({ mobile: 'A user with this mobile number already exists.' });
    if (/email/.test(where)) return invalidFields({ email: 'A user with this email already exists.' });
  }
  return err;
}

/**
 * User administration, mounted at /api/auth/users:
 *
 * - GET  /                           ?q=&role=&page=1&perPage=25 → StaffUserPage (sorted by email)
 * - POST /                           {email, name, role, mobile?, password} → 201 StaffUser
 * - POST /:id/suspend, /:id/reactivate           → StaffUser (gatehouse.set_suspended as the caller)
 * - POST /:id/role                   {role} or {roles: [...]} (a role table) → StaffUser (written as the caller; their sessions end)
 * - POST /:id/reset-2fa, /:id/force-password-change → StaffUser
 * - POST /:id/reset-password         {password} → StaffUser (a one-time password; their sessions end)
 *
 * Every change is first authorised in the caller's own transaction (CASL, then the database
 * as the caller); suspension runs there entirely, so RLS, column privileges and the audit
 * trail see the administrator. Nobody administers their own account. Mounted behind
 * requireSession (server/app.ts), like every route that needs a session.
 */
export function usersRouter({ knex, apiKnex, env, schema }: UsersRouterDeps): Router {
  const router = Router();
  const policy = twoFactorPolicy(env);
  /** The profile table the governance record names, when it is served. */
  const profiles = (): Profiles => governedPeople(schema());

  router.get('/', resolveUser(knex, policy), async (req, res) => {
    const parsed = listQuery.safeParse(req.query);
    if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error));
    const table = profiles();
    const may = authorityOf(req.user!, table);
    if (!may.read) throw forbidden('You may not see the users.');
    // A caller who reaches only some people (their organisation's) lists only those: read as them, under RLS and CASL alike.
    const ability = abilityOfCaller(req.user!);
    const only = table && !reachesEveryRow(ability, 'read', table.resource) ? await asRequestCaller(apiKnex, req, (trx) => peopleInReach(trx, ability, table, 'read')) : undefined;
    const page = await listStaffUsers(knex, table, { ...parsed.data, only });
    const peopleResource = table && schema().resources.get(table.resource);
    const body: StaffUserPage = {
      ...page,
      canAdminister: may.administer,
      mobileRequired: Boolean(table?.mobile),
      roles: ROLE_CHOICES,
      givableRoles: rolesGivenBy(req.user!.roles),
      severalRoles: Boolean(table?.roles),
      profileFields: table && peopleResource ? profileFields(peopleResource, table, filledOnCreate(req.user!, table.resource)) : [],
      nameInProfile: Boolean(table && typeof table.name !== 'string'),
    };
    res.json(body);
  });

  router.post('/', async (req, res) => {
    const table = profiles();
    let created: string | undefined;
    try {
      const actor = await asRequestCaller(apiKnex, req, async (trx, caller) => {
        if (!authorityOf(caller, table).create || !(await databaseAllows(trx, table))) throw forbidden('You may not create users.');
        const fills = table ? filledOnCreate(caller, table.resource) : {};
        const input = await validNewUser(knex, req.body, table, table && schema().resources.get(table.resource), env.PASSWORD_MIN_LENGTH, fills);
        mayGive(caller, [input.role]);
        // auth.users is the owner's to write: committed here, deleted again below if anything
        // later in the request fails, and without a usable password until the end.
        created = await knex.transaction((owner) => insertStaffUser(owner, input, { actorId: caller.id, requestId: String(req.id) }));
        // The profile carries the role and status: written as the caller, so only a role whose
        // column privileges allow it (the administrator) gets past the database as well.
        if (table) {
          await trx(table.table).insert({ [table.id]: created, ...input.profileRow });
          if (table.roles) await setRoles(trx, created, [input.role], table);
        }
        return { actorId: caller.id, role: input.role, input };
      });
      // Last, so no crash leaves a usable account half-made: the one-time password (policy,
      // history and the must-change flag apply).
      await knex.transaction(async (owner) => {
        await onBehalfOf(owner, { actorId: actor.actorId, requestId: String(req.id) });
        await setPassword(owner, created!, actor.input.password, {
          mustChange: true,
          field: 'password',
          minLength: env.PASSWORD_MIN_LENGTH,
          who: { email: actor.input.email, name: actor.input.name },
        });
      });
      // Part of the creation: an account whose creation is not on record is undone like any other failure.
      await noteSecurityEvent(knex, { kind: 'user_created', userId: created, actorId: actor.actorId, client: clientOf(req), detail: { role: actor.role } });
    } catch (err) {
      if (created) await deleteStaffUser(knex, created).catch((cleanup: unknown) => req.log.error({ err: cleanup }, 'could not undo a half-created user'));
      throw translated(err);
    }
    res.status(201).json(await findStaffUser(knex, table, created!)); // set: the try above completed
  });

  /** An action on another user: authorised as the caller, `inCaller` runs in their transaction, `asOwner` after it. */
  const action = (
    kindOf: SecurityEventKind | undefined | (() => SecurityEventKind | undefined),
    steps: {
      inCaller?: (trx: Knex.Transaction, targetId: string, body: unknown, caller: SessionUser) => Promise<void>;
      asOwner?: (owner: Knex.Transaction, targetId: string, body: unknown) => Promise<Record<string, unknown> | void>;
    },
  ) =>
    async (req: Request, res: Response) => {
      const parsedId = userId.safeParse(req.params.id);
      if (!parsedId.success) throw notFound('No such user.');
      const targetId = parsedId.data;
      const table = profiles();
      const actor = await asRequestCaller(apiKnex, req, async (trx, caller) => {
        if (!authorityOf(caller, table).administer || !(await databaseAllows(trx, table))) throw forbidden('You may not administer users.');
        if (targetId === caller.id) throw forbidden('Nobody administers their own account; ask another administrator.');
        if (!(await knex('auth.users').where({ id: targetId }).first('id'))) throw notFound('No such user.');
        // Someone out of the caller's reach (another organisation's) is not theirs to administer, nor to know of.
        // A caller who reaches every person keeps reaching accounts without a profile row too.
        const ability = abilityOfCaller(caller);
        // Someone they see but may not change (holding a role they may not give) is refused, not hidden.
        if (table && !reachesEveryRow(ability, 'update', table.resource) && (await peopleInReach(trx, ability, table, 'update', targetId)).length === 0) {
          const seen = reachesEveryRow(ability, 'read', table.resource) || (await peopleInReach(trx, ability, table, 'read', targetId)).length > 0;
          throw seen ? forbidden('You may not administer this user: they hold a role you may not give.') : notFound('No such user.');
        }
        try {
          await steps.inCaller?.(trx, targetId, req.body, caller);
        } catch (err) {
          throw translated(err);
        }
        return caller;
      });
      const kind = typeof kindOf === 'function' ? kindOf() : kindOf;
      if (steps.asOwner || kind) {
        await knex.transaction(async (owner) => {
          // The owner's writes (a new password hash) are the administrator's in the audit trail.
          await onBehalfOf(owner, { actorId: actor.id, requestId: String(req.id) });
          const detail = (await steps.asOwner?.(owner, targetId, req.body)) ?? undefined;
          if (kind) await noteSecurityEvent(owner, { kind, userId: targetId, actorId: actor.id, client: clientOf(req), detail });
        });
      }
      res.json(await findStaffUser(knex, table, targetId));
    };

  /** Where people's status is a yes/no column, suspending is turning it off (as the caller: their reach, privileges and policies). */
  const statusSwitch = (): { table: string; id: string; column: string } | undefined => {
    const table = profiles();
    const field = table?.status ? schema().resources.get(table.resource)?.fieldByName.get(table.status) : undefined;
    return table && field?.kind === 'boolean' ? { table: table.table, id: table.id, column: field.name } : undefined;
  };
  const suspension = (suspended: boolean) => async (trx: Knex.Transaction, id: string) => {
    const status = statusSwitch();
    if (!status) return setSuspended(trx, id, suspended);
    const changed = await trx(status.table).where({ [status.id]: id }).update({ [status.column]: !suspended });
    if (changed === 0) throw forbidden('You may not change this user\'s status.');
  };
  // A Gatehouse suspension is recorded by the database itself (a trigger), with the caller as actor; a status switched here.
  router.post('/:id/suspend', action(() => (statusSwitch() ? 'user_suspended' : undefined), { inCaller: suspension(true) }));
  router.post('/:id/reactivate', action(() => (statusSwitch() ? 'user_reactivated' : undefined), { inCaller: suspension(false) }));
  // The database records role_changed itself (a trigger on auth.users), and ends the user's sessions.
  router.post(
    '/:id/role',
    action(undefined, {
      inCaller: async (trx, id, body, caller) => {
        const parsed = roleBody.safeParse(body);
        if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error));
        mayGive(caller, parsed.data);
        await setRoles(trx, id, parsed.data, profiles());
      },
    }),
  );
  router.post(
    '/:id/reset-2fa',
    action('two_factor_reset', {
      asOwner: async (owner, id) => {
        await resetTwoFactor(owner, id);
        // Whoever holds an open session (perhaps why the factor is reset) must not enrol theirs.
        return { sessionsRevoked: await revokeSessionsOf(owner, id) };
      },
    }),
  );
  router.post(
    '/:id/force-password-change',
    action('password_change_forced', {
      asOwner: async (owner, id) => {
        await requirePasswordChange(owner, id);
        // The flag is read by the session statement, but a session opened before must not
        // carry on meanwhile: the user signs in again and meets the gate.
        return { sessionsRevoked: await revokeSessionsOf(owner, id) };
      },
    }),
  );
  router.post(
    '/:id/reset-password',
    action('password_reset', {
      asOwner: async (owner, id, body) => {
        const parsed = oneTimePasswordBody.safeParse(body);
        if (!parsed.success) throw invalidFields(fieldErrorsOf(parsed.error));
        // The target's own name and email, so the one-time password may not be built from them either.
        const target = (await findStaffUser(owner, profiles(), id))!; // exists: action() checked
        await setPassword(owner, id, parsed.data.password, {
          mustChange: true,
          field: 'password',
          minLength: env.PASSWORD_MIN_LENGTH,
          who: { email: target.email, name: target.name },
        });
        // The administrator vouched for the user: a lock earned by forgetting the old password ends.
        await clearFailures(owner, target.email);
        // Whoever holds a session now may be who took the account over: nobody carries on with the old password's sessions.
        return { sessionsRevoked: await revokeSessionsOf(owner, id) };
      },
    }),
  );
  return router;
}

/**
 * The user's new roles, written as the caller where roles are kept: the role table (whose
 * trigger carries them to auth.users), the profile's role column (likewise), or auth.users
 * itself. A row the caller may not change is simply not updated under RLS, which is a
 * refusal too.
 */
async function setRoles(trx: Knex.Transaction, id: string, roles: string[], table: Profiles): Promise<void> {
  if (table?.roles) return assignRoles(trx, id, roles, table.roles);
  if (roles.length !== 1) throw invalidFields({ roles: 'Each person here has one role: choose one.' });
  const role = roles[0]!;
  const changed = table?.role
    ? await trx(table.table).where({ [table.id]: id }).update({ [table.role]: role })
    : await trx('auth.users')
        .where({ id })
        .update({ raw_app_meta_data: trx.raw(`(coalesce(raw_app_meta_data, '{}'::jsonb) - 'roles') || jsonb_build_object('role', ?::text)`, [role]) });
  if (changed === 0) throw forbidden('You may not change this user\'s role.');
}

/** Makes the role table hold exactly these roles for the user: the others' rows go, the missing ones are added. */
async function assignRoles(trx: Knex.Transaction, id: string, roles: string[], source: NonNullable<ProfileTable['roles']>): Promise<void> {
  const assignments = qualifiedTable(source.table);
  const person = ident(source.person);
  const role = ident(source.role);
  // The name of the role an assignment row `a` gives, and the value a row takes for a role name.
  const nameOf = source.names
    ? `(SELECT n.${ident(source.names.name)}::text FROM ${qualifiedTable(source.names.table)} n WHERE n.${ident(source.names.id)} = a.${role})`
    : `a.${role}::text`;
  if (source.names) {
    const { rows } = await trx.raw<{ rows: { missing: string[] | null }[] }>(
      `SELECT array_agg(w) AS missing FROM unnest(string_to_array(?, ',')) w WHERE NOT EXISTS (SELECT 1 FROM ${qualifiedTable(source.names.table)} n WHERE n.${ident(source.names.name)}::text = w)`,
      [roles.join(',')],
    );
    const missing = rows[0]?.missing;
    if (missing?.length) throw invalidFields({ roles: `The table of roles has no ${missing.join(', ')}: add ${missing.length > 1 ? 'them' : 'it'} there first.` });
  }
  await trx.raw(`DELETE FROM ${assignments} a WHERE a.${person} = ? AND coalesce(${nameOf} <> ALL (string_to_array(?, ',')), true)`, [id, roles.join(',')]);
  const value = source.names ? `(SELECT n.${ident(source.names.id)} FROM ${qualifiedTable(source.names.table)} n WHERE n.${ident(source.names.name)}::text = w)` : 'w';
  await trx.raw(
    `INSERT INTO ${assignments} (${person}, ${role})
     SELECT ?, ${value} FROM unnest(string_to_array(?, ',')) w
      WHERE NOT EXISTS (SELECT 1 FROM ${assignments} a WHERE a.${person} = ? AND ${nameOf} = w)`,
    [id, roles.join(','), id],
  );
  const { rows } = await trx.raw<{ rows: { held: string[] | null }[] }>(`SELECT array_agg(${nameOf}) AS held FROM ${assignments} a WHERE a.${person} = ?`, [id]);
  // Rows the caller may not see or remove under RLS would linger: that is a refusal, not a success.
  if ([...(rows[0]?.held ?? [])].sort().join() !== [...roles].sort().join()) throw forbidden('You may not change this user\'s roles.');
}

/**
 * The people (ids) among `only` — or all — that the caller reaches for the action, read as the
 * caller: their CASL conditions in the query, and the database's policies on the table.
 */
async function peopleInReach(trx: Knex.Transaction, ability: AppAbility, table: ProfileTable, action: Action, only?: string): Promise<string[]> {
  const query = trx({ p: table.table }).select(`p.${table.id} AS id`);
  if (only !== undefined) query.where(`p.${table.id}`, only);
  whereAllowed(query as unknown as WhereBuilder, ability, action, table.resource, (c) => `p.${c}`);
  return ((await query) as { id: string }[]).map((r) => String(r.id));
}

/** Refuses a role the caller may not give (their pack's "mayGive"); the database refuses it too (its row policies). */
function mayGive(caller: SessionUser, roles: readonly string[]): void {
  const givable = rolesGivenBy(caller.roles);
  const refused = roles.filter((role) => !givable.includes(role));
  if (refused.length === 0) return;
  const labels = (names: readonly string[]) => names.map((name) => ROLE_CHOICES.find((r) => r.name === name)?.label ?? name).join(', ');
  throw forbidden(`You may not give the role ${labels(refused)}.${givable.length ? ` You may give: ${labels(givable)}.` : ''}`);
}

async function setSuspended(trx: Knex.Transaction, id: string, suspended: boolean): Promise<void> {
  await trx.raw('SELECT gatehouse.set_suspended(?::uuid, ?)', [id, suspended]);
}

/**
 * The new user's fields, every problem at once per field (the form shows each beside its
 * input): the shape, the profile's columns as their types allow, the password policy, and an
 * email or mobile number already taken.
 */
async function validNewUser(
  knex: Knex,
  body: unknown,
  table: Profiles,
  resource: ResourceInfo | undefined,
  minLength: number,
  fills: Readonly<Record<string, unknown>>,
): Promise<NewUser> {
  const raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const parsed = newUserBody.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const nameAsked = !table || typeof table.name === 'string';
  if (nameAsked && !errors.name && parsed.data?.name === undefined) errors.name = 'Enter a name.';
  if (table?.mobile && !errors.mobile && !(typeof raw.mobile === 'string' && raw.mobile.trim())) errors.mobile = 'Enter a mobile number.';
  const profile = table && resource && parsed.data ? profileRow(resource, table, parsed.data, fills) : { row: {}, errors: {} };
  for (const [field, message] of Object.entries(profile.errors)) errors[field] ??= message;
  const name = table && !nameAsked ? nameColumns(table).map((c) => profile.row[c]).filter((v) => v !== null && v !== undefined && v !== '').join(' ') : parsed.data?.name;
  if (typeof raw.password === 'string' && !errors.password) {
    const who = { email: typeof raw.email === 'string' ? raw.email : undefined, name };
    const problem = passwordProblem(raw.password, who, minLength);
    if (problem) errors.password = problem;
  }
  if (typeof raw.email === 'string' && !errors.email) {
    Object.assign(errors, await takenFields(knex, table, { email: raw.email.trim(), mobile: !errors.mobile && typeof raw.mobile === 'string' ? raw.mobile.trim() : undefined }));
  }
  if (!parsed.success || Object.keys(errors).length) throw invalidFields(errors);
  const { email, role, password } = parsed.data;
  return { email, role, password, name: name || email, profileRow: profile.row };
}

/**
 * The columns the Users screen asks for beyond the account's own fields: the profile's
 * required columns Gatehouse does not fill itself (nor from the caller: `fills`, their
 * organisation), and each part of a name made of several.
 */
function profileFields(resource: ResourceInfo, table: ProfileTable, fills: Readonly<Record<string, unknown>>): FieldMeta[] {
  const filled = new Set([table.id, table.email, table.role, table.mobile, typeof table.name === 'string' ? table.name : undefined, ...Object.keys(fills)]);
  const parts = typeof table.name === 'string' ? [] : table.name;
  return resource.fields.filter((f) => !f.readOnly && !filled.has(f.name) && (f.required || parts.includes(f.name)));
}

/**
 * The profile row of a new user, each value checked against its column as any create is
 * (server/resources/valueSchemas.ts): the name, email, role and mobile from the form's own
 * fields, the rest from \`profile\` (errors as \`profile.<column>\`).
 */
function profileRow(
  resource: ResourceInfo,
  table: ProfileTable,
  body: z.infer<typeof newUserBody>,
  fills: Readonly<Record<string, unknown>>,
): { row: Record<string, unknown>; errors: Record<string, string> } {
  const row: Record<string, unknown> = { ...fills };
  const errors: Record<string, string> = {};
  const put = (column: string, value: unknown, formField: string) => {
    const field = resource.fieldByName.get(column);
    const parsed = field ? fieldValueSchema(field).safeParse(value) : { success: true as const, data: value };
    if (parsed.success) row[column] = parsed.data;
    else errors[formField] = value === null ? 'Required.' : (parsed.error.issues[0]?.message ?? 'Invalid value.');
  };
  if (typeof table.name === 'string' && body.name !== undefined) put(table.name, body.name, 'name');
  if (table.email) put(table.email, body.email, 'email');
  if (table.role) put(table.role, body.role, 'role');
  if (table.mobile && body.mobile !== undefined) put(table.mobile, body.mobile, 'mobile');
  const asked = profileFields(resource, table, fills);
  const given = body.profile ?? {};
  for (const key of Object.keys(given)) if (!asked.some((f) => f.name === key)) errors[`profile.${key}`] = 'Not a field a new user is given here.';
  for (const field of asked) {
    const value = emptyAsNull(field, given[field.name] ?? null);
    if (value === null && !field.required) continue;
    put(field.name, value, `profile.${field.name}`);
  }
  return { row, errors };
}
