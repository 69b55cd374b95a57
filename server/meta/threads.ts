import { PACK } from '../../permissions/activePack.js';
import type { FieldMeta, ThreadSpec } from './types.js';

const TEXT = /^(message|body|comment|note|reply)(_text|_body)?$/;
const AUTHOR = /^(sender|author|user|posted_by|created_by|written_by|from_user)(_id)?$/;
const INTERNAL = /^(is_)?(internal|private|staff_only)$/;
const PREFERRED_AT = ['created_at', 'sent_at', 'posted_at', 'written_at'];

/**
 * Whether the rows of `table` are messages about the record `parentField` points at, and by
 * which columns: the pack's declaration, else recognised from the catalog. Recognition asks for
 * a lot (a message column by its name, a reference to its writer, a time the database stamps) so
 * that a table of posts or blocks that merely has text never turns into a chat.
 */
export function threadOf(table: string, fields: FieldMeta[], parentField: string): ThreadSpec | undefined {
  const declared = PACK.threads[table];
  if (declared === false) return undefined;
  if (declared) {
    const isParent = declared.parent ? declared.parent === parentField : parentField !== declared.author;
    return isParent ? { ...declared } : undefined;
  }
  const text = fields.find((f) => (f.kind === 'longtext' || f.kind === 'text') && TEXT.test(f.name));
  const declaredAuthor = PACK.authors.find((a) => a.table === table)?.column;
  const author = fields.find((f) => f.reference && f.name !== parentField && (f.name === declaredAuthor || AUTHOR.test(f.name)));
  const stamped = fields.filter((f) => f.kind === 'datetime' && f.defaultIsNow);
  const at = stamped.find((f) => PREFERRED_AT.includes(f.name)) ?? stamped[0];
  if (!text || !author || !at || parentField === author.name) return undefined;
  const hidden = PACK.hiddenRows.find((h) => h.table === table)?.column;
  const internal = fields.find((f) => f.kind === 'boolean' && (f.name === hidden || INTERNAL.test(f.name)));
  return { text: text.name, author: author.name, at: at.name, ...(internal ? { internal: internal.name } : {}) };
}
