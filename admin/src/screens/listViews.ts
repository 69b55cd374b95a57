/** The field names a list view's filter uses (`x_null`, `x_gte` name x). */
export const filterFields = (filter: Record<string, unknown>) => Object.keys(filter).map((k) => k.replace(/_(null|gte|lte|gt|lt|neq)$/, ''));
