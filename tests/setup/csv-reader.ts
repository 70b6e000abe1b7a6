/** An RFC 4180 reader, written from the RFC rather than from Hotbed's writer, to read back what Hotbed writes. */

/** The records of a CSV text ending in a line break; line breaks inside quoted fields stay in the field. */
export function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('an unterminated quoted field');
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (text[i] === '"') {
            i++;
            break;
          } else field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
          if (text[i] === '"' || text[i] === '\r') throw new Error(`a bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] !== '\n') throw new Error(`expected a comma or a line break at ${i}`);
      i++;
      break;
    }
    records.push(record);
  }
  return records;
}
