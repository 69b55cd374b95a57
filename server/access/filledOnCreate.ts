import { ownerColumnOf, tenantColumnOf } from '../../permissions/ownRows.js';
import type { SessionUser } from '../auth/sessions.js';

/**
 * What a new record of `resource` gets without asking, where the caller reaches only their own
 * rows or their tenant's: the column naming them, the column naming their tenant.
 */
export function filledOnCreate(user: Pick<SessionUser, 'id' | 'roles' | 'tenant'>, resource: string): Record<string, unknown> {
  const owner = ownerColumnOf(user.roles, resource);
  const tenant = tenantColumnOf(user.roles, resource);
  return { ...(owner ? { [owner]: user.id } : {}), ...(tenant && user.tenant != null ? { [tenant]: user.tenant } : {}) };
}
