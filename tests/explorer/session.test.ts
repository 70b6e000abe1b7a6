/**
 * The explorer's run, in Node.js (the worker runs the same module in the page): the same
 * summary.json and series.csv as `hotbed run` with the same changes as --set, a network
 * picture whose replayed states end where the run ended, and settings refused with the
 * message the command would give.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSettings, explorerScenario, exploreRun, type ExplorerScenario } from '../../src/explorer/session.js';
import { Timeline } from '../../src/explorer/timeline.js';
import { isUserError } from '../../src/messages/errors.js';
import { readMergedScenario } from '../../src/scenario/load.js';
import { hotbed } from '../cli/cli.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios', import.meta.url));
const town = (): ExplorerScenario => ({ file: 'single-town.yaml', title: 'town', value: readMergedScenario(join(SCENARIOS, 'single-town.yaml')) });
const work = mkdtempSync(join(tmpdir(), 'hotbed-explorer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A smaller town, so that each run takes a fraction of a second.
const SMALL = ['places.regions.Region.countries.Country.communities.Town.population=5000', 'channels.peer.cascade.probability=0.004'];

describe('explorer/session', () => {
  it('writes the same summary.json and series.csv as hotbed run with the same changes', async () => {
    const changes = [...SMALL, 'replicates=3', 'seed=11'];
    const run = exploreRun({ scenario: town(), changes, drawn: 200 });
    const out = join(work, 'cli');
    const ran = await hotbed(['run', join(SCENARIOS, 'single-town.yaml'), ...changes.flatMap((c) => ['--set', c]), '--no-report', '--quiet', '--out', out], work);
    expect(ran.stderr).toBe('');
    expect(run.summaryJson).toBe(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(run.seriesCsv).toBe(gunzipSync(readFileSync(join(out, 'series.csv.gz'))).toString('utf8'));
    // The figure the page shows is the command's last world figure.
    expect(ran.stdout).toMatch(new RegExp(`World\\s.*\\s${run.travelled.toLocaleString('en-US')}\\s*$`, 'm'));
  });

  it('replays the drawn people to the states they ended the run in', () => {
    const run = exploreRun({ scenario: town(), changes: SMALL, drawn: 300 });
    const n = run.network;
    expect(n.agents.length).toBe(300);
    expect(n.changes.length).toBeGreaterThan(0);
    const timeline = new Timeline(n, run.days);
    expect([...timeline.state]).toEqual(n.initialState);
    timeline.advanceTo(run.days);
    expect(timeline.finished).toBe(true);
    expect([...timeline.state]).toEqual(n.endState);
    // Every drawn person who mobilized did so on the day the run says, through a change to state 2 (mobilized).
    for (let i = 0; i < n.agents.length; i++) {
      const mobilized = n.changes.find(([a, to]) => a === i && to === 2);
      expect(mobilized?.[2] ?? -1).toBe(n.mobilizedOn[i]);
    }
    // Recruiters drawn are drawn people who mobilized before their recruits.
    for (let i = 0; i < n.agents.length; i++) {
      const r = n.recruiter[i]!;
      if (r >= 0) expect(n.mobilizedOn[r]!).toBeLessThanOrEqual(n.mobilizedOn[i]!);
      if (r >= 0) expect(n.agents[r]).toBe(n.recruiterAgent[i]);
    }
    expect(run.network.x.every(Number.isFinite) && run.network.y.every(Number.isFinite)).toBe(true);
  });

  it('gives the same run for the same settings, and another for another seed', () => {
    const a = exploreRun({ scenario: town(), changes: SMALL, drawn: 100 });
    const b = exploreRun({ scenario: town(), changes: SMALL, drawn: 100 });
    const c = exploreRun({ scenario: town(), changes: [...SMALL, 'seed=2'], drawn: 100 });
    expect(b.summaryJson).toBe(a.summaryJson);
    expect(b.network).toEqual(a.network);
    expect(c.seriesCsv).not.toBe(a.seriesCsv);
  });

  it('refuses a wrong setting with the message hotbed run gives, naming the explorer as its source', () => {
    const wrong = () => explorerScenario(town(), ['channels.peer.cascade.probability=2']);
    expect(wrong).toThrow(/explorer settings/);
    try {
      wrong();
    } catch (e) {
      expect(isUserError(e)).toBe(true);
      expect((e as Error).message).toMatch(/channels\.peer\.cascade\.probability/);
      expect((e as Error).message).toMatch(/2/);
    }
  });

  it('describes the settings: controls at their values, ranges kept from the scenario as shipped', () => {
    const shipped = describeSettings({ scenario: town(), changes: [] });
    const changed = describeSettings({ scenario: town(), changes: ['channels.peer.cascade.probability=0.01'] });
    const control = (d: typeof shipped) => d.controls.find((c) => c.path === 'channels.peer.cascade.probability')!;
    expect(control(shipped).value).toBe(0.002);
    expect(control(changed).value).toBe(0.01);
    expect([control(changed).min, control(changed).max]).toEqual([control(shipped).min, control(shipped).max]);
    // What a setting set back to its shipped value compares with, to be no change any more.
    expect(control(changed).shipped).toBe(0.002);
    expect(changed.shippedNetworkKind).toBe('town');
    const otherKind = describeSettings({ scenario: town(), changes: ['networks.explorer={kind: erdos-renyi}', 'places.regions.Region.countries.Country.communities.Town.network=explorer'] });
    expect(otherKind.controls.find((c) => c.path === 'networks.explorer.kind')?.value).toBe('erdos-renyi');
    expect(otherKind.shippedNetworkKind).toBe('town');
    // A new kind starts from its parameters at the schema's defaults, written out.
    expect(shipped.recipes['watts-strogatz']).toEqual({ kind: 'watts-strogatz', meanDegree: 10, rewiring: 0.1 });
    expect(changed.settingsYaml).toMatch(/probability: 0\.01/);
    expect(shipped.counterMeasures.map((m) => m.kind)).toEqual(['border-control', 'media-takedown', 'prevention']);
  });
});
