import type { AuthProvider, UserIdentity } from 'react-admin';
import { fetchUtils, HttpError } from 'react-admin';
import { GATE_PATHS, gateOfError, isGate, type Gate } from '../account/gate';
import { forgetMeta } from '../meta/metaStore';
import { csrfHeaders } from './csrf';

export interface Me {
  id: string | number;
  role: string;
  /** Every role the caller holds (a database may give a person several). */
  roles: string[];
  /** The caller's CASL rules, exactly as the API enforces them. */
  rules: unknown[];
  email: string;
  name?: string | null;
  gate: Gate | null;
  twoFactorEnabled?: boolean;
  twoFactorRequired?: boolean;
}

/** A refused sign-in; `code` is the server's (`two_factor_required`, `two_factor_invalid`, ...). */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The gate of this session as last seen (sign-in, /me, a 403). react-admin answers a failed
 * checkAuth by "logging out"; while gated that must lead to the gate's page with the session
 * kept, so logout reads this to tell that case from a real sign-out.
 */
let currentGate: Gate | null = null;

/** The caller, or undefined when signed out. */
export async function fetchMe(): Promise<Me | undefined> {
  const res = await fetch('/api/auth/me', { credentials: 'same-origin' });
  if (res.status === 401) {
    // Read to its end all the same: an answer nobody reads keeps its connection busy (answers are no-store, so no cache reads it either).
    await res.text();
    currentGate = null;
    return undefined;
  }
  if (!res.ok) throw new HttpError(res.statusText, res.status);
  const user = (await res.json()) as Me;
  currentGate = isGate(user.gate) ? user.gate : null;
  return user;
}

const me = async (): Promise<Me> => {
  const user = await fetchMe();
  if (!user) throw new HttpError('Please sign in.', 401);
  return user;
};

/** react-admin reads `redirectTo` off a rejection; `message: false` keeps it from notifying an error. */
const toGate = (gate: Gate, extra: Record<string, unknown> = {}) => ({ redirectTo: GATE_PATHS[gate], message: false, ...extra });

interface Credentials {
  username: string;
  password: string;
  /** The second factor: a 6-digit code from the app, or a backup code. */
  totp?: string;
}

/** Session-cookie auth against /api/auth; the cookie is HttpOnly, so the server is the only judge. */
export const authProvider: AuthProvider = {
  async login({ username, password, totp }: Credentials) {
    forgetMeta(); // metadata is per user: never show the previous caller's screens
    let gate: unknown;
    try {
      const { json } = await fetchUtils.fetchJson('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email: username, password, ...(totp ? { totp } : {}) }),
        credentials: 'same-origin',
      });
      gate = (json as { gate?: unknown } | undefined)?.gate;
    } catch (error) {
      if (!(error instanceof HttpError)) throw new LoginError('Cannot reach the server.');
      const code = (error.body as { code?: unknown } | undefined)?.code;
      throw new LoginError(error.message, error.status, typeof code === 'string' ? code : undefined);
    }
    currentGate = isGate(gate) ? gate : null;
    return currentGate ? { redirectTo: GATE_PATHS[currentGate] } : undefined;
  },
  /** `{ signOut: true }` ends even a gated session (the gate pages' "Sign out"). */
  async logout(params?: { signOut?: boolean }) {
    if (currentGate && !params?.signOut) return GATE_PATHS[currentGate];
    // Forget after the session is gone, so nothing re-fetches this caller's metadata meanwhile.
    try {
      await fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() });
    } finally {
      currentGate = null;
      forgetMeta();
    }
  },
  async checkAuth() {
    const user = await fetchMe();
    if (!user) throw new Error('Please sign in.');
    // A gated session is "not authenticated" for the app: no layout, no screens, only the gate's page.
    if (user.gate) return Promise.reject(toGate(user.gate));
  },
  async checkError(error: { status?: number }) {
    // 403 means "not allowed", never "signed out": only 401 ends the session.
    if (error?.status === 401) {
      currentGate = null;
      throw new Error('Your session has ended.');
    }
    const gate = gateOfError(error);
    if (gate) {
      currentGate = gate;
      return Promise.reject(toGate(gate, { logoutUser: false }));
    }
  },
  async getIdentity(): Promise<UserIdentity> {
    const user = await me();
    // The rules let useCallerAbility build the same CASL ability as the server.
    return { id: user.id, fullName: user.name || user.email, email: user.email, role: user.role, roles: user.roles, rules: user.rules };
  },
  /**
   * The caller's role, or null when signed out or gated (so no metadata is asked for: the
   * server refuses it until the gate is passed). Signed out is an answer, not a failure:
   * a rejection here is retried with back-off before the login page can appear.
   */
  async getPermissions(): Promise<string | null> {
    const user = await fetchMe();
    return user && !user.gate ? user.role : null;
  },
};
