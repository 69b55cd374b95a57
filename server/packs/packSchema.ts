import { z } from 'zod';
import { packFormat } from '../../permissions/packFormat.js';

/** The JSON Schema of the pack format, as editors read it (what a pack file may contain, before defaults). */
export function packJsonSchema(): string {
  const schema = z.toJSONSchema(packFormat, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'Gatehouse pack', description: 'The declaration that governs one database.' }, null, 2)}\n`;
}
