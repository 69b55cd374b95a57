import type { ChartSpec, Meta, ModuleMeta, ResourceMeta } from '../../../server/meta/types';
import { humanizeChoice } from '../fields/choiceColor';

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

/** How a group's key is shown: 'in_progress' → 'In progress', '2026-11' → 'Nov 2026', this month → 'Dec 2026 (so far)'. */
export function keyLabel(key: string | null, bucket: ChartSpec['bucket'], today = new Date()): string {
  if (key === null || key === '') return '(none)';
  if (bucket === 'month') {
    const match = /^(\d{4})-(\d{2})$/.exec(key);
    if (!match) return key;
    const month = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)).toLocaleDateString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    // The month under way is only part of one: said so, its lower bar is no drop.
    const current = today.getFullYear() === Number(match[1]) && today.getMonth() + 1 === Number(match[2]);
    return current ? `${month} (so far)` : month;
  }
  if (bucket === 'age') return key;
  return humanizeChoice(key);
}

const AGE_DAYS: Record<string, [number | undefined, number | undefined]> = {
  '0-1 days': [undefined, 1],
  '1-3 days': [1, 3],
  '3-7 days': [3, 7],
  'over 7 days': [7, undefined],
};

/** The list filter that shows the rows behind one bar: the chart's own filter and the bar's group. */
export function barFilter(spec: ChartSpec, key: string | null, now = new Date()): Record<string, unknown> {
  const base = { ...(spec.filter ?? {}) };
  const field = spec.groupBy;
  if (key === null || key === '') return { ...base, [`${field}_null`]: true };
  if (spec.bucket === 'month') {
    const [year, month] = key.split('-').map(Number) as [number, number];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { ...base, [`${field}_gte`]: `${key}-01`, [`${field}_lt`]: next };
  }
  if (spec.bucket === 'age') {
    const [newer, older] = AGE_DAYS[key] ?? [undefined, undefined];
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    return { ...base, ...(older !== undefined ? { [`${field}_gt`]: ago(older) } : {}), ...(newer !== undefined ? { [`${field}_lte`]: ago(newer) } : {}) };
  }
  return { ...base, [field]: key };
}

/** The list address of the rows behind a bar. */
export const barListUrl = (spec: ChartSpec, key: string | null): string =>
  `/${spec.resource}?filter=${encodeURIComponent(JSON.stringify(barFilter(spec, key)))}`;
