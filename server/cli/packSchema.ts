import { writeFileSync } from 'node:fs';
import { packJsonSchema } from '../packs/packSchema.js';

/** `npm run pack:schema`: writes permissions/pack.schema.json from the format (a test keeps it current). */
writeFileSync('permissions/pack.schema.json', packJsonSchema());
console.log('wrote permissions/pack.schema.json');
