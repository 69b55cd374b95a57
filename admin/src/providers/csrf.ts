/** The cookie the server sets at sign-in (readable by scripts on purpose) and the header it must come back in. */
export const CSRF_COOKIE = 'gatehouse_csrf';
/** Its name in production, where the server prefixes its cookies with `__Host-`. */
const HOST_CSRF_COOKIE = `__Host-${CSRF_COOKIE}`;
export const CSRF_HEADER = 'X-CSRF-Token';

function cookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/**
 * The double-submit CSRF header: a cross-site page can make the browser send the session
 * cookie but cannot read this cookie, so it cannot send the header. It is read at every
 * request, not once, because the server rotates it with the session (password change, 2FA).
 */
export function csrfHeaders(): Record<string, string> {
  const token = cookie(HOST_CSRF_COOKIE) ?? cookie(CSRF_COOKIE);
  return token ? { [CSRF_HEADER]: token } : {};
}

/** `headers` (a Headers, a plain object or nothing) plus the CSRF header, as the Headers fetchJson needs. */
export function withCsrf(headers?: HeadersInit): Headers {
  const result = new Headers(headers ?? { Accept: 'application/json' });
  for (const [name, value] of Object.entries(csrfHeaders())) result.set(name, value);
  return result;
}
