/** The experiment the hostile cases sweep: a grid of 2 points × 2 replicates over the working folder's minimal.yaml. */
import { yaml } from '../../scenario/fixtures.js';

/** Recording `outputs` (flow mappings, one a line), with `extra` lines at the end. */
export const gridExperiment = (title: string, outputs: readonly string[], extra: readonly string[] = []): string => yaml(
  `title: ${title}`,
  'scenario: minimal.yaml',
  'seed: 1',
  'replicates: 2',
  'factors:',
  '  - { name: susceptibility, path: places.regions.Maghreb.susceptibility, values: [1, 1.5] }',
  'design: { kind: grid }',
  'outputs:',
  ...outputs.map((o) => `  - ${o}`),
  ...extra,
);
