import { fetchUtils } from 'react-admin';
import { followGate, gateOfError } from '../account/gate';
import { withCsrf } from './csrf';

/**
 * A call to the API outside react-admin's data provider (auth pages, user administration, the
 * matrix editor): the session cookie and the CSRF header ride along, a 403 naming a gate goes
 * to the gate's page, and errors are react-admin HttpErrors carrying the server's body.
 */
export async function apiCall<T>(url: string, options: fetchUtils.Options = {}): Promise<T> {
  try {
    const { json } = await fetchUtils.fetchJson(url, { ...options, headers: withCsrf(options.headers), credentials: 'same-origin' });
    return json as T;
  } catch (error) {
    const gate = gateOfError(error);
    if (gate) followGate(gate);
    throw error;
  }
}

export const postJson = <T>(url: string, body?: unknown) =>
  apiCall<T>(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

/** The server's message for a failed call (its `message`; fetchJson puts the body on the error). */
export function messageOf(error: unknown): string {
  const body = (error as { body?: { message?: unknown } } | undefined)?.body;
  if (typeof body?.message === 'string' && body.message) return body.message;
  return error instanceof Error && error.message ? error.message : 'The server could not be reached.';
}

/** The per-field messages of a 400 (`errors: { field: message }`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors = (error as { body?: { errors?: Record<string, unknown> } } | undefined)?.body?.errors ?? {};
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export const statusOf = (error: unknown): number | undefined => (error as { status?: number } | undefined)?.status;
