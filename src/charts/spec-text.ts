/**
 * A spec's text made drawable: every string in it (titles, labels, place names in the
 * data, in sort orders and scale domains) as display text (numeric/escape.ts). Vega-Lite
 * turns some of them into expressions (a sort order becomes `indexof([...], datum.place)`),
 * and Vega's expression parser ends a string at U+2028 or U+2029 ("Unexpected token
 * ILLEGAL"); the SVG it writes cannot hold NUL or most other controls. The same rule for
 * every string keeps a name in the data equal to the same name in a sort order or domain.
 * The spec written beside the chart (`.vl.json`) is this one, so it draws the same.
 */
import type { TopLevelSpec } from 'vega-lite';
import { displayText } from '../numeric/escape.js';

/** The spec with its strings as display text; the very same object when none changes (the usual case). */
export function drawableSpec(spec: TopLevelSpec): TopLevelSpec {
  return drawable(spec) as TopLevelSpec;
}

function drawable(value: unknown): unknown {
  if (typeof value === 'string') return displayText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = drawable(value[i]);
      if (v !== value[i]) (out ??= value.slice())[i] = v;
    }
    return out ?? value;
  }
  let out: Record<string, unknown> | undefined;
  for (const [key, v] of Object.entries(value)) {
    const k = displayText(key);
    const d = drawable(v);
    if (d === v && k === key) continue;
    out ??= { ...value };
    if (k !== key) delete out[key];
    out[k] = d;
  }
  return out ?? value;
}
