import type { z } from 'zod';

/** Typed errors thrown by services; the error handler turns each into its HTTP status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: Record<string, string>) => new HttpError(400, message, errors);
export const unauthorized = (message = 'Please sign in.') => new HttpError(401, message);
export const forbidden = (message = 'You are not allowed to do this.', errors?: Record<string, string>) =>
  new HttpError(403, message, errors);
export const notFound = (message = 'Not found.') => new HttpError(404, message);
export const conflict = (message: string, errors?: Record<string, string>, extra?: Record<string, unknown>) =>
  new HttpError(409, message, errors, extra);

/**
 * A zod failure as the API's per-field messages: the first message for each top-level field
 * (the one a form shows beside its input); issues about the input as a whole go under `fallback`.
 */
export function fieldErrorsOf(error: z.ZodError, fallback = 'body'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? fallback)] ??= issue.message;
  return errors;
}

/** A 400 naming the fields: `message`, or else the one field's own message, or "Check a, b." */
export function invalidFields(errors: Record<string, string>, message?: string): HttpError {
  const names = Object.keys(errors);
  return badRequest(message ?? (names.length === 1 ? errors[names[0]!]! : `Check ${names.join(', ')}.`), errors);
}
