import ombaroDeclaration from './packs/ombaro/pack.json';
import { compilePack, type Pack } from './packModel.js';

/**
 * The pack the permission modules read. Today it is OMBARO's declaration, compiled once at
 * load; its mistakes stop the process with the file, the path inside it and the fix.
 */
export const PACK_FILE = 'permissions/packs/ombaro/pack.json';
export const PACK: Pack = compilePack(ombaroDeclaration, PACK_FILE);
