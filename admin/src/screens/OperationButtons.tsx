import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { OperationMeta, ResourceMeta } from '../../../server/meta/types';
import { ParamsDialog } from './ParamsDialog';

/** The operations on a whole resource the caller may run (from /api/meta), as list toolbar buttons. */
export function OperationButtons({ resource }: { resource: ResourceMeta }) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState<OperationMeta | undefined>();
  /** Runs the operation and reports what it made; a failure is notified and left to the dialog. */
  const run = async (operation: OperationMeta, data: Record<string, unknown>) => {
    try {
      const { data: made } = await dataProvider.operation(resource.name, { name: operation.name, data });
      const count = Array.isArray(made) ? made.length : 0;
      notify(`${operation.label}: ${count} ${count === 1 ? 'record' : 'records'} made.`, { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message || 'The operation failed.', { type: 'error' });
      throw error;
    }
  };
  return (
    <>
      {(resource.operations ?? []).map((o) => (
        <Button key={o.name} size="small" onClick={() => setOpen(o)}>
          {o.label}
        </Button>
      ))}
      {open && (
        <ParamsDialog
          title={open.label}
          submitLabel={open.label}
          params={open.params}
          onClose={() => setOpen(undefined)}
          run={(data) => run(open, data)}
        />
      )}
    </>
  );
}
