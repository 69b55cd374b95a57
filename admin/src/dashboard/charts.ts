import type { ChartSpec, Meta, ModuleMeta, ResourceMeta } from '../../../server/meta/types';

export type { ChartSpec };

/**
 * The dashboard's charts, declared by the pack and sent with the caller's metadata. Each one is a summary the API computes
 * (`GET /api/<resource>?groupBy=…&bucket=…&sum=…&filter=…`) over only the rows and fields the
 * caller may read; a chart is offered only when the caller's metadata holds its resource and
 * every field it names, so each role sees its own department's charts and nothing more.
 *
 * This module draws nothing (and imports no chart library): the dashboard decides here what
 * to show, and loads the drawing code lazily only when there is something to draw.
 */
export interface ChartSection {
  module: ModuleMeta;
  charts: ChartSpec[];
}

const FILTER_SUFFIX = /_(gte|lte|gt|lt|neq)$/;

/** The fields a chart reads: the grouped one, the summed one and those it filters on. */
export function fieldsOf(spec: ChartSpec): string[] {
  const filtered = Object.keys(spec.filter ?? {}).map((key) => key.replace(FILTER_SUFFIX, ''));
  return [spec.groupBy, ...(spec.sum ? [spec.sum] : []), ...filtered];
}

/** Whether the caller (whose metadata this is) may read everything the chart shows. */
export function chartAllowed(spec: ChartSpec, resource: ResourceMeta | undefined): boolean {
  if (!resource) return false;
  const readable = new Set(resource.fields.map((f) => f.name));
  return fieldsOf(spec).every((name) => readable.has(name));
}

/** The charts the caller may see, grouped by module in the order of the metadata's modules. */
export function chartSections(meta: Meta, charts: ChartSpec[] = meta.presentation.charts): ChartSection[] {
  const resources = new Map(meta.resources.map((r) => [r.name, r]));
  const visible = charts.filter((spec) => chartAllowed(spec, resources.get(spec.resource)));
  return meta.modules
    .map((module) => ({ module, charts: visible.filter((c) => c.module === module.name) }))
    .filter((section) => section.charts.length > 0);
}

/** The API address of a chart's summary. */
export function chartUrl(spec: ChartSpec): string {
  const params = new URLSearchParams({ groupBy: spec.groupBy, bucket: spec.bucket });
  if (spec.sum) params.set('sum', spec.sum);
  if (spec.filter) params.set('filter', JSON.stringify(spec.filter));
  return `/api/${encodeURIComponent(spec.resource)}?${params.toString()}`;
}

/** How a group's key is shown: 'in_progress' → 'In progress', '2026-11' → 'Nov 2026'. */
export function keyLabel(key: string | null, bucket: ChartSpec['bucket']): string {
  if (key === null || key === '') return '(none)';
  if (bucket === 'month') {
    const match = /^(\d{4})-(\d{2})$/.exec(key);
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)).toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    return key;
  }
  if (bucket === 'age') return key;
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
