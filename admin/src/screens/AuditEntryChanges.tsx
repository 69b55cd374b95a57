import { Labeled, useRecordContext } from 'react-admin';
import type { HistoryEntryDto } from '../../../server/http/historyRouter';
import { useMeta } from '../meta/useMeta';
import { ChangeTable } from './HistoryTab';

/** The trail's own columns (permissions/auditSql.ts) an entry's change is read from. */
export const CHANGE_COLUMNS = ['before', 'after'];

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const values = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/**
 * An audit entry's change as the History tab shows it: field by field, named as the changed
 * table names them (where the caller reads that table), references by their labels.
 */
export function AuditEntryChanges() {
  const record = useRecordContext();
  const meta = useMeta();
  if (!record) return null;
  const operation = String(record.operation);
  if (operation !== 'INSERT' && operation !== 'UPDATE' && operation !== 'DELETE') return null;
  const entry: HistoryEntryDto = {
    id: Number(record.id),
    changedAt: String(record.created_at),
    operation,
    action: text(record.action),
    reason: text(record.reason),
    userId: text(record.user_id),
    userEmail: text(record.user_email),
    userRole: text(record.user_role),
    dbUser: text(record.db_user),
    requestId: text(record.request_id),
    before: values(record.before),
    after: values(record.after),
  };
  const changed = meta.resources.find((r) => r.name === record.table_name);
  return (
    <Labeled label="Changes" fullWidth>
      <ChangeTable entry={entry} resource={changed} unfolded />
    </Labeled>
  );
}
