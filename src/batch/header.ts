/**
 * The fields every many-runs file (experiment, calibration) starts with: which
 * scenario, at what scale, with which fixed overrides, from which seed. One zod
 * shape, spread into each file's schema, so the two kinds cannot drift apart.
 */
import { z } from 'zod';
import { seed } from '../scenario/fields.js';

export interface HeaderWords {
  /** "sweep", "fit": the scenario to …, relative to this file. */
  verb: string;
  /** "calibration runs": people per agent in the … */
  runs: string;
  /** "sweeping": overrides applied to the scenario before … */
  before: string;
  /** What derives from the seed, after "Seed of the …: ". */
  seeded: string;
}

export function headerShape(words: HeaderWords) {
  return {
    $schema: z.string().optional(),
    title: z.string().max(200).default(''),
    description: z.string().max(10000).optional(),
    scenario: z.string().min(1).describe(`The scenario to ${words.verb}, relative to this file.`),
    scale: z.number().min(1).max(1e6).optional().describe(`People per agent in the ${words.runs} (default: the scenario's).`),
    set: z.array(z.string()).default([]).describe(`Fixed overrides applied to the scenario before ${words.before}, as --set arguments.`),
    seed: seed.default(1).describe(`Seed of the ${words.seeded}.`),
  };
}
