/**
 * Ready-made views of a list, for the people who work a queue (a support agent's inbox):
 * a label and the filter it applies. `$me` stands for the signed-in user. Declared per
 * resource as data; a view naming a field the caller may not read is not offered.
 */
export interface ListView {
  label: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
}

export const LIST_VIEWS: Record<string, ListView[]> = {
  support_tickets: [
    { label: 'Mine', filter: { assigned_to: '$me', status: ['in_progress', 'waiting'] }, sort: { field: 'created_at', order: 'ASC' } },
    { label: 'Unassigned', filter: { assigned_to_null: true, status: 'open' }, sort: { field: 'created_at', order: 'ASC' } },
    { label: 'Urgent and high', filter: { priority: ['urgent', 'high'], status: ['open', 'in_progress', 'waiting'] }, sort: { field: 'created_at', order: 'ASC' } },
    { label: 'Oldest open', filter: { status: ['open', 'in_progress', 'waiting'] }, sort: { field: 'created_at', order: 'ASC' } },
  ],
  payment_settlements: [
    { label: 'To approve', filter: { status: 'pending' }, sort: { field: 'created_at', order: 'ASC' } },
    { label: 'To pay', filter: { status: 'processing' }, sort: { field: 'created_at', order: 'ASC' } },
  ],
  campaigns: [{ label: 'Drafts to approve', filter: { status: 'draft' } }],
  promotions: [{ label: 'Active, most used first', filter: { status: 'active' }, sort: { field: 'current_usage_count', order: 'DESC' } }],
  salary_records: [{ label: 'To process', filter: { status: 'pending' } }],
};

/** The field names a filter uses (`x_null`, `x_gte` name x). */
export const filterFields = (filter: Record<string, unknown>) => Object.keys(filter).map((k) => k.replace(/_(null|gte|lte|gt|lt|neq)$/, ''));
