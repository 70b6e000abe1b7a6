/**
 * Words for a sweep's outputs in chart titles and axes, and each output's
 * analysis by method, shared by the sweep chart specs.
 */
import type { SweepAnalysisMethod, SweepChartInputs, SweepChartOutput, SweepOutputAnalysis } from './inputs.js';

const MEASURE_WORDS: Record<string, string> = {
  travelled: 'Travelled (people, cumulative)',
  abroad: 'Abroad (people)',
  returned: 'Returned (people, cumulative)',
  dead: 'Died abroad (people, cumulative)',
  intercepted: 'Intercepted (people, cumulative)',
  mobilized: 'Mobilized (people)',
  sympathizers: 'Sympathizers (people)',
  recruited_media: 'Recruited by media (people)',
  recruited_peer: 'Recruited by peers (people)',
  recruited_group: 'Joined a group (people)',
  recruited_after_media: 'Recruited after media prepared them (people)',
  removed: 'Removed (people)',
  returned_share: 'Share of travellers returned',
  peer_share: 'Share recruited by peers',
  media_prepared_share: 'Share of recruits prepared by media',
  countries_represented: 'Countries with a traveller',
  attempted: 'Travel attempts (people, cumulative)',
  attempts_per_month: 'Travel attempts (people per month)',
  travelled_per_month: 'Travelled (people per month)',
  flow_ratio: 'Flow against the base period (ratio)',
  adopted: 'Adopted (people, cumulative)',
  adopted_share: 'Share adopted',
  last_adoption_day: 'Day of the last adoption',
  days_to_share: 'Days to reach the share',
  media_share: 'Share recruited by media alone',
  group_share: 'Share who joined a friend\'s party',
  share_from: 'Share of travellers from the named communities',
};

/** Statistics whose values are shares (or ratios near 1): drawn with decimals. */
const SHARES = new Set(['returned_share', 'peer_share', 'media_share', 'group_share', 'media_prepared_share', 'adopted_share', 'share_from', 'flow_ratio']);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso.slice(5, 7)} ${iso.slice(0, 4)}`;

const measureWords = (o: SweepChartOutput) => MEASURE_WORDS[o.measure] ?? o.measure;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** An output's own name as words ("global_cascade" → "global cascade"): what the file's author called it. */
export const nameWords = (name: string) => name.replace(/_/g, ' ');

/**
 * For a chart title: "Travelled (people, cumulative), World, 1 Dec 2015"; an indicator by its
 * name, "P(global cascade), World, 1 Jun 2015" (indicatorDefinition says what it is); a
 * conditional output with its condition, "Share adopted given global cascade, World, 1 Jun 2015".
 */
export const outputLabel = (o: SweepChartOutput): string => `${measureLabel(o)}, ${o.place}, ${day(o.date)}`;

/** What an indicator counts, for a subtitle: "Global cascade: share adopted at least 0.1 in a run." */
export const indicatorDefinition = (o: SweepChartOutput & { indicator: string }): string => {
  const name = nameWords(o.name);
  return `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${lowerFirst(measureWords(o))} ${o.indicator} in a run.`;
};

/**
 * For an axis: the measure; an indicator's mean over runs is a probability, named after the
 * output ("P(global cascade)"), since the statistic it thresholds ("adopted_share") is not what
 * it means; a conditional mean says what it is conditional on.
 */
export function measureLabel(o: SweepChartOutput): string {
  if (o.indicator !== undefined) return `P(${nameWords(o.name)})`;
  if (o.given !== undefined) return `${measureWords(o)} given ${nameWords(o.given)}`;
  return measureWords(o);
}

/** Shares and probabilities are drawn with decimals; counts of people are not. */
export const isShare = (o: SweepChartOutput) => o.indicator !== undefined || SHARES.has(o.measure);

type Analysed<M extends SweepAnalysisMethod> = Extract<SweepOutputAnalysis, { method: M; indices: unknown }>;

/** Output `output`'s analysis by `method`, or undefined when it was not analysed that way (or was skipped). */
export function analysisOf<M extends SweepAnalysisMethod>(inputs: SweepChartInputs, output: number, method: M): Analysed<M> | undefined {
  const name = inputs.outputs[output]?.name;
  const a = inputs.analysis?.outputs.find((x) => x.output === name);
  return a && !('skipped' in a) && a.method === method ? (a as Analysed<M>) : undefined;
}
