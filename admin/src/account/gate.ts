/**
 * A gate is what a signed-in session must do before anything else (`gate` of /api/auth/me;
 * every other API route answers 403 `{ code: <gate> }` meanwhile). Each has its page.
 */
export type Gate = 'password_change_required' | 'two_factor_enrolment_required';

export const GATE_PATHS: Record<Gate, string> = {
  password_change_required: '/account/password',
  two_factor_enrolment_required: '/account/two-factor',
};

export const isGate = (value: unknown): value is Gate => typeof value === 'string' && Object.hasOwn(GATE_PATHS, value);

/** The gate a failed API call names (a 403 whose body's `code` is one), if any. */
export function gateOfError(error: unknown): Gate | undefined {
  const { status, body } = (error ?? {}) as { status?: number; body?: { code?: unknown } };
  return status === 403 && isGate(body?.code) ? body.code : undefined;
}

/** For callers outside react-admin's error handling (the matrix editor): the hash router follows the address. */
export function followGate(gate: Gate): void {
  window.location.hash = `#${GATE_PATHS[gate]}`;
}

/**
 * A gate is passed: load the app afresh from '/', so the metadata, the menu and react-admin's
 * caches are built for the session as it now is (which may meet the next gate).
 */
export function reloadApp(): void {
  window.location.assign(`${window.location.pathname}${window.location.search}`);
}
