/**
 * Names as users write them, and as a careless paste or a hostile file might: markup,
 * quotes, commas, controls, the Unicode line separators, lone surrogates, astral
 * characters, words a guard might take for code, a spreadsheet's formula signs.
 */
import fc from 'fast-check';

export const HOSTILE_PIECES = ['<', '>', '&', '"', "'", ',', '\n', '\r', '\t', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\uFFFE', '\uD800', '\uDC00', '😀', 'url(', 'javascript:', '=', '@', 'é', ' '];

/** A name of up to twelve hostile pieces or short runs of arbitrary UTF-16. */
export const hostileName = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((p) => p.join(''));
