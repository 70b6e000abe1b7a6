/**
 * The world's published path for the time charts: every world-level `travelled`
 * figure (a file's `world` on its date, and dated targets of travelled at the world)
 * and every world-level monthly flow (travelled_per_month over a period), from
 * targets files (a run or comparison) or from a calibration's targets. Only figures
 * dated within the charted period are kept: a point outside it has no x.
 */
import type { FlowTarget, PathTarget } from '../charts/inputs.js';
import type { Statistic } from '../statistics/registry.js';
import type { Targets } from '../scenario/targets.js';

export interface WorldPath {
  points: PathTarget[];
  flows: FlowTarget[];
}

interface Period {
  start: string;
  end: string;
}

const within = (date: string, p: Period) => date >= p.start && date <= p.end;
const byDate = <T extends { date: string }>(xs: T[]) => xs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

/** From targets files, in their order (ties in date keep it). */
export function worldPathOfFiles(files: readonly Targets[], period: Period): WorldPath {
  const points: PathTarget[] = [];
  const flows: FlowTarget[] = [];
  for (const t of files) {
    if (t.world && within(t.date, period)) {
      points.push({ date: t.date, value: t.world.value, low: t.world.low, high: t.world.high, source: t.source ?? t.title, label: t.title || t.date });
    }
    for (const d of t.dated) {
      if (d.statistic.place !== 'world') continue;
      const band = { value: d.band.value, low: d.band.low, high: d.band.high, source: d.source, label: d.statistic.name ?? `${d.statistic.measure} ${d.statistic.date}` };
      const date = d.statistic.date;
      if (d.statistic.measure === 'travelled' && within(date, period)) points.push({ date, ...band });
      if (d.statistic.measure === 'travelled_per_month' && d.statistic.from !== undefined && within(d.statistic.from, period) && within(date, period)) {
        flows.push({ from: d.statistic.from, date, ...band });
      }
    }
  }
  return { points: byDate(points), flows: byDate(flows) };
}

/** A calibration's targets, as resolved statistics with their bands and sources. */
export interface StatisticTarget {
  name: string;
  statistic: Statistic;
  value: number;
  low: number;
  high: number;
  source?: string;
}

/**
 * From a calibration's targets (the main file's world is named `world`, a further file's
 * `world@DATE`); `unsourced` stands for the source of a target that has none (a targets
 * file without `source`: its title).
 */
export function worldPathOfStatistics(targets: readonly StatisticTarget[], period: Period, unsourced = ''): WorldPath {
  const points: PathTarget[] = [];
  const flows: FlowTarget[] = [];
  for (const t of targets) {
    const s = t.statistic;
    if (s.level !== 'world' || !Number.isFinite(t.high)) continue;
    const band = { value: t.value, low: t.low, high: t.high, source: t.source ?? unsourced, label: t.name };
    if (s.measure === 'travelled' && within(s.date, period)) points.push({ date: s.date, ...band });
    if (s.measure === 'travelled_per_month' && s.from !== undefined && within(s.from, period) && within(s.date, period)) flows.push({ from: s.from, date: s.date, ...band });
  }
  return { points: byDate(points), flows: byDate(flows) };
}
