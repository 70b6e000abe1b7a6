import { describe, expect, it, vi } from 'vitest';
import { layoutNetwork } from '../../src/charts/layout.js';
import { fixtureInputs } from './fixture.js';

const network = () => fixtureInputs().network!;

describe('network layout', () => {
  it('is deterministic and never calls Math.random', () => {
    const random = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random called');
    });
    try {
      const a = layoutNetwork(network(), 1);
      const b = layoutNetwork(network(), 1);
      expect([...b]).toEqual([...a]);
      expect(a.size).toBe(150);
      expect([...a.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    } finally {
      random.mockRestore();
    }
  });

  it('depends on the seed', () => {
    const a = layoutNetwork(network(), 1);
    const b = layoutNetwork(network(), 2);
    expect([...b.values()]).not.toEqual([...a.values()]);
  });

  it('pulls tied people together', () => {
    const n = network();
    const pos = layoutNetwork(n, 1);
    const dist = (a: number, b: number) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y);
    const tied = n.ties.reduce((s, t) => s + dist(t.a, t.b), 0) / n.ties.length;
    let all = 0;
    let pairs = 0;
    for (let a = 0; a < 150; a += 7) for (let b = a + 1; b < 150; b += 5) (all += dist(a, b)), pairs++;
    expect(tied).toBeLessThan((all / pairs) * 0.6);
  });

  it('keeps given positions when every node has one', () => {
    const nodes = [0, 1, 2].map((id) => ({ id, state: 'susceptible', channel: 'none' as const, x: id * 3, y: -id }));
    const pos = layoutNetwork({ nodes, ties: [{ a: 0, b: 1 }], recruitments: [] }, 1);
    expect(pos.get(2)).toEqual({ x: 6, y: -2 });
  });

  it('ignores ties to unknown people and self-ties, and lays out isolated people', () => {
    const nodes = [0, 1, 2].map((id) => ({ id, state: 'susceptible', channel: 'none' as const }));
    const pos = layoutNetwork({ nodes, ties: [{ a: 0, b: 9 }, { a: 1, b: 1 }, { a: 0, b: 1 }], recruitments: [{ recruiter: 5, recruit: 0, day: 3 }] }, 1);
    expect([...pos.keys()].sort()).toEqual([0, 1, 2]);
    expect([...pos.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });
});
