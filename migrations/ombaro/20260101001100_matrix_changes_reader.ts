import type { Knex } from 'knex';

/**
 * Once: the matrix editor's change-log reader (gatehouse.matrix_changes_latest) and the
 * lock-out guard firing on INSERT as well. Both now come with the matrix itself
 * (permissions/matrixSql.ts, run by the role-matrix migration), so on a new database this
 * step has nothing left to do; databases migrated before keep what it made then.
 */
export async function up(_knex: Knex): Promise<void> {}

export async function down(_knex: Knex): Promise<void> {}
