import { Create, Edit, SimpleForm } from 'react-admin';
import type { ResourceMeta } from '../../../server/meta/types';
import { inputFor } from '../fields/inputFor';
import { useResourceMeta } from '../meta/useMeta';

/** Time stamps the database keeps itself (a default, and usually a trigger): not for people to type. */
const SYSTEM_STAMP = /^(created|updated|modified)_at$/;

/** The inputs of a form: writable fields only; keys are typed on create, never changed after. */
function inputsOf(resource: ResourceMeta, mode: 'create' | 'edit') {
  return resource.fields
    .filter((f) => !f.readOnly && !(mode === 'edit' && f.primaryKey))
    .filter((f) => !(f.hasDefault && SYSTEM_STAMP.test(f.name)))
    .filter((f) => !(mode === 'create' && f.primaryKey && f.hasDefault))
    .map((f) => inputFor(f));
}

/** Edits wait for the server (pessimistic), so its per-field errors appear beside the inputs. */
export function GeneratedEdit() {
  const resource = useResourceMeta();
  if (!resource) return null;
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>{inputsOf(resource, 'edit')}</SimpleForm>
    </Edit>
  );
}

export function GeneratedCreate() {
  const resource = useResourceMeta();
  if (!resource) return null;
  return (
    <Create redirect="show">
      <SimpleForm>{inputsOf(resource, 'create')}</SimpleForm>
    </Create>
  );
}
