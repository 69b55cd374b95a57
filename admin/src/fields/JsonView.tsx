import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** jsonb, readable: pretty-printed, monospace. */
export function JsonView({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  return (
    <Box
      component="pre"
      sx={{ m: 0, p: 1, bgcolor: 'grey.50', borderRadius: 1, fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
