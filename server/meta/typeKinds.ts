import type { FieldKind } from './types.js';

/** PostgreSQL type names (pg_type.typname) to the field kinds the generator knows. */
const KIND_BY_TYPE: Record<string, FieldKind> = {
  text: 'text', varchar: 'text', bpchar: 'text', char: 'text', name: 'text', citext: 'text',
  int2: 'integer', int4: 'integer', int8: 'bigint', oid: 'integer',
  numeric: 'decimal', float4: 'decimal', float8: 'decimal', money: 'money',
  bool: 'boolean',
  date: 'date', time: 'time', timetz: 'time', timestamp: 'datetime', timestamptz: 'datetime',
  uuid: 'uuid', json: 'json', jsonb: 'json',
  inet: 'inet', cidr: 'inet', macaddr: 'inet', macaddr8: 'inet',
  interval: 'interval',
};

/** Column names whose numeric values are amounts of money, not counts or ratios. */
const MONEY_NAME = /(amount|price|salary|fee|cost|total_spent|gross|net_|_net|commission_amount|tds|tax|balance|allowance|deduction|bonus|budget|revenue|subtotal|payout|wage)/i;
const NOT_MONEY_NAME = /(rate|rating|percent|percentage|hours|count|points|latitude|longitude|_days)/i;

/** Unbounded text columns that deserve a multi-line input. */
const LONG_TEXT_NAME = /(description|notes|note$|body|message|content|comment|comments|reason|instructions|details|bio|summary|feedback|benefits|contraindications|techniques|review_text|terms|plan|text$|remarks|address$|setup|products)/i;

export function kindOfType(typname: string, typtype: string): FieldKind {
  if (typtype === 'e') return 'enum';
  return KIND_BY_TYPE[typname] ?? 'other';
}

/** Refines a base kind using the column's name and declared length. */
export function refineKind(kind: FieldKind, columnName: string, maxLength: number | undefined): FieldKind {
  if (kind === 'decimal' && MONEY_NAME.test(columnName) && !NOT_MONEY_NAME.test(columnName)) return 'money';
  if (kind === 'text' && maxLength === undefined && LONG_TEXT_NAME.test(columnName)) return 'longtext';
  return kind;
}

/** Reads length and numeric precision from format_type(): "character varying(40)", "numeric(10,2)". */
export function typeModifiers(pgType: string): { maxLength?: number; precision?: number; scale?: number } {
  const m = /^(character varying|character|varchar|bpchar|numeric|decimal)\((\d+)(?:,(\d+))?\)/.exec(pgType);
  if (!m) return {};
  if (m[1] === 'numeric' || m[1] === 'decimal') return { precision: Number(m[2]), scale: Number(m[3] ?? 0) };
  return { maxLength: Number(m[2]) };
}
