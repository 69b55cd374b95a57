import { PACK } from './activePack.js';
import { ACTIONS, actionsOf, type Action } from './packModel.js';

/** The closed vocabularies of the role matrix: the actions (fixed) and the pack's roles. */
export { ACTIONS, actionsOf, type Action };

export const ROLES: readonly string[] = PACK.roles;
export type Role = string;

/** The roles as a person picks one: name and label. */
export const ROLE_CHOICES: readonly { name: string; label: string }[] = PACK.roles.map((name) => ({ name, label: PACK.roleLabels[name] ?? name }));

export const isRole = (value: string): value is Role => ROLES.includes(value);
