import type { ReactElement } from 'react';
import {
  ArrayInput, AutocompleteInput, BooleanInput, DateInput, DateTimeInput, maxLength, maxValue, minValue,
  NullableBooleanInput, NumberInput, ReferenceInput, required, SelectInput, SimpleFormIterator, TextInput,
  type Validator,
} from 'react-admin';
import type { FieldKind, FieldMeta } from '../../../server/meta/types';
import { humanizeChoice } from './choiceColor';
import { JsonInput } from './JsonInput';

type Props = { source: string; label: string; validate: Validator[]; helperText?: string; fullWidth?: boolean };

const choicesOf = (f: FieldMeta) => (f.choices ?? []).map((c) => ({ id: c, name: humanizeChoice(c) }));
const emptyToNull = (v: unknown) => (v === '' ? null : v);

/** The closed table FieldKind -> input component. */
const INPUT_BY_KIND: Record<FieldKind, (p: Props, f: FieldMeta) => ReactElement> = {
  text: (p) => <TextInput {...p} />,
  longtext: (p) => <TextInput {...p} multiline minRows={3} fullWidth />,
  integer: (p, f) => <NumberInput {...p} step={1} min={f.min} max={f.max} />,
  bigint: (p) => <TextInput {...p} />,
  decimal: (p, f) => <NumberInput {...p} min={f.min} max={f.max} />,
  money: (p) => <NumberInput {...p} step={0.01} />,
  boolean: (p, f) => (f.nullable ? <NullableBooleanInput {...p} /> : <BooleanInput {...p} />),
  date: (p) => <DateInput {...p} />,
  time: (p) => <TextInput {...p} type="time" parse={emptyToNull} slotProps={{ inputLabel: { shrink: true } }} />,
  datetime: (p) => <DateTimeInput {...p} />,
  uuid: (p) => <TextInput {...p} />,
  json: (p) => <JsonInput {...p} fullWidth />,
  enum: (p, f) => <SelectInput {...p} choices={choicesOf(f)} emptyText={f.nullable ? '—' : undefined} />,
  array: (p, f) =>
    f.elementKind === 'json' ? (
      <JsonInput {...p} fullWidth />
    ) : (
      <ArrayInput {...p}>
        <SimpleFormIterator inline disableReordering>
          {scalarInput({ ...f, kind: f.elementKind ?? 'text' })}
        </SimpleFormIterator>
      </ArrayInput>
    ),
  inet: (p) => <TextInput {...p} />,
  interval: (p) => <TextInput {...p} />,
  other: (p) => <TextInput {...p} />,
};

/** An element of an array: an input without its own label or source. */
function scalarInput(f: FieldMeta): ReactElement {
  if (f.kind === 'enum') return <SelectInput source="" label={false} choices={choicesOf(f)} />;
  if (['integer', 'decimal', 'money'].includes(f.kind)) return <NumberInput source="" label={false} />;
  return <TextInput source="" label={false} />;
}

function validatorsOf(f: FieldMeta): Validator[] {
  const v: Validator[] = [];
  if (f.required) v.push(required());
  if (f.maxLength) v.push(maxLength(f.maxLength));
  if (f.min !== undefined && f.kind !== 'array') v.push(minValue(f.min));
  if (f.max !== undefined && f.kind !== 'array') v.push(maxValue(f.max));
  return v;
}

/** The input that edits a field, by its kind; references are autocompletes over the target. */
export function inputFor(field: FieldMeta): ReactElement {
  const props: Props = { source: field.name, label: field.label, validate: validatorsOf(field), helperText: field.help };
  if (field.reference) {
    const display = field.reference.displayField;
    return (
      <ReferenceInput key={field.name} source={field.name} reference={field.reference.resource}>
        <AutocompleteInput
          label={field.label}
          optionText={display}
          filterToQuery={(q: string) => ({ q })}
          validate={props.validate}
          helperText={field.help}
        />
      </ReferenceInput>
    );
  }
  return { ...INPUT_BY_KIND[field.kind](props, field), key: field.name };
}
