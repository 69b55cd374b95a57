import { z } from 'zod';
import type { JsonShape } from '../server/meta/types.js';

/**
 * The format of a pack: the declaration that governs one database (its people, roles,
 * modules, default matrix, row scopes, field rules, workflows, operations, authors, locale).
 * Objects are strict, so a misspelt key is an error, not a silently ignored rule. The JSON
 * Schema editors complete against (permissions/pack.schema.json) is generated from this.
 */

const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and _ (starting with a letter).');
/** A table as the back-office names it: "table" in the first schema served, else "schema.table". */
const table = z.string().regex(/^([A-Za-z_][A-Za-z0-9_$]*\.)?[A-Za-z_][A-Za-z0-9_$]*$/, 'Name a table as "table" or "schema.table".');
const qualifiedTable = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z_][A-Za-z0-9_$]*$/, 'Name the table as "schema.table".');
const column = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, 'Name one column.');
const setName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Name the owner set with letters, digits and _ (starting with a letter).');
/** A role as the database writes it (its own role values may be upper case: "DOOR_STAFF"). */
const roleName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Use letters, digits and _ (starting with a letter), as the database writes the role.')
  .max(48, 'At most 48 characters: its database role is gatehouse_role_<role>, and PostgreSQL names stop at 63.');
const roleList = z.array(roleName).describe('Role names, as declared under "roles".');
const action = z.enum(['read', 'create', 'update', 'delete', 'approve', 'export']);
const actionLetters = z
  .string()
  .regex(/^[RCUDAE]+$/, 'Use the letters R (read), C (create), U (update), D (delete), A (approve), E (export).')
  .refine((letters) => new Set(letters).size === letters.length, 'Give each letter once.');

const person = z.union([
  column.describe('A column of the row holding the person\'s user id.'),
  z.strictObject({
    column: column.describe('A column of the row referring to another table.'),
    via: z.strictObject({ table, column }).describe('The column of that table holding the person\'s user id.'),
  }),
]);

const transition = z.strictObject({
  name: name.describe('The URL segment and the button of the step, e.g. "approve".'),
  label: z.string().min(1),
  from: z.array(z.string().min(1)).min(1).describe('States the step starts from.'),
  to: z.string().min(1),
  needs: action.describe('The matrix action the caller needs on the table.'),
  requires: z.array(column).optional().describe('Columns the caller must fill in (a reason, a payment reference).'),
  sets: z.record(column, z.enum(['caller', 'now'])).optional().describe('Columns the step stamps itself: with the caller, or the current time.'),
  notBy: person.optional().describe('Separation of duties: the caller may not be this person (no approving one\'s own).'),
  onlyBy: person.optional().describe('Only this person may take the step (cancelling one\'s own request).'),
  covers: z
    .array(column)
    .min(1)
    .optional()
    .describe(
      'What this step approves (a budget, an amount): an edit changing one of these columns afterwards sends the record back to the state the step starts from, clearing what the step stamped; once no step leaves the record\'s state, the edit is refused.',
    ),
});

/** The module icons the back-office draws (a closed list, so a pack cannot name one it lacks). */
export const MODULE_ICONS = [
  'administration', 'analytics', 'book', 'calendar', 'campaign', 'badge', 'groups', 'inventory', 'payments', 'people',
  'spa', 'star', 'storefront', 'support', 'event', 'music', 'table',
] as const;

const filter = z.record(z.string(), z.unknown()).describe('A list filter as the API takes it: {"status": "open"}, {"field_gte": v}, {"field_null": true}; "$me" is the signed-in user, "$today" the day it is used.');

const chart = z.strictObject({
  module: name,
  title: z.string().min(1),
  table,
  groupBy: column,
  bucket: z.enum(['value', 'month', 'age']).describe('By value, by month of a date, or by age of a time stamp.'),
  sum: column.optional().describe('A number column summed per group (else rows are counted).'),
  filter: filter.optional(),
  kind: z.enum(['bar', 'line']),
});

const listView = z.strictObject({
  label: z.string().min(1),
  filter,
  sort: z.strictObject({ field: column, order: z.enum(['ASC', 'DESC']) }).optional(),
});

const listSettings = z.strictObject({
  filter: filter.optional().describe('The filter a list opens with (the user may change it).'),
  sort: z.strictObject({ field: column, order: z.enum(['ASC', 'DESC']) }).optional(),
  columns: z.union([z.literal('all'), z.array(column).min(1)]).optional().describe('The columns shown: "all", or these in this order.'),
  opens: table.optional().describe('A row opens this table\'s record with the same id (a queue view opening the request itself).'),
});

const threadSpec = z.strictObject({
  parent: column.optional().describe('The reference to the record the conversation is about; absent: every reference but the author.'),
  text: column.describe('The message itself.'),
  author: column.optional().describe('Who wrote it: a reference to a person.'),
  at: column.optional().describe('When it was written.'),
  internal: column.optional().describe('A boolean marking notes for staff only, shown marked as such.'),
});

const jsonShape: z.ZodType<JsonShape> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['object', 'array', 'string', 'number', 'integer', 'boolean']).optional(),
    title: z.string().min(1).optional(),
    description: z.string().optional(),
    properties: z.record(z.string(), jsonShape).optional(),
    required: z.array(z.string()).optional(),
    additionalProperties: z.union([z.boolean(), jsonShape]).optional(),
    items: jsonShape.optional(),
    enum: z.array(z.union([z.string(), z.number()])).min(1).optional(),
    format: z.string().optional().describe('date, date-time, email or uri are checked; others only annotate.'),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.int().min(0).optional(),
    maxLength: z.int().min(0).optional(),
    minItems: z.int().min(0).optional(),
    maxItems: z.int().min(0).optional(),
  }),
);

const scope = z.union([
  z.strictObject({ column, is: z.literal('caller') }).describe('Rows where this column is the caller\'s user id.'),
  z.strictObject({ column, is: z.literal('tenant') }).describe('Rows where this column is the caller\'s tenant (people.tenant).'),
  z.strictObject({ column, in: setName.describe('An owner set declared under "ownerSets".') }).describe('Rows where this column is one of the ids the caller owns.'),
]);

export const packFormat = z.strictObject({
  $schema: z.string().optional(),
  name: name.describe('The pack\'s name; its folders (migrations, demo data) carry it.'),
  title: z.string().min(1).describe('The back-office\'s title.'),
  locale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'A BCP 47 locale such as "en-GB".').default('en-GB'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as "EUR".').optional(),
  administrator: roleName.describe('The role that may do everything (and administers users).'),
  people: z
    .strictObject({
      table: qualifiedTable.describe('The profile table, keyed by the user id.'),
      id: column,
      name: z
        .union([column, z.array(column).min(1, 'Name at least one column.')])
        .describe('The column holding a person\'s name, or the columns it is made of, in order (e.g. ["first_name", "last_name"]).'),
      email: column
        .optional()
        .describe(
          'The column holding a person\'s email. Declared, this table is where accounts come from: every person with an email gets a sign-in account with the same id, kept in step by govern; an administrator gives each their first password on the Users screen.',
        ),
      role: column.optional().describe('The column holding the person\'s one role (or declare "roles").'),
      roles: z
        .strictObject({
          table: qualifiedTable.describe('The table assigning roles to people, one row per person and role.'),
          person: column.describe('Its column holding the person\'s user id.'),
          role: column.describe('Its column holding the role: its name, or a reference to "names".'),
          names: z
            .strictObject({ table: qualifiedTable, id: column, name: column })
            .optional()
            .describe('Where the role column refers to a table of roles: that table, its key and its name column.'),
        })
        .optional()
        .describe('Several roles per person, from a many-to-many table (instead of "role"): their grants add up.'),
      status: column.optional().describe('The column holding whether the person may sign in: a boolean, or a status among "activeStatuses".'),
      activeStatuses: z
        .array(z.string().min(1))
        .min(1)
        .optional()
        .describe('The values of a text status column that let a person sign in, compared without case; ["active"] unless said.'),
      mobile: column.optional(),
      tenant: column.optional().describe('The column holding the person\'s tenant (organisation), for tenant scopes.'),
      mayGive: z
        .record(roleName, z.array(roleName))
        .optional()
        .describe(
          'The roles each role may give to people and take from them, where it may write the role column (the administrator gives every role). Such a role creates, changes and removes only people holding one of these roles, before and after the change; a role that may write the column but is not listed gives none.',
        ),
    })
    .refine((p) => p.activeStatuses === undefined || p.status !== undefined, { message: '"activeStatuses" are values of the status column: declare "status" too.', path: ['activeStatuses'] })
    .refine((p) => p.mayGive === undefined || p.role !== undefined, {
      message: '"mayGive" limits the values of the role column: declare "role". Where roles sit in a role table, only the administrator gives them.',
      path: ['mayGive'],
    })
    .refine((p) => (p.role === undefined) !== (p.roles === undefined), {
      message: 'Say where a person\'s roles come from: "role" (a column of this table) or "roles" (a role table), not both.',
    })
    .optional()
    .describe('Where people\'s names and roles live beside the accounts.'),
  roles: z
    .array(
      z.strictObject({
        name: roleName,
        label: z.string().min(1).optional(),
        outsideScopes: z
          .enum(['nothing', 'every-row'])
          .optional()
          .describe('For a role with scopes: what its grants reach on tables it has no scope on. Default "nothing" (its own rows, or none).'),
      }),
    )
    .min(1),
  modules: z.array(
    z.strictObject({
      name,
      label: z.string().min(1),
      icon: z.enum(MODULE_ICONS).optional(),
      tables: z.array(table).min(1),
    }),
  ),
  matrix: z
    .array(
      z.strictObject({
        role: roleName,
        module: z
          .union([name, z.literal('*'), z.array(name).min(1)])
          .describe('A module, a list of them, or "*": every module the role has no module row for.'),
        table: table.optional().describe('One table of the module: this row overrides the module\'s for it.'),
        actions: actionLetters,
        own: z.boolean().optional().describe('Only the caller\'s own rows (see "scopes").'),
      }),
    )
    .describe('The default grants, seeded into the role matrix.'),
  ownerSets: z
    .record(setName, z.string().regex(/^\s*(SELECT|WITH)\b/i, 'Write a query (SELECT ...) returning one column of ids.'))
    .default({})
    .describe(
      'Sets of ids a caller reaches: a query returning one column, with the caller\'s user id as $1 (a set may also not depend on the caller, such as tonight\'s bookings).',
    ),
  scopes: z.record(roleName, z.record(table, scope)).default({}).describe('Per role, per table: which rows are the caller\'s own.'),
  fieldRules: z
    .array(
      z.strictObject({
        table,
        columns: z.array(column).min(1),
        read: roleList.optional().describe('Roles that may read the columns; absent: every role that reads the table.'),
        write: roleList.describe('Roles that may write the columns; [] for none.'),
        owner: z.boolean().optional().describe('The row\'s owner may read and write them too.'),
      }),
    )
    .default([]),
  writeOnly: z
    .array(
      z.strictObject({
        table,
        roles: roleList.min(1),
        columns: z.array(column).min(1).describe('The only columns these roles may write on this table.'),
      }),
    )
    .default([])
    .describe('Roles that may write only some columns of a table, every other column read-only to them (a grant "RU (status only)"); other roles holding the same person\'s grants add theirs.'),
  selfLocked: z
    .array(z.strictObject({ table, key: column.describe('The column holding the row\'s user id.'), columns: z.array(column).min(1) }))
    .default([])
    .describe('Columns nobody may change on their own row, whatever their role.'),
  hiddenRows: z
    .array(z.strictObject({ table, column: column.describe('A boolean column: rows where it is true are hidden.'), from: roleList }))
    .default([]),
  authors: z
    .array(z.strictObject({ table, column }))
    .default([])
    .describe('Columns naming who wrote a record, stamped by the database with the caller.'),
  workflows: z
    .array(
      z.strictObject({
        table,
        status: column.describe('The status column; it changes only through the transitions.'),
        initial: z.string().min(1),
        transitions: z.array(transition).min(1),
      }),
    )
    .default([]),
  charts: z.array(chart).default([]).describe('Dashboard charts; each role sees those over rows and fields it may read.'),
  listViews: z.record(table, z.array(listView)).default({}).describe('Per table: ready-made views of its list.'),
  lists: z.record(table, listSettings).default({}).describe('Per table: how its list opens.'),
  recordTitles: z
    .record(table, z.array(column).min(1))
    .default({})
    .describe('Per table without a naming column: the columns a record\'s title is made of, in order (a reference shows by its label).'),
  shapes: z
    .record(table, z.record(column, jsonShape))
    .default({})
    .describe('Per table and json column: its shape, in JSON Schema (objects, lists, amounts), edited as a form and checked on every write.'),
  threads: z
    .record(table, z.union([threadSpec, z.literal(false)]))
    .default({})
    .describe(
      'Per table: its rows are messages, shown on the record they refer to as a conversation with a reply box; false where one is recognised but should not be. Recognised without saying: a message/body/comment/note column, a reference to its writer and a time the database stamps.',
    ),
  acronyms: z
    .array(z.string().regex(/^[a-z0-9]+$/, 'A lower-case word, as it appears in column names.'))
    .default([])
    .describe('Words written in capitals in labels ("gst" in gst_number: "GST number").'),
  operations: z
    .array(
      z.strictObject({
        table,
        name,
        label: z.string().min(1),
        function: qualifiedTable.describe('The SQL function, schema-qualified, called with the parameters in order.'),
        params: z.array(z.strictObject({ name, label: z.string().min(1), kind: z.enum(['date', 'text', 'integer']) })),
        needs: action,
        period: z
          .union([z.strictObject({ year: name, month: name }), z.strictObject({ from: name, to: name })])
          .optional()
          .describe('The parameters naming the period it covers (a year and month, or two dates): a period that has not ended must be confirmed.'),
        sums: z.array(column).default([]).describe('Columns of the records it makes whose totals its preview shows (e.g. net pay).'),
      }),
    )
    .default([]),
});

/** A pack as written (defaults not yet applied). */
export type PackInput = z.input<typeof packFormat>;
/** A pack as parsed. */
export type PackDeclaration = z.output<typeof packFormat>;
