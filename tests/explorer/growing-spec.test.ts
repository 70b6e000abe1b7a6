/** A report chart grown to a day: every dated row after it left out, wherever rows come in, and the spec still valid Vega-Lite. */
import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { parse, View } from 'vega';
import { cumulativeSpec } from '../../src/charts/specs/cumulative.js';
import { flowSpec } from '../../src/charts/specs/flow.js';
import { utcMs } from '../../src/charts/specs/common.js';
import { growingSpec, SHOWN_UP_TO } from '../../src/explorer/growing-spec.js';
import { nastyInputs } from '../charts/fixture.js';

describe('explorer/growing-spec', () => {
  for (const [name, build] of [['cumulative', cumulativeSpec], ['flow', flowSpec]] as const) {
    it(`${name}: keeps the rows up to the day, and moves with the parameter`, async () => {
      const inputs = nastyInputs();
      const spec = build(inputs)!;
      const cut = '2015-01-15';
      const grown = growingSpec(spec, utcMs(cut));
      const view = new View(parse(compile(grown as never).spec), { renderer: 'none' });
      await view.runAsync();
      // Vega-Lite keeps the rows as given in source_N and derives data_N from them through the transforms.
      const datasets = Object.keys(view.getState({ data: () => true, signals: () => false, recurse: true }).data ?? {}).filter((d) => /^data_\d+$/.test(d));
      const dated = () => datasets.flatMap((d) => (view.data(d) ?? []) as Record<string, unknown>[])
        .map((row) => row.date ?? row.month)
        .filter((v): v is number | string => v !== undefined)
        .map((v) => (typeof v === 'number' ? v : utcMs(v)));
      const before = dated();
      expect(before.length).toBeGreaterThan(0);
      expect(Math.max(...before)).toBeLessThanOrEqual(utcMs(cut));
      await view.signal(SHOWN_UP_TO, utcMs(inputs.endDate)).runAsync();
      expect(dated().length).toBeGreaterThan(before.length);
      view.finalize();
    });
  }

  it('leaves the shipped spec as it was', () => {
    const spec = cumulativeSpec(nastyInputs())!;
    const copy = structuredClone(spec);
    growingSpec(spec, 0);
    expect(spec).toEqual(copy);
  });
});
