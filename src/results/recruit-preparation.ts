/**
 * How recruits were prepared (media, or a tie) and how they mobilized (media alone, a tie, a
 * party), for the world and the scenario's named hotbeds, and the same hotbeds quarter by
 * quarter: the report's charts 8 and 9. Reads the reference scenario's cube only.
 *
 * Quarters run from the start date's month in steps of three calendar months (the cube holds
 * the first of every month); the last may be shorter. A quarter in which a hotbed recruits
 * fewer than SPARSE_AGENTS agents (median over replicates) is flagged: a share of four
 * recruits moves by a quarter with each one.
 */
import type { HotbedWindow, RecruitPreparation } from '../charts/inputs.js';
import type { Comparison, ComparedScenario } from '../experiments/compare.js';
import { addDays } from '../model/dates.js';
import { quantileType7Sorted as quantile } from '../numeric/quantiles.js';
import type { Measure } from '../statistics/measures.js';
import { cellOn, placeRow } from './bands.js';
import { monthSegments } from './months.js';

/** Below this many agents recruited in a window (median), a hotbed's shares there are flagged as noise. */
export const SPARSE_AGENTS = 5;
const MONTHS_PER_WINDOW = 3;

const RECRUITS: readonly Measure[] = ['recruited_media', 'recruited_peer', 'recruited_group'];

const median = (values: number[]): number => {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : quantile(sorted, 0.5);
};

/** Per replicate, what a cumulative measure grew by from day `from` to day `to` (agents). */
function grown(s: ComparedScenario, place: number, measure: Measure, from: number, to: number): number[] {
  const a = cellOn(s, from, place, measure);
  const b = cellOn(s, to, place, measure);
  return Array.from(b, (v, r) => v - a[r]!);
}

/** The reference's named hotbeds present in the cube (the community level, or the hotbeds compare adds to it). */
export function hotbedPlaces(c: Comparison): { name: string; index: number }[] {
  const names = c.scenarios[0]!.plan.communities.filter((m) => m.hotbed).map((m) => m.name);
  return names.flatMap((name) => {
    const index = c.places.findIndex((p) => p.level === 'community' && p.name === name);
    return index < 0 ? [] : [{ name, index }];
  });
}

export function recruitPreparation(c: Comparison): RecruitPreparation[] {
  const s = c.scenarios[0]!;
  const places = [{ name: 'World', level: 'world' as const, index: placeRow(c, 'world', 'World') },
    ...hotbedPlaces(c).map((h) => ({ ...h, level: 'community' as const }))];
  return places.map(({ name, level, index }) => {
    const at = (m: Measure) => median(grown(s, index, m, 0, c.days)) * c.scale;
    const [media, peer, group] = RECRUITS.map(at) as [number, number, number];
    const all = median(RECRUITS.map((m) => grown(s, index, m, 0, c.days)).reduce((sum, xs) => sum.map((v, r) => v + xs[r]!))) * c.scale;
    const preparedByMedia = at('recruited_after_media');
    // Shares are of the medians of each count, so that each bar adds up to the whole.
    return { place: name, level, recruits: all, prepared: { media: preparedByMedia, tie: media + peer + group - preparedByMedia }, mobilized: { media, peer, group } };
  });
}

/** [from, to] day pairs of the quarters from the start. */
export function quarterBounds(start: string, days: number): [number, number][] {
  const months = monthSegments(start, days);
  const out: [number, number][] = [];
  for (let i = 0; i < months.length; i += MONTHS_PER_WINDOW) {
    out.push([months[i]!.from, months[Math.min(i + MONTHS_PER_WINDOW, months.length) - 1]!.to]);
  }
  return out;
}

export function hotbedWindows(c: Comparison): HotbedWindow[] {
  const s = c.scenarios[0]!;
  const windows = quarterBounds(c.start, c.days);
  return hotbedPlaces(c).flatMap(({ name, index }) => windows.map(([from, to]) => {
    const [media, peer, group] = RECRUITS.map((m) => grown(s, index, m, from, to)) as [number[], number[], number[]];
    const prepared = grown(s, index, 'recruited_after_media', from, to);
    const all = media.map((v, r) => v + peer[r]! + group[r]!);
    const share = (part: number[]) => median(part.map((v, r) => (all[r]! > 0 ? v / all[r]! : NaN)));
    const recruits = median(all);
    return {
      place: name,
      from: addDays(c.start, from),
      to: addDays(c.start, to),
      recruits: recruits * c.scale,
      travelled: median(Array.from(cellOn(s, to, index, 'travelled'))) * c.scale,
      mediaShare: share(media),
      preparedShare: share(prepared),
      sparse: !(recruits >= SPARSE_AGENTS),
    };
  }));
}
