import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { AppAbility } from '../../permissions/defineAbility.js';
import { ACTIONS } from '../../permissions/vocabulary.js';

/**
 * Switches that only tests may turn on, to show each enforcer alone: `skipCasl` makes the
 * API allow everything so only the database refuses; `rollbackWrites` rolls every resource
 * request back after answering, so a test can try writes without changing the data.
 * Refused anywhere but NODE_ENV=test.
 */
export interface TestSwitches {
  skipCasl?: boolean;
  rollbackWrites?: boolean;
}

export function checkTestSwitches(nodeEnv: string, switches: TestSwitches | undefined): TestSwitches {
  const on = Object.values(switches ?? {}).some(Boolean);
  if (on && nodeEnv !== 'test') throw new Error('Test switches are refused outside NODE_ENV=test.');
  return switches ?? {};
}

/** The ability with no API-side limits at all, for `skipCasl`. */
export function unlimitedAbility(): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  can([...ACTIONS], 'all');
  return build();
}
