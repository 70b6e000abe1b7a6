/**
 * `hotbed compare --variant name:path=value,path=value`: a variant of the reference
 * file under a name of its own, without writing a file. This module only splits the
 * argument into its name and its `path=value` changes; each change is then read,
 * checked and applied by the one `--set` parser (overrides.ts) when the scenario loads.
 *
 * The separator: a comma separates two changes only outside brackets, braces and
 * quotes, so `output.levels=[world,region]` and `outputs=[{measure: a}, {measure: b}]`
 * stay one change each; and a piece with no `=` continues the value before it, so a
 * text with a comma (`title=Town, threshold rule`) stays whole too.
 */
import { messages } from '../messages/scenario.js';
import type { Variant } from './load.js';

export type { Variant } from './load.js';

/** Letters and digits first, then also `.`, `_`, `+`, `-`: a name that is safe in a folder name, a CSV cell and a legend. */
const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._+-]{0,59}$/u;

export function parseVariant(argument: string): Variant {
  const colon = argument.indexOf(':');
  const eq = argument.indexOf('=');
  // No name, or the first colon is inside a value (`outputs=[{measure: x}]` given without a name).
  if (colon < 0 || (eq >= 0 && eq < colon)) throw messages.variantSyntax(argument);
  const name = argument.slice(0, colon).trim();
  if (!NAME.test(name)) throw messages.variantBadName(argument, name);
  const pieces = topLevelPieces(argument.slice(colon + 1));
  const changes: string[] = [];
  for (const piece of pieces) {
    if (piece.trim() === '') throw messages.variantEmptyChange(name, argument);
    if (!piece.includes('=') && changes.length > 0) changes[changes.length - 1] += `,${piece}`;
    else changes.push(piece.trim());
  }
  return { name, changes };
}

/** Where a quote opens a quoted value, as in YAML: at the start of a value, not inside a word (`Turkey's`). */
const OPENS_VALUE = new Set(['=', '[', '{', ',', ':']);

/** The text split at commas outside [], {} and quoted values. */
function topLevelPieces(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  let before = ',';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const previous = before;
    if (ch.trim() !== '') before = ch;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if ((ch === '"' || ch === "'") && OPENS_VALUE.has(previous)) {
      quote = ch;
    } else if (ch === '[' || ch === '{') {
      depth++;
    } else if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
    } else if (ch === ',' && depth === 0) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
