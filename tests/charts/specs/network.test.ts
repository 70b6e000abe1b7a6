import { describe, expect, it } from 'vitest';
import { degreeSpec, isHeavyTailed, networkMapSpec } from '../../../src/charts/specs/network.js';
import { fixtureInputs, singleScenarioInputs } from '../fixture.js';
import { expectPublishable, titleOf } from '../helpers.js';
import { sceneItems } from '../scene.js';

describe('network charts', () => {
  it('degree distribution: bars, log counts for a long tail', () => {
    const inputs = fixtureInputs();
    const spec = degreeSpec(inputs);
    expectPublishable(spec);
    expect(isHeavyTailed(inputs.network!.degreeHistogram)).toBe(true);
    expect(JSON.stringify(spec)).toContain('"type":"log"');
  });

  it('degree distribution: a linear count axis for a narrow one', () => {
    const inputs = fixtureInputs();
    inputs.network!.degreeHistogram = ([[3, 40], [4, 90], [5, 120], [6, 80], [7, 30]] as const).map(([degree, count]) => ({ degree, count }));
    const spec = degreeSpec(inputs);
    expectPublishable(spec);
    expect(JSON.stringify(spec)).not.toContain('"log"');
  });

  it('degree distribution: each bar stands on zero and its height is its count; the axis does not run below zero', async () => {
    for (const histogram of [[[3, 40], [4, 90], [5, 120], [6, 80], [7, 30]], [[1, 900], [2, 300], [3, 100], [5, 30], [9, 8], [40, 1], [60, 1]]] as const) {
      const inputs = fixtureInputs();
      inputs.network!.degreeHistogram = histogram.map(([degree, count]) => ({ degree, count }));
      const items = await sceneItems(degreeSpec(inputs)!);
      const bars = items.filter((i) => i.marktype === 'rect' && i.role === 'mark');
      expect(bars).toHaveLength(histogram.length);
      const axis = items.find((i) => i.role === 'axis-domain' && i.axis === 'bottom')!;
      // every bar from the x axis up: none is a dash floating at its count
      for (const b of bars) expect(Math.abs(b.y2 - axis.y1)).toBeLessThan(1);
      const heights = bars.map((b) => b.y2 - b.y1);
      for (let k = 1; k < heights.length; k++) expect(Math.sign(heights[k]! - heights[k - 1]!)).toBe(Math.sign(histogram[k]![1] - histogram[k - 1]![1]));
      const ticks = items.filter((i) => i.role === 'axis-label' && i.axis === 'left').map((i) => Number(i.text!.replace(/,/g, '')));
      expect(Math.min(...ticks)).toBeGreaterThanOrEqual(0);
    }
  });

  it('network map: ties as rules with both ends, every node a point, recruitments emphasised', () => {
    const inputs = fixtureInputs();
    const spec = networkMapSpec(inputs);
    expectPublishable(spec, { axes: false }); // a map: positions have no scale
    const layers = (spec as { layer: { data: { values: Record<string, unknown>[] } }[] }).layer;
    expect(layers).toHaveLength(2);
    const edges = layers[0]!.data.values;
    const nodes = layers[1]!.data.values;
    expect(nodes).toHaveLength(150);
    expect(nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(true);
    const recruited = edges.filter((e) => e.kind === 'recruited');
    expect(recruited).toHaveLength(inputs.network!.recruitments.length);
    // a recruitment tie is drawn once, as a recruitment
    expect(edges.length).toBe(inputs.network!.ties.length + recruited.length - inputs.network!.recruitments.filter((r) => inputs.network!.ties.some((t) => (t.a === r.recruiter && t.b === r.recruit) || (t.b === r.recruiter && t.a === r.recruit))).length);
    expect(edges.every((e) => ['x', 'y', 'x2', 'y2'].every((k) => Number.isFinite(e[k])))).toBe(true);
    // points inside the plot
    expect(nodes.every((n) => (n.x as number) >= 0 && (n.x as number) <= 470 && (n.y as number) >= 0 && (n.y as number) <= 460)).toBe(true);
  });

  it('network map: the same sample gives the same spec', () => {
    expect(JSON.stringify(networkMapSpec(fixtureInputs()))).toBe(JSON.stringify(networkMapSpec(fixtureInputs())));
  });

  it('network map: uses the positions it is given', () => {
    const inputs = fixtureInputs();
    inputs.network!.nodes = inputs.network!.nodes.map((n) => ({ ...n, x: n.id % 10, y: Math.floor(n.id / 10) }));
    const nodes = (networkMapSpec(inputs) as { layer: { data: { values: { id: number; x: number; y: number }[] } }[] }).layer[1]!.data.values;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // a grid stays a grid: same column ⇒ same x
    expect(byId.get(3)!.x).toBe(byId.get(13)!.x);
    expect(byId.get(3)!.x).toBeLessThan(byId.get(4)!.x);
  });

  it('network map of a comparison: one panel per scenario, the same people in the same places, those who ended otherwise ringed', () => {
    const inputs = fixtureInputs();
    const n = inputs.network!;
    const moved = new Set(n.nodes.filter((x) => x.state === 'abroad').slice(0, 5).map((x) => x.id));
    expect(moved.size).toBe(5);
    n.otherScenarios = [
      { scenario: 'border-controls', nodes: n.nodes.map((x) => (moved.has(x.id) ? { ...x, state: 'intercepted' } : x)), recruitments: n.recruitments },
      { scenario: 'media-takedowns', nodes: n.nodes, recruitments: [] },
    ];
    const spec = networkMapSpec(inputs);
    expectPublishable(spec, { axes: false });
    type Panel = { title: { text: string }; layer: { data: { values: Record<string, unknown>[] }; mark: { filled?: boolean } }[] };
    const panels = (spec as unknown as { concat: Panel[] }).concat;
    expect(panels.map((p) => p.title.text)).toEqual(['baseline (reference)', 'border-controls: 5 of 150 end otherwise', 'media-takedowns: every one ends as in the reference']);
    const people = (p: Panel) => p.layer.at(-1)!.data.values;
    const where = (p: Panel) => new Map(people(p).map((v) => [v.id, `${v.x},${v.y}`]));
    expect(where(panels[1]!)).toEqual(where(panels[0]!));
    expect(people(panels[1]!).filter((v) => v.state === 'intercepted' && moved.has(v.id as number))).toHaveLength(5);
    // the ring layer: the five who ended otherwise, in border-controls only
    const rings = (p: Panel) => p.layer.filter((l) => l.mark.filled === false).flatMap((l) => l.data.values.map((v) => v.id));
    expect(rings(panels[1]!).sort()).toEqual([...moved].sort());
    expect(rings(panels[0]!)).toEqual([]);
    expect(rings(panels[2]!)).toEqual([]);
    // no recruitments in media-takedowns: every line a tie
    expect(panels[2]!.layer[0]!.data.values.every((e) => e.kind === 'tie')).toBe(true);
    expect(titleOf(spec).subtitle.join(' ')).toContain('ringed: an end state other than in baseline');
  });

  it('both are skipped without a network', () => {
    const inputs = singleScenarioInputs();
    expect(degreeSpec(inputs)).toBeUndefined();
    expect(networkMapSpec(inputs)).toBeUndefined();
    const empty = fixtureInputs();
    empty.network = { ...empty.network!, nodes: [], degreeHistogram: [] };
    expect(degreeSpec(empty)).toBeUndefined();
    expect(networkMapSpec(empty)).toBeUndefined();
  });
});
