/**
 * Interventions compiled for the engine: for each day, per-community factors
 * that the daily loop multiplies in. They change only on the days an
 * intervention starts or ends, so the engine asks for new factors only then.
 */
import { daysBetween } from './dates.js';
import type { Intervention, PlaceTarget, Scenario } from '../scenario/schema.js';
import type { WorldPlan } from '../world/plan.js';

export interface CommunityFactors {
  /** Multiplies media exposure and media mobilization (1 − takedown). */
  media: Float64Array;
  /** Probability of passing border controls (Π 1 − interception). */
  passage: Float64Array;
  /** Multiplies peer influence and group joining (prevention, later). */
  peer: Float64Array;
}

interface Compiled {
  from: number;
  /** Last day in force, inclusive. */
  to: number;
  communities: number[];
  intervention: Intervention;
}

export interface InterventionSchedule {
  /** Days on which factors change, ascending; day 0 always. */
  changeDays: number[];
  factorsOn(day: number): CommunityFactors;
}

export function compileInterventions(s: Scenario, plan: WorldPlan): InterventionSchedule {
  const days = daysBetween(s.dates.start, s.dates.end);
  const compiled: Compiled[] = s.interventions.map((iv) => ({
    from: daysBetween(s.dates.start, iv.start),
    to: iv.end === undefined ? days : daysBetween(s.dates.start, iv.end),
    communities: targetCommunities(plan, iv.target),
    intervention: iv,
  }));
  const changes = new Set<number>([0]);
  for (const c of compiled) {
    changes.add(c.from);
    if (c.to + 1 <= days) changes.add(c.to + 1);
  }
  return {
    changeDays: [...changes].sort((a, b) => a - b),
    factorsOn(day) {
      const n = plan.communities.length;
      const f: CommunityFactors = { media: new Float64Array(n).fill(1), passage: new Float64Array(n).fill(1), peer: new Float64Array(n).fill(1) };
      for (const c of compiled) {
        if (day < c.from || day > c.to) continue;
        const iv = c.intervention;
        for (const i of c.communities) {
          switch (iv.kind) {
            case 'border-control':
              f.passage[i]! *= 1 - iv.interception;
              break;
            case 'media-takedown':
              f.media[i]! *= 1 - iv.reduction;
              break;
          }
        }
      }
      return f;
    },
  };
}

export function targetCommunities(plan: WorldPlan, target: PlaceTarget): number[] {
  if (target === 'world') return plan.communities.map((c) => c.index);
  if ('region' in target) return plan.communities.filter((c) => plan.regions[c.region]!.name === target.region).map((c) => c.index);
  if ('country' in target) return plan.communities.filter((c) => plan.countries[c.country]!.name === target.country).map((c) => c.index);
  return plan.communities.filter((c) => c.name === target.community).map((c) => c.index);
}
