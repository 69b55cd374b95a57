import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { FieldMeta } from '../../../server/meta/types';
import { choiceChipColours, choiceLabel } from './choiceColor';

/** A choice (enum or CHECK list) as a coloured chip. */
export function ChoiceChip({ source, field }: { source: string; label?: string; field?: FieldMeta }) {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined || value === '') return null;
  const { text, background, border } = choiceChipColours(String(value));
  return (
    <Chip
      size="small"
      label={choiceLabel(field, String(value))}
      sx={{ bgcolor: background, color: text, fontWeight: 600, border: `1px solid ${border}`, width: 'fit-content' }}
    />
  );
}
