/**
 * What the report of a run or a comparison is drawn from: people, not agents,
 * aggregated over replicates by the results side (src/results/report-inputs.ts).
 */

import type { FlowTarget, HistoryEvent, PathTarget } from './path.js';

/** Where a number sits across replicates. */
export interface Band {
  median: number;
  p5: number;
  p25: number;
  p75: number;
  p95: number;
}

export interface ScenarioMeta {
  /** Short name shown in legends (file stem, e.g. "border-controls"). */
  name: string;
  file: string;
  title: string;
  /** sha256 of the resolved scenario. */
  hash: string;
}

export interface TargetBand {
  date: string;
  low: number;
  high: number;
  value: number;
}

export interface ReportInputs {
  title: string;
  /** false: the images carry no title; it moves to the caption and the images' descriptions (the scenario's `output.chartTitles`). Absent: titled. */
  chartTitles?: boolean;
  meta: {
    tool: string;
    version: string;
    seed: number;
    replicates: number;
    scale: number;
    agents: number;
    createdWith: string;
    scenarios: ScenarioMeta[];
    /** The scenario differences are taken against (the first one). */
    reference: string;
  };
  startDate: string;
  endDate: string;
  /** 1. Cumulative travellers (world) over time, per scenario. */
  cumulative: ({ scenario: string; date: string } & Band)[];
  /** The calibration target band for the world total, if any (27,000–31,000 in December 2015). */
  worldTarget?: TargetBand;
  /**
   * 2. Travellers averted versus the reference at the end date (paired over replicates), or the
   * change versus the reference where `differences` is 'change'; reference excluded.
   */
  averted: ({ scenario: string; level: 'world' | 'region'; place: string } & Band)[];
  /**
   * How chart 2 speaks of differences: 'averted' (reference − scenario; every other scenario adds
   * counter-measures to the reference) or 'change' (scenario − reference). Absent: 'averted'.
   */
  differences?: 'averted' | 'change';
  /** 3. Travelled at the end date by region and for the top countries, per scenario, with targets where known. */
  byPlace: ({ scenario: string; level: 'region' | 'country'; place: string; target?: { low: number; high: number; value: number } } & Band)[];
  /** 4. New recruits per month by channel, per scenario (medians over replicates). */
  byChannel: { scenario: string; month: string; channel: 'media' | 'peer' | 'group'; recruits: number }[];
  /** 5. New travellers per month (world), per scenario. */
  flow: ({ scenario: string; month: string } & Band)[];
  /** Published estimates of the world's travellers on their dates within the period (every targets file), drawn on chart 1; absent or empty when there are none. */
  pathTargets?: PathTarget[];
  /** Published world flows over their periods, drawn on chart 5. */
  flowTargets?: FlowTarget[];
  /** The labelled interventions (the scenario's history), drawn as numbered rules on charts 1 and 5. */
  events?: HistoryEvent[];
  /** Dates at which interventions start (and end), drawn as rules on time charts. */
  interventions: { scenario: string; label: string; date: string }[];
  /** 6. One community's network (reference scenario): degree distribution and a small sample with who recruited whom. */
  network?: {
    scenario: string;
    community: string;
    degreeHistogram: { degree: number; count: number }[];
    /** A sample of agents (ids local to the sample) with their end state and how they were mobilized. */
    nodes: { id: number; state: string; channel: 'none' | 'media' | 'peer' | 'group'; x?: number; y?: number }[];
    ties: { a: number; b: number }[];
    recruitments: { recruiter: number; recruit: number; day: number }[];
    /**
     * A comparison: the same people in each other scenario's run of the same replicate (the
     * same networks under common random numbers), with their end states and who recruited
     * whom there. A scenario whose networks differ from the reference's is left out.
     */
    otherScenarios?: {
      scenario: string;
      nodes: { id: number; state: string; channel: 'none' | 'media' | 'peer' | 'group' }[];
      recruitments: { recruiter: number; recruit: number; day: number }[];
    }[];
  };
  /** 8. How recruits were prepared and how they mobilized: the world, then each named hotbed (reference scenario). */
  preparation?: RecruitPreparation[];
  /** 9. Each named hotbed's recruits in successive quarters (reference scenario), in place then date order. */
  hotbedWindows?: HotbedWindow[];
  /** 7. The scenario's own outputs (statistics), reference scenario: median and 90 % band over replicates on each recorded day. */
  statistics?: StatisticSeries[];
}

export interface StatisticSeries {
  name: string;
  description: string;
  /** 'people', 'share', 'countries', 'people per month'. */
  unit: string;
  /** 'World', or the place's name and level, for the panel's subtitle. */
  place: string;
  points: { date: string; median: number; p5: number; p95: number }[];
}

/**
 * Recruits of a place since the start, by how they were prepared (media: sympathizers when they
 * mobilized; a tie: straight from susceptible) and by the channel that mobilized them. Each
 * count is the median over replicates, in people; shares are taken of these medians.
 */
export interface RecruitPreparation {
  /** 'World' or a hotbed community's name. */
  place: string;
  level: 'world' | 'community';
  recruits: number;
  prepared: { media: number; tie: number };
  mobilized: { media: number; peer: number; group: number };
}

/** One hotbed's recruits in one window [from, to): medians over replicates. */
export interface HotbedWindow {
  place: string;
  /** First day of the window and the day after its last ('YYYY-MM-DD'). */
  from: string;
  to: string;
  /** Recruits in the window (people), and travellers since before the start up to the window's end (people). */
  recruits: number;
  travelled: number;
  /** Shares of the window's recruits mobilized by media alone, and prepared by media (medians over the replicates with recruits). */
  mediaShare: number;
  preparedShare: number;
  /** Fewer than a handful of agents recruited (median): the shares are mostly noise. */
  sparse: boolean;
}
