import { isAdministrator, type CallerGrants } from '../../permissions/abilityOfCaller.js';
import { HttpError } from '../http/errors.js';

/** What a signed-in user must do before anything else, if anything. */
export type SessionGate = 'password_change_required' | 'two_factor_enrolment_required';

export type TwoFactorPolicy = 'approvers' | 'off';

/** Does the caller's matrix let them approve anything (without a matrix, only the administrator can)? */
export function holdsApprove(caller: Pick<CallerGrants, 'roles' | 'matrix'>): boolean {
  if (caller.matrix === null) return isAdministrator(caller);
  return caller.matrix.some((row) => row.actions.includes('approve'));
}

export function twoFactorRequired(caller: Pick<CallerGrants, 'roles' | 'matrix'>, policy: TwoFactorPolicy): boolean {
  return policy === 'approvers' && holdsApprove(caller);
}

/**
 * The first thing the user must do: a new password (one-time or forced), then enrolment in
 * two-factor sign-in where the policy demands it of their role.
 */
export function gateOf(
  user: Pick<CallerGrants, 'roles' | 'matrix'> & { mustChangePassword: boolean; twoFactorEnabled: boolean },
  policy: TwoFactorPolicy,
): SessionGate | undefined {
  if (user.mustChangePassword) return 'password_change_required';
  if (!user.twoFactorEnabled && twoFactorRequired(user, policy)) return 'two_factor_enrolment_required';
  return undefined;
}

const GATE_MESSAGES: Record<SessionGate, string> = {
  password_change_required: 'Choose a new password before you continue.',
  two_factor_enrolment_required: 'Set up two-factor sign-in before you continue.',
};

/** The refusal a gated session gets everywhere but the pages that lift the gate. */
export function gateRefusal(gate: SessionGate): HttpError {
  return new HttpError(403, GATE_MESSAGES[gate], undefined, { code: gate });
}
