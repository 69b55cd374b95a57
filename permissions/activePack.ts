import ombaroDeclaration from './packs/ombaro/pack.json';
import { compilePack, type Pack } from './packModel.js';

/**
 * The pack the permission modules read. Today it is OMBARO's declaration, compiled once at
 * load; its mistakes stop the process with the file, the path inside it and the fix.
 */
export const PACK: Pack = compilePack(ombaroDeclaration, 'permissions/packs/ombaro/pack.json');
