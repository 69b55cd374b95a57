import type { AppAbility } from '../../permissions/defineAbility.js';
import { ACTIONS, ROLE_CHOICES } from '../../permissions/vocabulary.js';
import { readableResource } from '../access/fieldAccess.js';
import type { SchemaModel } from './schemaModel.js';
import { approvalCovers, workflowOf, type Workflow } from '../../permissions/workflows.js';
import { operationsOn } from '../workflows/operationsOn.js';
import { PACK } from '../../permissions/activePack.js';
import { ownerColumnOf, tenantColumnOf } from '../../permissions/ownRows.js';
import { governedPeople, governedResource, securityEventsSubject } from './schemaModel.js';
import type { Features, FieldMeta, Meta, OperationMeta, Presentation, ResourceMeta, WorkflowMeta } from './types.js';

/**
 * The metadata as the caller may see it: only the resources they may read, only the fields
 * they may read, fields they may not write marked read-only, and their actions on each.
 * Read-only resources never offer writes.
 */
export function metaForCaller(schema: SchemaModel, ability: AppAbility, roles: readonly string[]): Meta {
  const resources: ResourceMeta[] = [];
  for (const info of schema.resources.values()) {
    if (!ability.can('read', info.name)) continue;
    const { constraintColumns: _c, checkRules: _r, fieldByName: _f, hiddenColumns: _h, rowsWhenLoaded: _n, creatable, ...resource } = readableResource(info, ability);
    const isWrite = (a: string) => a !== 'read' && a !== 'export';
    const workflow = workflowOf(info.name);
    const owner = ownerColumnOf(roles, info.name);
    const tenant = tenantColumnOf(roles, info.name);
    // A workflow's status column moves only through its transitions, never by a plain edit.
    const writableField = (f: FieldMeta) =>
      !f.readOnly && f.name !== workflow?.statusColumn && (ability.can('update', info.name, f.name) || ability.can('create', info.name, f.name));
    resources.push({
      ...resource,
      fields: resource.fields.map((f) => (f.readOnly || writableField(f) ? f : { ...f, readOnly: true })),
      ...(workflow ? { workflow: workflowMeta(workflow, ability) } : {}),
      ...(owner && info.fieldByName.has(owner) ? { ownerColumn: owner } : {}),
      ...(tenant && info.fieldByName.has(tenant) ? { tenantColumn: tenant } : {}),
      ...operationsMeta(schema, info.name, ability),
      actions: ACTIONS.filter(
        (a) => ability.can(a, info.name) && (!isWrite(a) || !resource.readOnly) && (a !== 'create' || creatable),
      ),
    });
  }
  const used = new Set(resources.map((r) => r.module));
  return {
    modules: schema.modules.filter((m) => used.has(m.name)),
    resources,
    presentation: presentationFor(schema, new Set(resources.map((r) => r.name))),
    features: featuresFor(schema, ability),
  };
}

/** The pack's way of speaking, limited to the resources the caller may read. */
function presentationFor(schema: SchemaModel, readable: Set<string>): Presentation {
  const audit = governedResource(schema, schema.governance?.auditTable)?.name;
  return {
    title: PACK.title,
    locale: PACK.locale,
    ...(PACK.currency ? { currency: PACK.currency } : {}),
    charts: PACK.charts.filter((c) => readable.has(c.resource)).map((c) => ({ ...c })),
    listViews: Object.fromEntries(Object.entries(PACK.listViews).filter(([r]) => readable.has(r)).map(([r, views]) => [r, [...views]])),
    // A list that opens another resource's records does so only for a caller who may read them.
    lists: Object.fromEntries(
      Object.entries(PACK.lists)
        .filter(([r]) => readable.has(r))
        .map(([r, { opens, ...settings }]) => [r, { ...settings, ...(opens && readable.has(opens) ? { opens } : {}) }]),
    ),
    unrecorded: audit ? [audit] : [],
    ...(audit && readable.has(audit) ? { auditTrail: audit } : {}),
    roles: ROLE_CHOICES.map((r) => ({ ...r })),
  };
}

/** The screens beyond the generated ones the caller may open (each route checks again). */
function featuresFor(schema: SchemaModel, ability: AppAbility): Features {
  const matrixTable = schema.governance?.matrixTable;
  return {
    matrix: matrixTable !== undefined && ability.can('read', governedResource(schema, matrixTable)?.name ?? matrixTable),
    securityEvents: ability.can('read', securityEventsSubject(schema)),
    users: ability.can('read', governedPeople(schema)?.resource ?? 'auth.users'),
  };
}

function workflowMeta(workflow: Workflow, ability: AppAbility): WorkflowMeta {
  const final = (state: string) => !workflow.transitions.some((t) => t.from.includes(state));
  return {
    statusColumn: workflow.statusColumn,
    initial: workflow.initial,
    transitions: workflow.transitions
      .filter((t) => ability.can(t.needs, workflow.table))
      .map((t) => ({
        name: t.name,
        label: t.label,
        from: [...t.from],
        to: t.to,
        requires: [...(t.requires ?? [])],
        ...(t.notBy && !t.notBy.via ? { notBy: t.notBy.column } : {}),
        ...(t.onlyBy && !t.onlyBy.via ? { onlyBy: t.onlyBy.column } : {}),
        ...(t.needs === 'approve' || final(t.to) ? { confirm: { final: final(t.to) } } : {}),
      })),
    ...sameForEveryone(workflow),
  };
}

const everyonesParts = new WeakMap<Workflow, Pick<WorkflowMeta, 'stamped' | 'covers'>>();

/** What a workflow stamps and what its approvals cover: the pack's, the same for every caller, so worked out once. */
function sameForEveryone(workflow: Workflow): Pick<WorkflowMeta, 'stamped' | 'covers'> {
  let parts = everyonesParts.get(workflow);
  if (!parts) {
    parts = {
      stamped: stampedColumns(workflow),
      covers: approvalCovers(workflow).map((c) => ({ step: c.step.label, columns: [...c.columns], backTo: c.backTo, reopens: [...c.reopens], refuses: [...c.refuses] })),
    };
    everyonesParts.set(workflow, parts);
  }
  return parts;
}

function stampedColumns(workflow: Workflow): Record<string, string[]> {
  const stamped: Record<string, string[]> = {};
  for (const t of workflow.transitions) {
    for (const column of Object.keys(t.sets ?? {})) {
      const states = (stamped[column] ??= []);
      if (!states.includes(t.to)) states.push(t.to);
    }
  }
  return stamped;
}

function operationsMeta(schema: SchemaModel, resource: string, ability: AppAbility): { operations?: OperationMeta[] } {
  const mine = operationsOn(schema, resource).filter((o) => ability.can(o.needs, resource));
  return mine.length ? { operations: mine.map((o) => ({ name: o.name, label: o.label, params: o.params.map((p) => ({ ...p })) })) } : {};
}
