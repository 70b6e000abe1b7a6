/** Options shared by the commands that load a scenario. */
import { cliMessages } from '../messages/cli.js';
import { resultMessages } from '../messages/results.js';
import { levels } from '../scenario/levels.js';
import type { Argv } from 'yargs';

export function scenarioOptions<T>(y: Argv<T>) {
  return y
    .option('set', { type: 'string', array: true, default: [] as string[], description: 'Override a parameter: path.to.param=value (repeatable); lists are addressed by item name (an intervention by its label), e.g. places.regions.Maghreb.countries.Tunisia.route.success=0.8' })
    .option('seed', { type: 'number', requiresArg: true, description: 'Seed of all random streams (default: the scenario\'s)' })
    .option('scale', { type: 'number', requiresArg: true, description: 'People per agent (default: the scenario\'s)' });
}

/** --scale, --seed, --levels and --chart-titles as overrides, checked like any other. */
export function overridesFrom(argv: { set?: string[]; scale?: number; seed?: number; levels?: string; chartTitles?: boolean }): string[] {
  const set = [...(argv.set ?? [])];
  if (argv.scale !== undefined) {
    if (!Number.isFinite(argv.scale)) throw cliMessages.scale(argv.scale);
    set.push(`scale=${argv.scale}`);
  }
  if (argv.seed !== undefined) {
    if (!Number.isInteger(argv.seed) || argv.seed < 0) throw cliMessages.seed(argv.seed);
    set.push(`seed=${argv.seed}`);
  }
  if (argv.levels !== undefined) set.push(levelsOverride(argv.levels));
  if (argv.chartTitles !== undefined) set.push(`output.chartTitles=${argv.chartTitles}`);
  return set;
}

/** `--levels world,region` as the override `output.levels=[world,region]`. */
export function levelsOverride(text: unknown): string {
  const names = typeof text === 'string' ? text.split(',').map((l) => l.trim()) : [];
  if (names.length === 0 || names.some((l) => !(levels as readonly string[]).includes(l))) throw resultMessages.levels(text, levels);
  return `output.levels=[${names.join(',')}]`;
}

/** How --chart-titles / --no-chart-titles is written in a command line that reproduces the output. */
export const chartTitlesFlag = (chartTitles: boolean | undefined): string[] => (chartTitles === undefined ? [] : [chartTitles ? '--chart-titles' : '--no-chart-titles']);

/**
 * Options of the commands that write a result folder from replicates (run, compare).
 * Without `defaultReplicates`, --replicates has no default: the command takes the scenario's.
 */
export function resultOptions<T>(y: Argv<T>, help: { replicates: string; defaultReplicates?: number; out: string; report: string }) {
  return y
    .option('replicates', { type: 'number', requiresArg: true, ...(help.defaultReplicates === undefined ? {} : { default: help.defaultReplicates }), description: help.replicates })
    .option('levels', { type: 'string', description: 'Place levels of the tables, separated by commas, from world, region, country, community (default: the scenario\'s output.levels; world,region,country unless it says)' })
    .option('out', { type: 'string', description: help.out })
    .option('quiet', { type: 'boolean', default: false, description: 'No progress output' })
    .option('report', { type: 'boolean', default: true, description: help.report })
    .option('chart-titles', { type: 'boolean', description: 'Titles in the chart images (default: the scenario\'s output.chartTitles, else yes); --no-chart-titles moves each title to the report\'s caption and the images\' descriptions, for a journal' });
}

export function checkReplicates(replicates: number): void {
  if (!Number.isInteger(replicates) || replicates < 1 || replicates > 100000) {
    throw cliMessages.replicates(replicates);
  }
}
