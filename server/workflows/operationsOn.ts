import { OPERATIONS, type Operation } from '../../permissions/operations.js';
import { refreshOperation } from '../../permissions/viewsSql.js';
import type { SchemaModel } from '../meta/schemaModel.js';

/**
 * The operations on a resource: the pack's, and the refresh of a materialized view govern made
 * refreshable (unless the pack declares its own "refresh" there).
 */
export function operationsOn(schema: SchemaModel, resource: string): Operation[] {
  const declared = OPERATIONS.filter((o) => o.resource === resource);
  const refresh = schema.refreshable?.has(resource) && !declared.some((o) => o.name === 'refresh') ? [refreshOperation(resource)] : [];
  return [...declared, ...refresh];
}
