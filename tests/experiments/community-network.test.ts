/**
 * `hotbed network --run`'s export through the library: the community's network with places and
 * tie kinds, the replicate's run on it, and the GEXF read back by networkx (Python), the reader
 * most users of the file will have besides Gephi. The networkx test is skipped on a machine
 * without `python3 -c 'import networkx'`, saying so; in CI (.ci/run installs it) it must run.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { communityNetwork } from '../../src/experiments/community-network.js';
import { runScenario } from '../../src/experiments/run.js';
import type { SimulationOutcome } from '../../src/engine/simulation.js';
import { channelNames } from '../../src/model/states.js';
import { toGexf, toGraphologyJson } from '../../src/network/export.js';
import { loadScenario } from '../../src/scenario/load.js';
import { planWorld } from '../../src/world/plan.js';
import { cleanup, tempDir, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

/** The calibration tests' town (tests/calibration/fixtures/town.yaml), its names holding characters XML 1.0 cannot. */
const NAME = 'Town\u0001 <&> "B"';
const dir = tempDir('hotbed-community-network-');
const file = writeFixture(dir, 'town.yaml', yaml(
  'title: Town',
  'seed: 3',
  'scale: 1',
  "dates: { start: '2014-06-01', end: '2015-06-01' }",
  'networks:',
  '  default: { kind: town, householdSize: 4, friendGroupSize: 6, friendGroupDensity: 0.8, blockSize: 300, acquaintances: 2, bridges: 0.5 }',
  'channels:',
  '  media: { exposure: 0.0005, mobilization: 0.00001 }',
  '  peer: { rule: cascade, cascade: { probability: 0.004 } }',
  '  group: { probability: 0.03 }',
  'places:',
  '  regions:',
  '    - name: "Region\\t1"',
  '      countries:',
  '        - name: Country',
  '          stock: { abroad: 30 }',
  '          communities:',
  `            - { name: ${JSON.stringify(NAME).replace('\\u0001', '\\x01')}, population: 3000, hotbed: true, stock: { abroad: 30 } }`,
));
const { scenario } = loadScenario(file);
const plan = planWorld(scenario);
const town = plan.communities[0]!;

/** The engine's outcome of one replicate, through `hotbed run`'s own path. */
const outcomeOf = (replicate: number): SimulationOutcome => {
  let kept: SimulationOutcome | undefined;
  runScenario(scenario, { replicates: replicate + 1, keepSnapshots: false, onOutcome: (r, _w, o) => { if (r === replicate) kept = o; } });
  return kept!;
};
const byChannel = (o: SimulationOutcome) => {
  const counts: Record<string, number> = { media: 0, peer: 0, group: 0 };
  for (let a = town.firstAgent; a < town.firstAgent + town.agents; a++) if (o.mobilizedOn[a]! >= 0) counts[channelNames[o.channel[a]!]!]!++;
  return counts;
};

describe('communityNetwork', () => {
  const exported = communityNetwork(scenario, plan, town, { seed: scenario.seed, replicate: 1, run: true });
  const { graph } = exported;

  it('names each agent\'s region, country and community, and each tie\'s kind', () => {
    expect(town.name).toBe(NAME);
    expect(graph.order).toBe(3000);
    expect(graph.getNodeAttributes(String(town.firstAgent))).toMatchObject({ region: 'Region\t1', country: 'Country', community: NAME });
    graph.forEachEdge((_key, attributes) => expect(['household', 'friend', 'acquaintance', 'bridge']).toContain(attributes.tie));
  });

  it('writes the run `hotbed run` makes of that replicate, not of another', () => {
    const counts = byChannel(outcomeOf(1));
    expect(exported.mobilized).toEqual(counts);
    expect(exported.mobilized).not.toEqual(byChannel(outcomeOf(0)));
    expect(counts.peer).toBeGreaterThan(20);
  });

  it('puts each recruitment on the tie between recruit and recruiter, on the recruit\'s date', () => {
    let recruits = 0;
    graph.forEachNode((key, a) => {
      if (a.recruiter === undefined) return;
      recruits++;
      expect(['peer', 'group']).toContain(a.channel);
      const tie = [Number(key), Number(a.recruiter)].sort((x, y) => x - y).join('-');
      expect(graph.getEdgeAttribute(tie, 'recruitedOn')).toBe(a.mobilizedOn);
    });
    // Every recruit the engine names a recruiter for (a peer recruit whose influential ties all changed state that day has none).
    const outcome = outcomeOf(1);
    let named = 0;
    for (let a = town.firstAgent; a < town.firstAgent + town.agents; a++) if (outcome.recruitedBy[a]! >= 0) named++;
    expect(recruits).toBe(named);
    expect(recruits).toBeGreaterThan(0.9 * (exported.mobilized!.peer! + exported.mobilized!.group!));
  });

  it('without run: the network and places only, no timeline', () => {
    const plain = communityNetwork(scenario, plan, town, { seed: scenario.seed, replicate: 1 });
    expect(plain.timeline).toBeUndefined();
    expect(plain.graph.getNodeAttributes(String(town.firstAgent))).toEqual({ region: 'Region\t1', country: 'Country', community: NAME });
    // The same network as with the run.
    expect(plain.graph.edges()).toEqual(graph.edges());
    expect(JSON.parse(toGraphologyJson(plain.graph)).attributes).toEqual({ community: NAME, replicate: 1, scale: 1, scenario: 'Town', seed: 3 });
  });
});

const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const haveNetworkx = python.status === 0;

describe(`the GEXF read by networkx${haveNetworkx ? '' : ' (skipped here: python3 with networkx not found; pip install networkx)'}`, () => {
  it.skipIf(!haveNetworkx && !process.env.CI)('is valid XML with every node, tie, place, tie kind and run attribute, and each timeline covers the run without gaps', () => {
    expect(haveNetworkx, `CI must provide python3 with networkx: ${python.stderr ?? python.error}`).toBe(true);
    const exported = communityNetwork(scenario, plan, town, { seed: scenario.seed, replicate: 0, run: true });
    const gexf = join(dir, 'town.gexf');
    writeFileSync(gexf, toGexf(exported.graph, { description: exported.description, timeline: exported.timeline }));
    const script = `
import json, sys, datetime, collections
import networkx as nx
G = nx.read_gexf(sys.argv[1])
day = datetime.timedelta(days=1)
def gaps(spells):
    spells = sorted(spells, key=lambda s: s[1])
    bad = spells[0][1] != '${scenario.dates.start}' or spells[-1][2] != '${scenario.dates.end}'
    for (v0, s0, e0), (v1, s1, e1) in zip(spells, spells[1:]):
        bad |= datetime.date.fromisoformat(e0) + day != datetime.date.fromisoformat(s1)
    return bad
print(json.dumps({
    'mode': G.graph['mode'], 'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(),
    'places': sorted({(d['region'], d['country'], d['community']) for _, d in G.nodes(data=True)}),
    'ties': collections.Counter(d['tie'] for _, _, d in G.edges(data=True)),
    'channels': collections.Counter(d['channel'] for _, d in G.nodes(data=True) if 'channel' in d),
    'mobilizedAtEnd': collections.Counter(d['mobilized'][-1][0] for _, d in G.nodes(data=True)),
    'nodeGaps': sum(gaps(d['mobilized']) for _, d in G.nodes(data=True)),
    'recruitments': sum(1 for _, _, d in G.edges(data=True) if 'recruitment' in d),
    'edgeGaps': sum(gaps(d['recruitment']) for _, _, d in G.edges(data=True) if 'recruitment' in d),
}))
`;
    const read = spawnSync('python3', ['-c', script, gexf], { encoding: 'utf8' });
    expect(read.status, read.stderr).toBe(0);
    const r = JSON.parse(read.stdout);
    const ties: Record<string, number> = {};
    exported.graph.forEachEdge((_k, a) => { ties[a.tie] = (ties[a.tie] ?? 0) + 1; });
    const { mobilized } = exported;
    let recruiters = 0;
    exported.graph.forEachNode((_k, a) => { if (a.recruiter !== undefined) recruiters++; });
    expect(r).toEqual({
      mode: 'dynamic',
      nodes: 3000,
      edges: exported.graph.size,
      // Characters XML cannot hold come back as their visible escapes; a tab as a tab.
      places: [['Region\t1', 'Country', 'Town\\u0001 <&> "B"']],
      ties,
      channels: mobilized,
      mobilizedAtEnd: expect.objectContaining({ ...mobilized, 'before the start': 30 }),
      nodeGaps: 0,
      recruitments: recruiters,
      edgeGaps: 0,
    });
  });
});
