/**
 * Text bound for a terminal, made inert. Names come from users' files (a region, an
 * intervention's label, a path), and a terminal obeys the control characters in them: an
 * escape sequence can retitle the window, clear the screen or colour what follows, a
 * carriage return can overwrite a line. Every control character (C0, DEL, C1) and the two
 * Unicode line separators is written as a visible escape instead, except the line breaks
 * and tabs of Hotbed's own layout where the caller keeps them.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

const escapeOne = (c: string) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line: every control character escaped, line breaks included. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, escapeOne);
}

/** Hotbed's own multi-line output: line breaks and tabs kept, every other control character escaped. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => (c === '\n' || c === '\t' ? c : escapeOne(c)));
}
