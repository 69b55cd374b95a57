import type { z } from 'zod';
import type { ChartSpec, JsonShape, ListSettings, ListView, ThreadSpec } from '../server/meta/types.js';
import { packFormat, type PackDeclaration } from './packFormat.js';

/**
 * A pack compiled into what the enforcers read: the CASL rules in the API and the policies,
 * column privileges and triggers in the database are both generated from this one model.
 */

export type Action = 'read' | 'create' | 'update' | 'delete' | 'approve' | 'export';
export const ACTIONS: readonly Action[] = ['read', 'create', 'update', 'delete', 'approve', 'export'];
const LETTER: Record<string, Action> = { R: 'read', C: 'create', U: 'update', D: 'delete', A: 'approve', E: 'export' };

/** "RCUDE" -> ['read', 'create', 'update', 'delete', 'export'] */
export function actionsOf(letters: string): Action[] {
  return [...letters].map((l) => {
    const action = LETTER[l];
    if (!action) throw new Error(`Unknown action letter ${l} in "${letters}"`);
    return action;
  });
}

/**
 * One row of the role matrix: a role's actions on a module, or on one table of it (a
 * sub-module row overrides its module's row for that table). `own` limits the grant to
 * the caller's own rows (the pack's scopes).
 */
export interface MatrixRow {
  role: string;
  module: string;
  subModule?: string;
  actions: Action[];
  own?: boolean;
}

/** A column equal to the caller's id, within a set of ids the caller owns, or equal to the caller's tenant. */
export type OwnerRule = { column: string; equalsUser: true } | { column: string; in: string } | { column: string; sameTenant: true };

export interface FieldRestriction {
  table: string;
  columns: readonly string[];
  /** Roles that may read these columns; absent = every role that may read the table. */
  readers?: readonly string[];
  /** Roles that may write these columns (create and update). */
  writers: readonly string[];
  /** The row's owner (a role with an own rule on the table) may read and write them too. */
  owner?: boolean;
}

/** Roles that may write only these columns of a table (create and update); every other column is read-only to them. */
export interface WriteOnly {
  table: string;
  roles: readonly string[];
  columns: readonly string[];
}

/** Columns nobody may change on their own row (the row whose `key` is the caller), whatever their role. */
export interface RoleGiving {
  table: string;
  column: string;
  givable: Readonly<Record<string, readonly string[]>>;
}

export interface SelfLocked {
  table: string;
  key: string;
  columns: readonly string[];
}

/** Rows some roles never see, whatever they are granted. */
export interface HiddenRows {
  table: string;
  /** A boolean column: rows where it is true are hidden. */
  column: string;
  from: readonly string[];
}

/** A column naming who wrote a record, stamped by the database with the caller. */
export interface Author {
  table: string;
  column: string;
}

/** A person named by a column of the row, directly or through a reference (a staff member's login). */
export interface Person {
  column: string;
  via?: { table: string; column: string };
}

export interface Transition {
  /** The URL segment and button, e.g. "approve". */
  name: string;
  label: string;
  from: readonly string[];
  to: string;
  /** The matrix action the caller needs on the table. */
  needs: Action;
  /** Fields the caller must fill in (a reason, a payment reference...). */
  requires?: readonly string[];
  /** Columns the transition sets itself: to the caller, or to the current time. */
  sets?: Readonly<Record<string, 'caller' | 'now'>>;
  /** Separation of duties: the caller may not be the person this column names. */
  notBy?: Person;
  /** Only the person this column names may do it (e.g. cancel one's own leave). */
  onlyBy?: Person;
  /** Columns the step approves: see approvalsCovering (permissions/workflows.ts). */
  covers?: readonly string[];
}

export interface Workflow {
  table: string;
  statusColumn: string;
  initial: string;
  transitions: readonly Transition[];
}

export interface OperationParam {
  name: string;
  label: string;
  kind: 'date' | 'text' | 'integer';
}

export interface Operation {
  resource: string;
  name: string;
  label: string;
  /** The SQL function, schema-qualified; called with the parameters in order. */
  sqlFunction: string;
  params: readonly OperationParam[];
  needs: Action;
  /** The parameters naming the period it covers: one not yet ended must be confirmed. */
  period?: { year: string; month: string } | { from: string; to: string };
  /** Columns of the records it makes that its preview totals. */
  sums: readonly string[];
}

export interface Pack {
  name: string;
  title: string;
  locale: string;
  currency?: string;
  administrator: string;
  people?: PackDeclaration['people'];
  /**
   * Who may give which roles: on the people table (a resource), the role column's values each
   * non-administrator role that may write that column may give and take away (none if unlisted).
   */
  roleGiving?: RoleGiving;
  roles: readonly string[];
  roleLabels: Readonly<Record<string, string>>;
  /** Roles with scopes whose grants reach every row of the tables they have no scope on. */
  everyRowOutsideScopes: readonly string[];
  modules: Readonly<Record<string, { label: string; icon?: string; tables: readonly string[] }>>;
  defaultMatrix: readonly MatrixRow[];
  ownRows: Readonly<Record<string, Readonly<Record<string, OwnerRule>>>>;
  ownerSets: Readonly<Record<string, string>>;
  /** The pack's field rules, plus those its workflows and authors imply (nobody writes what the database stamps). */
  fieldRestrictions: readonly FieldRestriction[];
  writeOnly: readonly WriteOnly[];
  selfLocked: readonly SelfLocked[];
  hiddenRows: readonly HiddenRows[];
  authors: readonly Author[];
  workflows: readonly Workflow[];
  operations: readonly Operation[];
  charts: readonly ChartSpec[];
  listViews: Readonly<Record<string, readonly ListView[]>>;
  lists: Readonly<Record<string, ListSettings>>;
  threads: Readonly<Record<string, ThreadSpec | false>>;
  shapes: Readonly<Record<string, Readonly<Record<string, JsonShape>>>>;
  recordTitles: Readonly<Record<string, readonly string[]>>;
  acronyms: readonly string[];
}

/** A mistake in a pack: where it is and how to fix it, one line each. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: the pack has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}:\n${problems.map((p) => `  ${file}: ${p}`).join('\n')}`);
    this.name = 'PackError';
  }
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(top)';

function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const where = pathText(issue.path);
    if (issue.code === 'unrecognized_keys') return `${where}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}. Remove it, or check its spelling.`;
    return `${where}: ${issue.message}`;
  });
}

const personOf = (p: string | { column: string; via: { table: string; column: string } } | undefined): Person | undefined =>
  p === undefined ? undefined : typeof p === 'string' ? { column: p } : { column: p.column, via: { ...p.via } };

/**
 * Parses and compiles a pack, checking that it holds together (every role, module, table,
 * owner set and state it names is declared). Names in the database (tables, columns, types)
 * are checked against the catalog when a database is served (server/packs/checkPackAgainstCatalog).
 */
export function compilePack(input: unknown, file: string): Pack {
  const parsed = packFormat.safeParse(input);
  if (!parsed.success) throw new PackError(file, formatIssues(parsed.error.issues));
  const d = parsed.data;
  const problems: string[] = [];
  const roles = d.roles.map((r) => r.name);
  const roleSet = new Set(roles);
  const moduleNames = d.modules.map((m) => m.name);
  const knownRole = (role: string, where: string) => {
    if (!roleSet.has(role)) problems.push(`${where}: unknown role "${role}". Declare it under "roles", or use one of: ${roles.join(', ')}.`);
  };
  const duplicates = (names: string[], where: string) => {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push(`${where}: "${n}" is declared twice. Keep one.`);
      seen.add(n);
    }
  };
  duplicates(roles, 'roles');
  duplicates(moduleNames, 'modules');
  duplicates(d.modules.flatMap((m) => m.tables), 'modules[].tables');
  knownRole(d.administrator, 'administrator');

  const modules = Object.fromEntries(d.modules.map((m) => [m.name, { label: m.label, ...(m.icon ? { icon: m.icon } : {}), tables: [...m.tables] }]));
  const tableModule = new Map(d.modules.flatMap((m) => m.tables.map((t) => [t, m.name] as const)));
  const knownTable = (t: string, where: string) => {
    if (!tableModule.has(t)) problems.push(`${where}: table "${t}" is in no module. Add it to a module's "tables".`);
  };

  // Explicit module rows first, so "*" means "every module this role has no module row for".
  const defaultMatrix: MatrixRow[] = [];
  const explicitModules = new Map<string, Set<string>>();
  d.matrix.forEach((row, i) => {
    if (row.module === '*' || row.table) return;
    const set = explicitModules.get(row.role) ?? new Set<string>();
    for (const m of Array.isArray(row.module) ? row.module : [row.module]) set.add(m);
    explicitModules.set(row.role, set);
    void i;
  });
  d.matrix.forEach((row, i) => {
    const where = `matrix[${i}]`;
    knownRole(row.role, `${where}.role`);
    const targets = row.module === '*' ? moduleNames.filter((m) => !explicitModules.get(row.role)?.has(m)) : Array.isArray(row.module) ? row.module : [row.module];
    if (row.module === '*' && row.table) problems.push(`${where}.table: a row for every module cannot name one table. Name its module instead of "*".`);
    for (const module of targets) {
      if (!modules[module]) {
        problems.push(`${where}.module: unknown module "${module}". Declare it under "modules", or use one of: ${moduleNames.join(', ')}.`);
        continue;
      }
      if (row.table && !modules[module]!.tables.includes(row.table)) {
        problems.push(`${where}.table: "${row.table}" is not a table of module "${module}". Use one of: ${modules[module]!.tables.join(', ')}.`);
      }
      if (row.own && !row.table) problems.push(`${where}.own: own rows are granted per table. Name the table.`);
      if (row.own && row.table && !d.scopes[row.role]?.[row.table]) {
        problems.push(`${where}.own: role "${row.role}" has no scope on "${row.table}". Declare scopes.${row.role}.${row.table}.`);
      }
      defaultMatrix.push({ role: row.role, module, ...(row.table ? { subModule: row.table } : {}), actions: actionsOf(row.actions), ...(row.own ? { own: true } : {}) });
    }
  });
  duplicates(defaultMatrix.map((r) => `${r.role}/${r.module}/${r.subModule ?? '*'}`), 'matrix');

  const ownRows: Record<string, Record<string, OwnerRule>> = {};
  for (const [role, tables] of Object.entries(d.scopes)) {
    knownRole(role, `scopes.${role}`);
    ownRows[role] = {};
    for (const [t, rule] of Object.entries(tables)) {
      knownTable(t, `scopes.${role}.${t}`);
      if ('in' in rule && !d.ownerSets[rule.in]) {
        problems.push(`scopes.${role}.${t}.in: unknown owner set "${rule.in}". Declare it under "ownerSets".`);
      }
      if ('is' in rule && rule.is === 'tenant' && !d.people?.tenant) {
        problems.push(`scopes.${role}.${t}: a tenant scope needs the tenant of each person. Declare people.tenant (the profile column holding it).`);
      }
      ownRows[role]![t] =
        'in' in rule ? { column: rule.column, in: rule.in } : rule.is === 'tenant' ? { column: rule.column, sameTenant: true } : { column: rule.column, equalsUser: true };
    }
  }

  d.writeOnly.forEach((rule, i) => {
    knownTable(rule.table, `writeOnly[${i}].table`);
    rule.roles.forEach((r, j) => knownRole(r, `writeOnly[${i}].roles[${j}]`));
  });
  d.fieldRules.forEach((rule, i) => {
    knownTable(rule.table, `fieldRules[${i}].table`);
    rule.read?.forEach((r, j) => knownRole(r, `fieldRules[${i}].read[${j}]`));
    rule.write.forEach((r, j) => knownRole(r, `fieldRules[${i}].write[${j}]`));
  });
  d.selfLocked.forEach((rule, i) => knownTable(rule.table, `selfLocked[${i}].table`));
  d.hiddenRows.forEach((rule, i) => {
    knownTable(rule.table, `hiddenRows[${i}].table`);
    rule.from.forEach((r, j) => knownRole(r, `hiddenRows[${i}].from[${j}]`));
  });
  d.authors.forEach((a, i) => knownTable(a.table, `authors[${i}].table`));

  const workflows: Workflow[] = d.workflows.map((w, i) => {
    knownTable(w.table, `workflows[${i}].table`);
    duplicates(w.transitions.map((t) => t.name), `workflows[${i}].transitions`);
    const states = new Set([w.initial, ...w.transitions.flatMap((t) => [...t.from, t.to])]);
    const reachable = new Set([w.initial, ...w.transitions.map((t) => t.to)]);
    w.transitions.forEach((t, j) => {
      for (const s of t.from) {
        if (!reachable.has(s)) problems.push(`workflows[${i}].transitions[${j}].from: no step reaches state "${s}". Check its spelling against: ${[...states].join(', ')}.`);
      }
    });
    return {
      table: w.table,
      statusColumn: w.status,
      initial: w.initial,
      transitions: w.transitions.map((t) => {
        const notBy = personOf(t.notBy);
        const onlyBy = personOf(t.onlyBy);
        return {
          name: t.name,
          label: t.label,
          from: [...t.from],
          to: t.to,
          needs: t.needs,
          ...(t.requires ? { requires: [...t.requires] } : {}),
          ...(t.sets ? { sets: { ...t.sets } } : {}),
          ...(notBy ? { notBy } : {}),
          ...(onlyBy ? { onlyBy } : {}),
          ...(t.covers ? { covers: [...t.covers] } : {}),
        };
      }),
    };
  });
  duplicates(d.workflows.map((w) => w.table), 'workflows[].table');

  const operations: Operation[] = d.operations.map((o, i) => {
    knownTable(o.table, `operations[${i}].table`);
    const paramNames = o.params.map((p) => p.name);
    for (const [key, param] of Object.entries(o.period ?? {})) {
      if (!paramNames.includes(param)) problems.push(`operations[${i}].period.${key}: no parameter "${param}". Use one of: ${paramNames.join(', ')}.`);
    }
    return {
      resource: o.table,
      name: o.name,
      label: o.label,
      sqlFunction: o.function,
      params: o.params.map((p) => ({ ...p })),
      needs: o.needs,
      ...(o.period ? { period: { ...o.period } } : {}),
      sums: [...o.sums],
    };
  });

  d.charts.forEach((c, i) => {
    knownTable(c.table, `charts[${i}].table`);
    if (!modules[c.module]) problems.push(`charts[${i}].module: unknown module "${c.module}". Use one of: ${moduleNames.join(', ')}.`);
  });
  Object.keys(d.listViews).forEach((t) => knownTable(t, `listViews.${t}`));
  Object.keys(d.threads).forEach((t) => knownTable(t, `threads.${t}`));
  Object.keys(d.shapes).forEach((t) => knownTable(t, `shapes.${t}`));
  Object.keys(d.recordTitles).forEach((t) => knownTable(t, `recordTitles.${t}`));
  for (const [t, settings] of Object.entries(d.lists)) {
    knownTable(t, `lists.${t}`);
    if (settings.opens) knownTable(settings.opens, `lists.${t}.opens`);
  }

  if (problems.length) throw new PackError(file, problems);

  const authors = d.authors.map((a) => ({ ...a }));
  const fieldRestrictions: FieldRestriction[] = [
    ...d.fieldRules.map((r) => ({
      table: r.table,
      columns: [...r.columns],
      ...(r.read ? { readers: [...r.read] } : {}),
      writers: [...r.write],
      ...(r.owner ? { owner: true } : {}),
    })),
    // What a workflow records about its own steps (who approved, when), and who wrote a record: nobody writes it.
    ...workflows.map((w) => ({ table: w.table, columns: [...new Set(w.transitions.flatMap((t) => Object.keys(t.sets ?? {})))], writers: [] })),
    ...authors.map((a) => ({ table: a.table, columns: [a.column], writers: [] })),
  ];
  const roleGiving = roleGivingOf(d, roles, defaultMatrix, fieldRestrictions, file);
  return {
    name: d.name,
    title: d.title,
    locale: d.locale,
    ...(d.currency ? { currency: d.currency } : {}),
    administrator: d.administrator,
    ...(d.people ? { people: d.people } : {}),
    ...(roleGiving ? { roleGiving } : {}),
    roles,
    everyRowOutsideScopes: d.roles.filter((r) => r.outsideScopes === 'every-row').map((r) => r.name),
    roleLabels: Object.fromEntries(d.roles.map((r) => [r.name, r.label ?? r.name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase())])),
    modules,
    defaultMatrix,
    ownRows,
    ownerSets: { ...d.ownerSets },
    fieldRestrictions,
    writeOnly: d.writeOnly.map((w) => ({ table: w.table, roles: [...w.roles], columns: [...w.columns] })),
    selfLocked: d.selfLocked.map((s) => ({ ...s, columns: [...s.columns] })),
    hiddenRows: d.hiddenRows.map((h) => ({ ...h, from: [...h.from] })),
    authors,
    workflows,
    operations,
    charts: d.charts.map(({ table: resource, ...c }) => ({ ...c, resource })),
    listViews: d.listViews,
    lists: d.lists,
    threads: d.threads,
    shapes: d.shapes,
    recordTitles: d.recordTitles,
    acronyms: d.acronyms,
  };
}

/** The people table as a resource: its name, schema-qualified outside public. */
const resourceOfTable = (table: string) => table.replace(/^public\./, '');

/**
 * Which roles each role may give, where people's role is a column: every non-administrator
 * role that may write the column (no field rule keeps it from them) is limited to its
 * "mayGive" list. One whose default grants let it write people yet is not listed is a mistake:
 * it would give no role, or, had the column no rule, any.
 */
function roleGivingOf(
  d: PackDeclaration,
  roles: readonly string[],
  matrix: readonly MatrixRow[],
  restrictions: readonly FieldRestriction[],
  file: string,
): RoleGiving | undefined {
  const people = d.people;
  if (!people) return undefined;
  const problems: string[] = [];
  const mayGive = people.mayGive ?? {};
  for (const [giver, given] of Object.entries(mayGive)) {
    for (const [i, r] of [giver, ...given].entries()) {
      if (!roles.includes(r)) problems.push(`people.mayGive.${giver}${i ? `[${i - 1}]` : ''}: unknown role "${r}". Use one of: ${roles.join(', ')}.`);
    }
    if (giver === d.administrator) problems.push(`people.mayGive.${giver}: the administrator gives every role. Remove it.`);
  }
  const table = resourceOfTable(people.table);
  const module = d.modules.find((m) => m.tables.includes(table))?.name;
  const writesPeople = (role: string, actions: readonly Action[]) =>
    matrix.some((row) => row.role === role && row.module === module && (row.subModule === undefined || row.subModule === table) && row.actions.some((a) => actions.includes(a)));
  if (people.roles) {
    const assignments = resourceOfTable(people.roles.table);
    const assigningModule = d.modules.find((m) => m.tables.includes(assignments))?.name;
    for (const role of roles) {
      if (role === d.administrator) continue;
      const writes = matrix.some(
        (row) => row.role === role && row.module === assigningModule && (row.subModule === undefined || row.subModule === assignments) && row.actions.some((a) => a !== 'read' && a !== 'export'),
      );
      if (writes) problems.push(`matrix: role "${role}" may write ${assignments}, where people's roles are given. Only the administrator gives roles kept in a role table: take the grant away.`);
    }
  }
  if (!people.role) {
    if (problems.length) throw new PackError(file, problems);
    return undefined;
  }
  const column = people.role;
  const rule = restrictions.find((r) => r.table === table && r.columns.includes(column));
  const writers = roles.filter((role) => role !== d.administrator && (!rule || rule.writers.includes(role)));
  for (const role of writers) {
    if (!mayGive[role] && writesPeople(role, ['create', 'update'])) {
      problems.push(
        `people.mayGive: role "${role}" may write ${table}.${column} (${rule ? 'its field rule lets it' : 'no field rule keeps the column from it'}). Declare the roles it may give (people.mayGive.${role}), or keep the column to the administrator with a field rule.`,
      );
    }
  }
  for (const giver of Object.keys(mayGive)) {
    if (giver !== d.administrator && roles.includes(giver) && !writers.includes(giver)) {
      problems.push(`people.mayGive.${giver}: role "${giver}" may not write ${table}.${column}, so it gives no role. Let it write the column in a field rule, or remove it.`);
    }
  }
  if (problems.length) throw new PackError(file, problems);
  return { table, column, givable: Object.fromEntries(writers.map((role) => [role, [...(mayGive[role] ?? [])]])) };
}
