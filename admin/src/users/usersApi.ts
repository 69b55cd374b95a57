import type { FieldMeta } from '../../../server/meta/types';
import { apiCall as call } from '../providers/apiCall';

/** One user as GET /api/auth/users lists them (server/auth/staffUsers.ts). */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  /** The role the user is known by: the first of `roles`. */
  role: string;
  roles: string[];
  status: 'active' | 'inactive' | 'suspended' | string;
  lastSignInAt: string | null;
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  /** False until an administrator gives the account its first password. */
  passwordSet: boolean;
  createdAt: string | null;
}

export interface StaffUserPage {
  items: StaffUser[];
  total: number;
  /** The server's answer to "may I create, suspend, reset?": the buttons follow it. */
  canAdminister: boolean;
  /** The database keeps a profile whose mobile number is required and unique. */
  mobileRequired: boolean;
  /** Every role, named and labelled by the server's pack. */
  roles: RoleChoice[];
  /** The roles this caller may give and take away; a user holding another is not theirs to administer. */
  givableRoles: string[];
  /** A person may hold several roles (the database keeps them in a role table). */
  severalRoles: boolean;
  /** The profile's further fields a new user needs (sent as `profile`). */
  profileFields: FieldMeta[];
  /** The name is made of several of those fields rather than asked as one. */
  nameInProfile: boolean;
}

export interface RoleChoice {
  name: string;
  label: string;
}

export interface NewStaffUser {
  email: string;
  name?: string;
  role: string;
  mobile?: string;
  password: string;
  profile?: Record<string, string>;
}

export type UserAction = 'suspend' | 'reactivate' | 'reset-2fa' | 'force-password-change';

const BASE = '/api/auth/users';

export function listUsers(query: { q: string; role: string; page: number; perPage: number }): Promise<StaffUserPage> {
  const params = new URLSearchParams({ page: String(query.page), perPage: String(query.perPage) });
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.role) params.set('role', query.role);
  return call(`${BASE}?${params}`);
}

export const createUser = (user: NewStaffUser) => call<StaffUser>(BASE, { method: 'POST', body: JSON.stringify(user) });

export const runUserAction = (id: string, action: UserAction) =>
  call<StaffUser>(`${BASE}/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: '{}' });

/** The roles the user is to hold: one, or several where the database keeps a role table. */
export const changeRoles = (id: string, roles: string[]) =>
  call<StaffUser>(`${BASE}/${encodeURIComponent(id)}/role`, { method: 'POST', body: JSON.stringify(roles.length === 1 ? { role: roles[0] } : { roles }) });

/** A one-time password the user must replace at their next sign-in; their sessions end. */
export const resetPassword = (id: string, password: string) =>
  call<StaffUser>(`${BASE}/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: JSON.stringify({ password }) });
