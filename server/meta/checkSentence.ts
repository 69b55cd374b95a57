import type { FieldMeta } from './types.js';
import { inSentence } from '../../permissions/words.js';

const TEMPORAL: FieldMeta['kind'][] = ['date', 'datetime', 'time'];
const WORDS: Record<string, [temporal: string, other: string]> = {
  '>=': ['must be on or after', 'must be at least'],
  '>': ['must be after', 'must be more than'],
  '<=': ['must be on or before', 'must be at most'],
  '<': ['must be before', 'must be less than'],
  '=': ['must equal', 'must equal'],
  '<>': ['must differ from', 'must differ from'],
};
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const OPERAND = `(${NAME}|-?\\d+(?:\\.\\d+)?)`;
const COMPARISON = new RegExp(`^\\(?${OPERAND} (>=|>|<=|<|=|<>) ${OPERAND}\\)?$`);
const OR_NULL = new RegExp(`^\\(${OPERAND} (>=|>|<=|<|=|<>) ${OPERAND}\\) OR \\((${NAME}) IS NULL\\)$`);
const PATTERN = new RegExp(`^\\(?(${NAME}) ~~?\\*? '`);

/**
 * What a CHECK constraint asks, as a sentence ("To date must be on or after from date."), read
 * from pg_get_constraintdef(): comparisons of two columns or a column and a number (also "or the
 * other is empty"), and patterns. Anything else is said with the rule itself, columns by label.
 */
export function checkSentence(definition: string, fields: ReadonlyMap<string, FieldMeta>): string {
  const body = definition
    .replace(/^CHECK \((.*)\)$/s, '$1')
    .replace(/::[a-z][a-z ]*(\[\])?/gi, '')
    .replace(/^\((.*)\)$/s, '$1')
    .trim();
  const label = (name: string) => fields.get(name)?.label;
  const compare = (a: string, op: string, b: string) => {
    const subject = label(a);
    if (!subject) return undefined;
    const temporal = TEMPORAL.includes(fields.get(a)!.kind);
    const object = label(b) ? inSentence(label(b)!) : /^-?\d/.test(b) ? b : undefined;
    return object === undefined ? undefined : `${subject} ${WORDS[op]![temporal ? 0 : 1]} ${object}`;
  };
  const plain = COMPARISON.exec(body);
  if (plain) {
    const said = compare(plain[1]!, plain[2]!, plain[3]!);
    if (said) return `${said}.`;
  }
  const orNull = OR_NULL.exec(body);
  if (orNull && orNull[4] === orNull[3] && label(orNull[3]!)) {
    const said = compare(orNull[1]!, orNull[2]!, orNull[3]!);
    if (said) return `${said} (when ${inSentence(label(orNull[3]!)!)} is given).`;
  }
  const pattern = PATTERN.exec(body);
  if (pattern && label(pattern[1]!)) return `${label(pattern[1]!)} is not in the expected form.`;
  const spelled = body.replace(new RegExp(`\\b${NAME}\\b`, 'g'), (w) => label(w) ?? w);
  return `This breaks a rule of the table: ${spelled}.`;
}
