/**
 * How far a simulation's summary statistics are from the targets: a weighted,
 * scale-free L2 distance, so that a world total of 29,000 and a returned share
 * of 0.25 count on the same footing.
 *
 * Each target i has a value v, a band [low, high] around it and a weight w. The
 * residual of a simulated s is
 *   - `band` (default): (s − v) divided by the band's half-width on s's side
 *     (high − v above, v − low below), so |r| ≤ 1 exactly when s is inside the band;
 *   - `relative`: (s − v) / |v|.
 * A one-sided target ("at least 86", high = Infinity) has no residual above its value.
 * The distance is √(Σ wᵢ rᵢ² / Σ wᵢ): a weighted root mean square of residuals, so a
 * distance of 1 in `band` mode means "on average at the edge of the bands". `band-max`
 * takes band residuals and their largest absolute value instead (targets with a positive
 * weight): a tolerance of 1 then means "every target inside its band", the criterion
 * the calibration check applies.
 *
 * Missing values: a target without a finite value is left out (weight 0); a simulated
 * statistic that is missing (NaN) makes the distance Infinity, so that proposal is
 * never accepted.
 */
export type DistanceKind = 'band' | 'relative' | 'band-max';
export const distanceKinds: readonly DistanceKind[] = ['band', 'relative', 'band-max'];

export interface Target {
  /** e.g. `world`, `region:Maghreb`, `country:Tunisia`, `returnedShare`. */
  name: string;
  value: number;
  low: number;
  high: number;
  weight: number;
}

export type Distance = (stats: readonly number[]) => number;

export function residual(kind: DistanceKind, t: Target, s: number): number {
  const diff = s - t.value;
  if (diff === 0) return 0;
  if (diff > 0 && t.high === Infinity) return 0;
  if (kind === 'relative') return diff / (Math.abs(t.value) || 1);
  // band and band-max
  const half = diff > 0 ? t.high - t.value : t.value - t.low;
  // A band with no width on this side (or no band): fall back to the relative residual.
  if (!(half > 0) || !Number.isFinite(half)) return diff / (Math.abs(t.value) || 1);
  return diff / half;
}

/** The distance function for targets in this order (statistics come in the same order). */
export function makeDistance(targets: readonly Target[], kind: DistanceKind = 'band'): Distance {
  if (kind === 'band-max') {
    if (!targets.some((t) => Number.isFinite(t.value) && t.weight > 0)) throw new Error('calibration/distance: no target with a value and a positive weight');
    return makeWorstMiss(targets, 'band');
  }
  const used = targets.map((t) => Number.isFinite(t.value) && t.weight > 0);
  const total = targets.reduce((s, t, i) => s + (used[i] ? t.weight : 0), 0);
  if (!(total > 0)) throw new Error('calibration/distance: no target with a value and a positive weight');
  return (stats) => {
    let sum = 0;
    for (let i = 0; i < targets.length; i++) {
      if (!used[i]) continue;
      const s = stats[i];
      if (s === undefined || Number.isNaN(s)) return Infinity;
      const r = residual(kind, targets[i]!, s);
      sum += targets[i]!.weight * r * r;
    }
    return Math.sqrt(sum / total);
  };
}

/**
 * The worst miss: the largest |residual| over the targets with a weight, in band units,
 * so that a value ≤ 1 means every target is inside its band (`band` distance). Used to
 * choose a calibrated point that meets every target rather than most of them on average.
 */
export function makeWorstMiss(targets: readonly Target[], kind: DistanceKind = 'band'): Distance {
  return (stats) => {
    let worst = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      if (!(Number.isFinite(t.value) && t.weight > 0)) continue;
      const s = stats[i];
      if (s === undefined || Number.isNaN(s)) return Infinity;
      worst = Math.max(worst, Math.abs(residual(kind, t, s)));
    }
    return worst;
  };
}

/**
 * Each used target's weighted residual, √w · r (band or relative units; `band-max` uses band
 * residuals): the vector whose squared length the `band` and `relative` distances average.
 * For least-squares steps (refine.ts).
 */
export function makeResiduals(targets: readonly Target[], kind: DistanceKind = 'band'): (stats: readonly number[]) => number[] {
  const residualKind = kind === 'band-max' ? 'band' : kind;
  const used = targets.flatMap((t, i) => (Number.isFinite(t.value) && t.weight > 0 ? [i] : []));
  return (stats) => used.map((i) => {
    const s = stats[i];
    return s === undefined || Number.isNaN(s) ? NaN : Math.sqrt(targets[i]!.weight) * residual(residualKind, targets[i]!, s);
  });
}

/**
 * A lower bound of the distance from what is known of each statistic so far: an interval
 * [low, high] per target, in target order (a run still going knows a cumulative count from
 * below, and a value whose days have passed exactly). A target's smallest possible |residual|
 * is 0 where the interval holds its value, else the residual at the interval's nearer end;
 * the distance of those smallest residuals is at most the distance of any statistics inside
 * the intervals, since the distance grows with each |residual|. Unknown (NaN) intervals count
 * as nothing known. With a tolerance this tells a simulation it can stop: once the bound is
 * above the tolerance, the proposal will be rejected whatever the rest of the run does.
 */
export function makeDistanceBound(targets: readonly Target[], kind: DistanceKind = 'band'): (low: readonly number[], high: readonly number[]) => number {
  const residualKind = kind === 'band-max' ? 'band' : kind;
  const used = targets.map((t) => Number.isFinite(t.value) && t.weight > 0);
  const total = targets.reduce((s, t, i) => s + (used[i] ? t.weight : 0), 0);
  return (low, high) => {
    let sum = 0;
    let worst = 0;
    for (let i = 0; i < targets.length; i++) {
      if (!used[i]) continue;
      const t = targets[i]!;
      const lo = low[i]!;
      const hi = high[i]!;
      let r = 0;
      if (lo > t.value) r = residual(residualKind, t, lo);
      else if (hi < t.value) r = residual(residualKind, t, hi);
      // NaN bounds compare false both ways: nothing known, r stays 0.
      if (kind === 'band-max') worst = Math.max(worst, Math.abs(r));
      else sum += t.weight * r * r;
    }
    return kind === 'band-max' ? worst : total > 0 ? Math.sqrt(sum / total) : 0;
  };
}
