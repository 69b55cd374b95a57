import type { Meta, ModuleMeta, ResourceMeta } from '../../../server/meta/types';

/**
 * The dashboard's charts, declared as data. Each one is a summary the API computes
 * (`GET /api/<resource>?groupBy=…&bucket=…&sum=…&filter=…`) over only the rows and fields the
 * caller may read; a chart is offered only when the caller's metadata holds its resource and
 * every field it names, so each role sees its own department's charts and nothing more.
 *
 * This module draws nothing (and imports no chart library): the dashboard decides here what
 * to show, and loads the drawing code lazily only when there is something to draw.
 */
export interface ChartSpec {
  /** The module it belongs to (its label is the section heading). */
  module: string;
  title: string;
  resource: string;
  groupBy: string;
  /** How the grouped field is bucketed: by value, by month ('YYYY-MM') or by age (time stamps). */
  bucket: 'value' | 'month' | 'age';
  /** A number field summed per group; the chart then plots the sum instead of the count. */
  sum?: string;
  /** A list filter (as the API takes it) applied before grouping. */
  filter?: Record<string, unknown>;
  kind: 'bar' | 'line';
}

export const CHARTS: ChartSpec[] = [
  { module: 'finance', title: 'Settlements by status', resource: 'payment_settlements', groupBy: 'status', bucket: 'value', kind: 'bar' },
  {
    module: 'finance',
    title: 'Successful payments by month',
    resource: 'payments',
    groupBy: 'payment_date',
    bucket: 'month',
    sum: 'total_amount',
    filter: { status: 'success' },
    kind: 'line',
  },
  { module: 'hr', title: 'Leave requests by status', resource: 'leave_requests', groupBy: 'status', bucket: 'value', kind: 'bar' },
  { module: 'hr', title: 'Attendance by status', resource: 'attendance_records', groupBy: 'status', bucket: 'value', kind: 'bar' },
  { module: 'hr', title: 'Payroll by status', resource: 'salary_records', groupBy: 'status', bucket: 'value', kind: 'bar' },
  { module: 'marketing', title: 'Campaigns by status', resource: 'campaigns', groupBy: 'status', bucket: 'value', kind: 'bar' },
  { module: 'marketing', title: 'Promotion usage by month', resource: 'promotion_usage', groupBy: 'used_at', bucket: 'month', kind: 'line' },
  { module: 'support', title: 'Tickets by status', resource: 'support_tickets', groupBy: 'status', bucket: 'value', kind: 'bar' },
  {
    module: 'support',
    title: 'Open ticket ageing',
    resource: 'support_tickets',
    groupBy: 'created_at',
    bucket: 'age',
    filter: { status: ['open', 'in_progress', 'waiting'] },
    kind: 'bar',
  },
  { module: 'support', title: 'Tickets by priority', resource: 'support_tickets', groupBy: 'priority', bucket: 'value', kind: 'bar' },
  { module: 'bookings', title: 'Bookings by status', resource: 'bookings', groupBy: 'status', bucket: 'value', kind: 'bar' },
  { module: 'bookings', title: 'Bookings by month', resource: 'bookings', groupBy: 'booking_date', bucket: 'month', kind: 'line' },
];

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
export function chartSections(meta: Meta, charts: ChartSpec[] = CHARTS): ChartSection[] {
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
