import type { Knex } from 'knex';
import { z } from 'zod';

const qualifiedName = z.string().regex(/^[^.\s]+\.[^.\s]+$/, 'a table named schema.table');
const column = z.string().min(1);

const peopleSchema = z.object({
  table: qualifiedName,
  id: column,
  name: z.union([column, z.array(column).min(1)]),
  email: column.optional(),
  role: column.optional(),
  roles: z
    .object({
      table: qualifiedName,
      person: column,
      role: column,
      names: z.object({ table: qualifiedName, id: column, name: column }).optional(),
    })
    .optional(),
  status: column.optional(),
  mobile: column.optional(),
});

/** Where the served database keeps people's names, roles and status beside the accounts. */
export type People = z.infer<typeof peopleSchema>;

/** The columns a person's name is made of, in order (one, or e.g. first and last name). */
export const nameColumns = (people: { name: string | readonly string[] }): readonly string[] =>
  typeof people.name === 'string' ? [people.name] : people.name;

/** The governance record (gatehouse.governance): which declaration governs this database and the objects it names. */
export interface Governance {
  pack: string;
  administrator: string;
  people?: People;
  /** "schema.table" of the role matrix. */
  matrixTable?: string;
  /** "schema.table" of the audit trail. */
  auditTable?: string;
}

const recordSchema = z.object({
  pack: z.string(),
  administrator: z.string(),
  people: peopleSchema.nullable(),
  matrix_table: qualifiedName.nullable(),
  audit_table: qualifiedName.nullable(),
});

/** The record, or undefined where nothing governs the database (or Gatehouse has not installed its schema yet). */
export async function readGovernance(knex: Knex): Promise<Governance | undefined> {
  const { rows } = await knex.raw<{ rows: { present: boolean }[] }>(`SELECT to_regclass('gatehouse.governance') IS NOT NULL AS present`);
  if (!rows[0]?.present) return undefined;
  const { rows: records } = await knex.raw<{ rows: unknown[] }>(`SELECT pack, administrator, people, matrix_table, audit_table FROM gatehouse.governance`);
  if (records.length === 0) return undefined;
  const parsed = recordSchema.safeParse(records[0]);
  if (!parsed.success) {
    throw new Error(`gatehouse.governance is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const { pack, administrator, people, matrix_table, audit_table } = parsed.data;
  return { pack, administrator, ...(people ? { people } : {}), ...(matrix_table ? { matrixTable: matrix_table } : {}), ...(audit_table ? { auditTable: audit_table } : {}) };
}
