/**
 * A run whose records would not fit beside its world is refused by runScenario before the
 * first world is built (src/experiments/run.ts, src/results/size.ts), with the sizes it
 * would record; the same run within the limit goes ahead.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/experiments/run.js';
import { messages } from '../../src/messages/scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { estimateBytes, planWorld } from '../../src/world/plan.js';
import { cleanup, MINIMAL, tempDir, userError, writeFixture } from '../scenario/fixtures.js';

afterAll(cleanup);

describe('runScenario and the memory of its records', () => {
  const file = writeFixture(tempDir('hotbed-run-memory-'), 'decade.yaml', MINIMAL.replace('end: "2014-09-01"', 'end: "2024-06-01"'));
  const { scenario } = loadScenario(file);
  const world = estimateBytes(planWorld(scenario));

  it('refuses, before building anything, records that would not fit beside the world', () => {
    let built = 0;
    const e = userError(() => runScenario(scenario, { replicates: 5000, memoryLimitBytes: world + 2 ** 30, scenarioFile: file, onProgress: () => built++ }));
    expect(built).toBe(0);
    expect(e.details.path).toBe('dates');
    expect(e.message.replace(/[\d.]+ GiB of/, 'X GiB of')).toBe(messages.recordsTooLarge({ file }, { recordedDays: 523, places: 3, measures: 12, replicates: 5000 }, 0, world + 2 ** 30).message.replace(/[\d.]+ GiB of/, 'X GiB of'));
  });

  it('runs the same scenario when its records fit', () => {
    const run = runScenario(scenario, { replicates: 1, memoryLimitBytes: world + 2 ** 30, scenarioFile: file });
    expect(run.replicates).toHaveLength(1);
  });
});
