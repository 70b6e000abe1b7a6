/** `hotbed run`'s table of travellers by region against the targets: each median inside its band or how far outside. */
import { describe, expect, it } from 'vitest';
import { travellersTable } from '../../src/cli/run-command.js';
import type { Summary } from '../../src/results/tables.js';
import type { Targets } from '../../src/scenario/targets.js';

const quantiles = (median: number) => ({ travelled: { median, p5: median, p95: median } });
const checkpoint = (date: string, world: number, maghreb: number, balkans: number) => ({
  date,
  places: { world: { World: quantiles(world) }, region: { Maghreb: quantiles(maghreb), Balkans: quantiles(balkans) }, country: {}, community: {} },
});
const summary = {
  title: 'test', seed: 1, replicates: 20, scale: 10, agents: 1_000, ties: { median: 0 }, measures: ['travelled'],
  checkpoints: [checkpoint('2014-06-01', 12_000, 4_900, 280), checkpoint('2015-12-01', 30_900, 9_150, 1_035)],
} as unknown as Summary;
const targets: Targets = {
  file: 't.yaml', title: 'Targets', date: '2015-12-01', dated: [], countries: new Map(), communities: new Map(),
  world: { value: 29_000, low: 27_000, high: 31_000 },
  regions: new Map([['Maghreb', { value: 8_000, low: 6_800, high: 9_200 }], ['Balkans', { value: 875, low: 744, high: 1_006 }]]),
};

describe('travellersTable', () => {
  const lines = travellersTable(summary, targets).split('\n');
  const row = (name: string) => lines.find((l) => l.trimStart().startsWith(name))!;

  it('says "in band" for a median in its band, even far from the band\'s centre (the world at +7%, the Maghreb at +14%)', () => {
    expect(lines[0]).toMatch(/target 2015-12-01 +vs band$/);
    expect(row('World')).toMatch(/27,000–31,000 +in band$/);
    expect(row('Maghreb')).toMatch(/6,800–9,200 +in band$/);
  });

  it('gives how far outside the nearer edge a median outside its band lies, not its distance from the centre (+18%)', () => {
    expect(row('Balkans')).toMatch(/744–1,006 +3% above$/);
  });
});
