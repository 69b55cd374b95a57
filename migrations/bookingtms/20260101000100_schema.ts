import { sqlFileMigration } from '../../server/data/sqlScript.js';

/**
 * BookingTMS' schema, organisations as tenants, as its architecture blueprint describes it
 * (schema.sql beside this file; where the blueprint is silent, the choices are commented there).
 * Its rules come from its pack, by `govern`, not from here.
 */
export const { up, down } = sqlFileMigration(new URL('./schema.sql', import.meta.url));
