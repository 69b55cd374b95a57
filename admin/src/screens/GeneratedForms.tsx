import { Alert, Box } from '@mui/material';
import { subject } from '@casl/ability';
import { Create, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { inputFor } from '../fields/inputFor';
import { resolveJsonDrafts } from '../fields/JsonInput';
import { useCallerAbility } from '../meta/useCallerAbility';
import { useResourceMeta } from '../meta/useMeta';
import { RecordTitle } from './RecordTitle';
import { shownInState } from './stampedFields';
import { stateWords } from '../../../permissions/words';
import { useRecordLoadError } from './useRecordLoadError';

/** Time stamps the database keeps itself (a default, and usually a trigger): not for people to type. */
const SYSTEM_STAMP = /^(created|updated|modified)_at$/;
/** Kinds whose inputs need the whole width; the rest sit side by side. */
const WIDE: FieldMeta['kind'][] = ['longtext', 'json', 'array'];

/**
 * The fields of a form. Create asks only for what the caller may write and the database does
 * not fill itself (a stamp of the current time; the caller, in a column that makes the record
 * theirs); edit also shows the fields they may read but not write, disabled (inputFor), so the
 * record reads whole. Keys are typed on create, never changed after.
 */
function formFields(resource: ResourceMeta, mode: 'create' | 'edit'): FieldMeta[] {
  return resource.fields
    .filter((f) => !(mode === 'create' && (f.readOnly || f.defaultIsNow || f.name === resource.ownerColumn || f.name === resource.tenantColumn)) && !(mode === 'edit' && f.primaryKey))
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

/**
 * The edit form's fields with the caller's rules for this very record applied: a field the
 * ability refuses to change here (e.g. your own role) is shown disabled.
 */
function EditFormBody({ resource }: { resource: ResourceMeta }) {
  const record = useRecordContext();
  const ability = useCallerAbility();
  const moment = record ? momentOf(resource, record) : undefined;
  const fields = formFields(resource, 'edit')
    .filter((f) => !record || shownInState(resource, record, f))
    .map((f) => (f.readOnly || !ability || !record || ability.can('update', subject(resource.name, { ...record }), f.name) ? f : { ...f, readOnly: true }))
    .map((f) => moment?.adjust(f) ?? f);
  return (
    <>
      {moment?.notice && (
        <Alert severity="info" sx={{ mb: 2, width: '100%', maxWidth: 1100 }} data-covered-notice>
          {moment.notice}
        </Alert>
      )}
      <FormBody fields={fields} />
    </>
  );
}

/**
 * What the record's state does to its form: what an approval covers is fixed once no step
 * leaves the state, and said to send the record back where an edit reopens it.
 */
function momentOf(resource: ResourceMeta, record: Record<string, unknown>): { notice?: string; adjust: (f: FieldMeta) => FieldMeta | undefined } | undefined {
  const workflow = resource.workflow;
  if (!workflow) return undefined;
  const state = String(record[workflow.statusColumn]);
  const fixed = new Map<string, string>();
  const reopening = new Map<string, string>();
  const notices: string[] = [];
  for (const cover of workflow.covers) {
    const labels = cover.columns.map((c) => resource.fields.find((f) => f.name === c)?.label.toLowerCase()).filter(Boolean);
    if (cover.refuses.includes(state)) {
      for (const c of cover.columns) fixed.set(c, `Fixed: this ${resource.recordName} was approved (${cover.step}) and is ${stateWords(state)}.`);
    } else if (cover.reopens.includes(state)) {
      for (const c of cover.columns) reopening.set(c, `Changing this sends the ${resource.recordName} back to ${stateWords(cover.backTo)}.`);
      notices.push(`This ${resource.recordName} is ${stateWords(state)} (${cover.step}). Changing ${labels.join(', ')} sends it back to ${stateWords(cover.backTo)}: it must go through "${cover.step}" again.`);
    }
  }
  return {
    ...(notices.length ? { notice: notices.join(' ') } : {}),
    adjust: (f) => (fixed.has(f.name) ? { ...f, readOnly: true, help: fixed.get(f.name)! } : reopening.has(f.name) && !f.readOnly ? { ...f, help: reopening.get(f.name)! } : undefined),
  };
}

/** Edits wait for the server (pessimistic), so its per-field errors appear beside the inputs. */
export function GeneratedEdit() {
  const resource = useResourceMeta();
  const onError = useRecordLoadError();
  if (!resource) return null;
  return (
    <Edit
      mutationMode="pessimistic"
      redirect="show"
      transform={resolveJsonDrafts}
      title={<RecordTitle resource={resource} verb="Edit" />}
      queryOptions={{ onError }}
    >
      <SimpleForm toolbar={<FormToolbar canDelete={resource.actions.includes('delete')} />} warnWhenUnsavedChanges>
        <EditFormBody resource={resource} />
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
