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
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? iso.slice(5, 7)} ${iso.slice(0, 4)}`;

/** "Travelled (people, cumulative), World, 1 Dec 2015". */
export function outputLabel(o: SweepChartOutput): string {
  return `${MEASURE_WORDS[o.measure] ?? o.measure}, ${o.place}, ${day(o.date)}`;
}

/** The measure alone, for an axis title. */
export const measureLabel = (o: SweepChartOutput) => MEASURE_WORDS[o.measure] ?? o.measure;

/** Shares are drawn with decimals; counts of people are not. */
export const isShare = (o: SweepChartOutput) => o.measure === 'returned_share' || o.measure === 'peer_share' || o.measure === 'media_prepared_share';

type Analysed<M extends SweepAnalysisMethod> = Extract<SweepOutputAnalysis, { method: M; indices: unknown }>;

/** Output `output`'s analysis by `method`, or undefined when it was not analysed that way (or was skipped). */
export function analysisOf<M extends SweepAnalysisMethod>(inputs: SweepChartInputs, output: number, method: M): Analysed<M> | undefined {
  const name = inputs.outputs[output]?.name;
  const a = inputs.analysis?.outputs.find((x) => x.output === name);
  return a && !('skipped' in a) && a.method === method ? (a as Analysed<M>) : undefined;
}
