import { Box } from '@mui/material';
import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { inputFor } from '../fields/inputFor';
import { resolveJsonDrafts } from '../fields/JsonInput';
import { useResourceMeta } from '../meta/useMeta';
import { RecordTitle } from './RecordTitle';

/** Time stamps the database keeps itself (a default, and usually a trigger): not for people to type. */
const SYSTEM_STAMP = /^(created|updated|modified)_at$/;
/** Kinds whose inputs need the whole width; the rest sit side by side. */
const WIDE: FieldMeta['kind'][] = ['longtext', 'json', 'array'];

/** The fields of a form: writable ones only; keys are typed on create, never changed after. */
function formFields(resource: ResourceMeta, mode: 'create' | 'edit'): FieldMeta[] {
  return resource.fields
    .filter((f) => !f.readOnly && !(mode === 'edit' && f.primaryKey))
    .filter((f) => !(f.hasDefault && SYSTEM_STAMP.test(f.name)))
    .filter((f) => !(mode === 'create' && f.primaryKey && f.hasDefault));
}

/** Short inputs in a responsive grid, long text / JSON / lists below at full width. */
function FormBody({ fields }: { fields: FieldMeta[] }) {
  const wide = fields.filter((f) => WIDE.includes(f.kind));
  return (
    <Box sx={{ width: '100%', maxWidth: 1100 }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 2, alignItems: 'center' }}>
        {fields.filter((f) => !WIDE.includes(f.kind)).map(inputFor)}
      </Box>
      {wide.map(inputFor)}
    </Box>
  );
}

/** Save, and Delete only for callers who may delete (SimpleForm's default toolbar always shows it). */
function FormToolbar({ canDelete }: { canDelete: boolean }) {
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

/** Edits wait for the server (pessimistic), so its per-field errors appear beside the inputs. */
export function GeneratedEdit() {
  const resource = useResourceMeta();
  if (!resource) return null;
  return (
    <Edit mutationMode="pessimistic" redirect="show" transform={resolveJsonDrafts} title={<RecordTitle resource={resource} verb="Edit" />}>
      <SimpleForm toolbar={<FormToolbar canDelete={resource.actions.includes('delete')} />} warnWhenUnsavedChanges>
        <FormBody fields={formFields(resource, 'edit')} />
      </SimpleForm>
    </Edit>
  );
}

export function GeneratedCreate() {
  const resource = useResourceMeta();
  if (!resource) return null;
  return (
    <Create redirect="show" transform={resolveJsonDrafts} title={`${resource.label} › New`}>
      <SimpleForm toolbar={<FormToolbar canDelete={false} />}>
        <FormBody fields={formFields(resource, 'create')} />
      </SimpleForm>
    </Create>
  );
}
