import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { JsonShape } from '../../../server/meta/types';
import { isDrawable } from './shape/shapeKinds';
import { ShapeView } from './shape/ShapeView';

/** jsonb, readable: by its declared shape where it has one, else pretty-printed, monospace. */
export function JsonView({ source, label, shape }: { source: string; label?: string; shape?: JsonShape }) {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  if (isDrawable(shape)) return <ShapeView shape={shape} value={value} name={label ?? source} />;
  return (
    <Box
      component="pre"
      sx={{ m: 0, p: 1, bgcolor: 'grey.50', borderRadius: 1, fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap' }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
