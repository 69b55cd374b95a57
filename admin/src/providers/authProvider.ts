import type { AuthProvider, UserIdentity } from 'react-admin';
import { fetchUtils, HttpError } from 'react-admin';
import type { CallerGrants } from '../../../permissions/abilityOfCaller';
import { forgetMeta } from '../meta/metaStore';

interface Me extends Omit<CallerGrants, 'id'> {
  id: string | number;
  email: string;
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
    // Forget after the session is gone, so nothing re-fetches this caller's metadata meanwhile.
    try {
      await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' });
    } finally {
      forgetMeta();
    }
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
    // The matrix rows let useCallerAbility build the same CASL ability as the server.
    return { id: user.id, fullName: user.name || user.email, email: user.email, role: user.role, matrix: user.matrix, owned: user.owned };
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
