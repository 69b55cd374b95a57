import type { AuthProvider } from 'react-admin';
import { fetchUtils, HttpError } from 'react-admin';
import type { Meta } from '../../../server/meta/types';

/**
 * Session-cookie auth against /api/auth. `getPermissions` returns the caller's metadata
 * (`/api/meta`): it is per user, so the screens drawn from it are exactly what the API allows.
 */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
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
  async getIdentity() {
    const { json } = await fetchUtils.fetchJson('/api/auth/me', { credentials: 'same-origin' });
    return { id: json.id, fullName: json.name || json.email, role: json.role };
  },
  async getPermissions(): Promise<Meta> {
    const { json } = await fetchUtils.fetchJson('/api/meta', { credentials: 'same-origin' });
    return json as Meta;
  },
};
