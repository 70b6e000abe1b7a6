/** What `hotbed validate` does: loads each file with its own loader and says what it describes, or every mistake in it. */
import { loadCalibration } from '../calibration/load.js';
import { printErr, printOut } from './output.js';
import { isUserError, type UserError } from '../messages/errors.js';
import { loadScenario } from '../scenario/load.js';
import { readSource } from '../scenario/source.js';
import { loadTargets } from '../scenario/targets.js';
import { loadExperiment } from '../sweep/file.js';
import { planWorld } from '../world/plan.js';
import { placeIndex } from '../world/places.js';
import { agentScale, thousands } from './format.js';
import type { ValidateArgs } from './validate-command.js';
import { toolVersion } from './version.js';

/**
 * Scenario, calibration, experiment and targets files are all YAML and are easily confused; a
 * calibration checked as a scenario gives a baffling message ("targets: expected a
 * string"), so the file's own top-level keys say which loader checks it.
 */
type FileKind = 'scenario' | 'calibration' | 'experiment' | 'targets';

function kindOf(value: Record<string, unknown>): FileKind {
  // A targets file has a date and figures by place, and none of a scenario's sections.
  if ('date' in value && !('places' in value) && !('extends' in value) && !('scenario' in value)) return 'targets';
  if (!('scenario' in value)) return 'scenario';
  if ('parameters' in value) return 'calibration';
  if ('factors' in value || 'design' in value) return 'experiment';
  return 'scenario';
}

function describe(file: string): string {
  const kind = kindOf(readSource(file).value);
  if (kind === 'targets') {
    const t = loadTargets(file);
    const bands = (t.world ? 1 : 0) + t.regions.size + t.countries.size + t.communities.size;
    return `targets for ${t.date}: ${count(bands, 'band')} (${t.world ? 'world, ' : ''}${count(t.regions.size, 'region')}, ${count(t.countries.size, 'country', 'countries')}, ${count(t.communities.size, 'community', 'communities')})${t.dated.length ? `, and ${count(t.dated.length, 'dated target')} (${t.dated.map((d) => d.statistic.date).join(', ')})` : ''}`;
  }
  if (kind === 'calibration') {
    const c = loadCalibration(file);
    return `calibration of ${c.scenarioFile} at ${agentScale(c.scale)}: ${count(c.parameters.length, 'free parameter')}, `
      + `${count(c.targets.length, 'target')}, ${c.budget.population} particles, ${count(c.runsPerProposal, 'run')} per simulation`;
  }
  if (kind === 'experiment') {
    const { plan } = loadExperiment(file, { toolVersion: toolVersion() });
    return `experiment (${plan.design.kind}) on ${plan.scenarioFile} at ${agentScale(plan.scale)}: ${count(plan.factors.length, 'factor')}, `
      + `${count(plan.points, 'point')} × ${count(plan.replicates, 'replicate')} = ${thousands(plan.runs)} runs`;
  }
  const loaded = loadScenario(file);
  const plan = planWorld(loaded.scenario);
  for (const file of loaded.targetsFiles) loadTargets(file, placeIndex(plan).names());
  return `${count(plan.regions.length, 'region')}, ${count(plan.countries.length, 'country', 'countries')}, ${count(plan.communities.length, 'community', 'communities')}; `
    + `${thousands(plan.agentCount)} agents at ${agentScale(loaded.scenario.scale)}, about ${thousands(plan.expectedTies)} ties`;
}

/** Returns the exit code. */
export async function handleValidate({ files }: ValidateArgs): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      printOut(`ok  ${file}: ${describe(file)}\n`);
    } catch (e) {
      if (!isUserError(e)) throw e;
      failed++;
      // Every mistake the schema found, not only the first: one line each.
      for (const m of [e, ...e.others].sort(byPlace)) printErr(`hotbed: ${m.message}\n`);
    }
  }
  return failed > 0 ? 2 : 0;
}

/** Mistakes in file order: by file, then line and column. */
const byPlace = (a: UserError, b: UserError) =>
  (a.details.file ?? '').localeCompare(b.details.file ?? '') || (a.details.line ?? 0) - (b.details.line ?? 0) || (a.details.column ?? 0) - (b.details.column ?? 0);

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
