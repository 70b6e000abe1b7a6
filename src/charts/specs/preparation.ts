/**
 * Chart 8: how recruits were prepared and how they mobilized, for the world and each named
 * hotbed: two stacked bars per place, side by side in two panels. Left, prepared by media
 * (sympathizers when they mobilized) or by a tie; right, mobilized by media alone, a tie or a
 * party. Media keeps its orange and direct contact its blues in both, so that a reader sees at
 * a glance how much of media's preparation ties then turn into decisions.
 */
import type { RecruitPreparation, ReportInputs } from '../inputs.js';
import { people } from '../format.js';
import { type TopLevelSpec, type View, CHANNEL_COLOURS, PLOT_WIDTH, bandLabel, frame } from './common.js';

export const preparationTitle = 'How recruits were prepared and how they mobilized';

/** Category words, in stacking order, with their colours. */
const PREPARED = [
  { key: 'media', label: 'Media (a sympathizer first)', colour: CHANNEL_COLOURS.media },
  { key: 'tie', label: 'A tie or a party (straight from susceptible)', colour: CHANNEL_COLOURS.peer },
] as const;
const MOBILIZED = [
  { key: 'media', label: 'Media alone', colour: CHANNEL_COLOURS.media },
  { key: 'peer', label: 'A tie', colour: CHANNEL_COLOURS.peer },
  { key: 'group', label: 'A party of friends', colour: CHANNEL_COLOURS.group },
] as const;

/** "Bizerte (2,340 recruits)": the place and the number its shares are of. */
const placeLabel = (p: RecruitPreparation) => `${p.place} (${people(p.recruits)})`;

export function preparationSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const places = (inputs.preparation ?? []).filter((p) => p.recruits > 0);
  if (places.length === 0) return undefined;
  const order = places.map(placeLabel);
  const panelWidth = Math.floor((PLOT_WIDTH - 40) / 2);

  const panel = (title: string, categories: readonly { key: string; label: string; colour: string }[], parts: (p: RecruitPreparation) => Record<string, number>, axisLabels: boolean): View => {
    const values = places.flatMap((p) => {
      const counts = parts(p);
      const total = categories.reduce((sum, c) => sum + (counts[c.key] ?? 0), 0);
      return categories.map((c, i) => ({ place: placeLabel(p), category: c.label, order: i, share: total > 0 ? (counts[c.key] ?? 0) / total : 0 }));
    });
    const encoding = {
      y: { field: 'place', type: 'nominal', title: null, sort: order, axis: axisLabels ? { labelLimit: 240, ticks: false } : null },
      x: { field: 'share', type: 'quantitative', stack: 'zero', title: 'Share of recruits', scale: { domain: [0, 1] as number[] }, axis: { format: '.0%', tickCount: 5 } },
      order: { field: 'order', type: 'quantitative', sort: 'ascending' },
    } as const;
    const view: View = {
      title: { text: title, anchor: 'start', fontSize: 13, fontWeight: 'bold', offset: 6 },
      width: panelWidth,
      height: { step: 22 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            ...encoding,
            color: {
              field: 'category',
              type: 'nominal',
              scale: { domain: categories.map((c) => c.label), range: categories.map((c) => c.colour) },
              legend: { orient: 'bottom', direction: 'vertical', symbolType: 'square', title: null },
            },
          },
        },
        {
          // The share written in each part wide enough to hold it.
          transform: [{ filter: 'datum.share >= 0.08' }],
          mark: { type: 'text', color: 'white', fontSize: 11, align: 'center' },
          encoding: { ...encoding, x: { ...encoding.x, bandPosition: 0.5 }, text: { field: 'share', type: 'quantitative', format: '.0%' } },
        },
      ],
    };
    return view;
  };

  return {
    ...frame(preparationTitle, [
      'Recruits since the start, by what prepared them (left) and what made them decide (right).',
      `Shares of the median counts over ${bandLabel(inputs.meta.replicates)}; the number after each place is its recruits (people).`,
    ]),
    hconcat: [
      panel('Prepared by', PREPARED, (p) => p.prepared, true),
      panel('Mobilized by', MOBILIZED, (p) => p.mobilized, false),
    ],
    resolve: { scale: { color: 'independent' } },
    spacing: 18,
  };
}
