/**
 * A report chart that grows as the explorer's days pass: the spec as `hotbed run` draws it,
 * with a parameter (`shownUpTo`, a UTC time in ms) and, wherever rows with a date or a month
 * come in, a filter that keeps those up to it. Moving the parameter re-filters a chart
 * already drawn, far cheaper than drawing it again; the axes keep their full span.
 */
import type { TopLevelSpec } from '../charts/specs/common.js';

export const SHOWN_UP_TO = 'shownUpTo';

type Node = Record<string, unknown>;

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

export function growingSpec(spec: TopLevelSpec, upToMs: number): TopLevelSpec {
  const out = withFilters(structuredClone(spec) as unknown as Node);
  const params = Array.isArray(out.params) ? out.params : [];
  out.params = [...params, { name: SHOWN_UP_TO, value: upToMs }];
  return out as unknown as TopLevelSpec;
}

function withFilters(node: Node): Node {
  const data = node.data;
  if (isNode(data) && Array.isArray(data.values) && data.values.length > 0) {
    const field = timeField(data.values as unknown[]);
    if (field) {
      const filter = { filter: `toDate(datum[${JSON.stringify(field)}]) <= ${SHOWN_UP_TO}` };
      node.transform = [filter, ...(Array.isArray(node.transform) ? node.transform : [])];
    }
  }
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) {
    const children = node[key];
    if (Array.isArray(children)) node[key] = children.map((c) => (isNode(c) ? withFilters(c) : c));
  }
  if (isNode(node.spec)) node.spec = withFilters(node.spec);
  return node;
}

/** The field that dates a row: `date` (a day) or `month` (a month's rows count from its first day). */
function timeField(rows: readonly unknown[]): string | undefined {
  const first = rows.find(isNode);
  if (!first) return undefined;
  if (typeof first.date === 'string') return 'date';
  if (typeof first.month === 'string') return 'month';
  return undefined;
}
