import type { ReactNode } from 'react';
import { ReferenceField, TextField, useResourceContext } from 'react-admin';
import type { ReferenceMeta } from '../../../server/meta/types';
import { isKeyReference, isReadable } from '../meta/metaStore';

/** How a reference asks for labels: the data provider's getMany reads GET /:resource/:field/labels with it. */
export type LabelsOf = {
  labelsOf: { resource: string; field: string };
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
