import type { ReactElement } from 'react';
import {
  AutocompleteInput, DateInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, TextInput,
} from 'react-admin';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { choiceLabel } from '../fields/choiceColor';
import { isKeyReference, isReadable } from '../meta/metaStore';

/** A reference the caller can pick from: its target is readable and fetched by id. */
const pickable = (f: FieldMeta) => !!f.reference && isKeyReference(f.reference) && isReadable(f.reference.resource);

/** Filters shown without the "Add filter" button, after the search: more would crowd the toolbar. */
const ALWAYS_ON = 2;

/** The filter inputs of one field, by kind; `alwaysOn` is decided by the caller. */
function filterInputs(f: FieldMeta, alwaysOn: boolean): ReactElement[] {
  if (f.kind === 'enum' && f.choices) {
    const choices = f.choices.map((c) => ({ id: c, name: choiceLabel(f, c) }));
    return [<SelectArrayInput key={f.name} source={f.name} label={f.label} alwaysOn={alwaysOn} choices={choices} sx={{ minWidth: 180 }} />];
  }
  if (f.reference && pickable(f)) {
    return [
      <ReferenceInput key={f.name} source={f.name} reference={f.reference.resource} alwaysOn={alwaysOn}>
        <AutocompleteInput label={f.label} optionText={f.reference.displayField} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
      </ReferenceInput>,
    ];
  }
  if (f.kind === 'boolean') return [<NullableBooleanInput key={f.name} source={f.name} label={f.label} alwaysOn={alwaysOn} />];
  // The API reads a bare date as the whole day on time stamps, so "to 31 March" includes the 31st.
  if (f.kind === 'date' || f.kind === 'datetime') {
    return [
      <DateInput key={`${f.name}_gte`} source={`${f.name}_gte`} label={`${f.label} from`} />,
      <DateInput key={`${f.name}_lte`} source={`${f.name}_lte`} label={`${f.label} to`} />,
    ];
  }
  if ((f.kind === 'text' && f.unique) || f.reference) return [<TextInput key={f.name} source={f.name} label={f.label} />];
  return [];
}

/** Filters by type: search always, then choices, references, booleans and date ranges. */
export function filtersFor(resource: ResourceMeta): ReactElement[] {
  const filters: ReactElement[] = [
    <SearchInput key="q" source="q" alwaysOn placeholder={`Search ${resource.label.toLowerCase()}`} />,
  ];
  const candidates = resource.fields.filter((x) => x.filterable && !x.primaryKey);
  // Only compact, one-input filters earn a permanent place: choices first (status...), then flags, then references.
  const rank = (f: FieldMeta) =>
    f.kind === 'enum' ? 0 : f.kind === 'boolean' ? 1 : pickable(f) ? 2 : Infinity;
  const pinned = new Set(
    candidates.filter((f) => rank(f) < Infinity).sort((a, b) => rank(a) - rank(b)).slice(0, ALWAYS_ON).map((f) => f.name),
  );
  for (const f of candidates) filters.push(...filterInputs(f, pinned.has(f.name)));
  return filters;
}
