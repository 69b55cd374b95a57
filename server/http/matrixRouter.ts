import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import { limitParam } from './queryParams.js';
import { abilityOfCaller } from '../../permissions/abilityOfCaller.js';
import type { SessionUser } from '../auth/sessions.js';
import { asRequestCaller } from './callerTransaction.js';
import { MODULE_NAMES, moduleInfo, type ModuleName } from '../../permissions/modules.js';
import { ACTIONS, ROLES, type Action } from '../../permissions/vocabulary.js';
import { badRequest, conflict, fieldErrorsOf, forbidden, notFound } from './errors.js';
import type { MatrixChangeDto, MatrixDto, MatrixRowDto } from './matrixTypes.js';
import { isPgError } from './pgErrors.js';
import { qualifiedTable } from '../../permissions/sqlText.js';
import { governedResource, type SchemaModel } from '../meta/schemaModel.js';

/**
 * The matrix is the table the governance record names (a pack's own table, or Gatehouse's);
 * the caller's rights on the resource serving it decide who sees and edits it.
 */
interface MatrixTable {
  /** Quoted "schema"."table" for SQL. */
  sql: string;
  /** The resource name: the CASL subject. */
  subject: string;
}

const isModule = (value: unknown): value is ModuleName => typeof value === 'string' && (MODULE_NAMES as string[]).includes(value);
const tablesOf = (module: ModuleName): readonly string[] => moduleInfo(module).tables;

const role = z.enum(ROLES, { error: 'Choose one of the roles.' });
const module = z.enum(MODULE_NAMES as [ModuleName, ...ModuleName[]], { error: 'Choose one of the modules.' });
const table = z.string({ error: 'Name a table of the module.' }).min(1, 'Name a table of the module.');

const putBody = z.object({
  role,
  module,
  subModule: table.nullable(),
  actions: z
    .array(z.enum(ACTIONS, { error: `Each action must be one of ${ACTIONS.join(', ')}.` }), { error: 'Give the list of actions.' })
    .refine((list) => new Set(list).size === list.length, 'Each action may appear only once.'),
});
const deleteBody = z.object({ role, module, subModule: table });
const changesQuery = z.object({
  limit: limitParam(500, 50),
});

/**
 * Parses `body` with `schema`, reporting every problem at once per field (as react-admin
 * shows them), and checks that a sub-module is a table of the module named.
 */
function parse<T extends { module: ModuleName; subModule: string | null }>(schema: z.ZodType<T>, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Send a JSON object: {role, module, subModule, actions}.');
  }
  const parsed = schema.safeParse(body);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const { module: m, subModule } = body as Record<string, unknown>;
  if (!errors.subModule && isModule(m) && typeof subModule === 'string' && !tablesOf(m).includes(subModule)) {
    errors.subModule = `"${subModule}" is not a table of the ${moduleInfo(m).label} module.`;
  }
  if (!parsed.success || Object.keys(errors).length) {
    const names = Object.keys(errors);
    throw badRequest(names.length === 1 ? `Invalid ${names[0]}: ${errors[names[0]!]}` : `Invalid values for ${names.join(', ')}.`, errors);
  }
  return parsed.data;
}

/** The matrix rows as the table holds them; RLS decides what the caller gets. */
async function readRows(trx: Knex.Transaction, table: MatrixTable): Promise<MatrixRowDto[]> {
  const { rows } = await trx.raw<{ rows: MatrixRowDto[] }>(
    `SELECT role_id AS role, module_id AS module, sub_module_id AS "subModule", coalesce(permissions, '{}') AS actions
       FROM ${table.sql}
      ORDER BY role_id, module_id, sub_module_id NULLS FIRST`,
  );
  return rows;
}

/** Actions in the vocabulary's order, so the stored arrays (and the change log) read alike. */
const canonical = (actions: readonly Action[]) => ACTIONS.filter((a) => actions.includes(a));

/**
 * Turns the database's refusal to lock the administrator out of the matrix (a check_violation
 * raised by the role_permissions_keep_reachable trigger) into a 409 with its own message.
 */
function refusal(err: unknown): unknown {
  const native = (err as { nativeError?: unknown } | undefined)?.nativeError;
  const pg = isPgError(err) ? err : isPgError(native) ? native : undefined;
  if (pg?.code === '23514') {
    // Knex prefixes the failed statement ("<sql> - <message>"): only the database's own words go out.
    const at = pg.message.lastIndexOf(' - ');
    const reason = at === -1 ? pg.message : pg.message.slice(at + 3);
    return conflict(`Refused: ${reason}.`, { actions: `${reason}.` });
  }
  return err;
}

/**
 * The role matrix editor's API, mounted at /api/matrix after requireSession. Every request is
 * one transaction as the caller (asRequestCaller), so RLS on the matrix table applies as well
 * as the CASL checks here; a change is in force for everyone from their next request.
 *
 * - GET /            the matrix: roles, actions, modules with their tables, rows, editable
 * - PUT /            {role, module, subModule, actions}: sets one row (upsert)
 * - DELETE /         {role, module, subModule}: removes a sub-module override
 * - GET /changes     ?limit=50: the latest changes, newest first, with the changer's email
 */
export function matrixRouter(knex: Knex, schema: () => SchemaModel): Router {
  const router = Router();

  /** Runs `fn` as the caller once their ability allows `action` on the matrix. */
  const asCaller = <T>(
    req: Request,
    action: 'read' | 'update',
    fn: (trx: Knex.Transaction, table: MatrixTable, user: SessionUser, editable: boolean) => Promise<T>,
  ) =>
    asRequestCaller(knex, req, (trx, user) => {
      const named = schema().governance?.matrixTable;
      if (user.matrix === null || !named) throw notFound('This database has no role matrix.');
      // Served as a resource (a table in public is named without its schema), or Gatehouse's own, named as it is.
      const table: MatrixTable = { sql: qualifiedTable(named), subject: governedResource(schema(), named)?.name ?? named };
      const ability = abilityOfCaller(user);
      if (!ability.can(action, table.subject)) {
        throw forbidden(action === 'read' ? 'You may not see the role matrix.' : 'You may not change the role matrix.');
      }
      return fn(trx, table, user, ability.can('update', table.subject));
    });

  router.get('/', async (req, res) => {
    const dto: MatrixDto = await asCaller(req, 'read', async (trx, table, _user, editable) => ({
      roles: [...ROLES],
      actions: [...ACTIONS],
      modules: MODULE_NAMES.map((name) => ({ name, label: moduleInfo(name).label, tables: [...tablesOf(name)] })),
      rows: await readRows(trx, table),
      editable,
    }));
    res.json(dto);
  });

  router.put('/', async (req, res) => {
    const input = parse(putBody, req.body);
    const row = await asCaller(req, 'update', async (trx, table) => {
      try {
        // updated_by and updated_at are stamped by the database (role_permissions_stamp).
        const { rows } = await trx.raw<{ rows: MatrixRowDto[] }>(
          `INSERT INTO ${table.sql} AS rp (role_id, module_id, sub_module_id, permissions)
           VALUES (?, ?, ?, ?::text[])
           ON CONFLICT (role_id, module_id, sub_module_id)
           DO UPDATE SET permissions = EXCLUDED.permissions
           RETURNING role_id AS role, module_id AS module, sub_module_id AS "subModule", permissions AS actions`,
          [input.role, input.module, input.subModule, canonical(input.actions)],
        );
        return rows[0]!;
      } catch (err) {
        throw refusal(err);
      }
    });
    res.json(row);
  });

  router.delete('/', async (req, res) => {
    const input = parse(deleteBody, req.body);
    const row = await asCaller(req, 'update', async (trx, table) => {
      try {
        const { rows } = await trx.raw<{ rows: MatrixRowDto[] }>(
          `DELETE FROM ${table.sql}
            WHERE role_id = ? AND module_id = ? AND sub_module_id = ?
           RETURNING role_id AS role, module_id AS module, sub_module_id AS "subModule", permissions AS actions`,
          [input.role, input.module, input.subModule],
        );
        return rows[0];
      } catch (err) {
        throw refusal(err);
      }
    });
    if (!row) throw notFound(`${input.role} has no override on ${input.module}/${input.subModule}.`);
    res.json(row);
  });

  router.get('/changes', async (req, res) => {
    const parsed = changesQuery.safeParse(req.query);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'limit'), i.message]));
      throw badRequest('Invalid limit.', errors);
    }
    const changes = await asCaller(req, 'read', async (trx) => {
      const { rows } = await trx.raw<{ rows: (Omit<MatrixChangeDto, 'changedAt' | 'id'> & { id: string | number; changedAt: Date })[] }>(
        `SELECT id, changed_at AS "changedAt", changed_by AS "changedBy", changed_by_email AS "changedByEmail",
                role_id AS role, module_id AS module, sub_module_id AS "subModule", before, after
           FROM gatehouse.matrix_changes_latest(?)`,
        [parsed.data.limit],
      );
      return rows.map((r): MatrixChangeDto => ({ ...r, id: String(r.id), changedAt: new Date(r.changedAt).toISOString() }));
    });
    res.json(changes);
  });

  return router;
}
