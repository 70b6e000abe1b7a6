/** What `hotbed network` does: draws a community's (or the world's) network, prints its statistics, exports it. */
import { memoryLimitBytes } from '../batch/memory.js';
import { printOut } from './output.js';
import { checkOutput } from './outputs.js';
import { cliMessages } from '../messages/cli.js';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../batch/persistence.js';
import { toGexf, toGraphologyJson } from '../network/export.js';
import { networkStats, type NetworkStats } from '../network/stats.js';
import { stream } from '../random/streams.js';
import { messages } from '../messages/scenario.js';
import { loadScenario } from '../scenario/load.js';
import { closest } from '../scenario/suggest.js';
import { buildWorld, communityTies } from '../world/build.js';
import { communityNetwork } from '../experiments/community-network.js';
import { meanDegreeOf, planWorld } from '../world/plan.js';
import { checkMemory } from '../experiments/run.js';
import { overridesFrom } from './common-options.js';
import { agentScale, renderTable, thousands } from './format.js';
import type { NetworkArgs } from './network-command.js';

/** Returns the exit code. */
export async function handleNetwork(argv: NetworkArgs): Promise<number> {
  const { scenario } = loadScenario(argv.scenario, { set: overridesFrom(argv) });
  const plan = planWorld(scenario);
  if (!Number.isInteger(argv.replicate) || argv.replicate < 0) throw cliMessages.replicate(argv.replicate);
  const options = { seed: scenario.seed, replicate: argv.replicate };
  const outputs = [argv.gexf, argv.json].filter((f): f is string => f !== undefined);
  checkOutputFiles(argv.gexf, argv.json);
  if (argv.run && outputs.length === 0) throw cliMessages.runNeedsExport();
  if (argv.community === undefined) {
    if (outputs.length) throw cliMessages.exportNeedsCommunity();
    checkMemory(plan, memoryLimitBytes(), argv.scenario);
    const world = buildWorld(scenario, options, plan);
    const big = world.agentCount > 200_000;
    const stats = networkStats(world.ties, big ? { clusteringSample: { size: 20_000, rng: stream({ ...options, purpose: 'stats' }) } } : {});
    printOut(`World of ${argv.scenario}: ${plan.communities.length} communities\n\n${statsText(stats)}\n`);
    return 0;
  }
  const community = plan.communities.find((c) => c.name === argv.community);
  if (!community) {
    const c = closest(argv.community, plan.communities.map((m) => m.name));
    throw messages.unknownPlace({ file: 'command line' }, '--community', 'community', argv.community, c ? `did you mean "${c}"?` : undefined);
  }
  // One community can be as large as a world: refuse it before drawing, as `run` does.
  checkMemory({ ...plan, agentCount: community.agents, expectedTies: Math.round((community.agents * meanDegreeOf(community.recipe, community.agents)) / 2) },
    memoryLimitBytes(), argv.scenario);
  const own = networkStats(communityTies(community, options));
  printOut(`${community.name} (${plan.countries[community.country]!.name}; recipe ${community.recipe.kind}; ${agentScale(scenario.scale)})\n\n${statsText(own)}\n`);
  if (outputs.length) {
    const exported = communityNetwork(scenario, plan, community, { ...options, run: argv.run, memoryLimitBytes: memoryLimitBytes(), scenarioFile: argv.scenario });
    if (argv.gexf) writeFileAtomic(argv.gexf, toGexf(exported.graph, { description: exported.description, timeline: exported.timeline }));
    if (argv.json) writeFileAtomic(argv.json, toGraphologyJson(exported.graph));
    if (exported.mobilized) printOut(`${cliMessages.networkRun(argv.replicate, community.name, community.agents, exported.mobilized)}\n`);
  }
  for (const f of outputs) printOut(`Wrote ${f}\n`);
  return 0;
}

/** Refused before any work: one file for both formats, and each file as any output (outputs.ts). */
function checkOutputFiles(gexf: string | undefined, json: string | undefined): void {
  if (gexf !== undefined && json !== undefined && resolve(gexf) === resolve(json)) throw cliMessages.sameExportFile(gexf);
  for (const f of [gexf, json]) if (f !== undefined) checkOutput(f, 'new file');
}

export function statsText(s: NetworkStats): string {
  const rows = [
    ['agents (nodes)', thousands(s.nodes)],
    ['ties', thousands(s.ties)],
    ['mean degree', s.meanDegree.toFixed(2)],
    ['max degree', String(s.maxDegree)],
    ['clustering (mean local)', `${s.clustering.average.toFixed(3)}${s.clustering.sampled ? ` (estimated on ${thousands(s.clustering.sampled)} agents)` : ''}`],
    ['transitivity (global)', s.clustering.global.toFixed(3)],
    ['components', thousands(s.components.count)],
    ['largest component', `${thousands(s.components.largest)} (${((100 * s.components.largest) / Math.max(1, s.nodes)).toFixed(1)}%)`],
    ['isolated agents', thousands(s.components.isolated)],
  ];
  return `${renderTable(['statistic', 'value'], rows)}\n\nDegree distribution\n${degreeBars(s.degreeHistogram)}`;
}

function degreeBars(histogram: NetworkStats['degreeHistogram']): string {
  if (histogram.length === 0) return '(no agents)';
  // Many distinct degrees (scale-free): group into powers of two so the list stays short.
  const bins = histogram.length > 24 ? logBins(histogram) : histogram.map((h) => ({ label: String(h.degree), count: h.count }));
  const max = Math.max(...bins.map((b) => b.count));
  const width = Math.max(...bins.map((b) => b.label.length));
  return bins.map((b) => `${b.label.padStart(width)} | ${'#'.repeat(Math.max(b.count > 0 ? 1 : 0, Math.round((40 * b.count) / max)))} ${thousands(b.count)}`).join('\n');
}

function logBins(histogram: NetworkStats['degreeHistogram']) {
  const bins = new Map<number, number>();
  for (const h of histogram) {
    const k = h.degree === 0 ? -1 : Math.floor(Math.log2(h.degree));
    bins.set(k, (bins.get(k) ?? 0) + h.count);
  }
  return [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([k, count]) => ({ label: k < 0 ? '0' : `${2 ** k}–${2 ** (k + 1) - 1}`, count }));
}
