import { Model, type RelationMappings } from 'objection';
import type { SchemaModel } from '../meta/schemaModel.js';

export type ModelClass = typeof Model;

/**
 * One Objection model per resource, built from the metadata at start-up: table, key
 * and relations (belongs-to from each foreign key, has-many from each reverse one).
 * Models are never bound to a knex instance: every query is started from the
 * request's transaction, so it runs with the caller's identity.
 */
export function buildModels(schema: SchemaModel): Map<string, ModelClass> {
  const models = new Map<string, ModelClass>();
  for (const resource of schema.resources.values()) {
    const key = resource.primaryKey.length === 1 ? resource.primaryKey[0]! : resource.primaryKey;
    const model = class extends Model {
      static override tableName = `${resource.schema}.${resource.table}`;
      static override idColumn = resource.primaryKey.length ? key : 'ctid';
      static override relationMappings = (): RelationMappings => relationsOf(resource.name);
    };
    Object.defineProperty(model, 'name', { value: resource.name.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase()) });
    models.set(resource.name, model);
  }
  const relationsOf = (name: string): RelationMappings => {
    const resource = schema.resources.get(name)!;
    const table = (n: string) => models.get(n)!.tableName;
    const mappings: RelationMappings = {};
    // Objection forbids a relation named like a column: vendor_id -> "vendor", else "<column>_record".
    const belongsToName = (column: string) => {
      const base = column.replace(/_id$/, '');
      return base !== column && !resource.fieldByName.has(base) ? base : `${column}_record`;
    };
    for (const f of resource.fields) {
      if (!f.reference || !models.has(f.reference.resource)) continue;
      mappings[belongsToName(f.name)] = {
        relation: Model.BelongsToOneRelation,
        modelClass: models.get(f.reference.resource)!,
        join: { from: `${table(name)}.${f.name}`, to: `${table(f.reference.resource)}.${f.reference.field}` },
      };
    }
    for (const r of resource.reverseReferences) {
      mappings[`${r.resource.replace(/\W/g, '_')}_by_${r.field}`] = {
        relation: Model.HasManyRelation,
        modelClass: models.get(r.resource)!,
        join: { from: `${table(name)}.${r.target}`, to: `${table(r.resource)}.${r.field}` },
      };
    }
    return mappings;
  };
  return models;
}
