/**
 * GEXF 1.3 (Gephi's format) from a graphology graph, written here rather than by
 * graphology-gexf for two things it does not do: dynamic attributes (values over
 * intervals of dates, which Gephi's timeline replays) and text that XML 1.0 cannot
 * hold. Its writer passes control characters (U+0000–U+001F but tab, newline and
 * carriage return) into the file, which a parser then refuses; here they are written
 * as the visible escape `\uXXXX`, as Hotbed's messages write them (numeric/escape.ts).
 *
 * Attributes: every node and edge attribute of the graph is a static GEXF attribute,
 * typed from its values (integer, double, boolean, else string), none taken for GEXF's
 * own label, weight or kind; the timeline's are dynamic, each value with the first and
 * last date it holds (both included). No date of writing: the text depends only on the
 * graph, its order of nodes and edges, and the options.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import { escapeXmlAttribute as attr, escapeXmlText as text } from '../numeric/escape.js';

export type GexfValue = string | number | boolean;

/** A value held from `start` to `end` (YYYY-MM-DD, both included). */
export interface Spell {
  value: GexfValue;
  start: string;
  end: string;
}

/** Dynamic attributes: per node or edge key, per attribute name, its spells in order. */
export interface GexfTimeline {
  nodes: ReadonlyMap<string, Readonly<Record<string, readonly Spell[]>>>;
  edges: ReadonlyMap<string, Readonly<Record<string, readonly Spell[]>>>;
}

export interface GexfOptions {
  /** The file's description (meta). */
  description?: string;
  timeline?: GexfTimeline;
}

type GexfType = 'integer' | 'double' | 'boolean' | 'string';

export function writeGexf(graph: AbstractGraph, options: GexfOptions = {}): string {
  const timeline = options.timeline;
  const nodeStatic = model();
  const edgeStatic = model();
  const nodeDynamic = model();
  const edgeDynamic = model();
  graph.forEachNode((_key, attributes) => nodeStatic.see(attributes));
  graph.forEachEdge((_key, attributes) => edgeStatic.see(attributes));
  for (const spells of timeline?.nodes.values() ?? []) nodeDynamic.seeSpells(spells);
  for (const spells of timeline?.edges.values() ?? []) edgeDynamic.seeSpells(spells);

  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>', '    <creator>Hotbed</creator>'];
  if (options.description !== undefined) out.push(`    <description>${text(options.description)}</description>`);
  out.push('  </meta>');
  const dynamic = timeline ? ' mode="dynamic" timeformat="date" timerepresentation="interval"' : ' mode="static"';
  out.push(`  <graph defaultedgetype="${graph.type === 'directed' ? 'directed' : 'undirected'}"${dynamic}>`);
  declare(out, 'node', 'static', nodeStatic);
  declare(out, 'node', 'dynamic', nodeDynamic);
  declare(out, 'edge', 'static', edgeStatic);
  declare(out, 'edge', 'dynamic', edgeDynamic);

  out.push('    <nodes>');
  graph.forEachNode((key, attributes) => {
    element(out, `      <node id="${attr(key)}"`, '      </node>', attributes, nodeStatic, timeline?.nodes.get(key));
  });
  out.push('    </nodes>', '    <edges>');
  graph.forEachEdge((key, attributes, source, target) => {
    element(out, `      <edge id="${attr(key)}" source="${attr(source)}" target="${attr(target)}"`, '      </edge>', attributes, edgeStatic, timeline?.edges.get(key));
  });
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

/** One node or edge: its opening tag, then its static values and spells, if any. */
function element(out: string[], open: string, close: string, attributes: Attributes, statics: Model,
  spells: Readonly<Record<string, readonly Spell[]>> | undefined): void {
  const values: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const type = statics.types.get(name);
    if (type !== undefined && isValue(value)) values.push(`          <attvalue for="${attr(name)}" value="${attr(String(value))}"/>`);
  }
  for (const [name, list] of Object.entries(spells ?? {})) {
    for (const s of list) values.push(`          <attvalue for="${attr(name)}" value="${attr(String(s.value))}" start="${attr(s.start)}" end="${attr(s.end)}"/>`);
  }
  if (values.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`, '        <attvalues>', ...values, '        </attvalues>', close);
}

function declare(out: string[], kind: 'node' | 'edge', mode: 'static' | 'dynamic', m: Model): void {
  if (m.types.size === 0) return;
  out.push(`    <attributes class="${kind}" mode="${mode}">`);
  for (const [name, type] of m.types) out.push(`      <attribute id="${attr(name)}" title="${attr(name)}" type="${type}"/>`);
  out.push('    </attributes>');
}

interface Model {
  types: Map<string, GexfType>;
  see(attributes: Attributes): void;
  seeSpells(spells: Readonly<Record<string, readonly Spell[]>>): void;
}

/** Attribute names in order of first appearance, each with the narrowest type that holds all its values. */
function model(): Model {
  const types = new Map<string, GexfType>();
  const widen = (name: string, value: unknown) => {
    if (!isValue(value)) return;
    types.set(name, wider(types.get(name), typeOf(value)));
  };
  return {
    types,
    see: (attributes) => {
      for (const [name, value] of Object.entries(attributes)) widen(name, value);
    },
    seeSpells: (spells) => {
      for (const [name, list] of Object.entries(spells)) for (const s of list) widen(name, s.value);
    },
  };
}

const isValue = (value: unknown): value is GexfValue =>
  typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

const typeOf = (value: GexfValue): GexfType =>
  typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'string' : Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'integer' : 'double';

/** Mixed types fall back to the one that holds both: double for numbers, string for anything else. */
function wider(a: GexfType | undefined, b: GexfType): GexfType {
  if (a === undefined || a === b) return b;
  if ((a === 'integer' && b === 'double') || (a === 'double' && b === 'integer')) return 'double';
  return 'string';
}
