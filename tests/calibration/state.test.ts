/**
 * A calibration's saved state read back (src/calibration/state.ts): generations as saved come
 * back as they were; a generation edited to values the sampler cannot use, or swollen past
 * what its population can hold, is refused with one message naming the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Generation } from '../../src/calibration/abc-smc.js';
import { generationCap, loadState, saveGeneration, startState, STATE_DIR } from '../../src/calibration/state.js';
import { readBackMessages } from '../../src/messages/read-back.js';
import { messages } from '../../src/messages/scenario.js';
import { cleanup, tempDir, userError } from '../scenario/fixtures.js';

afterAll(cleanup);

const HEADER = { fingerprint: 'f', calibration: 'c.yaml', parameters: ['a', 'b'], statistics: ['s'] };
const EXPECTED = { fingerprint: 'f', parameters: ['a', 'b'], statistics: ['s'] };

const generation = (edit: Partial<Record<keyof Generation, unknown>> = {}): Generation => ({
  generation: 0,
  tolerance: Infinity,
  particles: [[1, 2], [3, 4], [5, 6]],
  weights: [0.2, 0.3, 0.5],
  distances: [0.1, Infinity, 0.3],
  stats: [[1], [NaN], [3]],
  attempts: [0, 2, 1],
  simulations: 6,
  acceptanceRate: 0.5,
  ess: 2.6,
  evaluated: 6,
  ms: 10,
  ...edit,
} as Generation);

function saved(edit?: Partial<Record<keyof Generation, unknown>>): string {
  const out = tempDir('hotbed-state-');
  startState(out, HEADER);
  saveGeneration(out, generation(edit));
  return out;
}

const file = (out: string) => join(out, STATE_DIR, 'generation-000.json');

describe('loadState', () => {
  it('gives back the generations as saved (Infinity and NaN through null)', () => {
    expect(loadState(saved(), EXPECTED, 3)).toEqual([generation()]);
  });

  it('refuses values the sampler cannot use, naming the file and the value', () => {
    const cases: [Partial<Record<keyof Generation, unknown>>, string, string, unknown][] = [
      [{ weights: [0.2, -0.3, 0.5] }, 'weights[1]', 'a weight of 0 or more', -0.3],
      [{ weights: [0, 0, 0] }, 'weights', 'weights that add up to more than 0', 'weights that are all 0'],
      [{ distances: [0.1, -1, 0.3] }, 'distances[1]', 'a distance of 0 or more (or null)', -1],
      [{ attempts: [0, 1.5, 1] }, 'attempts[1]', 'a whole number of 0 or more', 1.5],
      [{ simulations: 2 }, 'simulations', 'a whole number of at least the population (3)', 2],
      [{ tolerance: -1 }, 'tolerance', 'a tolerance of 0 or more (or null for the first generation)', -1],
    ];
    for (const [edit, path, expected, found] of cases) {
      const out = saved(edit);
      expect(userError(() => loadState(out, EXPECTED, 3)).message).toBe(readBackMessages.generationWrong(file(out), path, expected, found).message);
    }
  });

  it('refuses a generation file larger than its population can fill, by its size', () => {
    const out = saved();
    const cap = generationCap(3, 2, 1);
    writeFileSync(file(out), `${' '.repeat(cap)}{}`);
    expect(userError(() => loadState(out, EXPECTED, 3)).message)
      .toBe(messages.resumeUnreadable(out, `cannot read generation-000.json (it holds ${+((cap + 2) / 1024).toFixed(2)} KiB, more than the ${+(cap / 1024).toFixed(2)} KiB a file of this kind may hold)`).message);
  });

  it('caps a generation file above the largest one its population can write', () => {
    const extreme = generation({
      particles: Array.from({ length: 3 }, () => [-2.2250738585072014e-308, -2.2250738585072014e-308]),
      weights: Array(3).fill(-2.2250738585072014e-308),
      distances: Array(3).fill(-2.2250738585072014e-308),
      stats: Array.from({ length: 3 }, () => [-2.2250738585072014e-308]),
      attempts: Array(3).fill(2 ** 53 - 1),
      simulations: 2 ** 53 - 1, acceptanceRate: -2.2250738585072014e-308, ess: -2.2250738585072014e-308, evaluated: 2 ** 53 - 1, ms: -2.2250738585072014e-308,
      tolerance: -2.2250738585072014e-308,
    });
    expect(Buffer.byteLength(`${JSON.stringify(extreme)}\n`)).toBeLessThan(generationCap(3, 2, 1));
  });
});
