/** Calibration test helpers: the test town, targets made from the model's own runs, calibration files in temporary folders. */
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { measureAgents } from '../../src/statistics/measures.js';
import { placeIndex } from '../../src/world/places.js';
import { loadCalibration, type Calibration } from '../../src/calibration/load.js';
import { writeFixture, yaml } from '../scenario/fixtures.js';

/** One town of 3,000 agents, one year: a few milliseconds a run. */
export const TOWN = fileURLToPath(new URL('./fixtures/town.yaml', import.meta.url));
export const BASELINE = fileURLToPath(new URL('../../scenarios/baseline.yaml', import.meta.url));
export const SOUFAN = fileURLToPath(new URL('../../scenarios/targets/soufan-2015.yaml', import.meta.url));

export const PEER = 'channels.peer.cascade.probability';
export const RETURN = 'channels.abroad.returnRate';

/** Travellers and the returned share at the end of one run of the town with these overrides. */
export function townData(set: string[], seed: number): { travelled: number; returnedShare: number } {
  const { scenario } = loadScenario(TOWN, { set });
  const run = runScenario(scenario, { seed });
  const snap = run.replicates[0]!.snapshots.at(-1)!;
  const world = placeIndex(run.plan).at(['world'])[0]!;
  const m = measureAgents(snap, world.communities);
  return { travelled: m[0]!, returnedShare: m[2]! / m[0]! };
}

/** A targets file for the town: the world's travellers on its end date, ±tolerance. */
export function townTargets(dir: string, name: string, travelled: number, tolerance: number): string {
  return writeFixture(dir, name, yaml(
    'title: Test town data',
    "date: '2015-06-01'",
    `world: { value: ${travelled}, tolerance: ${tolerance} }`,
  ));
}

export interface TownCalibration {
  targets: string;
  returnedShare: number;
  returnedBand: number;
  population: number;
  generations: number;
  seed?: number;
  minTolerance?: number;
  parameters?: string[];
  /** Candidates and runs each for the calibrated point (default 4 × 3, to keep tests quick). */
  point?: { candidates: number; replicates: number };
}

/** A calibration file for the town: peer cascade probability and return rate free, log-uniform priors. */
export function townCalibration(o: TownCalibration): string {
  const params = o.parameters ?? [
    `  - { path: ${PEER}, name: peer, prior: { kind: log-uniform, low: 0.001, high: 0.01 } }`,
    `  - { path: ${RETURN}, name: return, prior: { kind: log-uniform, low: 0.0002, high: 0.005 } }`,
  ];
  return yaml(
    'title: Test town calibration',
    `scenario: ${JSON.stringify(TOWN)}`,
    `seed: ${o.seed ?? 1}`,
    'parameters:',
    ...params,
    'targets:',
    `  file: ${JSON.stringify(o.targets)}`,
    `  returnedShare: { value: ${o.returnedShare}, low: ${Math.max(0, o.returnedShare - o.returnedBand)}, high: ${Math.min(1, o.returnedShare + o.returnedBand)} }`,
    `budget: { population: ${o.population}, generations: ${o.generations}, minTolerance: ${o.minTolerance ?? 0} }`,
    `point: { candidates: ${o.point?.candidates ?? 4}, replicates: ${o.point?.replicates ?? 3} }`,
  );
}

/**
 * The town's calibration, loaded, from files written in `dir`: a world target of `travelled`
 * (±25 %) and a returned share of 0.1 ± 0.03, with the given budget.
 */
export function loadTownCalibration(dir: string, travelled: number, budget: { population: number; generations: number }): Calibration {
  const targets = townTargets(dir, 'targets.yaml', travelled, 0.25);
  return loadCalibration(writeFixture(dir, 'calibration.yaml', townCalibration({ targets, returnedShare: 0.1, returnedBand: 0.03, ...budget })));
}
