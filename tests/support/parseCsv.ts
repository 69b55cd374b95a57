/**
 * A strict RFC 4180 reader for tests: commas between fields, LF or CRLF between records,
 * quoted fields with `""` for a quote and free to hold commas and line breaks. As in
 * PostgreSQL's CSV, an unquoted empty field is null and a quoted one ("") is the empty
 * string. Throws on anything malformed (a stray quote, an unterminated field, ragged rows),
 * so a quoting bug fails the test instead of shifting columns.
 */
export function parseCsv(text: string): (string | null)[][] {
  const records: (string | null)[][] = [];
  let record: (string | null)[] = [];
  let i = 0;
  const atRecordEnd = () => text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('CSV: unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      if (i < text.length && text[i] !== ',' && !atRecordEnd()) throw new Error(`CSV: text after a closing quote at ${i}`);
    } else {
      const start = i;
      while (i < text.length && text[i] !== ',' && !atRecordEnd()) {
        if (text[i] === '"') throw new Error(`CSV: quote inside an unquoted field at ${i}`);
        i++;
      }
      value = i === start ? null : text.slice(start, i);
    }
    record.push(value);
    if (text[i] === ',') {
      i++;
      if (i === text.length) record.push(null);
      continue;
    }
    if (i < text.length) i += text[i] === '\r' ? 2 : 1;
    records.push(record);
    record = [];
  }
  if (record.length) records.push(record);
  const width = records[0]?.length;
  records.forEach((r, n) => {
    if (r.length !== width) throw new Error(`CSV: record ${n} has ${r.length} fields, the header ${String(width)}`);
  });
  return records;
}
