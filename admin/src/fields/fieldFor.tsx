import { Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { BooleanField, DateField, NumberField, ReferenceField, TextField, useRecordContext } from 'react-admin';
import type { FieldKind, FieldMeta } from '../../../server/meta/types';
import { ArrayChips } from './ArrayChips';
import { ChoiceChip } from './ChoiceChip';
import { JsonView } from './JsonView';

type Props = { source: string; label: string };
type Where = 'list' | 'show';

const MONEY = { style: 'currency', currency: 'INR', maximumFractionDigits: 2 } as const;

/** Long text in a list: the first line, cut short; in full on the show page. */
function ShortText({ source }: Props) {
  const value = useRecordContext()?.[source];
  if (value === null || value === undefined) return null;
  const text = String(value);
  return <Typography variant="body2">{text.length > 80 ? `${text.slice(0, 80)}…` : text}</Typography>;
}

function MonoText({ source }: Props) {
  const value = useRecordContext()?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Typography variant="body2" sx={{ fontFamily: 'ui-monospace, Menlo, monospace', fontSize: 12 }} title={String(value)}>
      {String(value).length > 13 ? `${String(value).slice(0, 8)}…` : String(value)}
    </Typography>
  );
}

/** The closed table FieldKind -> field component. */
const FIELD_BY_KIND: Record<FieldKind, (p: Props, f: FieldMeta, where: Where) => ReactElement> = {
  text: (p) => <TextField {...p} />,
  longtext: (p, _f, where) => (where === 'list' ? <ShortText {...p} /> : <TextField {...p} sx={{ whiteSpace: 'pre-wrap' }} />),
  integer: (p) => <NumberField {...p} />,
  bigint: (p) => <TextField {...p} />,
  decimal: (p, f) => <NumberField {...p} options={{ maximumFractionDigits: f.scale ?? 6 }} />,
  money: (p) => <NumberField {...p} locales="en-IN" options={MONEY} />,
  boolean: (p) => <BooleanField {...p} />,
  date: (p) => <DateField {...p} locales="en-IN" />,
  time: (p) => <TextField {...p} />,
  datetime: (p) => <DateField {...p} showTime locales="en-IN" />,
  uuid: (p) => <MonoText {...p} />,
  json: (p) => <JsonView {...p} />,
  enum: (p) => <ChoiceChip {...p} />,
  array: (p) => <ArrayChips {...p} />,
  inet: (p) => <TextField {...p} />,
  interval: (p) => <TextField {...p} />,
  other: (p) => <TextField {...p} />,
};

/** The component that shows a field, by its kind; references link to their target. */
export function fieldFor(field: FieldMeta, where: Where): ReactElement {
  const props = { key: field.name, source: field.name, label: field.label };
  if (field.reference) {
    return (
      <ReferenceField {...props} reference={field.reference.resource} link="show" emptyText="">
        <TextField source={field.reference.displayField} />
      </ReferenceField>
    );
  }
  const render = FIELD_BY_KIND[field.kind];
  return { ...render(props, field, where), key: field.name };
}
