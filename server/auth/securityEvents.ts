import type { Request } from 'express';
import type { Knex } from 'knex';

/** What the security event log records (the database's triggers add role and suspension events). */
export type SecurityEventKind =
  | 'login_succeeded'
  | 'login_failed'
  | 'account_locked'
  | 'address_locked'
  | 'logout'
  | 'session_revoked'
  | 'password_changed'
  | 'password_change_failed'
  | 'password_change_forced'
  | 'password_reset'
  | 'two_factor_enrolled'
  | 'two_factor_reset'
  | 'two_factor_failed'
  | 'backup_code_used'
  | 'user_created'
  | 'user_suspended'
  | 'user_reactivated'
  | 'role_changed';

export interface ClientInfo {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** The longest user agent kept: enough to tell browsers apart, not a place to store payloads. */
const MAX_USER_AGENT = 500;

export function clientOf(req: Request): ClientInfo {
  return { ip: req.ip, userAgent: req.get('user-agent')?.slice(0, MAX_USER_AGENT) };
}

export interface SecurityEvent {
  kind: SecurityEventKind;
  userId?: string | undefined;
  /** The email as typed, for sign-ins that matched nobody. */
  email?: string | undefined;
  /** Who caused the event when it is not the user (an administrator). */
  actorId?: string | undefined;
  client?: ClientInfo | undefined;
  detail?: Record<string, unknown> | undefined;
}

/** Appends to gatehouse.security_events with the owner's connection (the log is owner-only). */
export async function noteSecurityEvent(knex: Knex, event: SecurityEvent): Promise<void> {
  await knex('gatehouse.security_events').insert({
    kind: event.kind,
    user_id: event.userId ?? null,
    email: event.email?.slice(0, 320) ?? null,
    actor_id: event.actorId ?? null,
    address: event.client?.ip ?? null,
    user_agent: event.client?.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    detail: JSON.stringify(event.detail ?? {}),
  });
}
