import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';
import { abilityOfCaller, type CallerGrants } from '../../../permissions/abilityOfCaller';
import type { AppAbility } from '../../../permissions/defineAbility';

/**
 * The caller's CASL ability, built in the browser by the same factory the API enforces,
 * from the matrix rows `/api/auth/me` returns. It refines what `/api/meta` says per
 * resource down to one record (your own profile's role, another owner's row); the server
 * stays the judge.
 */
export function useCallerAbility(): AppAbility | undefined {
  const { identity } = useGetIdentity();
  return useMemo(() => {
    const grants = identity as (Partial<CallerGrants> & { id?: unknown }) | undefined;
    if (!grants?.role || grants.matrix === undefined) return undefined;
    return abilityOfCaller({ id: String(grants.id), role: grants.role, matrix: grants.matrix, owned: grants.owned ?? {} });
  }, [identity]);
}
