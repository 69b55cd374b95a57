import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { OperationMeta, OperationPreview, ResourceMeta } from '../../../server/meta/types';
import { formatMoney } from '../fields/money';
import { displayLocale } from '../meta/metaStore';
import { ParamsDialog } from './ParamsDialog';

type Params = Record<string, unknown>;

/**
 * The operations on a whole resource the caller may run (from /api/meta), as list toolbar
 * buttons. Each asks for its parameters, then shows what it would do (run for real and rolled
 * back on the server) before it is done; a period that has not ended must be ticked to run.
 */
export function OperationButtons({ resource }: { resource: ResourceMeta }) {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<OperationMeta | undefined>();
  const [previewed, setPreviewed] = useState<{ operation: OperationMeta; params: Params; preview: OperationPreview } | undefined>();
  const preview = async (operation: OperationMeta, params: Params) => {
    try {
      const { data } = await dataProvider.operation(resource.name, { name: operation.name, data: { ...params, preview: true } });
      setPreviewed({ operation, params, preview: data as OperationPreview });
    } catch (error) {
      notify((error as Error).message || 'The operation could not be previewed.', { type: 'error' });
      throw error;
    }
  };
  const run = async (operation: OperationMeta, params: Params, confirmed: boolean) => {
    try {
      const { data: made } = await dataProvider.operation(resource.name, { name: operation.name, data: { ...params, confirmed } });
      const count = Array.isArray(made) ? made.length : 0;
      notify(`${operation.label}: ${count} ${count === 1 ? 'record' : 'records'} made.`, { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message || 'The operation failed.', { type: 'error' });
    }
  };
  return (
    <>
      {(resource.operations ?? []).map((o) => (
        <Button key={o.name} size="small" onClick={() => setAsking(o)}>
          {o.label}
        </Button>
      ))}
      {asking && (
        <ParamsDialog title={asking.label} submitLabel="Preview" params={asking.params} onClose={() => setAsking(undefined)} run={(data) => preview(asking, data)} />
      )}
      {previewed && (
        <PreviewDialog
          resource={resource}
          {...previewed}
          onClose={() => setPreviewed(undefined)}
          run={(confirmed) => run(previewed.operation, previewed.params, confirmed)}
        />
      )}
    </>
  );
}

function PreviewDialog(props: { resource: ResourceMeta; operation: OperationMeta; preview: OperationPreview; onClose: () => void; run: (confirmed: boolean) => Promise<void> }) {
  const { resource, operation, preview, onClose, run } = props;
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const unfinished = preview.period && !preview.period.ended;
  const what = `${preview.count.toLocaleString(displayLocale())} ${preview.count === 1 ? resource.recordName : resource.label.toLowerCase()}`;
  const total = (s: OperationPreview['sums'][number]) => (s.kind === 'money' ? formatMoney(s.total) : s.total.toLocaleString(displayLocale()));
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="operation-preview-title">
      <DialogTitle id="operation-preview-title">{`${operation.label}${preview.period ? ` for ${preview.period.label}` : ''}`}</DialogTitle>
      <DialogContent>
        <Typography data-preview-summary>
          {preview.count === 0
            ? 'Nothing would be made: every record this would make exists already.'
            : `This will make ${what}${preview.sums.length ? `: ${preview.sums.map((s) => `${s.label.toLowerCase()} ${total(s)}`).join(', ')} in all` : ''}.`}
        </Typography>
        {unfinished && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {`${preview.period!.label} has not ended (it ends on ${preview.period!.ends}): what happens in the rest of it will not be counted.`}
            <FormControlLabel
              sx={{ display: 'flex', mt: 1 }}
              control={<Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />}
              label={`Run it now all the same`}
            />
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Not now</Button>
        <Button
          variant="contained"
          disabled={busy || preview.count === 0 || (unfinished && !understood)}
          onClick={() => {
            setBusy(true);
            void run(Boolean(unfinished && understood)).finally(() => {
              setBusy(false);
              onClose();
            });
          }}
        >
          {operation.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
