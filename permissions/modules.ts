import { PACK } from './activePack.js';

/**
 * The modules of the pack: which module each table belongs to. A table no module names is
 * grouped under its schema, so any other database is served without them.
 */
export const MODULES = PACK.modules;

export type ModuleName = string;
export const MODULE_NAMES: readonly ModuleName[] = Object.keys(MODULES);

/** The module of a resource (by its resource name), if the pack knows it. */
export function moduleOfResource(resource: string): ModuleName | undefined {
  return MODULE_NAMES.find((m) => MODULES[m]!.tables.includes(resource));
}

/** A module the pack declares (its label and tables); an unknown name is a programming error. */
export function moduleInfo(module: ModuleName): { label: string; icon?: string; tables: readonly string[] } {
  const info = MODULES[module];
  if (!info) throw new Error(`The pack declares no module "${module}".`);
  return info;
}
