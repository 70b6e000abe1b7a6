import { describe, expect, it } from 'vitest';
import { degreeSpec, isHeavyTailed, networkMapSpec } from '../../../src/charts/specs/network.js';
import { fixtureInputs, singleScenarioInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';

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
