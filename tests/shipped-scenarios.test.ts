/** Every file shipped in scenarios/ validates and runs a few days; the JSON Schema is current. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../src/scenario/load.js';
import { loadTargets } from '../src/scenario/targets.js';
import { renderJsonSchema } from '../src/scenario/json-schema.js';
import { runScenario } from '../src/experiments/run.js';
import { addDays } from '../src/model/dates.js';
import { planWorld } from '../src/world/plan.js';
import { placeIndex } from '../src/world/places.js';

const dir = 'scenarios';
// Calibration files (calibration*.yaml) are not scenarios: tests/calibration/file.test.ts loads them.
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith('.schema.json') && !f.startsWith('calibration'));

describe('shipped scenarios', () => {
  it('include the default baseline', () => {
    expect(files).toContain('baseline.yaml');
  });

  it.each(files)('%s validates, its targets load, and it runs a few days', (file) => {
    const loaded = loadScenario(join(dir, file));
    const plan = planWorld(loaded.scenario);
    for (const targets of loaded.targetsFiles) {
      loadTargets(targets, placeIndex(plan).names());
    }
    const s = loaded.scenario;
    const end = addDays(s.dates.start, 5);
    const short = { ...s, scale: Math.max(s.scale, 50), dates: { ...s.dates, end, checkpoints: [] }, interventions: s.interventions.filter((iv) => iv.start <= end) };
    const run = runScenario(short);
    const last = run.replicates[0]!.snapshots.at(-1)!;
    expect(last.day).toBe(5);
    expect(last.states.reduce((a, b) => a + b, 0)).toBe(planWorld(short).agentCount);
  });

  it('the baseline has at least 86 countries of origin with people abroad at the start', () => {
    const plan = planWorld(loadScenario(join(dir, 'baseline.yaml')).scenario);
    const withStock = plan.countries.filter((c) => c.stock.abroad + c.stock.returned + c.stock.dead > 0);
    expect(withStock.length).toBeGreaterThanOrEqual(86);
  });

  it('scenario.schema.json is generated from the current schema (run `npm run schema`)', () => {
    expect(readFileSync(join(dir, 'scenario.schema.json'), 'utf8')).toBe(renderJsonSchema());
  });
});
