import { describe, expect, it } from 'vitest';
import { logSurvival, nextDue, NONE, waitDays } from '../../src/engine/peer-clock.js';
import { PeerLogSurvival } from '../../src/engine/peer-survival.js';
import { compileChannels } from '../../src/model/channels.js';
import { peerHazard } from '../../src/model/peer-rules.js';
import { State } from '../../src/model/states.js';
import { stream } from '../../src/random/streams.js';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { runTiny, tinyWorld } from './fixture.js';

/** An rng that returns the given numbers in turn and counts its calls. */
function scripted(...values: number[]) {
  const rng = Object.assign(() => {
    rng.calls++;
    const v = values.shift();
    if (v === undefined) throw new Error('scripted rng: out of numbers');
    return v;
  }, { calls: 0 });
  return rng;
}

const L = (h: number) => logSurvival(h);

describe('engine/peer-clock: the pending peer day after a hazard change', () => {
  it('an unchanged hazard keeps the pending day and draws nothing', () => {
    const rng = scripted();
    expect(nextDue(12, 5, 30, L(0.2), L(0.2), rng)).toBe(12);
    expect(nextDue(NONE, 5, 30, L(0.2), L(0.2), rng)).toBe(NONE);
    expect(rng.calls).toBe(0);
  });

  it('a rise cannot beat a pending day of tomorrow: nothing is drawn', () => {
    const rng = scripted();
    expect(nextDue(6, 5, 30, L(0.1), L(0.9), rng)).toBe(6);
    expect(rng.calls).toBe(0);
  });

  it('a rise keeps the earlier of the pending day and one draw of the extra process', () => {
    // 0.2 → 0.6: the extra process survives (1 − 0.6)/(1 − 0.2) = 0.5 a day.
    // u = 0.3 → 1 − u = 0.7: 1 + floor(log 0.7 / log 0.5) = 1 (tomorrow); u = 0.9 → 1 − u = 0.1: 1 + floor(3.32) = 4.
    expect(nextDue(12, 5, 30, L(0.2), L(0.6), scripted(0.3))).toBe(6);
    expect(nextDue(12, 5, 30, L(0.2), L(0.6), scripted(0.9))).toBe(9);
    expect(nextDue(8, 5, 30, L(0.2), L(0.6), scripted(0.9))).toBe(8);
    expect(nextDue(NONE, 5, 30, L(0.2), L(0.6), scripted(0.9))).toBe(9);
    // Past the last day: the pending day (here none) stands.
    expect(nextDue(NONE, 5, 7, L(0.2), L(0.6), scripted(0.9))).toBe(NONE);
  });

  it('a rise to certainty is tomorrow, without a draw', () => {
    const rng = scripted();
    expect(nextDue(20, 5, 30, L(0.3), L(1), rng)).toBe(6);
    expect(nextDue(NONE, 5, 30, L(0), L(1), rng)).toBe(6);
    expect(rng.calls).toBe(0);
  });

  it('a fall draws afresh from the new hazard; a fall to zero cancels', () => {
    // 0.5: u = 0.9 → 1 + floor(log 0.1 / log 0.5) = 4.
    expect(nextDue(6, 5, 30, L(0.9), L(0.5), scripted(0.9))).toBe(9);
    expect(nextDue(6, 5, 30, L(0.9), L(0), scripted())).toBe(NONE);
    expect(nextDue(6, 5, 7, L(0.9), L(0.5), scripted(0.9))).toBe(NONE);
  });

  it('waitDays is the geometric law: P(wait = k) = (1 − h)^(k−1) h', () => {
    const rng = stream({ seed: 3, replicate: 0, purpose: 'test/wait' });
    const h = 0.3;
    const n = 40_000;
    const hist = new Float64Array(6);
    for (let i = 0; i < n; i++) { const k = waitDays(rng, L(h)); if (k <= 5) hist[k]!++; }
    for (let k = 1; k <= 5; k++) {
      const p = (1 - h) ** (k - 1) * h;
      expect(Math.abs(hist[k]! / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('after a rise, the pending day has the new hazard\'s law (min of old pending and extra draw)', () => {
    // Pending day drawn on day 0 under h0 = 0.2; on day 3 (not yet due) the hazard rises to 0.5.
    // From day 4 on, the success day must be geometric(0.5): P(day 3 + k) = 0.5^k.
    const rng = stream({ seed: 4, replicate: 0, purpose: 'test/rise' });
    const n = 40_000;
    const hist = new Float64Array(8);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const pending = waitDays(rng, L(0.2));
      if (pending <= 3) continue; // already happened: not the case under test
      kept++;
      const d = nextDue(pending, 3, 1000, L(0.2), L(0.5), rng) - 3;
      if (d <= 7) hist[d]!++;
    }
    for (let k = 1; k <= 5; k++) {
      const p = 0.5 ** k;
      expect(Math.abs(hist[k]! / kept - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / kept));
    }
  });
});

describe('engine/peer-survival', () => {
  const peerOf = (rule: 'cascade' | 'fractional', extra: object = {}) =>
    compileChannels(scenarioSchema.parse({
      dates: { start: '2014-06-01', end: '2014-07-01' },
      places: { regions: [{ name: 'R', countries: [{ name: 'C', population: 10 }] }] },
      channels: { peer: { rule, ...extra } },
    }).channels).peer.rule;

  it('the cascade\'s log-survival is log(1 − h) of its hazard', () => {
    for (const probability of [1e-6, 0.001, 0.1, 0.5, 0.99]) {
      const peer = peerOf('cascade', { cascade: { probability } });
      const h = peerHazard(peer);
      const rule = new PeerLogSurvival(peer);
      const ls = (e: number, d: number) => rule.of(e, d);
      for (const e of [0, 0.25, 1, 3, 17.5]) {
        // Where h rounds to 1 the direct form is the more accurate one; both mean "tomorrow".
        if (h(e, 10) === 1) expect(ls(e, 10)).toBeLessThan(-36);
        else expect(ls(e, 10)).toBeCloseTo(logSurvival(h(e, 10)), 9);
      }
    }
  });

  it('other rules go through their hazard: a threshold met is −∞, unmet 0', () => {
    const rule = new PeerLogSurvival(peerOf('fractional', { fractional: { share: 0.5 } }));
    const ls = (e: number, d: number) => rule.of(e, d);
    expect(ls(2, 4)).toBe(-Infinity);
    expect(ls(1, 4)).toBe(0);
  });
});

describe('engine: redraws on hazard changes keep the cascade exact', () => {
  it('two agents tied to one abroad and to each other: after the first mobilizes, the other waits geometric(1 − (1 − p)²)', () => {
    // Until one of 1 and 2 mobilizes, each has hazard p; from the day after, the other has q = 1 − (1 − p)².
    const p = 0.3;
    const q = 1 - (1 - p) ** 2;
    const t = tinyWorld(3, [[0, 1], [0, 2], [1, 2]], { 0: State.Abroad });
    let cases = 0;
    let nextDay = 0;
    let waitSum = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const out = runTiny(t, { peer: { rule: 'cascade', cascade: { probability: p } } }, { seed, days: 200 });
      const [d1, d2] = [out.mobilizedOn[1]!, out.mobilizedOn[2]!];
      if (d1 === d2) continue;
      cases++;
      const wait = Math.abs(d1 - d2);
      if (wait === 1) nextDay++;
      waitSum += wait;
    }
    expect(Math.abs(nextDay / cases - q)).toBeLessThan(4 * Math.sqrt((q * (1 - q)) / cases));
    // Mean of a geometric(q) is 1/q, its variance (1 − q)/q².
    expect(Math.abs(waitSum / cases - 1 / q)).toBeLessThan(4 * Math.sqrt((1 - q) / (q * q) / cases));
  });
});

describe('engine: the recruiter of a peer success', () => {
  // Agent 0 has neighbour 1 abroad (weight 1) and neighbour 2 returned (weight 3); cascade p = 1,
  // so 0 mobilizes on day 1 and its recruiter is 2 with probability 3/4.
  const share = (extraSusceptible: number) => {
    const n = 3 + extraSusceptible;
    const ties: [number, number][] = [[0, 1], [0, 2]];
    for (let v = 3; v < n; v++) ties.push([0, v]);
    const t = tinyWorld(n, ties, { 1: State.Abroad, 2: State.Returned });
    const runs = 2000;
    let byTwo = 0;
    for (let seed = 1; seed <= runs; seed++) {
      const out = runTiny(t, { peer: { rule: 'cascade', cascade: { probability: 1 }, weights: { abroad: 1, returned: 3 } } }, { seed, days: 1 });
      expect([1, 2]).toContain(out.recruitedBy[0]);
      if (out.recruitedBy[0] === 2) byTwo++;
    }
    return byTwo / runs;
  };
  const tolerance = 4 * Math.sqrt((0.75 * 0.25) / 2000);

  it('is drawn in proportion to weight where influential ties are dense (rejection)', () => {
    expect(Math.abs(share(0) - 0.75)).toBeLessThan(tolerance);
  });

  it('and where they are sparse (scan)', () => {
    expect(Math.abs(share(30) - 0.75)).toBeLessThan(tolerance);
  });
});
