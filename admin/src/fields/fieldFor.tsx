import { Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { BooleanField, DateField, NumberField, TextField, useRecordContext } from 'react-admin';
import type { FieldKind, FieldMeta } from '../../../server/meta/types';
import { displayLocale } from '../meta/metaStore';
import { isMonthColumn, isYearColumn } from '../../../permissions/words';
import { moneyOptions } from './money';
import { calendarDay, DAY, MOMENT, monthName } from './dates';
import { ArrayChips } from './ArrayChips';
import { ChoiceChip } from './ChoiceChip';
import { JsonView } from './JsonView';
import { RecordOfField, ReferenceLabelField } from './ReferenceLabelField';

type Props = { source: string; label: string };
type Where = 'list' | 'show';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Long text in a list: one line, cut with an ellipsis; in full (with a tooltip) on hover. */
function ShortText({ source }: Props) {
  const value = useRecordContext()?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Typography variant="body2" noWrap title={String(value)} sx={{ maxWidth: 320 }}>
      {String(value)}
    </Typography>
  );
}

/** Keys and uuids: monospace; lists show the first 8 characters, the show page all of them. */
function MonoText({ source, short }: Props & { short: boolean }) {
  const value = useRecordContext()?.[source];
  if (value === null || value === undefined) return null;
  const text = String(value);
  return (
    <Typography variant="body2" title={text} sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}>
      {short && text.length > 13 ? `${text.slice(0, 8)}…` : text}
    </Typography>
  );
}

/** A month by number (1 to 12, as its CHECK says) is read as its name; a year without separators: 2026, never "2,026". */
const isMonthNumber = (f: FieldMeta) => isMonthColumn(f.name) && f.min === 1 && f.max === 12;

function MonthName({ source }: Props) {
  const value = useRecordContext()?.[source];
  if (typeof value !== 'number') return null;
  return (
    <Typography variant="body2" component="span">
      {monthName(value)}
    </Typography>
  );
}

/** The closed table FieldKind -> field component. */
const FIELD_BY_KIND: Record<FieldKind, (p: Props, f: FieldMeta, where: Where) => ReactElement> = {
  text: (p) => <TextField {...p} />,
  longtext: (p, _f, where) => (where === 'list' ? <ShortText {...p} /> : <TextField {...p} sx={{ whiteSpace: 'pre-wrap' }} />),
  integer: (p, f) => (isYearColumn(f.name) ? <NumberField {...p} options={{ useGrouping: false }} /> : isMonthNumber(f) ? <MonthName {...p} /> : <NumberField {...p} />),
  bigint: (p) => <TextField {...p} />,
  decimal: (p, f) => <NumberField {...p} options={{ maximumFractionDigits: f.scale ?? 6 }} />,
  money: (p) => <NumberField {...p} locales={displayLocale()} options={moneyOptions()} sx={NO_WRAP} />,
  boolean: (p) => <BooleanField {...p} />,
  date: (p) => <DateField {...p} locales={displayLocale()} options={DAY} transform={calendarDay} sx={NO_WRAP} />,
  time: (p) => <TextField {...p} />,
  datetime: (p) => <DateField {...p} showTime locales={displayLocale()} options={MOMENT} sx={NO_WRAP} />,
  uuid: (p, _f, where) => <MonoText {...p} short={where === 'list'} />,
  json: (p, f) => <JsonView {...p} shape={f.shape} />,
  enum: (p, f) => <ChoiceChip {...p} field={f} />,
  array: (p) => <ArrayChips {...p} />,
  inet: (p) => <TextField {...p} />,
  interval: (p) => <TextField {...p} />,
  other: (p) => <TextField {...p} />,
};

/** The component that shows a field, by its kind; a reference by the label of its record. */
export function fieldFor(field: FieldMeta, where: Where): ReactElement {
  const props = { key: field.name, source: field.name, label: field.label };
  if (field.reference) return <ReferenceLabelField {...props} reference={field.reference} />;
  if (field.recordOf) return <RecordOfField {...props} resourceField={field.recordOf} />;
  const render = FIELD_BY_KIND[field.kind];
  return { ...render(props, field, where), key: field.name };
}
