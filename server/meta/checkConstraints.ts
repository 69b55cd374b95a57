import type { JsonShape } from './types.js';

/**
 * Reads what a CHECK constraint says about one column, from pg_get_constraintdef():
 * a list of allowed values (`col IN (...)` becomes `col = ANY (ARRAY[...])`) or numeric
 * bounds (`col BETWEEN a AND b` becomes `col >= a AND col <= b`).
 */
export interface CheckFacts {
  choices?: string[];
  min?: number;
  max?: number;
}

const LITERAL = /'((?:[^']|'')*)'/g;

export function readCheck(definition: string, column: string): CheckFacts {
  const col = `(?:\\(?${escapeRe(column)}\\)?|\\(?VALUE\\)?)(?:::[\\w ]+)?`;
  if (/\bOR\b/.test(definition)) return {};
  if (new RegExp(`${col} = ANY \\(`).test(definition) || new RegExp(`^CHECK \\(\\(?${col} = '`).test(definition)) {
    const choices = [...definition.matchAll(LITERAL)].map((m) => (m[1] ?? '').replace(/''/g, "'"));
    return choices.length ? { choices } : {};
  }
  const facts: CheckFacts = {};
  const lower = new RegExp(`${col} >= \\(?'?(-?[\\d.]+)`).exec(definition);
  const upper = new RegExp(`${col} <= \\(?'?(-?[\\d.]+)`).exec(definition);
  if (lower) facts.min = Number(lower[1]);
  if (upper) facts.max = Number(upper[1]);
  return facts;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The JSON Schema a CHECK holds a json column to (pg_jsonschema's
 * `jsonb_matches_schema('{...}', col)`), if it is one.
 */
export function readJsonShapeCheck(definition: string, column: string): JsonShape | undefined {
  const call = new RegExp(`jsonb?_matches_schema\\(\\s*'((?:[^']|'')*)'(?:::jsonb?)?\\s*,\\s*\\(?${escapeRe(column)}\\)?(?:::jsonb?)?\\s*\\)`).exec(definition);
  if (!call) return undefined;
  try {
    const shape = JSON.parse(call[1]!.replace(/''/g, "'")) as unknown;
    return typeof shape === 'object' && shape !== null && !Array.isArray(shape) ? (shape as JsonShape) : undefined;
  } catch {
    return undefined;
  }
}
