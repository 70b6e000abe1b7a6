/**
 * The saved state of a calibration, for resuming: after each generation its
 * population (particles, weights, distances, statistics, tolerance, attempts) is
 * written to `<out>/state/generation-NNN.json`, atomically (a temporary file
 * renamed into place), so an interruption leaves only complete generations.
 * Nothing else is needed to continue: every random stream derives from (seed,
 * generation, particle, attempt), so there is no generator state to keep.
 * `<out>/state/calibration.json` holds the calibration's fingerprint, checked on
 * resume.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonIn, readResumeHeader, writeFileAtomic } from '../batch/persistence.js';
import { messages } from '../messages/scenario.js';
import type { Generation } from './abc-smc.js';
import { readBackMessages } from '../messages/read-back.js';

export const STATE_DIR = 'state';
const HEADER = 'calibration.json';
const FORMAT = 1;

export interface StateHeader {
  format: number;
  fingerprint: string;
  calibration: string;
  parameters: string[];
  statistics: string[];
}

export function startState(out: string, header: Omit<StateHeader, 'format'>): void {
  writeFileAtomic(join(out, STATE_DIR, HEADER), `${JSON.stringify({ format: FORMAT, ...header }, null, 2)}\n`);
}

const generationFile = (t: number) => `generation-${String(t).padStart(3, '0')}.json`;

export function saveGeneration(out: string, g: Generation): void {
  // JSON has no Infinity: generation 0's tolerance is written as null. Doubles round-trip exactly.
  const plain = { ...g, tolerance: Number.isFinite(g.tolerance) ? g.tolerance : null, distances: g.distances.map((d) => (Number.isFinite(d) ? d : null)) };
  writeFileAtomic(join(out, STATE_DIR, generationFile(g.generation)), `${JSON.stringify(plain)}\n`);
}

/**
 * The generations saved in `out`, checked against the calibration's fingerprint and
 * shape. Any problem is one UserError naming the folder.
 */
export function loadState(out: string, expected: Omit<StateHeader, 'format' | 'calibration'>, population: number): Generation[] {
  const dir = join(out, STATE_DIR);
  const header = readResumeHeader(out, `${STATE_DIR}/${HEADER}`, messages.resumeUnreadable, MAX_HEADER_BYTES) as Partial<StateHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== FORMAT || typeof header.fingerprint !== 'string') throw messages.resumeUnreadable(out, `${STATE_DIR}/${HEADER} is not a calibration state`);
  if (header.fingerprint !== expected.fingerprint) {
    throw messages.resumeMismatch(out, 'the calibration (scenario, parameters, priors, targets, weights, distance, seed or population)');
  }
  if (JSON.stringify(header.parameters) !== JSON.stringify(expected.parameters)) throw messages.resumeMismatch(out, 'the list of parameters');
  if (JSON.stringify(header.statistics) !== JSON.stringify(expected.statistics)) throw messages.resumeMismatch(out, 'the list of statistics');
  const files = readdirSync(dir).filter((f) => /^generation-\d{3,}\.json$/.test(f)).sort((a, b) => generationNumber(a) - generationNumber(b));
  if (files.length === 0) throw messages.resumeUnreadable(out, 'no generation was completed');
  const generations: Generation[] = [];
  files.forEach((f, t) => {
    if (generationNumber(f) !== t) throw messages.resumeUnreadable(out, `${STATE_DIR}/${generationFile(t)} is missing`);
    generations.push(checkGeneration(out, f, readJsonIn(out, `${STATE_DIR}/${f}`, messages.resumeUnreadable, generationCap(population, expected.parameters.length, expected.statistics.length)), t, expected.parameters.length, expected.statistics.length, population));
  });
  return generations;
}

/** The header holds the names of the parameters and statistics: a few KB for the shipped calibrations. */
const MAX_HEADER_BYTES = 4 * 2 ** 20;

/**
 * The most bytes a generation file may hold: per particle its parameters, statistics, weight,
 * distance and attempt, each at most the longest double JSON writes and a comma, plus room for
 * the keys and totals. Read with this cap, a file swollen by hand is refused by its size.
 */
export const generationCap = (population: number, parameters: number, statistics: number) =>
  64 * 1024 + population * (parameters + statistics + 3 + 4) * 25;

const generationNumber = (f: string) => Number(f.slice('generation-'.length, -'.json'.length));

function checkGeneration(out: string, f: string, raw: unknown, t: number, dims: number, stats: number, population: number): Generation {
  const bad = (what: string) => messages.resumeUnreadable(out, `${STATE_DIR}/${f} ${what}`);
  if (typeof raw !== 'object' || raw === null) throw bad('is not a generation');
  const g = raw as Record<string, unknown>;
  const numbers = (v: unknown, n: number, allowNull = false) =>
    Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' || (allowNull && x === null));
  if (g.generation !== t) throw bad(`holds generation ${String(g.generation)}`);
  if (!Array.isArray(g.particles) || g.particles.length !== population || !g.particles.every((p) => numbers(p, dims))) throw bad(`does not hold ${population} particles of ${dims} parameters`);
  if (!numbers(g.weights, population) || !numbers(g.distances, population, true) || !numbers(g.attempts, population)) throw bad('has weights, distances or attempts of the wrong length');
  if (!Array.isArray(g.stats) || g.stats.length !== population || !g.stats.every((s) => numbers(s, stats, true))) throw bad(`does not hold ${stats} statistics per particle`);
  for (const k of ['simulations', 'acceptanceRate', 'ess', 'evaluated', 'ms'] as const) if (typeof g[k] !== 'number') throw bad(`has no ${k}`);
  if (g.tolerance !== null && typeof g.tolerance !== 'number') throw bad('has no tolerance');
  checkValues(join(out, STATE_DIR, f), g as unknown as Generation, population);
  return {
    ...(g as unknown as Generation),
    tolerance: g.tolerance === null ? Infinity : (g.tolerance as number),
    distances: (g.distances as (number | null)[]).map((d) => (d === null ? Infinity : d)),
    stats: (g.stats as (number | null)[][]).map((s) => s.map((x) => (x === null ? NaN : x))),
  };
}

/**
 * The values of a generation that has the right shape: what the sampler relies on. JSON has no
 * NaN or Infinity, so every number read is finite; these are the ranges.
 */
function checkValues(file: string, g: Generation, population: number): void {
  const wrong = readBackMessages.generationWrong;
  const nonNegative = (x: number) => x >= 0;
  const at = (name: string, i: number) => `${name}[${i}]`;
  g.weights.forEach((w, i) => {
    if (!nonNegative(w)) throw wrong(file, at('weights', i), 'a weight of 0 or more', w);
  });
  if (!(g.weights.reduce((a, b) => a + b, 0) > 0)) throw wrong(file, 'weights', 'weights that add up to more than 0', 'weights that are all 0');
  g.distances.forEach((d, i) => {
    if (d !== null && !nonNegative(d)) throw wrong(file, at('distances', i), 'a distance of 0 or more (or null)', d);
  });
  g.attempts.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0) throw wrong(file, at('attempts', i), 'a whole number of 0 or more', a);
  });
  if (!Number.isInteger(g.simulations) || g.simulations < population) throw wrong(file, 'simulations', `a whole number of at least the population (${population})`, g.simulations);
  if (g.tolerance !== null && !nonNegative(g.tolerance)) throw wrong(file, 'tolerance', 'a tolerance of 0 or more (or null for the first generation)', g.tolerance);
}
