import type { ReactElement } from 'react';
import {
  AutocompleteInput, BooleanInput, maxLength, maxValue, minValue,
  NullableBooleanInput, NumberInput, ReferenceInput, required, SelectInput, TextInput,
  type Validator,
} from 'react-admin';
import type { FieldKind, FieldMeta } from '../../../server/meta/types';
import { choiceLabel } from './choiceColor';
import { isKeyReference, isReadable } from '../meta/metaStore';
import { ChipsInput } from './ChipsInput';
import { JsonInput } from './JsonInput';
import { LocaleDateInput, LocaleDateTimeInput } from './LocaleDateInput';
import { isDrawable } from './shape/shapeKinds';
import { ShapeInput } from './shape/ShapeInput';

type Props = { source: string; label: string; validate: Validator[]; helperText?: string; fullWidth?: boolean; disabled?: boolean };

const NUMERIC: FieldKind[] = ['integer', 'decimal', 'money'];
const choicesOf = (f: FieldMeta) => (f.choices ?? []).map((c) => ({ id: c, name: choiceLabel(f, c) }));
const emptyToNull = (v: unknown) => (v === '' ? null : v);
const wholeNumber: Validator = (v: unknown) =>
  v === null || v === undefined || v === '' || /^-?\d+$/.test(String(v)) ? undefined : 'Must be a whole number';

/** The closed table FieldKind -> input component. */
const INPUT_BY_KIND: Record<FieldKind, (p: Props, f: FieldMeta) => ReactElement> = {
  text: (p) => <TextInput {...p} />,
  longtext: (p) => <TextInput {...p} multiline minRows={3} fullWidth />,
  integer: (p, f) => <NumberInput {...p} step={1} min={f.min} max={f.max} />,
  // int8 may exceed JS numbers, so it stays text end to end.
  bigint: (p) => <TextInput {...p} validate={[...p.validate, wholeNumber]} parse={emptyToNull} />,
  decimal: (p, f) => <NumberInput {...p} min={f.min} max={f.max} />,
  money: (p, f) => <NumberInput {...p} step={0.01} min={f.min} max={f.max} />,
  boolean: (p, f) => (f.nullable ? <NullableBooleanInput {...p} /> : <BooleanInput {...p} />),
  date: (p) => <LocaleDateInput {...p} />,
  time: (p) => <TextInput {...p} type="time" parse={emptyToNull} slotProps={{ inputLabel: { shrink: true } }} />,
  datetime: (p) => <LocaleDateTimeInput {...p} />,
  uuid: (p) => <TextInput {...p} />,
  // A drawn shape says what goes where: a comment listing its keys would only repeat it.
  json: (p, f) => (isDrawable(f.shape) ? <ShapeInput {...p} helperText={p.helperText?.includes('{') ? undefined : p.helperText} shape={f.shape} /> : <JsonInput {...p} fullWidth />),
  enum: (p, f) => <SelectInput {...p} choices={choicesOf(f)} emptyText={f.nullable ? '—' : undefined} />,
  array: (p, f) =>
    f.elementKind === 'json' ? (
      <JsonInput {...p} fullWidth />
    ) : (
      <ChipsInput {...p} choices={f.choices} numeric={NUMERIC.includes(f.elementKind ?? 'text')} />
    ),
  inet: (p) => <TextInput {...p} />,
  interval: (p) => <TextInput {...p} />,
  other: (p) => <TextInput {...p} />,
};

function validatorsOf(f: FieldMeta): Validator[] {
  const v: Validator[] = [];
  if (f.required) v.push(required());
  if (f.maxLength) v.push(maxLength(f.maxLength));
  if (f.min !== undefined && f.kind !== 'array') v.push(minValue(f.min));
  if (f.max !== undefined && f.kind !== 'array') v.push(maxValue(f.max));
  return v;
}

/**
 * The input that edits a field, by its kind; references are autocompletes over the target
 * when the caller may read it (else the key itself is shown). A field the caller may not
 * write (`readOnly`) is drawn disabled and validated by nobody: it is sent back unchanged.
 */
export function inputFor(field: FieldMeta): ReactElement {
  const locked = field.readOnly;
  const props: Props = {
    source: field.name,
    label: field.label,
    validate: locked ? [] : validatorsOf(field),
    helperText: field.help,
    ...(locked ? { disabled: true } : {}),
  };
  if (field.reference && isKeyReference(field.reference) && isReadable(field.reference.resource)) {
    const display = field.reference.displayField;
    return (
      <ReferenceInput key={field.name} source={field.name} reference={field.reference.resource}>
        <AutocompleteInput
          label={field.label}
          optionText={display}
          filterToQuery={(q: string) => ({ q })}
          validate={props.validate}
          helperText={field.help}
          disabled={locked}
        />
      </ReferenceInput>
    );
  }
  return { ...INPUT_BY_KIND[field.kind](props, field), key: field.name };
}
