import type { AuthProvider, UserIdentity } from 'react-admin';
import { fetchUtils, HttpError } from 'react-admin';
import { forgetMeta } from '../meta/metaStore';

interface Me {
  id: string | number;
  email: string;
  role: string;
  name?: string | null;
}

const me = async (): Promise<Me> => (await fetchUtils.fetchJson('/api/auth/me', { credentials: 'same-origin' })).json as Me;

/** Session-cookie auth against /api/auth; the cookie is HttpOnly, so the server is the only judge. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    forgetMeta(); // metadata is per user: never show the previous caller's screens
    try {
      await fetchUtils.fetchJson('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: username, password }),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new Error(error instanceof HttpError ? error.message : 'Cannot reach the server.', { cause: error });
    }
  },
  async logout() {
    forgetMeta();
    await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
  },
  async checkAuth() {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (!res.ok) throw new Error('Please sign in.');
  },
  async checkError(error: { status?: number }) {
    // 403 means "not allowed", never "signed out": only 401 ends the session.
    if (error?.status === 401) throw new Error('Your session has ended.');
  },
  async getIdentity(): Promise<UserIdentity> {
    const user = await me();
    return { id: user.id, fullName: user.name || user.email, email: user.email, role: user.role };
  },
  /**
   * The caller's role, or null when signed out. Signed out is an answer, not a failure:
   * a rejection here is retried with back-off before the login page can appear.
   */
  async getPermissions(): Promise<string | null> {
    const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
    if (res.status === 401) return null;
    if (!res.ok) throw new HttpError(res.statusText, res.status);
    return ((await res.json()) as Me).role;
  },
};
