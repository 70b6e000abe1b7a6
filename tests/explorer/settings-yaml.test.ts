/**
 * The settings file the explorer exports: saved beside the scenario it extends, it loads as
 * the very scenario the explorer ran (same resolved scenario, same hash), for every kind of
 * change the explorer makes.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { explorerScenario, type ExplorerScenario } from '../../src/explorer/session.js';
import { settingsYaml } from '../../src/explorer/settings-yaml.js';
import { hashScenario, loadScenario, readMergedScenario } from '../../src/scenario/load.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hotbed-settings-'));
cpSync(SCENARIOS, work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

const offered = (file: string): ExplorerScenario => ({ file, title: file, value: readMergedScenario(join(SCENARIOS, file)) });

const CASES: { name: string; file: string; changes: string[] }[] = [
  { name: 'no change', file: 'single-town.yaml', changes: [] },
  { name: 'channel parameters, the seed and the replicates', file: 'single-town.yaml', changes: ['channels.peer.cascade.probability=0.003', 'channels.group.probability=0.1', 'seed=42', 'replicates=4'] },
  { name: 'a community in the list of places, by name', file: 'single-town.yaml', changes: ['places.regions.Region.countries.Country.communities.Town.population=8000'] },
  { name: 'another peer rule', file: 'single-town.yaml', changes: ['channels.peer.rule=threshold', 'channels.peer.threshold.ties=2'] },
  {
    name: 'a network of another kind, under a name of its own',
    file: 'single-town.yaml',
    changes: ['networks.explorer={kind: watts-strogatz}', 'places.regions.Region.countries.Country.communities.Town.network=explorer', 'networks.explorer.rewiring=0.3'],
  },
  {
    name: 'counter-measures added after the scenario\'s own',
    file: 'media-takedown.yaml',
    changes: [`interventions=${JSON.stringify([
      ...(readMergedScenario(join(SCENARIOS, 'media-takedown.yaml')).interventions as unknown[]),
      { kind: 'border-control', label: 'Border control (explorer)', start: '2015-01-01', target: 'world', interception: 0.3 },
    ])}`, 'scale=50'],
  },
];

describe('explorer/settings-yaml', () => {
  for (const c of CASES) {
    it(`loads as the scenario the explorer ran: ${c.name}`, () => {
      const scenario = offered(c.file);
      const text = settingsYaml(scenario, c.changes);
      expect(text).toMatch(new RegExp(`^extends: ${c.file.replace('.', '\\.')}$`, 'm'));
      const file = join(work, `settings-${CASES.indexOf(c)}.yaml`);
      writeFileSync(file, text);
      const loaded = loadScenario(file);
      expect(loaded.hash).toBe(hashScenario(explorerScenario(scenario, c.changes)));
    });
  }

  it('writes only what changed', () => {
    const text = settingsYaml(offered('single-town.yaml'), ['channels.group.probability=0.1']);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toEqual(['extends: single-town.yaml', 'channels:', '  group:', '    probability: 0.1']);
  });
});
