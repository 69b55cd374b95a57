import type { RequestHandler } from 'express';
import { HttpError, invalidFields } from './errors.js';

/**
 * Input no form sends but an attacker does, refused before anything reads it: text PostgreSQL
 * cannot store or would store changed (NUL, lone UTF-16 surrogates), keys that name an
 * object's prototype, and nesting deep enough to exhaust a recursive reader. One walk serves
 * bodies, query strings and the JSON inside them (filters).
 */

/** How deep a body or filter may nest (objects and arrays); documented in README. */
export const MAX_JSON_DEPTH = 64;

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Half of a surrogate pair without its other half (String.prototype.isWellFormed, where the library has it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL cannot hold as text, or would hold as something else. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Contains a NUL character (\\u0000), which cannot be stored.';
  if (LONE_SURROGATE.test(text)) return 'Contains half of a UTF-16 surrogate pair, which is no character and cannot be stored.';
  return undefined;
}

/** The first problem anywhere in a parsed value, walked without recursion; undefined when there is none. */
export function hostileValueProblem(value: unknown, depth = 1): string | undefined {
  const pending: [unknown, number][] = [[value, depth]];
  while (pending.length) {
    const [current, level] = pending.pop()!;
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) return problem;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (level > MAX_JSON_DEPTH) return `Nested deeper than ${MAX_JSON_DEPTH} levels.`;
    if (Array.isArray(current)) {
      for (const item of current) pending.push([item, level + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (PROTOTYPE_KEYS.has(key)) return `"${key}" may not be used as a name.`;
      const problem = textProblem(key);
      if (problem) return `A name ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
      pending.push([item, level + 1]);
    }
  }
  return undefined;
}

/**
 * Each problem under the top-level name it sits in (the field a form shows it beside): for a
 * body, its fields; for a query string, its parameters.
 */
export function hostileFields(value: unknown): Record<string, string> {
  // No prototype: a field named "__proto__" is reported like any other, not swallowed by a setter.
  const errors = Object.create(null) as Record<string, string>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const problem = hostileValueProblem(value);
    if (problem) errors.body = problem;
    return errors;
  }
  for (const [key, item] of Object.entries(value)) {
    const problem = PROTOTYPE_KEYS.has(key) ? 'Not a field.' : (textProblem(key) ?? hostileValueProblem(item, 2));
    if (problem) errors[key] = problem;
  }
  return errors;
}

/** Refuses a request whose body or query carries any of it: 400, each problem by name, nothing done. */
export const refuseHostileInput: RequestHandler = (req, _res, next) => {
  const errors = Object.assign(Object.create(null) as Record<string, string>, hostileFields(req.query), hostileFields(req.body ?? {}));
  if (Object.keys(errors).length) throw invalidFields(errors);
  next();
};

/**
 * body-parser's refusals in words a client can act on: an encoding the server does not take,
 * or a body that is not what its Content-Encoding says. Undefined for other errors.
 */
export function bodyReadingError(err: unknown, contentEncoding: string | undefined): HttpError | undefined {
  const e = err as { type?: string; status?: number; expose?: boolean; code?: string; charset?: string } | undefined;
  if (e?.type === 'encoding.unsupported') {
    return new HttpError(415, `A body encoded as "${contentEncoding ?? ''}" is not accepted: send it as it is, or as gzip, deflate or br.`);
  }
  if (e?.type === 'charset.unsupported') return new HttpError(415, `The body's charset "${e.charset ?? ''}" is not accepted: send UTF-8.`);
  if (typeof e?.code === 'string' && e.code.startsWith('Z_') && e.status === 400) {
    return new HttpError(400, `The body is not ${contentEncoding ?? 'compressed'} data, though its Content-Encoding says it is.`);
  }
  if (e?.expose && typeof e.status === 'number' && e.status >= 400 && e.status < 500) return new HttpError(e.status, 'The request body could not be read.');
  return undefined;
}
