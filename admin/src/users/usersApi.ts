import { fetchUtils } from 'react-admin';
import { csrfHeaders } from '../providers/csrf';

/** One user as GET /api/auth/users lists them (server/auth/staffUsers.ts). */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: string;
  status: 'active' | 'inactive' | 'suspended' | string;
  lastSignInAt: string | null;
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  createdAt: string | null;
}

export interface StaffUserPage {
  items: StaffUser[];
  total: number;
  /** The server's answer to "may I create, suspend, reset?": the buttons follow it. */
  canAdminister: boolean;
  /** The database keeps a profile whose mobile number is required and unique. */
  mobileRequired: boolean;
}

export interface NewStaffUser {
  email: string;
  name: string;
  role: string;
  mobile?: string;
  password: string;
}

export type UserAction = 'suspend' | 'reactivate' | 'reset-2fa' | 'force-password-change';

const BASE = '/api/auth/users';

/** Every call carries the session cookie and, for writes, the CSRF header; errors are react-admin HttpErrors with the server's body. */
async function call<T>(url: string, options: fetchUtils.Options = {}): Promise<T> {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  if (options.method && options.method !== 'GET') for (const [name, value] of Object.entries(csrfHeaders())) headers.set(name, value);
  return (await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'same-origin' })).json as T;
}

export function listUsers(query: { q: string; page: number; perPage: number }): Promise<StaffUserPage> {
  const params = new URLSearchParams({ page: String(query.page), perPage: String(query.perPage) });
  if (query.q.trim()) params.set('q', query.q.trim());
  return call(`${BASE}?${params}`);
}

export const createUser = (user: NewStaffUser) => call<StaffUser>(BASE, { method: 'POST', body: JSON.stringify(user) });

export const runUserAction = (id: string, action: UserAction) =>
  call<StaffUser>(`${BASE}/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: '{}' });

export const changeRole = (id: string, role: string) =>
  call<StaffUser>(`${BASE}/${encodeURIComponent(id)}/role`, { method: 'POST', body: JSON.stringify({ role }) });

/** The server's message for a failed call. */
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
