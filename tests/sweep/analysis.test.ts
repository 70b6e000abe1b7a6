/**
 * The analysis of a Latin hypercube sweep (PRCC) as analysis.ts writes it, on
 * made-up point means over a real plan: what a sweep of the town would give
 * without running it. Outputs with points lacking a value, a constant output,
 * too few points; the JSON and CSV forms; the same bytes twice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { analyse, analysisCsv } from '../../src/sweep/analysis.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { sweepDesign } from '../../src/sweep/points.js';
import { summarize } from '../../src/sweep/tables.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { writeExperiment } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-sweep-analysis-');

function lhsPlan(samples: number) {
  const file = writeExperiment(dir, `lhs-${samples}.yaml`, { design: `{ kind: latin-hypercube, samples: ${samples} }` });
  const { plan } = loadExperiment(file, { toolVersion: 'test' });
  return { plan, design: sweepDesign(plan) };
}

describe('sweep analysis of a Latin hypercube (PRCC)', () => {
  it('per output: PRCC with interval, p-value and Spearman; points without a value left out and counted; a constant output null with a note', () => {
    const { plan, design } = lhsPlan(40);
    expect(plan.outputs.map((o) => o.name)).toEqual(['travelled', 'returned', 'peer_share_2014-12-01']);
    // travelled rises with peer (log factor: ranks do not care), falls with return; group plays no part.
    const travelled = design.points.map(([peer, ret]) => summarize([1e5 * peer! - 1e5 * ret!]));
    // returned: no value (a share of nothing) at every fifth point.
    const returned = design.points.map(([, ret], i) => summarize(i % 5 === 0 ? [] : [ret! * 100]));
    const constant = design.points.map(() => summarize([0.25, 0.25]));
    const a = analyse(plan, design, [travelled, returned, constant])!;
    expect(a.method).toBe('prcc');
    expect(a.note).toMatch(/^Partial rank correlation coefficients \(PRCC; Marino et al\. 2008\) over 40 Latin hypercube points, on the mean of 2 replicates per point\. /);
    const [t, r, c] = a.outputs as Extract<typeof a.outputs[number], { method: 'prcc'; indices: unknown }>[];
    expect(t).toMatchObject({ output: 'travelled', method: 'prcc', points: 40, dropped: 0 });
    expect((t as { note?: string }).note).toBeUndefined();
    expect(t!.indices.map((i) => i.factor)).toEqual(['peer', 'return', 'group']);
    expect(t!.indices[0]!.prcc).toBeGreaterThan(0.9);
    expect(t!.indices[1]!.prcc).toBeLessThan(-0.9);
    expect(Math.abs(t!.indices[2]!.prcc)).toBeLessThan(4 / Math.sqrt(40 - 4));
    const undefinedBecause = 'the output\'s ranks are a linear function of the other factors\' ranks, so nothing is left for this factor to explain';
    expect(r).toMatchObject({ output: 'returned', points: 32, dropped: 8,
      note: `8 of 40 points have no value (a share of nothing) and are left out; "peer": ${undefinedBecause}; "group": ${undefinedBecause}` });
    expect(r!.indices[1]!.prcc).toBe(1);
    // Output fixed by one factor: the others are undefined, and the note says why.
    expect(r!.indices[0]!.prcc).toBeNaN();
    expect(c!.indices.every((i) => Number.isNaN(i.prcc) && Number.isNaN(i.prccLow) && Number.isNaN(i.pValue) && Number.isNaN(i.spearman))).toBe(true);
    expect(c!.note).toBe('the output is the same at all 40 points: there is no ranking to correlate');

    const json = JSON.parse(JSON.stringify(a));
    expect(json.outputs[2].indices[0]).toEqual({ factor: 'peer', prcc: null, prccLow: null, prccHigh: null, pValue: null, spearman: null });
    const csv = analysisCsv(a).trimEnd().split('\n');
    expect(csv[0]).toBe('output,factor,prcc,prcc_low,prcc_high,p_value,spearman,points');
    expect(csv).toHaveLength(1 + 3 * 3);
    expect(csv[4]).toMatch(/^returned,peer,,,,,-?[\d.e-]+,32$/);
    expect(csv.slice(7)).toEqual(['peer', 'return', 'group'].map((f) => `peer_share_2014-12-01,${f},,,,,,40`));
    // Rounded to 6 digits like the other analyses, and the same bytes every time.
    expect(String(t!.indices[0]!.prccLow).replace(/^-?0\./, '').length).toBeLessThanOrEqual(6);
    expect(JSON.stringify(analyse(plan, design, [travelled, returned, constant]))).toBe(JSON.stringify(a));
  });

  it('fewer points than factors + 3: the output is skipped, saying why', () => {
    const { plan, design } = lhsPlan(5);
    const means = design.points.map(([peer]) => summarize([peer!]));
    const a = analyse(plan, design, [means, means, design.points.map((_, i) => summarize(i < 2 ? [] : [i]))])!;
    expect(a.outputs[0]).toEqual({ output: 'travelled', method: 'prcc', skipped: 'no PRCC: 5 points with a value, fewer than the 6 PRCC needs for 3 factors (factors + 3)' });
    expect(a.outputs[2]).toEqual({ output: 'peer_share_2014-12-01', method: 'prcc', skipped: 'no PRCC: 3 points with a value (2 without), fewer than the 6 PRCC needs for 3 factors (factors + 3)' });
    expect(analysisCsv(a)).toBe('output,factor,prcc,prcc_low,prcc_high,p_value,spearman,points\n');
  });
});
