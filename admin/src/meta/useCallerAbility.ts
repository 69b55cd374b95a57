import { createMongoAbility, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { useMemo } from 'react';
import { useGetIdentity } from 'react-admin';

export type CallerAbility = MongoAbility;

/**
 * The caller's CASL ability, from the very rules the API enforces (`/api/auth/me` sends them).
 * It refines what `/api/meta` says per resource down to one record (your own profile's role,
 * another owner's row); the server stays the judge.
 */
export function useCallerAbility(): CallerAbility | undefined {
  const { identity } = useGetIdentity();
  return useMemo(() => {
    const rules = (identity as { rules?: RawRuleOf<MongoAbility>[] } | undefined)?.rules;
    return rules ? createMongoAbility<MongoAbility>(rules) : undefined;
  }, [identity]);
}
