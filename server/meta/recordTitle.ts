import { PACK } from '../../permissions/activePack.js';
import { isMonthColumn, isYearColumn } from '../../permissions/words.js';
import type { FieldMeta } from './types.js';

const START = /(^|_)(start|from)(_date)?$/;
const END = /(^|_)(end|to|until)(_date)?$/;

/**
 * The columns that name a record when none does on its own (a salary, a settlement, a leave
 * request): whom or what it is about (its first required reference) and when (a month and
 * year, a period's start and end, or its first date). The pack's recordTitles win.
 */
export function titleFieldsOf(resource: string, fields: FieldMeta[], displayField: string): string[] | undefined {
  const declared = PACK.recordTitles[resource];
  if (declared) return [...declared];
  const display = fields.find((f) => f.name === displayField);
  if (!display || !(display.primaryKey && display.kind === 'uuid' && !display.reference)) return undefined;
  const refs = fields.filter((f) => f.reference && !f.primaryKey);
  const about = refs.find((f) => !f.nullable) ?? refs[0];
  const when = periodOf(fields);
  const parts = [...(about ? [about.name] : []), ...when];
  return parts.length ? parts : undefined;
}

function periodOf(fields: FieldMeta[]): string[] {
  const month = fields.find((f) => isMonthColumn(f.name) && f.kind === 'integer');
  const year = fields.find((f) => isYearColumn(f.name) && f.kind === 'integer');
  if (month && year) return [month.name, year.name];
  const dates = fields.filter((f) => (f.kind === 'date' || f.kind === 'datetime') && !f.defaultIsNow && !/^(created|updated|modified|deleted)_at$/.test(f.name));
  const start = dates.find((f) => START.test(f.name));
  const end = start && dates.find((f) => END.test(f.name) && f.name.replace(END, '') === start.name.replace(START, ''));
  if (start && end) return [start.name, end.name];
  return dates[0] ? [dates[0].name] : [];
}
