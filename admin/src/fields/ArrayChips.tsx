import { Chip, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** An array column as a row of chips. */
export function ArrayChips({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const values = record?.[source];
  if (!Array.isArray(values) || values.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {values.map((v, i) => (
        <Chip key={i} size="small" variant="outlined" label={String(v)} />
      ))}
    </Stack>
  );
}
