/**
 * Refactorings change no byte of what users get: a run, a comparison, a sweep and a calibration
 * give the files recorded in digests.json (see outputs.ts for what they are and how to renew them).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIGESTS, goldenDigests } from './outputs.js';

describe('golden outputs', () => {
  it('run, compare, sweep and calibrate write the recorded bytes', async () => {
    const expected = JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, string>;
    const actual = await goldenDigests();
    const changed = Object.keys({ ...expected, ...actual }).filter((k) => expected[k] !== actual[k]).sort();
    expect(changed, `files whose bytes changed, appeared or disappeared: ${changed.join(', ')}`).toEqual([]);
  }, 240_000);
});
