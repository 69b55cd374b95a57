import type { SessionUser } from '../auth/sessions.js';
import type { SchemaModel } from './schemaModel.js';
import type { Meta, ResourceAction } from './types.js';

const ALL_ACTIONS: ResourceAction[] = ['read', 'create', 'update', 'delete', 'approve', 'export'];

/**
 * The metadata as the caller may see it. Until the role matrix is enforced every signed-in
 * user may do everything; read-only resources never offer writes.
 */
export function metaForCaller(schema: SchemaModel, _user: SessionUser): Meta {
  const resources = [...schema.resources.values()].map(
    ({ constraintColumns: _c, fieldByName: _f, hiddenColumns: _h, creatable, ...resource }) => ({
      ...resource,
      actions: ALL_ACTIONS.filter(
        (a) => (a === 'read' || a === 'export' || !resource.readOnly) && (a !== 'create' || creatable),
      ),
    }),
  );
  return { modules: schema.modules, resources };
}
