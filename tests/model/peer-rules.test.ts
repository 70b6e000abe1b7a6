import { describe, expect, it } from 'vitest';
import { compileChannels } from '../../src/model/channels.js';
import { peerHazard } from '../../src/model/peer-rules.js';
import { scenarioSchema } from '../../src/scenario/schema.js';

const peer = (over: object) => compileChannels(scenarioSchema.shape.channels.parse({ peer: over })).peer.rule;

describe('model/peer-rules', () => {
  it('cascade: 1 − (1 − p)^E, 0 without influence', () => {
    const h = peerHazard(peer({ rule: 'cascade', cascade: { probability: 0.1 } }));
    expect(h(0, 5)).toBe(0);
    expect(h(1, 5)).toBeCloseTo(0.1, 12);
    expect(h(3, 5)).toBeCloseTo(1 - 0.9 ** 3, 12);
    expect(h(0.5, 5)).toBeCloseTo(1 - 0.9 ** 0.5, 12);
  });

  it('threshold: all or nothing at the number of ties', () => {
    const h = peerHazard(peer({ rule: 'threshold', threshold: { ties: 2 } }));
    expect([h(1.99, 10), h(2, 10), h(5, 10)]).toEqual([0, 1, 1]);
  });

  it('fractional: share of ties, never for isolated agents', () => {
    const h = peerHazard(peer({ rule: 'fractional', fractional: { share: 0.25 } }));
    expect([h(1, 4), h(1, 5), h(1, 0)]).toEqual([1, 0, 0]);
  });

  it('logistic: increasing in influence, 0 without it', () => {
    const h = peerHazard(peer({ rule: 'logistic', logistic: { intercept: -4, slope: 1 } }));
    expect(h(0, 3)).toBe(0);
    expect(h(1, 3)).toBeCloseTo(1 / (1 + Math.exp(3)), 12);
    expect(h(2, 3)).toBeGreaterThan(h(1, 3));
  });
});
