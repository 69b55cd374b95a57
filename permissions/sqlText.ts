/** Quoting for the SQL the migrations generate from permissions/ data (never for user input). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const ident = (value: string) => `"${value.replace(/"/g, '""')}"`;
