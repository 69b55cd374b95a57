import { describe, expect, it } from 'vitest';
import { datePattern, readTypedDate, typedDate } from '../../admin/src/fields/dates.js';

describe('dates typed as a locale writes them', () => {
  it('know the order and separator of each locale', () => {
    expect(datePattern('en-IN').placeholder).toBe('dd/mm/yyyy');
    expect(datePattern('en-US').placeholder).toBe('mm/dd/yyyy');
    expect(datePattern('de-DE').placeholder).toBe('dd.mm.yyyy');
    expect(datePattern('sv-SE').placeholder).toBe('yyyy-mm-dd');
  });

  it('read what people type, and refuse days that do not exist', () => {
    expect(readTypedDate('31/12/2026', 'en-IN')).toBe('2026-12-31');
    expect(readTypedDate('31-12-26', 'en-IN')).toBe('2026-12-31');
    expect(readTypedDate('12/31/2026', 'en-US')).toBe('2026-12-31');
    expect(readTypedDate('31.12.2026', 'de-DE')).toBe('2026-12-31');
    expect(readTypedDate('31/02/2026', 'en-IN')).toBeUndefined();
    expect(readTypedDate('2026', 'en-IN')).toBeUndefined();
    expect(typedDate('2026-03-05', 'en-IN')).toBe('05/03/2026');
    expect(typedDate('2026-03-05', 'en-US')).toBe('03/05/2026');
  });
});
