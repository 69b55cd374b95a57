import type { JsonShape } from '../../../../server/meta/types';

/**
 * How a declared shape is drawn: an object of amounts as a key–amount table with its total,
 * an object as its fields, a list as rows (or ticks, for a list of choices), a scalar as one
 * input. A shape using anything else keeps the JSON editor (the server checks it all the same).
 */
export type ShapeForm = 'amounts' | 'object' | 'choices' | 'list' | 'rows' | 'scalar';

const KEYWORDS = new Set<string>([
  'type', 'title', 'description', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'format',
  'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', '$schema',
]);
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

export const isNumeric = (s: JsonShape | undefined): boolean => s?.type === 'number' || s?.type === 'integer';
const isScalar = (s: JsonShape): boolean => s.type !== undefined && SCALARS.has(s.type) && onlyKnown(s);
const onlyKnown = (s: JsonShape): boolean => Object.keys(s).every((k) => KEYWORDS.has(k));

export function formOf(shape: JsonShape): ShapeForm | undefined {
  if (!onlyKnown(shape)) return undefined;
  if (isScalar(shape)) return 'scalar';
  if (shape.type === 'object') {
    const props = Object.values(shape.properties ?? {});
    const extra = shape.additionalProperties;
    const extraAmounts = typeof extra === 'object' && isNumeric(extra) && isScalar(extra);
    if ((props.length > 0 || extraAmounts) && props.every((p) => isNumeric(p) && isScalar(p)) && (extra === undefined || extra === false || extraAmounts)) {
      return 'amounts';
    }
    if (props.length > 0 && typeof extra !== 'object' && props.every((p) => formOf(p) !== undefined)) return 'object';
    return undefined;
  }
  if (shape.type === 'array' && shape.items) {
    const items = shape.items;
    if (items.type === 'string' && items.enum && isScalar(items)) return 'choices';
    if (isScalar(items)) return 'list';
    if (items.type === 'object' && formOf(items) === 'object' && Object.values(items.properties ?? {}).every(isScalar)) return 'rows';
  }
  return undefined;
}

/** True when every part of the shape has a form: the column is edited without JSON. */
export const isDrawable = (shape: JsonShape | undefined): shape is JsonShape => shape !== undefined && formOf(shape) !== undefined;

/** Text that deserves several lines: no short limit, and a name that says it is prose. */
export const isProse = (key: string, s: JsonShape): boolean =>
  s.type === 'string' && !s.enum && (s.maxLength === undefined || s.maxLength > 200) && /(body|description|message|notes?|text|details|comment)$/i.test(key);

/** The sum of an object of amounts (what is not a number counts as nothing). */
export function totalOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return Object.values(value).reduce<number>((sum, v) => sum + (typeof v === 'number' && Number.isFinite(v) ? v : 0), 0);
}

/** The keys of an object of amounts in the order a person reads them: the declared ones first, then the others as entered. */
export function amountKeys(shape: JsonShape, value: Record<string, unknown>): { declared: string[]; extra: string[] } {
  const declared = Object.keys(shape.properties ?? {});
  return { declared, extra: Object.keys(value).filter((k) => !declared.includes(k)) };
}

/** A line people add is stored as a key ("night_shift") and read as words ("Night shift", humanizeChoice). */
export const lineKey = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, '_');

/** A json value read as an object, or as a list: anything else is an empty one. */
export const asObject = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
