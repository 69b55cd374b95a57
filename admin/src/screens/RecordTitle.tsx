import { useGetManyAggregate, useRecordContext } from 'react-admin';
import type { FieldMeta, ResourceMeta } from '../../../server/meta/types';
import { choiceLabel } from '../fields/choiceColor';
import { formatDay, formatMoment, monthName } from '../fields/dates';
import type { LabelsOf } from '../fields/ReferenceLabelField';
import { isMonthColumn, isYearColumn } from '../../../permissions/words';

type Row = Record<string, unknown>;

/** "Vendors › Serene Touch": the resource, then the record by its name, or by what it is about and when. */
export function RecordTitle({ resource, verb }: { resource: ResourceMeta; verb?: string }) {
  const record = useRecordContext();
  const composed = useComposedTitle(resource, record);
  const name = composed ?? (record ? String(record[resource.displayField] ?? record.id) : '');
  return <>{`${resource.label} › ${verb ? `${verb} ` : ''}${name}`}</>;
}

/** The label of the record a reference names, by the labels route (whoever reads the row may read it). */
function useReferenceLabel(resource: ResourceMeta, field: FieldMeta | undefined, value: unknown): { label?: string; pending: boolean } {
  const meta: LabelsOf = { labelsOf: { resource: resource.name, field: field?.name ?? '' } };
  const enabled = field?.reference !== undefined && value !== null && value !== undefined;
  const { data, isPending } = useGetManyAggregate(field?.reference?.resource ?? resource.name, { ids: enabled ? [value as string] : [], meta }, { enabled });
  const label = (data?.[0] as { label?: unknown } | undefined)?.label;
  return { ...(typeof label === 'string' ? { label } : {}), pending: enabled && isPending };
}

/**
 * "Vaishvi Bharadwaj · October 2026", "Serene Touch · 1 Nov 2026 – 15 Nov 2026": a record that
 * no column names, titled by its title fields (a month beside its year, a period's two dates
 * joined). Empty while the reference's label is on its way, so no uuid flashes by.
 */
function useComposedTitle(resource: ResourceMeta, record: Row | undefined): string | undefined {
  const fields = (resource.titleFields ?? []).map((n) => resource.fields.find((f) => f.name === n)).filter((f): f is FieldMeta => f !== undefined);
  const reference = fields.find((f) => f.reference);
  const { label, pending } = useReferenceLabel(resource, reference, record?.[reference?.name ?? '']);
  if (!record || fields.length === 0) return undefined;
  if (pending) return '';
  const groups: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const value = record[f.name];
    if (value === null || value === undefined || value === '') continue;
    const next = fields[i + 1];
    if (f.reference) {
      if (label) groups.push(label);
    } else if (isMonthColumn(f.name) && typeof value === 'number' && next && isYearColumn(next.name) && record[next.name] != null) {
      groups.push(`${monthName(value)} ${String(record[next.name])}`);
      i++;
    } else if ((f.kind === 'date' || f.kind === 'datetime') && next && next.kind === f.kind && record[next.name] != null) {
      groups.push(`${formatDay(value)} – ${formatDay(record[next.name])}`);
      i++;
    } else {
      groups.push(textOf(f, value));
    }
  }
  return groups.length ? groups.join(' · ') : undefined;
}

function textOf(f: FieldMeta, value: unknown): string {
  if (f.kind === 'date') return formatDay(value);
  if (f.kind === 'datetime') return formatMoment(value);
  if (f.kind === 'enum') return choiceLabel(f, String(value));
  if (isMonthColumn(f.name) && typeof value === 'number' && value >= 1 && value <= 12) return monthName(value);
  return String(value);
}
