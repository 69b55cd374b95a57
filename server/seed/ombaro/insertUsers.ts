import type { SeedContext } from './SeedContext.js';
import type { Person } from './createPerson.js';
import type { Place } from './cities.js';
import { insertRows, json } from './insertRows.js';

export interface UserSpec {
  id: string;
  email: string;
  person: Person;
  role: string;
  createdAt: string;
  place?: Place;
  /** Volume batch that created the user (customers); absent for the fixed demo users. */
  batch?: number;
  lastSignInAt?: string | null;
  status?: 'active' | 'inactive' | 'suspended';
}

/**
 * Writes auth.users (role in raw_app_meta_data, name in raw_user_meta_data; every user shares
 * the one password hash) and the matching user_profiles row.
 */
export async function insertUsers(ctx: SeedContext, users: readonly UserSpec[]): Promise<void> {
  const authRows = users.map((u) => ({
    id: u.id,
    email: u.email,
    encrypted_password: ctx.passwordHash,
    email_confirmed_at: u.createdAt,
    last_sign_in_at: u.lastSignInAt ?? null,
    raw_app_meta_data: json(u.batch === undefined ? { role: u.role } : { role: u.role, demo_batch: u.batch }),
    raw_user_meta_data: json({ name: u.person.name }),
    created_at: u.createdAt,
    updated_at: u.createdAt,
  }));
  await insertRows(ctx.trx, 'auth.users', authRows, ctx.progress);

  const profileRows = users.map((u) => ({
    id: u.id,
    name: u.person.name,
    mobile: u.person.mobile,
    gender: u.person.gender,
    date_of_birth: u.person.dateOfBirth,
    profile_image: null,
    role: u.role,
    status: u.status ?? 'active',
    address: u.place
      ? json({ street: u.place.line1, locality: u.place.locality, city: u.place.city, state: u.place.state, pincode: u.place.pincode, country: 'India' })
      : null,
    preferences: json({ language: 'en', theme: 'light', notifications: { email: true, sms: true, push: true } }),
    created_at: u.createdAt,
    updated_at: u.createdAt,
  }));
  await insertRows(ctx.trx, 'public.user_profiles', profileRows, ctx.progress);
}
