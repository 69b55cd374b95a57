import { fetchUtils } from 'react-admin';
import { withCsrf } from '../providers/csrf';

/** A call to /api/auth/...: the session cookie and the CSRF header ride along; errors are HttpErrors with the server's body. */
export async function authCall<T>(url: string, options: fetchUtils.Options = {}): Promise<T> {
  const { json } = await fetchUtils.fetchJson(url, { ...options, headers: withCsrf(options.headers), credentials: 'same-origin' });
  return json as T;
}

export const postJson = <T>(url: string, body?: unknown) =>
  authCall<T>(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

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

export const statusOf = (error: unknown): number | undefined => (error as { status?: number } | undefined)?.status;

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  backupCodesLeft: number;
}

export interface TwoFactorSetup {
  otpauthUri: string;
  /** A PNG data URL. */
  qrDataUrl: string;
  secret: string;
}

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface SecurityEvent {
  id: string | number;
  occurredAt: string;
  kind: string;
  userId: string | null;
  userEmail: string | null;
  email: string | null;
  actorId: string | null;
  actorEmail: string | null;
  address: string | null;
  userAgent: string | null;
  detail: unknown;
}

/** A timestamp as the reader's locale writes it. */
export const formatTime = (value: string | null | undefined): string => (value ? new Date(value).toLocaleString() : '—');

/** "Chrome on Windows" from a user agent: enough to recognise a device; the full string is in the tooltip. */
export function describeAgent(ua: string | null): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /OPR\/|Opera/.test(ua)
      ? 'Opera'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Chrome\/|Chromium\//.test(ua)
          ? 'Chrome'
          : /Safari\//.test(ua)
            ? 'Safari'
            : undefined;
  const system = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : undefined;
  if (!browser) return ua.length > 40 ? `${ua.slice(0, 40)}…` : ua;
  return system ? `${browser} on ${system}` : browser;
}
