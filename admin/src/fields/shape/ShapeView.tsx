import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { JsonShape } from '../../../../server/meta/types';
import { humanizeChoice } from '../choiceColor';
import { formatMoney } from '../money';
import { amountKeys, asList, asObject, formOf, totalOf } from './shapeKinds';

const empty = <Typography variant="body2" color="text.secondary" component="span">—</Typography>;

function scalarText(shape: JsonShape | undefined, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'number') return v.toLocaleString();
  return shape?.enum ? humanizeChoice(String(v)) : String(v);
}

/** A json value with a declared shape, read as what it is: fields, a list, a table of amounts with its total. */
export function ShapeView({ shape, value, name }: { shape: JsonShape; value: unknown; name: string }) {
  if (value === null || value === undefined) return empty;
  switch (formOf(shape)) {
    case 'amounts': {
      const object = asObject(value);
      const { declared, extra } = amountKeys(shape, object);
      const lines = [...declared.filter((k) => object[k] !== undefined), ...extra];
      return (
        <Table size="small" aria-label={name} sx={{ maxWidth: 420 }}>
          <TableBody>
            {lines.map((k) => (
              <TableRow key={k} data-line={k}>
                <TableCell component="th" scope="row">{shape.properties?.[k]?.title ?? humanizeChoice(k)}</TableCell>
                <TableCell align="right">{typeof object[k] === 'number' ? formatMoney(object[k]) : scalarText(undefined, object[k])}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>Total</TableCell>
              <TableCell align="right" sx={{ fontWeight: 600 }} data-total>{formatMoney(totalOf(object))}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      );
    }
    case 'object': {
      const object = asObject(value);
      return (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
          {Object.entries(shape.properties ?? {}).map(([k, inner]) => (
            <Box key={k} sx={{ display: 'contents' }} data-shape-key={k}>
              <Typography component="dt" variant="body2" color="text.secondary">{inner.title ?? k}</Typography>
              <Box component="dd" sx={{ m: 0, whiteSpace: 'pre-wrap' }}>
                {formOf(inner) === 'scalar' ? <Typography variant="body2">{scalarText(inner, object[k])}</Typography> : <ShapeView shape={inner} value={object[k]} name={inner.title ?? k} />}
              </Box>
            </Box>
          ))}
        </Box>
      );
    }
    case 'choices':
    case 'list': {
      const items = asList(value);
      if (!items.length) return empty;
      return (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {items.map((v, i) => <Chip key={i} size="small" label={scalarText(shape.items, v)} />)}
        </Box>
      );
    }
    case 'rows': {
      const rows = asList(value).map(asObject);
      const columns = Object.entries(shape.items?.properties ?? {});
      return (
        <Table size="small" aria-label={name}>
          <TableHead>
            <TableRow>{columns.map(([k, c]) => <TableCell key={k}>{c.title ?? k}</TableCell>)}</TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r, i) => (
              <TableRow key={i}>{columns.map(([k, c]) => <TableCell key={k}>{scalarText(c, r[k])}</TableCell>)}</TableRow>
            ))}
          </TableBody>
        </Table>
      );
    }
    default:
      return <Typography variant="body2">{scalarText(shape, value)}</Typography>;
  }
}
