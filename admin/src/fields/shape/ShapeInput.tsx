import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Box, Button, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, IconButton, MenuItem,
  Table, TableBody, TableCell, TableHead, TableRow, TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useInput, type Validator } from 'react-admin';
import type { JsonShape } from '../../../../server/meta/types';
import { humanizeChoice } from '../choiceColor';
import { formatMoney } from '../money';
import { amountKeys, asList, asObject, formOf, isProse, lineKey, totalOf } from './shapeKinds';

type Json = unknown;
type Obj = Record<string, Json>;
/** An object without the key, or with the value: an emptied input leaves no key behind. */
const withKey = (o: Obj, key: string, v: Json): Obj => {
  const { [key]: _gone, ...rest } = o;
  return v === undefined ? rest : { ...rest, [key]: v };
};

/**
 * A json column with a declared shape, edited as a form: the fields of an object, the rows of
 * a list, a key–amount table with its total. The server checks the value against the same
 * shape and its message shows under the whole.
 */
export function ShapeInput(props: { source: string; label: string; shape: JsonShape; validate: Validator[]; helperText?: string; disabled?: boolean }) {
  const { source, label, shape, validate, helperText, disabled } = props;
  const { field, fieldState, isRequired } = useInput({ source, validate });
  const message = fieldState.error?.message;
  return (
    <FormControl component="fieldset" error={Boolean(message)} disabled={disabled} fullWidth sx={{ mb: 2 }} data-shape={source}>
      <FormLabel component="legend" required={isRequired} sx={{ mb: 1 }}>
        {label}
      </FormLabel>
      <ShapeEditor shape={shape} value={field.value as Json} onChange={field.onChange} name={label} disabled={disabled} />
      {(message || helperText) && <FormHelperText>{message ?? helperText}</FormHelperText>}
    </FormControl>
  );
}

type EditorProps = { shape: JsonShape; value: Json; onChange: (v: Json) => void; name: string; disabled?: boolean };

function ShapeEditor(props: EditorProps) {
  switch (formOf(props.shape)) {
    case 'amounts':
      return <AmountsEditor {...props} />;
    case 'object':
      return <ObjectEditor {...props} />;
    case 'choices':
      return <ChoicesEditor {...props} />;
    case 'list':
      return <ListEditor {...props} />;
    case 'rows':
      return <RowsEditor {...props} />;
    default:
      return <ScalarEditor {...props} />;
  }
}

/** A number typed as text: what is half typed stays on screen; the value is a number or nothing. */
function NumberBox({ value, onChange, label, shape, disabled, hideLabel }: { value: Json; onChange: (v: Json) => void; label: string; shape: JsonShape; disabled?: boolean; hideLabel?: boolean }) {
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  useEffect(() => {
    if (typeof value === 'number' && Number(text) !== value) setText(String(value));
    if (value === undefined && text !== '' && Number.isFinite(Number(text))) setText('');
  }, [value]); // outside changes only: typing must not be reformatted
  return (
    <TextField
      size="small"
      type="number"
      label={hideLabel ? undefined : label}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        setText(e.target.value);
        const n = Number(e.target.value);
        onChange(e.target.value.trim() === '' ? undefined : Number.isFinite(n) ? n : e.target.value);
      }}
      slotProps={{ htmlInput: { step: shape.type === 'integer' ? 1 : 'any', min: shape.minimum, max: shape.maximum, ...(hideLabel ? { 'aria-label': label } : {}) } }}
    />
  );
}

function ScalarEditor({ shape, value, onChange, name, disabled }: EditorProps) {
  const label = shape.title ?? name;
  if (shape.type === 'boolean') {
    return <FormControlLabel control={<Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked)} disabled={disabled} />} label={label} />;
  }
  if (shape.type === 'number' || shape.type === 'integer') return <NumberBox value={value} onChange={onChange} label={label} shape={shape} disabled={disabled} />;
  const text = typeof value === 'string' ? value : '';
  const set = (v: string) => onChange(v === '' ? undefined : v);
  if (shape.enum) {
    return (
      <TextField select size="small" label={label} value={text} onChange={(e) => set(e.target.value)} disabled={disabled} sx={{ minWidth: 200 }}>
        <MenuItem value="">—</MenuItem>
        {shape.enum.map((c) => (
          <MenuItem key={String(c)} value={String(c)}>
            {humanizeChoice(String(c))}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const type = shape.format === 'date' ? 'date' : shape.format === 'email' ? 'email' : shape.format === 'uri' || shape.format === 'url' ? 'url' : 'text';
  const prose = isProse(name, shape) || isProse(shape.title ?? '', shape);
  return (
    <TextField
      size="small"
      label={label}
      type={type}
      value={text}
      onChange={(e) => set(e.target.value)}
      disabled={disabled}
      multiline={prose}
      minRows={prose ? 3 : undefined}
      fullWidth={prose}
      slotProps={{ htmlInput: { maxLength: shape.maxLength }, ...(type === 'date' ? { inputLabel: { shrink: true } } : {}) }}
    />
  );
}

function ObjectEditor({ shape, value, onChange, disabled }: EditorProps) {
  const object = asObject(value);
  const entries = Object.entries(shape.properties ?? {});
  const required = new Set(shape.required ?? []);
  const set = (key: string, v: Json) => {
    const next = withKey(object, key, v);
    onChange(Object.keys(next).length ? next : null);
  };
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
      {entries.map(([key, inner]) => {
        const wide = formOf(inner) !== 'scalar' || isProse(key, inner);
        const title = `${inner.title ?? key}${required.has(key) ? ' *' : ''}`;
        return (
          <Box key={key} sx={wide ? { gridColumn: '1 / -1' } : undefined} data-shape-key={key}>
            {formOf(inner) === 'scalar' ? (
              <ShapeEditor shape={{ ...inner, title }} value={object[key]} onChange={(v) => set(key, v)} name={key} disabled={disabled} />
            ) : (
              <FormControl component="fieldset" fullWidth>
                <FormLabel component="legend" sx={{ mb: 1 }}>
                  {title}
                </FormLabel>
                <ShapeEditor shape={inner} value={object[key]} onChange={(v) => set(key, v)} name={inner.title ?? key} disabled={disabled} />
              </FormControl>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

/** An object of amounts: one row per declared line, then the lines people add, and the total. */
function AmountsEditor({ shape, value, onChange, name, disabled }: EditorProps) {
  const object = asObject(value);
  const { declared, extra } = amountKeys(shape, object);
  const extraShape = typeof shape.additionalProperties === 'object' ? shape.additionalProperties : undefined;
  const [adding, setAdding] = useState('');
  const set = (key: string, v: Json) => onChange(withKey(object, key, v));
  const rename = (from: string, to: string) => {
    if (!to || to === from || to in object) return;
    onChange(Object.fromEntries(Object.entries(object).map(([k, v]) => [k === from ? to : k, v])));
  };
  const add = () => {
    const key = lineKey(adding);
    if (!key || key in object) return;
    onChange({ ...object, [key]: 0 });
    setAdding('');
  };
  return (
    <Table size="small" aria-label={name} sx={{ maxWidth: 560 }}>
      <TableHead>
        <TableRow>
          <TableCell>Line</TableCell>
          <TableCell align="right">Amount</TableCell>
          {extraShape && <TableCell padding="checkbox" />}
        </TableRow>
      </TableHead>
      <TableBody>
        {declared.map((key) => {
          const line = shape.properties![key]!;
          return (
            <TableRow key={key} data-line={key}>
              <TableCell component="th" scope="row">
                {line.title ?? key}
              </TableCell>
              <TableCell align="right">
                <NumberBox value={object[key]} onChange={(v) => set(key, v)} label={line.title ?? key} shape={line} disabled={disabled} hideLabel />
              </TableCell>
              {extraShape && <TableCell padding="checkbox" />}
            </TableRow>
          );
        })}
        {extraShape &&
          extra.map((key) => (
            <TableRow key={key} data-line={key}>
              <TableCell>
                <TextField
                  size="small"
                  defaultValue={humanizeChoice(key)}
                  disabled={disabled}
                  onBlur={(e) => rename(key, lineKey(e.target.value))}
                  slotProps={{ htmlInput: { 'aria-label': `Name of line ${humanizeChoice(key)}` } }}
                />
              </TableCell>
              <TableCell align="right">
                <NumberBox value={object[key]} onChange={(v) => set(key, v)} label={humanizeChoice(key)} shape={extraShape} disabled={disabled} hideLabel />
              </TableCell>
              <TableCell padding="checkbox">
                <IconButton aria-label={`Remove ${humanizeChoice(key)}`} onClick={() => set(key, undefined)} disabled={disabled}>
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        {extraShape && !disabled && (
          <TableRow>
            <TableCell>
              <TextField
                size="small"
                placeholder="Another line"
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
                slotProps={{ htmlInput: { 'aria-label': 'Name of another line' } }}
              />
            </TableCell>
            <TableCell align="right">
              <Button size="small" startIcon={<AddIcon />} onClick={add} disabled={!adding.trim()}>
                Add line
              </Button>
            </TableCell>
            <TableCell padding="checkbox" />
          </TableRow>
        )}
        <TableRow>
          <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
            Total
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 600 }} data-total>
            {formatMoney(totalOf(object))}
          </TableCell>
          {extraShape && <TableCell padding="checkbox" />}
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** A list of choices: one tick per choice. */
function ChoicesEditor({ shape, value, onChange, name, disabled }: EditorProps) {
  const chosen = asList(value);
  const choices = shape.items!.enum!;
  const toggle = (c: string | number, on: boolean) => {
    const next = on ? choices.filter((x) => x === c || chosen.includes(x)) : chosen.filter((x) => x !== c);
    onChange(next.length ? next : undefined);
  };
  return (
    <FormGroup row aria-label={name}>
      {choices.map((c) => (
        <FormControlLabel
          key={String(c)}
          control={<Checkbox checked={chosen.includes(c)} onChange={(e) => toggle(c, e.target.checked)} disabled={disabled} />}
          label={humanizeChoice(String(c))}
        />
      ))}
    </FormGroup>
  );
}

/** A list of single values: one input each; a list of fixed length (a range) has no add or remove. */
function ListEditor({ shape, value, onChange, name, disabled }: EditorProps) {
  const items = asList(value);
  const item = shape.items!;
  const fixed = shape.minItems !== undefined && shape.minItems === shape.maxItems ? shape.minItems : undefined;
  const shown = fixed !== undefined ? Array.from({ length: fixed }, (_, i) => items[i]) : items;
  const set = (i: number, v: Json) => {
    const next = [...shown];
    next[i] = v;
    onChange(fixed === undefined ? next : next.every((x) => x === undefined) ? undefined : next);
  };
  const full = shape.maxItems !== undefined && items.length >= shape.maxItems;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
      {shown.map((v, i) => (
        <Box key={i} sx={{ display: 'flex', alignItems: 'center' }}>
          <ShapeEditor shape={{ ...item, title: `${name} ${i + 1}` }} value={v} onChange={(x) => set(i, x)} name={`${name} ${i + 1}`} disabled={disabled} />
          {fixed === undefined && (
            <IconButton aria-label={`Remove ${name} ${i + 1}`} onClick={() => onChange(items.filter((_, j) => j !== i))} disabled={disabled}>
              <DeleteIcon />
            </IconButton>
          )}
        </Box>
      ))}
      {fixed === undefined && !full && !disabled && (
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...items, item.type === 'string' ? '' : undefined])}>
          Add
        </Button>
      )}
    </Box>
  );
}

/** A list of records: a table, one column per field. */
function RowsEditor({ shape, value, onChange, name, disabled }: EditorProps) {
  const rows = asList(value).map(asObject);
  const columns = Object.entries(shape.items!.properties ?? {});
  const setCell = (i: number, key: string, v: Json) => onChange(rows.map((r, j) => (j === i ? withKey(r, key, v) : r)));
  return (
    <Box>
      <Table size="small" aria-label={name}>
        <TableHead>
          <TableRow>
            {columns.map(([key, c]) => (
              <TableCell key={key}>{c.title ?? key}</TableCell>
            ))}
            <TableCell padding="checkbox" />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {columns.map(([key, c]) => (
                <TableCell key={key}>
                  <ShapeEditor shape={{ ...c, title: `${c.title ?? key} (row ${i + 1})` }} value={row[key]} onChange={(v) => setCell(i, key, v)} name={key} disabled={disabled} />
                </TableCell>
              ))}
              <TableCell padding="checkbox">
                <IconButton aria-label={`Remove row ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} disabled={disabled}>
                  <DeleteIcon />
                </IconButton>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!disabled && (
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, {}])} sx={{ mt: 1 }}>
          Add row
        </Button>
      )}
    </Box>
  );
}
