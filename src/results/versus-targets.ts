/** How far a run's travellers are from the targets, place by place. */
import type { Band, Targets } from '../scenario/targets.js';
import type { Level } from '../scenario/schema.js';
import type { Summary } from './tables.js';

export interface TargetRow {
  level: Level;
  place: string;
  /** Median travelled at each checkpoint, in summary order. */
  travelled: number[];
  target?: Band;
  /** Median at the target date. */
  value?: number;
  /** That median relative to the target value (−0.1 = 10 % short), not to the band: in-band values have one too. */
  relative?: number;
  inBand?: boolean;
}

export function versusTargets(summary: Summary, targets: Targets | undefined, levels: Level[] = ['world', 'region']): TargetRow[] {
  const atTarget = targets ? summary.checkpoints.find((c) => c.date === targets.date) : undefined;
  const rows: TargetRow[] = [];
  for (const level of levels) {
    const names = Object.keys(summary.checkpoints[0]?.places[level] ?? {});
    for (const place of names) {
      const band = !targets ? undefined
        : level === 'world' ? targets.world
        : level === 'region' ? targets.regions.get(place)
        : level === 'country' ? targets.countries.get(place)
        : targets.communities.get(place);
      if (level === 'country' && !band) continue;
      const travelled = summary.checkpoints.map((c) => c.places[level][place]!.travelled.median);
      const row: TargetRow = { level, place, travelled, target: band };
      if (band && atTarget) {
        const v = atTarget.places[level][place]!.travelled.median;
        row.value = v;
        row.relative = band.value > 0 ? v / band.value - 1 : undefined;
        row.inBand = v >= band.low && v <= band.high;
      }
      rows.push(row);
    }
  }
  return rows;
}
