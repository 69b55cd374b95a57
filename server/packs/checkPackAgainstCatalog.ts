import type { Knex } from 'knex';
import { PackError, type Pack, type Person } from '../../permissions/packModel.js';
import { GOVERNED_MATRIX } from '../../permissions/matrixSql.js';
import type { SchemaModel } from '../meta/schemaModel.js';
import type { FieldKind } from '../meta/types.js';

/**
 * Checks a pack against the database it governs: every table, column and function it names
 * exists, and every rule sits on a column of the type it needs (a scope compares with a user
 * id, a stamp writes a user id or a time, a hidden-rows flag is a boolean). Problems are
 * reported like the format's own: "<file>: <path>: <problem>. <fix>", all at once.
 */
export async function checkPackAgainstCatalog(knex: Knex, pack: Pack, schema: SchemaModel, file: string): Promise<void> {
  const problems = catalogProblems(pack, schema);
  problems.push(...(await functionProblems(knex, pack)));
  if (problems.length) throw new PackError(file, problems);
}

/** What the catalog alone tells (no query). */
export function catalogProblems(pack: Pack, schema: SchemaModel): string[] {
  const problems: string[] = [];
  const resource = (table: string, where: string) => {
    const found = schema.resources.get(table);
    if (!found) problems.push(`${where}: the database has no table or view "${table}". Create it, or name one that exists.`);
    return found;
  };
  const column = (table: string, name: string, where: string, kinds?: FieldKind[], what?: string) => {
    const r = schema.resources.get(table);
    if (!r) return;
    const field = r.fieldByName.get(name);
    if (!field) {
      if (!r.hiddenColumns.includes(name)) problems.push(`${where}: "${table}" has no column "${name}". Use one of: ${r.fields.map((f) => f.name).join(', ')}.`);
      return;
    }
    if (kinds && !kinds.includes(field.kind)) {
      problems.push(`${where}: "${table}.${name}" is ${field.pgType}, but ${what ?? `this rule needs ${kinds.join(' or ')}`}. Name a column of that type.`);
    }
  };
  const person = (table: string, p: Person, where: string) => {
    column(table, p.column, `${where}.column`);
    if (p.via && resource(p.via.table, `${where}.via.table`)) column(p.via.table, p.via.column, `${where}.via.column`, ['uuid'], 'it must hold a user id (uuid)');
    if (!p.via) column(table, p.column, where, ['uuid'], 'it must hold a user id (uuid)');
  };

  if (pack.people) {
    const table = schema.byTable.get(pack.people.table);
    if (!table) problems.push(`people.table: the database has no table "${pack.people.table}". Create it, or name the profile table.`);
    else {
      for (const key of ['id', 'role', 'status', 'mobile', 'tenant'] as const) {
        const name = pack.people[key];
        if (name) column(table, name, `people.${key}`, key === 'id' ? ['uuid'] : undefined, 'it must hold the user id (uuid)');
      }
      const names = pack.people.name;
      if (typeof names === 'string') column(table, names, 'people.name');
      else names.forEach((name, i) => column(table, name, `people.name[${i}]`));
      if (pack.people.email) column(table, pack.people.email, 'people.email', ['text'], 'it must hold an email address (text)');
    }
    const roles = pack.people.roles;
    if (roles) {
      const assignments = schema.byTable.get(roles.table);
      if (!assignments) problems.push(`people.roles.table: the database has no table "${roles.table}". Name the table assigning roles to people.`);
      else {
        column(assignments, roles.person, 'people.roles.person', ['uuid'], 'it must hold the user id (uuid)');
        column(assignments, roles.role, 'people.roles.role');
      }
      if (roles.names) {
        const names = schema.byTable.get(roles.names.table);
        if (!names) problems.push(`people.roles.names.table: the database has no table "${roles.names.table}". Name the table of roles.`);
        else {
          column(names, roles.names.id, 'people.roles.names.id');
          column(names, roles.names.name, 'people.roles.names.name');
        }
      }
    }
  }
  // The matrix Gatehouse keeps for a governed database is its own table, made by govern.
  Object.entries(pack.modules).forEach(([module, m]) =>
    m.tables.forEach((t, i) => t === GOVERNED_MATRIX.resource || resource(t, `modules.${module}.tables[${i}]`)),
  );
  for (const [role, tables] of Object.entries(pack.ownRows)) {
    for (const [table, rule] of Object.entries(tables)) {
      if (!schema.resources.has(table)) continue; // named already under modules
      if ('sameTenant' in rule) {
        const people = pack.people && schema.resources.get(schema.byTable.get(pack.people.table) ?? '');
        const tenantKind = pack.people?.tenant ? people?.fieldByName.get(pack.people.tenant)?.kind : undefined;
        if (tenantKind) column(table, rule.column, `scopes.${role}.${table}.column`, [tenantKind], `it is compared with people.tenant (${tenantKind})`);
        continue;
      }
      column(table, rule.column, `scopes.${role}.${table}.column`, ['uuid'], 'it is compared with user ids (uuid)');
    }
  }
  pack.fieldRestrictions.forEach((rule, i) => {
    if (!resource(rule.table, `fieldRules[${i}].table`)) return;
    rule.columns.forEach((c, j) => column(rule.table, c, `fieldRules[${i}].columns[${j}]`));
  });
  pack.writeOnly.forEach((rule, i) => {
    if (!resource(rule.table, `writeOnly[${i}].table`)) return;
    rule.columns.forEach((c, j) => column(rule.table, c, `writeOnly[${i}].columns[${j}]`));
  });
  pack.selfLocked.forEach((rule, i) => {
    if (!resource(rule.table, `selfLocked[${i}].table`)) return;
    column(rule.table, rule.key, `selfLocked[${i}].key`, ['uuid'], 'it must hold the user id (uuid)');
    rule.columns.forEach((c, j) => column(rule.table, c, `selfLocked[${i}].columns[${j}]`));
  });
  pack.hiddenRows.forEach((rule, i) => {
    if (resource(rule.table, `hiddenRows[${i}].table`)) column(rule.table, rule.column, `hiddenRows[${i}].column`, ['boolean'], 'it must be a boolean');
  });
  pack.authors.forEach((a, i) => {
    if (resource(a.table, `authors[${i}].table`)) column(a.table, a.column, `authors[${i}].column`, ['uuid'], 'it must hold a user id (uuid)');
  });
  pack.workflows.forEach((w, i) => {
    const r = resource(w.table, `workflows[${i}].table`);
    if (!r) return;
    column(w.table, w.statusColumn, `workflows[${i}].status`);
    const choices = r.fieldByName.get(w.statusColumn)?.choices;
    if (choices) {
      const states = new Set([w.initial, ...w.transitions.flatMap((t) => [...t.from, t.to])]);
      for (const s of states) {
        if (!choices.includes(s)) problems.push(`workflows[${i}]: state "${s}" is not a value "${w.table}.${w.statusColumn}" accepts. Use one of: ${choices.join(', ')}.`);
      }
    }
    w.transitions.forEach((t, j) => {
      const where = `workflows[${i}].transitions[${j}]`;
      t.requires?.forEach((c, k) => column(w.table, c, `${where}.requires[${k}]`));
      t.covers?.forEach((c, k) => column(w.table, c, `${where}.covers[${k}]`));
      for (const [c, value] of Object.entries(t.sets ?? {})) {
        if (value === 'caller') column(w.table, c, `${where}.sets.${c}`, ['uuid'], 'it is set to the caller (a uuid)');
        else column(w.table, c, `${where}.sets.${c}`, ['datetime', 'date'], 'it is set to the current time (a date or time stamp)');
      }
      if (t.notBy) person(w.table, t.notBy, `${where}.notBy`);
      if (t.onlyBy) person(w.table, t.onlyBy, `${where}.onlyBy`);
    });
  });
  pack.operations.forEach((o, i) => {
    if (resource(o.resource, `operations[${i}].table`)) o.sums.forEach((c, j) => column(o.resource, c, `operations[${i}].sums[${j}]`, ['money', 'decimal', 'integer', 'bigint'], 'a total is made of numbers'));
  });
  for (const [table, columns] of Object.entries(pack.shapes)) {
    if (!resource(table, `shapes.${table}`)) continue;
    for (const c of Object.keys(columns)) column(table, c, `shapes.${table}.${c}`, ['json'], 'a shape describes a json column');
  }
  for (const [table, columns] of Object.entries(pack.recordTitles)) {
    if (resource(table, `recordTitles.${table}`)) columns.forEach((c, i) => column(table, c, `recordTitles.${table}[${i}]`));
  }
  for (const [table, spec] of Object.entries(pack.threads)) {
    if (!resource(table, `threads.${table}`) || spec === false) continue;
    column(table, spec.text, `threads.${table}.text`);
    for (const key of ['parent', 'author', 'at'] as const) if (spec[key]) column(table, spec[key], `threads.${table}.${key}`);
    if (spec.internal) column(table, spec.internal, `threads.${table}.internal`, ['boolean'], 'it must be a boolean');
  }
  return problems;
}

/** Operation functions and owner-set queries, which only the database can check (planned, never run). */
async function functionProblems(knex: Knex, pack: Pack): Promise<string[]> {
  const problems: string[] = [];
  for (const [i, o] of pack.operations.entries()) {
    const { rows } = await knex.raw<{ rows: { found: boolean }[] }>(
      `SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                       WHERE n.nspname = ? AND p.proname = ? AND p.pronargs = ?) AS found`,
      [...o.sqlFunction.split('.'), o.params.length],
    );
    if (!rows[0]?.found) {
      problems.push(`operations[${i}].function: the database has no function ${o.sqlFunction} taking ${o.params.length} argument(s). Create it, or correct the name.`);
    }
  }
  for (const [name, query] of Object.entries(pack.ownerSets)) {
    // Planned with a typed null for the caller and never run (LIMIT 0); the columns come back described.
    const planned = await knex
      .transaction(async (trx) => {
        const sql = `SELECT * FROM (${query.replace(/\$1/g, 'NULL::uuid').replace(/\?/g, '\\?')}) AS owner_set LIMIT 0`;
        const result = await trx.raw<{ fields: unknown[] }>(sql);
        return result.fields.length === 1 ? undefined : 'it must return one column of ids';
      })
      .catch((err: Error) => err.message.replace(/^[\s\S]* - /, ''));
    if (planned) problems.push(`ownerSets.${name}: the query does not plan: ${planned}. Correct it (one column of ids, the caller's id as $1).`);
  }
  return problems;
}
