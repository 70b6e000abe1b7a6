/**
 * The benchmark's synthetic world, made in code and validated by the scenario
 * schema like any file: 10 regions × 10 countries, each country one community
 * of 10 000 people at scale 1 (1 000 000 agents), Watts–Strogatz networks of
 * mean degree 10 (~5 000 000 ties), a few diaspora links, and an initial stock
 * abroad in every country. Dates 2014-06-01 to 2015-12-01 (the schema's
 * defaults): 548 days.
 *
 * Two variants of the same world:
 * - busy: every channel on (media, peer cascade, group, travel, return/death),
 *   with rates that give tens of thousands of mobilizations over the run;
 * - quiet: media rates 0 and a tiny stock, so that almost nothing happens. It
 *   shows what a large population costs when it is idle.
 */
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../src/scenario/schema.js';

export const variants = ['busy', 'quiet'] as const;
export type Variant = typeof variants[number];

export const REGIONS = 10;
export const COUNTRIES_PER_REGION = 10;
export const PEOPLE_PER_COUNTRY = 10_000;

export interface BenchShape {
  /** People abroad at the start, per country. */
  stockAbroad: number;
  /** People returned at the start, per country. */
  stockReturned: number;
  media: { exposure: number; mobilization: number };
}

export const shapes: Record<Variant, BenchShape> = {
  busy: { stockAbroad: 300, stockReturned: 50, media: { exposure: 0.0003, mobilization: 0.00002 } },
  quiet: { stockAbroad: 1, stockReturned: 0, media: { exposure: 0, mobilization: 0 } },
};

export function benchScenario(variant: Variant): Scenario {
  const shape = shapes[variant];
  const regions: ScenarioInput['places']['regions'] = [];
  for (let r = 0; r < REGIONS; r++) {
    const countries = [];
    for (let c = 0; c < COUNTRIES_PER_REGION; c++) {
      countries.push({
        name: `country-${r}-${c}`,
        population: PEOPLE_PER_COUNTRY,
        // Some spread, so that communities do not all behave alike.
        susceptibility: 0.75 + 0.05 * c,
        stock: { abroad: shape.stockAbroad, returned: shape.stockReturned, dead: 0 },
      });
    }
    regions.push({ name: `region-${r}`, countries });
  }
  // A ring of diaspora links between neighbouring regions: a few hundred ties each.
  const links: NonNullable<ScenarioInput['links']> = [];
  for (let r = 0; r < REGIONS; r++) {
    links.push({ kind: 'diaspora', from: { region: `region-${r}` }, to: { region: `region-${(r + 1) % REGIONS}` }, ties: 500 });
  }
  return scenarioSchema.parse({
    title: `Hotbed benchmark world (${variant})`,
    seed: 20240601,
    scale: 1,
    dates: { start: '2014-06-01', end: '2015-12-01' },
    networks: { default: { kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 } },
    channels: {
      media: shape.media,
      peer: { rule: 'cascade', cascade: { probability: 0.001 }, susceptibleReceptivity: 0.25 },
      group: { probability: 0.05 },
      travel: { minPlanningDays: 7, meanPlanningDays: 30 },
      abroad: { returnRate: 0.0005, deathRate: 0.0004 },
    },
    places: { regions },
    links,
  } satisfies ScenarioInput);
}
