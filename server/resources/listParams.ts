import { z } from 'zod';
import { badRequest } from '../http/errors.js';
import { hostileValueProblem } from '../http/hostileInput.js';

/** The most rows one page may ask for. */
export const MAX_PAGE_SIZE = 1000;

/** A query parameter holding JSON, checked against `schema`; its messages name the parameter. */
export const jsonParam = <T extends z.ZodType>(name: string, schema: T) =>
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text === '') return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} must be JSON.` });
        return z.NEVER;
      }
      const problem = hostileValueProblem(value);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: `${name}: ${problem}` });
        return z.NEVER;
      }
      return value;
    })
    .pipe(schema.optional());

const listQuery = z.object({
  sort: jsonParam(
    'sort',
    z.tuple([z.string().min(1), z.string().transform((o) => o.toUpperCase()).pipe(z.enum(['ASC', 'DESC']))], {
      message: 'sort must be ["field","ASC"|"DESC"].',
    }),
  ),
  range: jsonParam(
    'range',
    z
      .tuple([z.number().int().min(0), z.number().int().min(0)], { message: 'range must be [start,end].' })
      .refine(([a, b]) => b >= a, 'range end must not be before its start.')
      .refine(([a, b]) => b - a < MAX_PAGE_SIZE, `A page holds at most ${MAX_PAGE_SIZE} rows.`),
  ),
  filter: jsonParam('filter', z.record(z.string(), z.unknown(), { message: 'filter must be a JSON object.' })),
});

export interface ListParams {
  sort?: { field: string; order: 'ASC' | 'DESC' };
  range: { offset: number; limit: number };
  filter: Record<string, unknown>;
}

const DEFAULT_PAGE = 25;

/** Reads `sort`, `range` and `filter` exactly as ra-data-simple-rest sends them. */
export function parseListParams(query: Record<string, unknown>): ListParams {
  const parsed = listQuery.safeParse({ sort: str(query.sort), range: str(query.range), filter: str(query.filter) });
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'query'), i.message]));
    throw badRequest(Object.values(errors).join(' '), errors);
  }
  const { sort, range, filter } = parsed.data;
  return {
    ...(sort ? { sort: { field: sort[0], order: sort[1] } } : {}),
    range: range ? { offset: range[0], limit: range[1] - range[0] + 1 } : { offset: 0, limit: DEFAULT_PAGE },
    filter: filter ?? {},
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
