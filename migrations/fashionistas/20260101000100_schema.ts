import { sqlFileMigration } from '../../server/data/sqlScript.js';

/**
 * The Fashionistas Event Platform's schema as its design writes it (schema.sql beside this file,
 * every departure from the design commented there). Its rules come from its pack, by `govern`,
 * not from here.
 */
export const { up, down } = sqlFileMigration(new URL('./schema.sql', import.meta.url));
