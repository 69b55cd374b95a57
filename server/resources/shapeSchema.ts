import { z } from 'zod';
import { fieldLabel } from '../meta/naming.js';
import type { JsonShape } from '../meta/types.js';

const A_TYPE: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'text',
  boolean: 'yes or no',
  object: 'a set of fields',
  array: 'a list',
};
const A_FORMAT: Record<string, string> = { date: 'a date (YYYY-MM-DD)', 'date-time': 'a date and time', email: 'an email address', uri: 'a web address', url: 'a web address' };

/** "Allowances › HRA", "Goals › item 2 › Status": where in the value a problem is, as the form labels it. */
function placeOf(shape: JsonShape, path: readonly PropertyKey[]): string[] {
  const names: string[] = [];
  let at: JsonShape | undefined = shape;
  for (const key of path) {
    if (typeof key === 'number') {
      names.push(`item ${key + 1}`);
      at = at?.items;
    } else {
      const inner: JsonShape | undefined = at?.properties?.[String(key)] ?? (typeof at?.additionalProperties === 'object' ? at.additionalProperties : undefined);
      names.push(at?.properties?.[String(key)]?.title ?? fieldLabel(String(key), false));
      at = inner;
    }
  }
  return names;
}

/** One problem with a json value in words a person acts on ("HRA must be a number."), not zod's. */
export function shapeProblem(shape: JsonShape, issue: z.core.$ZodIssue): string {
  const place = placeOf(shape, issue.path);
  const subject = place.length ? place.join(' › ') : 'The value';
  const i = issue as z.core.$ZodIssue & Record<string, unknown>;
  switch (issue.code) {
    case 'invalid_type':
      return i.input === undefined ? `${subject} is required.` : `${subject} must be ${A_TYPE[String(i.expected)] ?? String(i.expected)}.`;
    case 'too_small':
      return i.origin === 'array' ? `${subject} needs at least ${String(i.minimum)} item(s).` : i.origin === 'string' ? `${subject} needs at least ${String(i.minimum)} character(s).` : `${subject} must be at least ${String(i.minimum)}.`;
    case 'too_big':
      return i.origin === 'array' ? `${subject} takes at most ${String(i.maximum)} item(s).` : i.origin === 'string' ? `${subject} takes at most ${String(i.maximum)} character(s).` : `${subject} must be at most ${String(i.maximum)}.`;
    case 'invalid_value':
      return `${subject} must be one of: ${(i.values as unknown[]).map(String).join(', ')}.`;
    case 'unrecognized_keys': {
      const keys = i.keys as string[];
      return `${subject} has no ${keys.length === 1 ? 'field' : 'fields'} ${keys.map((k) => `"${k}"`).join(', ')}.`;
    }
    case 'invalid_format':
      return `${subject} must be ${A_FORMAT[String(i.format)] ?? `in the ${String(i.format)} format`}.`;
    default:
      return `${subject}: ${issue.message}`;
  }
}

/** A json column held to its shape: the first problem, said plainly, is the field's message. */
export function shapeSchema(shape: JsonShape): z.ZodType {
  const check = z.fromJSONSchema(shape as z.core.JSONSchema.JSONSchema);
  return z.unknown().superRefine((value, ctx) => {
    const parsed = check.safeParse(value, { reportInput: true });
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: shapeProblem(shape, parsed.error.issues[0]!) });
  });
}
