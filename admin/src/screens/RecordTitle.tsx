import { useRecordContext } from 'react-admin';
import type { ResourceMeta } from '../../../server/meta/types';

/** "Vendors › Serene Touch": the resource, then the record by its display field. */
export function RecordTitle({ resource, verb }: { resource: ResourceMeta; verb?: string }) {
  const record = useRecordContext();
  const name = record ? String(record[resource.displayField] ?? record.id) : '';
  return <>{`${resource.label} › ${verb ? `${verb} ` : ''}${name}`}</>;
}
