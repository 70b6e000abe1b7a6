/**
 * Every message a user can get from `hotbed sweep` and `hotbed merge`, as named
 * builders: code throws these, tests compare against them, so the wording lives
 * here once. Mistakes inside an experiment file reuse the scenario builders
 * (messages/scenario.ts) so that they read like every other file error.
 */
import { UserError } from './errors.js';
import { messages as scenarioMessages, type Where } from './scenario.js';

const describe = scenarioMessages.describe;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

export const sweepMessages = {
  // ---- the experiment file ----

  /** A factor's --set path the scenario does not have; `problem` and `hint` come from the --set walk. */
  unknownFactorPath: (where: Where, path: string, parameter: string, scenarioFile: string, problem: string, hint?: string) =>
    new UserError({ ...where, path, problem: `"${parameter}" is not a parameter of ${scenarioFile}: ${problem}`, hint }),

  factorNotANumber: (where: Where, path: string, parameter: string, found: unknown) =>
    new UserError({ ...where, path, problem: `"${parameter}" cannot be varied: it is not a number`, expected: 'the path of a number in the scenario', found: describe(found) }),

  factorValueRefused: (where: Where, path: string, parameter: string, value: number, expected: string) =>
    new UserError({ ...where, path, problem: `${parameter} cannot take the value ${value}`, expected, hint: 'keep the factor\'s range inside the values the scenario accepts' }),

  duplicateName: (where: Where, path: string, name: string) =>
    new UserError({ ...where, path, problem: `"${name}" names two columns of the results`, expected: 'a name used once among the factors and outputs, and not run, point, replicate or seed' }),

  duplicatePath: (where: Where, path: string, parameter: string) =>
    new UserError({ ...where, path, problem: `"${parameter}" is varied by two factors`, expected: 'each parameter in one factor' }),

  boundsReversed: (where: Where, path: string, low: number, high: number) =>
    new UserError({ ...where, path, problem: 'the factor\'s low value is not below its high value', expected: 'low < high', found: `low ${low}, high ${high}` }),

  logScaleNotPositive: (where: Where, path: string, low: number) =>
    new UserError({ ...where, path, problem: 'a log-scale factor needs a positive range', expected: 'low > 0', found: `${low}` }),

  gridNeedsValues: (where: Where, path: string) =>
    new UserError({ ...where, path, problem: 'a grid needs the values of each factor', expected: 'values: [v1, v2, ...]', found: 'nothing' }),

  rangeNeedsBounds: (where: Where, path: string, design: string) =>
    new UserError({ ...where, path, problem: `a ${design} design samples each factor over a range`, expected: 'low and high (and scale: linear or log)', found: 'values' }),

  missingBound: (where: Where, path: string, design: string) =>
    new UserError({ ...where, path, problem: `a ${design} design samples each factor over a range`, expected: 'low and high', found: 'nothing' }),

  referenceUnknownFactor: (where: Where, path: string, name: string, factors: readonly string[], hint?: string) =>
    new UserError({ ...where, path, problem: `a reference range is drawn on a factor's axis, and no factor is named "${name}"`, expected: `one of ${factors.join(', ')}`, found: name, hint }),

  referenceReversed: (where: Where, path: string, from: number, to: number) =>
    new UserError({ ...where, path, problem: 'the reference range ends before it starts', expected: 'from ≤ to', found: `from ${from}, to ${to}` }),

  referenceOutsideRange: (where: Where, path: string, from: number, to: number, factor: string, low: number, high: number) =>
    new UserError({
      ...where,
      path,
      problem: `the reference range lies wholly outside the values of ${factor} swept, so no chart would show it`,
      expected: `a range meeting ${low} to ${high}`,
      found: `from ${from}, to ${to}`,
    }),

  tooLarge: (where: Where, rows: number, points: number, replicates: number, bytes: number, limit: number) =>
    new UserError({
      ...where,
      path: 'design',
      problem: `the sweep is too large: ${thousands(rows)} runs (${thousands(points)} points × ${replicates} replicates) would make a table of about ${mib(bytes)}, more than the ${mib(limit)} a sweep writes`,
      hint: 'use fewer samples, trajectories or replicates, or split the factors over several experiments',
    }),

  // ---- the command line ----

  badShard: (found: string) =>
    new UserError({ file: 'command line', path: '--shard', problem: 'wrong value', expected: 'K/N with whole numbers 1 ≤ K ≤ N, e.g. 2/8', found: JSON.stringify(found) }),

  // ---- resume folders and shards ----

  resumeUnreadable: (dir: string, reason: string) =>
    new UserError({ file: dir, problem: `cannot resume from this folder: ${reason}`, hint: 'name the --out folder of an earlier "hotbed sweep" of this experiment' }),

  resumeMismatch: (dir: string, what: string, was: string, now: string) =>
    new UserError({ file: dir, problem: `cannot resume: this folder was made by another ${what}`, expected: now, found: was, hint: 'resume with the experiment that made it, or start afresh with --out' }),

  notAShard: (dir: string, reason: string) =>
    new UserError({ file: dir, problem: `not a finished sweep shard: ${reason}`, hint: 'name the --out folders of "hotbed sweep EXPERIMENT --shard K/N" runs that have finished' }),

  shardsDiffer: (dir: string, what: string, expected: string, found: string, firstDir: string) =>
    new UserError({ file: dir, problem: `this shard comes from another ${what} than ${firstDir}`, expected, found, hint: 'merge the shards of one experiment, run by one version of Hotbed' }),

  shardTwice: (dir: string, shard: string, other: string) =>
    new UserError({ file: dir, problem: `shard ${shard} is given twice (also ${other})`, expected: 'each shard once' }),

  shardsMissing: (missing: readonly number[], n: number) =>
    new UserError({ file: 'command line', problem: `shard${missing.length === 1 ? '' : 's'} ${missing.map((k) => `${k}/${n}`).join(', ')} missing`, expected: `all ${n} shards`, hint: 'name every shard folder, e.g. DIR/shards/*' }),

  mergeNeedsShards: () =>
    new UserError({ file: 'command line', problem: 'name the shard folders to merge', hint: 'e.g. hotbed merge DIR/shards/* --out DIR/merged' }),

  /** A run that threw: which run, where and with which seed, and that the rest is kept. */
  runFailed: (run: { run: number; point: number; replicate: number; seed: number }, message: string, failed: number, kept: number, dir: string) =>
    new UserError({
      file: dir,
      problem: `run ${run.run} (point ${run.point}, replicate ${run.replicate}, seed ${run.seed}) failed: ${message}`
        + `${failed > 1 ? ` (and ${failed - 1} other run${failed === 2 ? '' : 's'})` : ''}; ${thousands(kept)} finished run${kept === 1 ? ' is' : 's are'} kept`,
      hint: 'fix the cause, then finish the sweep with --resume',
    }),
};
