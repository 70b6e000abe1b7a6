/**
 * The calibration check: does a scenario meet a calibration's targets, not on one
 * lucky seed but in the median over many? Runs the scenario's replicates (each its
 * own world and seed), measures every target the way the calibration does
 * (statistics.ts), and compares each target's median with its band; also checks
 * that the five largest contingents are the five largest country targets (as a set)
 * and that at least the targeted number of countries are represented.
 *
 * A median over n runs is compared with the band, not each run: small contingents
 * vary by a factor between seeds, and the targets are statements about the expected
 * flow, not about one realization.
 */
import { runScenarioAsync } from '../experiments/run.js';
import { daysBetween } from '../model/dates.js';
import type { Scenario } from '../scenario/schema.js';
import { wholeOrSignificantText } from '../numeric/number-format.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import { planWorld } from '../world/plan.js';
import type { CalibrationTarget } from './load.js';
import { StatisticReader, statisticDays } from '../results/statistics.js';
import { statisticOf } from '../statistics/registry.js';
import { placeIndex, WORLD } from '../world/places.js';
import { targetMessages } from '../messages/targets.js';

export interface CheckOptions {
  /** Runs (replicates) of the scenario; the median over them is checked. Default 100 (the median of 20 runs of a small region moves by as much as its band). */
  replicates?: number;
  /** Overrides the scenario's seed. */
  seed?: number;
  /** The scenario's file, named in the message when it cannot give a target's value. */
  scenarioFile?: string;
  /** How many of the largest country targets make the "top" set (default 5). */
  top?: number;
  onReplicate?: (done: number, total: number) => void;
}

export interface TargetCheck {
  name: string;
  /** Day of the target (the end of the period for a flow). */
  date: string;
  value: number;
  low: number;
  high: number;
  median: number;
  p5: number;
  p95: number;
  inside: boolean;
}

export interface TopCheck {
  /** False when there are fewer country targets than the size of the set: nothing to compare. */
  applicable: boolean;
  /** The largest country targets, largest first. */
  expected: string[];
  /** The countries with the largest median contingents, largest first. */
  found: string[];
  matches: boolean;
}

export interface CheckResult {
  replicates: number;
  targetDate: string;
  targets: TargetCheck[];
  top: TopCheck;
  passed: boolean;
  /** One line per failed check, for messages. */
  failures: string[];
}

export async function checkAgainstTargets(
  scenario: Scenario,
  targets: readonly CalibrationTarget[],
  targetDate: string,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const replicates = options.replicates ?? 100;
  if (!Number.isInteger(replicates) || replicates < 1) throw new Error(`calibration/check: options.replicates must be a whole number ≥ 1, found ${replicates}`);
  const start = scenario.dates.start;
  const targetDay = daysBetween(start, targetDate);
  const samples: number[][] = targets.map(() => []);
  const byCountry = new Map<string, number[]>();
  const plan = planWorld(scenario);
  const places = placeIndex(plan);
  for (const t of targets) checkMeasurable(t, scenario, places, options.scenarioFile ?? 'the scenario');
  const countries = places.names().countries;
  // Between seeds the event loop gets a turn, so a long check hears Ctrl-C.
  await runScenarioAsync(scenario, {
    seed: options.seed,
    replicates,
    keepSnapshots: false,
    extraRecordDays: [targetDay, ...statisticDays(targets.map((t) => t.statistic), start)],
    onReplicate: (r) => {
      const read = new StatisticReader(plan, r.snapshots, start);
      targets.forEach((t, k) => samples[k]!.push(read.value(t.statistic)));
      for (const country of countries) {
        const people = read.value(statisticOf('travelled', 'country', country, targetDate));
        let list = byCountry.get(country);
        if (!list) byCountry.set(country, (list = []));
        list.push(people);
      }
      options.onReplicate?.(r.replicate + 1, replicates);
    },
  });

  const checks: TargetCheck[] = targets.map((t, k) => {
    const values = samples[k]!.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    const median = values.length ? quantile(values, 0.5) : NaN;
    return {
      name: t.name,
      date: t.statistic.date,
      value: t.value,
      low: t.low,
      high: t.high,
      median,
      p5: values.length ? quantile(values, 0.05) : NaN,
      p95: values.length ? quantile(values, 0.95) : NaN,
      inside: median >= t.low && median <= t.high,
    };
  });

  const size = options.top ?? 5;
  const expected = targets
    .filter((t) => t.statistic.measure === 'travelled' && t.statistic.level === 'country')
    .sort((a, b) => b.value - a.value)
    .slice(0, size)
    .map((t) => t.statistic.place);
  const medians = [...byCountry].map(([country, v]) => ({ country, median: quantile(v.slice().sort((a, b) => a - b), 0.5) }));
  const found = medians.sort((a, b) => b.median - a.median).slice(0, size).map((m) => m.country);
  const applicable = expected.length === size;
  const top: TopCheck = { applicable, expected, found, matches: !applicable || expected.every((c) => found.includes(c)) };

  const failures = [
    ...checks.filter((c) => !c.inside).map((c) => `${c.name}: median ${wholeOrSignificantText(c.median, 3)} outside ${wholeOrSignificantText(c.low, 3)}–${Number.isFinite(c.high) ? wholeOrSignificantText(c.high, 3) : '∞'}`),
    ...(top.matches ? [] : [`top ${size} countries: expected ${expected.join(', ')}, found ${found.join(', ')}`]),
  ];
  return { replicates, targetDate, targets: checks, top, passed: failures.length === 0, failures };
}

/**
 * Refuses, before any run, a target the scenario cannot give: dated outside its run (a
 * scenario that ends before December 2015), or at a place it does not have (a town
 * scenario checked against the world's targets). Without this the run would end in an
 * internal error or a table of NaN.
 */
function checkMeasurable(t: CalibrationTarget, scenario: Scenario, places: ReturnType<typeof placeIndex>, file: string): void {
  const { start, end } = scenario.dates;
  const s = t.statistic;
  for (const day of [s.date, s.from, s.baseFrom, s.baseDate]) {
    if (day === undefined || (day >= start && day <= end)) continue;
    throw targetMessages.scenarioCannotMeasure(file, t.name, `it needs ${day}, and the scenario runs from ${start} to ${end}`,
      'check a scenario whose dates cover the calibration\'s targets');
  }
  if (s.place !== WORLD && places.find(s.level, s.place) === undefined) {
    throw targetMessages.scenarioCannotMeasure(file, t.name, `the scenario has no ${s.level} named "${s.place}"`, 'check the scenario the calibration was made for');
  }
  for (const c of s.communities ?? []) {
    if (places.find('community', c) === undefined) throw targetMessages.scenarioCannotMeasure(file, t.name, `the scenario has no community named "${c}"`, 'check the scenario the calibration was made for');
  }
}
