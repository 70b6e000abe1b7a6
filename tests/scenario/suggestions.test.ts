/**
 * Every `--set` and `--variant` the shipped scenario files' comments and README.md suggest
 * (read from the text: tests/scenario/suggestions.ts) is accepted, as `hotbed run` or
 * `hotbed compare` loads it, and gives a run. The run is one replicate, the world coarsened
 * to at most about 5,000 agents, so that the whole check takes seconds: loading is what is
 * checked in full, the run only that it goes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/experiments/compare.js';
import { runScenario } from '../../src/experiments/run.js';
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { parseVariant } from '../../src/scenario/variants.js';
import { planWorld } from '../../src/world/plan.js';
import { REPO } from '../golden/outputs.js';
import { cleanup } from './fixtures.js';
import { readmeSuggestions, scenarioFileSuggestions, shellWords, type Suggestion } from './suggestions.js';

afterAll(cleanup);

const MAX_AGENTS = 5_000;

/** The suggestion's scenarios, as `hotbed run` or `hotbed compare` would load them. */
function load(s: Suggestion): LoadedScenario[] {
  return [
    ...[s.scenario, ...s.others].map((file) => loadScenario(file, { set: s.set })),
    ...s.variants.map((v) => loadScenario(s.scenario, { set: s.set, variant: parseVariant(v) })),
  ];
}

/**
 * The loaded scenarios made quick to run, once their loading has been checked: at most about
 * MAX_AGENTS agents (the reference's count decides the scale, the same for all). The dates
 * stay: a statistic over a later period needs them.
 */
function quick(loaded: LoadedScenario[]): LoadedScenario[] {
  const ref = loaded[0]!.scenario;
  const agents = planWorld(ref).agentCount;
  const scale = agents <= MAX_AGENTS ? ref.scale : Math.ceil((ref.scale * agents) / MAX_AGENTS);
  return loaded.map((l) => ({ ...l, scenario: { ...l.scenario, scale } }));
}

const cwd = process.cwd();
process.chdir(REPO);
const suggestions = [...scenarioFileSuggestions(REPO), ...readmeSuggestions(REPO)];
process.chdir(cwd);

describe('the suggestions are read from the text', () => {
  it('finds suggestions in the scenario files and the README, variants among them', async () => {
    const files = new Set(suggestions.map((s) => s.where.replace(/:\d+$/, '')));
    expect(files).toContain('README.md');
    expect([...files].filter((f) => f.startsWith('scenarios/')).length).toBeGreaterThan(1);
    expect(suggestions.some((s) => s.variants.length > 0)).toBe(true);
  });

  it('reads shell words: quotes group, backticks separate', async () => {
    expect(shellWords('`--set "a.Returnees deter.b=1"` and --set \'outputs=[{measure: x}]\'')).toEqual(['--set', 'a.Returnees deter.b=1', 'and', '--set', 'outputs=[{measure: x}]']);
  });
});

describe.each(suggestions.map((s) => [`${s.where}: ${[...s.set.map((x) => `--set ${x}`), ...s.variants.map((x) => `--variant ${x}`)].join(' ')}`, s] as const))('%s', (_, s) => {
  it('is accepted and gives a run', async () => {
    const cwdBefore = process.cwd();
    process.chdir(REPO);
    try {
      const fast = quick(load(s));
      if (fast.length === 1) {
        const run = runScenario(fast[0]!.scenario, { replicates: 1 });
        expect(run.replicates).toHaveLength(1);
      } else {
        const c = await compareScenarios(fast, { replicates: 1, networkSample: false });
        expect(c.scenarios.map((x) => x.name)).toHaveLength(fast.length);
      }
    } finally {
      process.chdir(cwdBefore);
    }
  });
});
