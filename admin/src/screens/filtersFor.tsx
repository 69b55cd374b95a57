import type { ReactElement } from 'react';
import {
  AutocompleteInput, DateInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, TextInput,
} from 'react-admin';
import type { ResourceMeta } from '../../../server/meta/types';
import { humanizeChoice } from '../fields/choiceColor';

const ALWAYS_ON = 2;

/** Filters by type: search always, then choices, references, booleans and date ranges. */
export function filtersFor(resource: ResourceMeta): ReactElement[] {
  const filters: ReactElement[] = [<SearchInput key="q" source="q" alwaysOn placeholder={`Search ${resource.label.toLowerCase()}`} />];
  let alwaysOn = 0;
  const on = () => alwaysOn++ < ALWAYS_ON;
  for (const f of resource.fields.filter((x) => x.filterable && !x.primaryKey)) {
    if (f.choices && f.kind === 'enum') {
      filters.push(
        <SelectArrayInput key={f.name} source={f.name} label={f.label} alwaysOn={on()} sx={{ minWidth: 180 }}
          choices={f.choices.map((c) => ({ id: c, name: humanizeChoice(c) }))} />,
      );
    } else if (f.reference) {
      filters.push(
        <ReferenceInput key={f.name} source={f.name} reference={f.reference.resource}>
          <AutocompleteInput label={f.label} optionText={f.reference.displayField} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
        </ReferenceInput>,
      );
    } else if (f.kind === 'boolean') {
      filters.push(<NullableBooleanInput key={f.name} source={f.name} label={f.label} />);
    } else if (f.kind === 'date' || f.kind === 'datetime') {
      filters.push(<DateInput key={`${f.name}_gte`} source={`${f.name}_gte`} label={`${f.label} from`} />);
      filters.push(<DateInput key={`${f.name}_lte`} source={`${f.name}_lte`} label={`${f.label} to`} />);
    } else if (f.kind === 'text' && f.unique) {
      filters.push(<TextInput key={f.name} source={f.name} label={f.label} />);
    }
  }
  return filters;
}
