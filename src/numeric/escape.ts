/**
 * User text (places, interventions, labels, titles, the command line) as each file
 * Hotbed writes must hold it: XML (GEXF), HTML (the report), chart text (Vega, then
 * SVG) and CSV. Every writer escapes through here, so a name comes out the same way
 * in every file, and none can break one.
 *
 * A character a format cannot hold at all is written as the visible escape `\uXXXX`,
 * as Hotbed's terminal messages write it, rather than dropped (two names could become
 * one) or refused (a name is the user's to choose). Everything else is kept: markup is
 * escaped, never removed.
 *
 * It lives in numeric/, the lowest layer, because charts/ may import nothing else below
 * it, and the data side (results, sweep, calibration, network) writes files too.
 */

/** What XML 1.0 cannot hold, even as a character reference: C0 controls but tab, newline and carriage return; U+FFFE, U+FFFF; unpaired surrogates. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What a reader should see as an escape rather than get as a character: XML's forbidden
 * characters, DEL and the C1 controls (an HTML parse error, an empty box in a chart),
 * and the Unicode line and paragraph separators (JavaScript's older grammar, which
 * Vega's expression parser follows, ends a string literal at them). Tab, newline and
 * carriage return stay: they are white space in a page or a chart.
 */
const NOT_DISPLAYED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `\uXXXX` for one UTF-16 code unit. */
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with the characters XML 1.0 cannot hold as visible escapes. */
export const xmlChars = (s: string): string => s.replace(XML_FORBIDDEN, visible);

/** Text for a chart or a page: the characters a reader should not get raw as visible escapes (see NOT_DISPLAYED). */
export const displayText = (s: string): string => s.replace(NOT_DISPLAYED, visible);

/** A character as a numeric reference, which no parser normalizes away. */
const reference = (c: string) => `&#${c.charCodeAt(0)};`;

/**
 * XML element text. A carriage return, NEL and the line separators as references: a
 * parser's end-of-line handling would read the first as a newline, and some parsers
 * (XML 1.1's rule) the others too.
 */
export const escapeXmlText = (s: string): string =>
  xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\r\u0085\u2028\u2029]/g, reference);

/** An XML attribute value in double quotes; tab and newline as references too, which attribute-value normalization would otherwise turn into spaces. */
export const escapeXmlAttribute = (s: string): string => escapeXmlText(s).replace(/"/g, '&quot;').replace(/[\t\n]/g, reference);

const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML content or a quoted attribute value (also valid XML, so it serves an SVG's <title> too): display text with the five special characters escaped. */
export function escapeHtml(value: unknown): string {
  return displayText(String(value)).replace(/[&<>"']/g, (c) => HTML_SPECIAL[c]!); // the pattern matches only HTML_SPECIAL's keys
}

/**
 * A CSV field (RFC 4180): quoted, with quotes doubled, only when it holds a quote, comma
 * or line break, so plain names stay plain. Everything else is written as it is, a
 * leading `=`, `+`, `-` or `@` included (a cell is data for pandas, R or DuckDB and
 * must equal the name in the scenario and in summary.json; src/design-choices.md).
 */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
