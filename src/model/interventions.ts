/**
 * Interventions compiled for the engine. Most act through per-community
 * factors that the daily loop multiplies in; they change only on the days an
 * intervention starts or ends, so the engine asks for new factors only then.
 * A few act once, on their start date (winning sympathizers back, removing
 * agents from the network): those are actions.
 */
import { daysBetween } from './dates.js';
import { communityBetweenness, communityDegree, topK } from '../network/centrality.js';
import type { Csr } from '../network/csr.js';
import { stream } from '../random/streams.js';
import type { Intervention, Scenario } from '../scenario/schema.js';
import type { WorldPlan } from '../world/plan.js';

export interface CommunityFactors {
  /** Multiplies media exposure and media mobilization (1 − takedown). */
  media: Float64Array;
  /** Probability of passing border controls (Π 1 − interception). */
  passage: Float64Array;
  /** Probability of not being stopped before departure (Π 1 − travel-ban share). */
  departure: Float64Array;
  /** Multiplies peer influence and group joining (Π 1 − prevention). */
  peer: Float64Array;
  /** Weight of a tie to a returnee, for agents of this community (returnee policy); NaN: the channel's own weight. */
  returnedWeight: Float64Array;
  /** 1 where returnees are removed from the network on return (prosecution). */
  prosecute: Uint8Array;
  /** Multiply one hazard each (hazard multipliers); 1 where none is in force. */
  mediaExposure: Float64Array;
  mediaMobilization: Float64Array;
  /** The daily chance of leaving once the minimum planning days are over. */
  planning: Float64Array;
  /** Success of a travel attempt. */
  travel: Float64Array;
  return: Float64Array;
  death: Float64Array;
}

/** Fields of a hazard-multipliers intervention, each multiplying the factor of the same name. */
const multiplierFields = ['mediaExposure', 'mediaMobilization', 'peer', 'planning', 'travel', 'return', 'death'] as const;

export type Action =
  | { kind: 'sympathizers-back'; communities: number[]; share: number }
  | { kind: 'prosecute-returned'; communities: number[] }
  | { kind: 'remove-agents'; agents: Int32Array };

export interface InterventionSchedule {
  /** Days on which factors change or actions happen, ascending; day 0 always. */
  changeDays: number[];
  factorsOn(day: number): CommunityFactors;
  actionsOn(day: number): Action[];
}

/** What network targeting needs to rank agents: the drawn network of this replicate. */
export interface TargetingContext {
  ties: Csr;
  seed: number;
  replicate: number;
}

interface Compiled {
  from: number;
  /** Last day in force, inclusive. */
  to: number;
  /** Days to full strength from `from` (0: full at once). */
  ramp: number;
  communities: number[];
  intervention: Intervention;
}

/**
 * A ramp grows in fortnightly steps (daily when shorter than four weeks): every change of a
 * hazard redraws the pending events it feeds, and a daily ramp over months cost several
 * times the run itself, for a precision the dates of history do not have; weekly steps still
 * left the peer redraws at about half of a baseline run. The steps of every ramp fall on the
 * same days (every 14th day of the run), so that overlapping ramps share their redraws.
 */
export const RAMP_STEP_DAYS = 14;

/** The days a ramp changes strength on: its start, then the run's fortnightly grid (or every day, for a short ramp), then the day it is full. */
export function rampDays(from: number, ramp: number): number[] {
  if (ramp <= 1) return [from];
  const full = from + ramp - 1;
  if (ramp < 2 * RAMP_STEP_DAYS) return Array.from({ length: ramp }, (_, k) => from + k);
  const days = [from];
  for (let d = (Math.floor(from / RAMP_STEP_DAYS) + 1) * RAMP_STEP_DAYS; d < full; d += RAMP_STEP_DAYS) days.push(d);
  days.push(full);
  return days;
}

/**
 * Share of its full strength an intervention has on `day`: (d − from + 1) / ramp, read at the
 * latest of its ramp days up to `day`, so it is full from day from + ramp − 1 on (a ramp of
 * 0 or 1 is a step).
 */
export function rampStrength(from: number, ramp: number, day: number): number {
  if (ramp <= 1) return 1;
  const full = from + ramp - 1;
  if (day >= full) return 1;
  if (day < from) return 0;
  if (ramp < 2 * RAMP_STEP_DAYS) return (day - from + 1) / ramp;
  const stepDay = Math.max(from, Math.floor(day / RAMP_STEP_DAYS) * RAMP_STEP_DAYS);
  return (stepDay - from + 1) / ramp;
}

export function compileInterventions(s: Scenario, plan: WorldPlan, world?: TargetingContext): InterventionSchedule {
  const days = daysBetween(s.dates.start, s.dates.end);
  // The plan's own place index: model/ reads world/ only through the plan it is given.
  const compiled: Compiled[] = s.interventions.map((iv) => ({
    from: daysBetween(s.dates.start, iv.start),
    to: iv.end === undefined ? days : daysBetween(s.dates.start, iv.end),
    ramp: 'ramp' in iv ? iv.ramp : 0,
    communities: plan.places.communitiesOf(iv.target),
    intervention: iv,
  }));
  const changes = new Set<number>([0]);
  for (const c of compiled) {
    changes.add(c.from);
    // A ramp changes the factors every day until it is full (or the intervention ends).
    for (const d of rampDays(c.from, c.ramp)) if (d <= Math.min(c.to, days)) changes.add(d);
    if (c.to + 1 <= days) changes.add(c.to + 1);
  }
  const removals = new Map<Compiled, Int32Array>();
  for (const c of compiled) {
    if (c.intervention.kind !== 'network-targeting') continue;
    if (!world) throw new Error('model/interventions: network targeting needs the drawn network (pass the world to compileInterventions)');
    removals.set(c, mostCentral(plan, world, c, c.intervention));
  }

  return {
    changeDays: [...changes].sort((a, b) => a - b),
    factorsOn(day) {
      const n = plan.communities.length;
      const f: CommunityFactors = {
        media: new Float64Array(n).fill(1),
        passage: new Float64Array(n).fill(1),
        departure: new Float64Array(n).fill(1),
        peer: new Float64Array(n).fill(1),
        returnedWeight: new Float64Array(n).fill(NaN),
        prosecute: new Uint8Array(n),
        mediaExposure: new Float64Array(n).fill(1),
        mediaMobilization: new Float64Array(n).fill(1),
        planning: new Float64Array(n).fill(1),
        travel: new Float64Array(n).fill(1),
        return: new Float64Array(n).fill(1),
        death: new Float64Array(n).fill(1),
      };
      for (const c of compiled) {
        if (day < c.from || day > c.to) continue;
        const iv = c.intervention;
        const k = rampStrength(c.from, c.ramp, day);
        for (const i of c.communities) {
          switch (iv.kind) {
            case 'border-control':
              f.passage[i]! *= 1 - k * iv.interception;
              break;
            case 'media-takedown':
              f.media[i]! *= 1 - k * iv.reduction;
              break;
            case 'prevention':
              f.peer[i]! *= 1 - k * iv.influenceReduction;
              break;
            case 'travel-ban':
              f.departure[i]! *= 1 - k * iv.share;
              break;
            case 'returnee-policy':
              // Later entries in the file override earlier ones where both are in force.
              f.returnedWeight[i] = iv.policy === 'prosecute' ? 0 : iv.weight ?? (iv.policy === 'deter' ? -0.5 : NaN);
              f.prosecute[i] = iv.policy === 'prosecute' ? 1 : 0;
              break;
            case 'hazard-multipliers':
              for (const field of multiplierFields) {
                const m = iv[field];
                // Geometric, so that ramps of ×m and of ×1/m mirror each other (linear towards 0).
                if (m !== undefined) f[field][i]! *= k === 1 ? m : m > 0 ? m ** k : 1 - k;
              }
              break;
            case 'pull': {
              const m = iv.strength === 0 ? 1 - k : iv.strength ** k;
              f.mediaExposure[i]! *= m;
              f.mediaMobilization[i]! *= m;
              f.peer[i]! *= m;
              break;
            }
            case 'network-targeting':
              break; // acts once, below
            default:
              return unreachable(iv);
          }
        }
      }
      return f;
    },
    actionsOn(day) {
      const out: Action[] = [];
      for (const c of compiled) {
        if (c.from !== day) continue;
        const iv = c.intervention;
        switch (iv.kind) {
          case 'prevention':
            if (iv.sympathizersBack > 0) out.push({ kind: 'sympathizers-back', communities: c.communities, share: iv.sympathizersBack });
            break;
          case 'returnee-policy':
            if (iv.policy === 'prosecute') out.push({ kind: 'prosecute-returned', communities: c.communities });
            break;
          case 'network-targeting':
            out.push({ kind: 'remove-agents', agents: removals.get(c)! });
            break;
          case 'border-control':
          case 'media-takedown':
          case 'travel-ban':
          case 'hazard-multipliers':
          case 'pull':
            break; // factors only
          default:
            return unreachable(iv);
        }
      }
      return out;
    },
  };
}

function mostCentral(plan: WorldPlan, world: TargetingContext, c: Compiled, iv: Extract<Intervention, { kind: 'network-targeting' }>): Int32Array {
  const picked: number[] = [];
  for (const i of c.communities) {
    const m = plan.communities[i]!;
    const span = { first: m.firstAgent, count: m.agents };
    const scores = iv.centrality === 'degree'
      ? communityDegree(world.ties, span)
      : communityBetweenness(world.ties, span, { rng: stream({ seed: world.seed, replicate: world.replicate, purpose: `targeting/${m.name}` }) });
    for (const v of topK(scores, iv.count)) picked.push(m.firstAgent + v);
  }
  return Int32Array.from(picked);
}

function unreachable(x: never): never {
  throw new Error(`model/interventions: unknown intervention ${JSON.stringify(x)}`);
}
