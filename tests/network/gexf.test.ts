/** The GEXF writer: typed static attributes, dynamic ones over date intervals, and text XML 1.0 can hold. */
import { UndirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeGexf, type GexfTimeline } from '../../src/network/gexf.js';
import { xmlChars } from '../../src/numeric/escape.js';
import { hostileName } from '../setup/hostile-names.js';

const BAD = 'Bad\u0001\u001f name <&> "quoted" \'single\'\ttab\nline\uFFFE\uD800';

const graph = () => {
  const g = new UndirectedGraph();
  g.mergeAttributes({ ignored: 'graph attributes are not GEXF attributes' });
  g.addNode('0', { community: BAD, size: 3, share: 0.5, flag: true });
  g.addNode('1', { community: 'Town', size: 4, share: 1, flag: false });
  g.addNode('2');
  g.addEdgeWithKey('0-1', '0', '1', { tie: 'household', kind: 'GEXF reserves this name', weight: 2 });
  g.addEdgeWithKey('1-2', '1', '2');
  return g;
};

/** XML 1.0's Char production: what may appear in a document at all. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('writeGexf', () => {
  const text = writeGexf(graph(), { description: `A town called ${BAD}` });

  it('declares each attribute once with the narrowest type of its values', () => {
    expect(text).toContain('<graph defaultedgetype="undirected" mode="static">');
    expect(text).toContain('<attributes class="node" mode="static">\n      <attribute id="community" title="community" type="string"/>\n      <attribute id="size" title="size" type="integer"/>\n'
      + '      <attribute id="share" title="share" type="double"/>\n      <attribute id="flag" title="flag" type="boolean"/>\n    </attributes>');
    expect(text).toContain('<attribute id="tie" title="tie" type="string"/>\n      <attribute id="kind" title="kind" type="string"/>\n      <attribute id="weight" title="weight" type="integer"/>');
    expect(text).not.toContain('ignored');
    expect(text).toContain('<node id="2"/>');
    expect(text).toContain('<edge id="1-2" source="1" target="2"/>');
  });

  it('writes characters XML 1.0 cannot hold as visible \\u escapes, escapes markup, and keeps tabs and newlines in attribute values', () => {
    expect(NOT_XML.test(text)).toBe(false);
    expect(text).toContain('<attvalue for="community" value="Bad\\u0001\\u001f name &lt;&amp;&gt; &quot;quoted&quot; \'single\'&#9;tab&#10;line\\ufffe\\ud800"/>');
    expect(text).toContain('<description>A town called Bad\\u0001\\u001f name &lt;&amp;&gt; "quoted" \'single\'\ttab\nline\\ufffe\\ud800</description>');
    // A parser reads it back to the same text, but for the escaped characters.
    const back = parse(UndirectedGraph, text);
    expect(back.getNodeAttribute('0', 'community')).toBe('Bad\\u0001\\u001f name <&> "quoted" \'single\'\ttab\nline\\ufffe\\ud800');
    expect(back.getNodeAttributes('1')).toEqual({ community: 'Town', size: 4, share: 1, flag: false });
    expect(back.size).toBe(2);
  });

  it('writes dynamic attributes with their first and last dates when given a timeline', () => {
    const timeline: GexfTimeline = {
      nodes: new Map([['0', { mobilized: [{ value: 'no', start: '2014-06-01', end: '2014-06-09' }, { value: 'peer', start: '2014-06-10', end: '2014-12-31' }] }]]),
      edges: new Map([['0-1', { recruitment: [{ value: false, start: '2014-06-01', end: '2014-06-09' }, { value: true, start: '2014-06-10', end: '2014-12-31' }] }]]),
    };
    const dynamic = writeGexf(graph(), { timeline });
    expect(dynamic).toContain('<graph defaultedgetype="undirected" mode="dynamic" timeformat="date" timerepresentation="interval">');
    expect(dynamic).toContain('<attributes class="node" mode="dynamic">\n      <attribute id="mobilized" title="mobilized" type="string"/>');
    expect(dynamic).toContain('<attributes class="edge" mode="dynamic">\n      <attribute id="recruitment" title="recruitment" type="boolean"/>');
    expect(dynamic).toContain('<attvalue for="mobilized" value="no" start="2014-06-01" end="2014-06-09"/>\n          <attvalue for="mobilized" value="peer" start="2014-06-10" end="2014-12-31"/>');
    expect(dynamic).toContain('<attvalue for="recruitment" value="true" start="2014-06-10" end="2014-12-31"/>');
  });

  it('reads back, whatever the names, with each as XML can hold it (property)', () => {
    fc.assert(fc.property(hostileName, hostileName, (community, description) => {
      const g = new UndirectedGraph();
      g.addNode('0', { community, tie: description });
      g.addNode('1');
      g.addEdgeWithKey('0-1', '0', '1', { tie: community });
      const written = writeGexf(g, { description });
      expect(written).not.toMatch(NOT_XML);
      const back = parse(UndirectedGraph, written);
      expect(back.getAttribute('description')).toBe(xmlChars(description).trim() ? xmlChars(description) : undefined); // the reader drops a blank description
      expect(back.getNodeAttributes('0')).toEqual({ community: xmlChars(community), tie: xmlChars(description) });
      expect(back.getEdgeAttributes('0-1')).toEqual({ tie: xmlChars(community) });
    }));
  });

  it('is the same text for the same graph: no date of writing', () => {
    expect(writeGexf(graph())).toBe(writeGexf(graph()));
    expect(text).not.toMatch(/lastmodifieddate/);
  });
});
