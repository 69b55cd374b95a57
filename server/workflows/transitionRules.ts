import { personFunction } from '../../permissions/workflowSql.js';
import type { Transition } from '../../permissions/workflows.js';
import { badRequest, forbidden } from '../http/errors.js';
import type { ResourceInfo } from '../meta/schemaModel.js';
import { fieldValueSchema } from '../resources/valueSchemas.js';
import { inSentence, listOf } from '../../permissions/words.js';
import { ident } from '../../permissions/sqlText.js';

type Row = Record<string, unknown>;

/** The persons a transition's separation of duties names, by rule: what the record holds, or whom it names through another table. */
export type Persons = Partial<Record<PersonRule, unknown>>;
type PersonRule = 'notBy' | 'onlyBy';

/**
 * The persons of a transition that are named through another table (a staff member's login), as
 * SQL over the record's table, each aliased: the record's own statement reads them, so they
 * cost no round trip of their own. The others are the record's column itself.
 */
export function personLookups(t: Transition, table: string): { rule: PersonRule; alias: string; sql: string }[] {
  return (['notBy', 'onlyBy'] as const).flatMap((rule) => {
    const person = t[rule];
    return person?.via ? [{ rule, alias: `gh_person_${rule}`, sql: `${personFunction(person.via)}(${ident(table)}.${ident(person.column)})` }] : [];
  });
}

/** The persons of `t` for this record: `looked` holds what personLookups read beside it. */
export function personsOf(t: Transition, record: Row, looked: Persons): Persons {
  const of = (rule: PersonRule): unknown => (t[rule]?.via ? looked[rule] : record[t[rule]!.column]);
  return { ...(t.notBy ? { notBy: of('notBy') } : {}), ...(t.onlyBy ? { onlyBy: of('onlyBy') } : {}) };
}

/** Separation of duties: never one's own approval; some transitions only by the record's owner. */
export function checkPersons(t: Transition, persons: Persons, callerId: string, label: string): void {
  if (t.notBy && persons.notBy === callerId) {
    throw forbidden(`You cannot ${t.label.toLowerCase()} your own ${label.toLowerCase()} record: someone else must.`);
  }
  if (t.onlyBy && persons.onlyBy !== callerId) {
    throw forbidden(`Only the person this ${label.toLowerCase()} record belongs to may ${t.label.toLowerCase()} it.`);
  }
}

/** The fields a transition asks for, validated like any input; a missing one is a 400 naming it. */
export function requiredValues(resource: ResourceInfo, t: Transition, body: unknown): Row {
  const given = (typeof body === 'object' && body !== null ? body : {}) as Row;
  const values: Row = {};
  const errors: Record<string, string> = {};
  for (const name of t.requires ?? []) {
    const field = resource.fieldByName.get(name);
    const raw = given[name];
    if (!field) continue;
    if (raw === undefined || raw === null || String(raw).trim() === '') {
      errors[name] = `Required to ${t.label.toLowerCase()}.`;
      continue;
    }
    const parsed = fieldValueSchema(field).safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else errors[name] = parsed.error.issues[0]?.message ?? 'Invalid value.';
  }
  if (Object.keys(errors).length) {
    const labels = Object.keys(errors).map((n) => inSentence(resource.fieldByName.get(n)?.label ?? n));
    throw badRequest(`${t.label} needs ${listOf(labels)}.`, errors);
  }
  return values;
}
