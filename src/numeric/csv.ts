/** A CSV field (RFC 4180): quoted, with quotes doubled, only when it holds a quote, comma or line break, so plain names stay plain. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
