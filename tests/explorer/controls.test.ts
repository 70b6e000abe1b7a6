/** The explorer's controls: read from the schema, each addressing a real setting of every shipped scenario it is offered for. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { controlsFor, defaultRecipe, drawnCommunity, recipeKinds, sliderRange } from '../../src/explorer/controls.js';
import { explorerScenario } from '../../src/explorer/session.js';
import { hashScenario, readMergedScenario } from '../../src/scenario/load.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { recipeKinds as shippedKinds } from '../../src/network/recipe.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));

describe('explorer/controls', () => {
  for (const file of ['single-town.yaml', 'world.yaml', 'single-town-threshold.yaml']) {
    it(`${file}: every control's path, set to its own value, leaves the scenario as it was`, () => {
      const offered = { file, title: file, value: readMergedScenario(join(SCENARIOS, file)) };
      const scenario = explorerScenario(offered, []);
      const controls = controlsFor(scenario as unknown as Record<string, unknown>, scenarioJsonSchema());
      expect(controls.map((c) => c.group)).toEqual(expect.arrayContaining(['Peer influence', 'Media', 'Town', 'Network', 'Run']));
      for (const c of controls) {
        if (c.path === 'replicates') continue; // absent from the files: 1 by default, and a file that says 1 differs
        const same = explorerScenario(offered, [`${c.path}=${c.value}`]);
        expect(hashScenario(same), c.path).toBe(hashScenario(scenario));
        expect(c.description.length, c.path).toBeGreaterThan(0);
      }
    });
  }

  it('finds the drawn community: the first hotbed', () => {
    const world = readMergedScenario(join(SCENARIOS, 'world.yaml'));
    const community = drawnCommunity(world)!;
    expect(community.populationPath).toMatch(/^places\.regions\.[^.]+\.countries\.[^.]+\.communities\.[^.]+\.population$/);
    expect(community.networkPath).toMatch(/^networks\./);
  });

  it('offers the network kinds of the schema, each with its defaults', () => {
    expect(recipeKinds(scenarioJsonSchema())).toEqual([...shippedKinds]);
    expect(defaultRecipe(scenarioJsonSchema(), 'watts-strogatz')).toEqual({ kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 });
  });

  it('spans small rates on a log scale around their value, and narrow ranges whole', () => {
    expect(sliderRange(0.002, 0, 1, false)).toMatchObject({ scale: 'log' });
    const log = sliderRange(0.002, 0, 1, false);
    expect(log.min! < 0.002 && log.max! > 0.002).toBe(true);
    expect(sliderRange(0.25, 0, 1, false)).toEqual({ min: 0, max: 1, scale: 'linear' });
    expect(sliderRange(400, 2, 1_000_000, true)).toEqual({ min: 2, max: 4000, scale: 'linear' });
  });
});
