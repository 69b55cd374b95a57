import type { ReactNode } from 'react';
import { ReferenceField, TextField, useRecordContext, useResourceContext } from 'react-admin';
import type { ReferenceMeta } from '../../../server/meta/types';
import { isKeyReference, isReadable } from '../meta/metaStore';

/** How a reference asks for labels: the data provider's getMany reads GET /:resource/:field/labels with it. */
export type LabelsOf = {
  /** `of`: the table, for a column naming records of any table (FieldMeta.recordOf). */
  labelsOf: { resource: string; field: string; of?: string };
};

/**
 * A reference shown as the label of the record it names ("Priya Sharma", not a uuid), for
 * whoever may read the row, whether or not they may read the table it points at; a link to
 * the record when they may open it. The labels of a page come in one request per column.
 */
export function ReferenceLabelField(props: { source: string; label: string; reference: ReferenceMeta; unnamed?: ReactNode }) {
  const { source, label, reference, unnamed } = props;
  const resource = useResourceContext();
  const meta: LabelsOf = { labelsOf: { resource: resource ?? '', field: source } };
  const link = isReadable(reference.resource) && isKeyReference(reference) ? 'show' : false;
  return (
    <ReferenceField
      source={source as 'id'} // any column: react-admin types source by the record's keys
      label={label}
      reference={reference.resource}
      link={link}
      // What shows when no label comes back (a value no readable row refers to any more).
      empty={unnamed ?? null}
      queryOptions={{ meta }}
    >
      <TextField source="label" />
    </ReferenceField>
  );
}

/**
 * A record of whichever table the row names in `resourceField` (an audit entry's record), by
 * its label, opened when the caller may read that table; a record with no label to show (gone,
 * or of a table named only by its key) reads as its key.
 */
export function RecordOfField(props: { source: string; label: string; resourceField: string }) {
  const { source, label, resourceField } = props;
  const resource = useResourceContext();
  const record = useRecordContext();
  const of = record?.[resourceField];
  const key = record?.[source];
  if (typeof of !== 'string' || key === null || key === undefined) return null;
  const meta: LabelsOf = { labelsOf: { resource: resource ?? '', field: source, of } };
  return (
    <ReferenceField
      source={source as 'id'}
      label={label}
      reference={of}
      link={isReadable(of) ? 'show' : false}
      empty={<span>{String(key)}</span>}
      queryOptions={{ meta }}
    >
      <TextField source="label" />
    </ReferenceField>
  );
}
