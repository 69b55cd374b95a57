/** Quoting for the SQL the migrations generate from permissions/ data (never for user input). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const ident = (value: string) => `"${value.replace(/"/g, '""')}"`;
/** "schema.table" (as the governance record names tables) quoted for SQL. */
export const qualifiedTable = (table: string) => table.split('.').map(ident).join('.');

/** A resource's table for SQL: "table" is in public, "schema.table" names its schema. */
export const sqlNameOfResource = (resource: string) => (resource.includes('.') ? qualifiedTable(resource) : `public.${ident(resource)}`);
