/**
 * Chart 9: media's share of each named hotbed's recruits quarter by quarter, against the
 * travellers the hotbed had by the quarter's end: a trajectory from left to right per hotbed,
 * so a falling line is media mattering less as the hotbed grows. Left, recruits mobilized by
 * media alone; right, recruits media had prepared (any channel). Quarters with too few recruits
 * to share are drawn as hollow points and left out of the lines.
 */
import type { HotbedWindow, ReportInputs } from '../inputs.js';
import { type TopLevelSpec, type View, INK, PLOT_WIDTH, bandLabel, frame, shortMonthYear, unique } from './common.js';

export const hotbedWindowsTitle = 'Media\'s share as hotbeds develop';

/** Ten distinguishable colours (Tableau 10): more hotbeds than scenario colours. */
const HOTBED_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** "Jun–Aug 2014": the window's months (its end is the day after its last). */
export function windowLabel(w: Pick<HotbedWindow, 'from' | 'to'>): string {
  const last = new Date(Date.parse(`${w.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const [a, b] = [shortMonthYear(w.from), shortMonthYear(last)];
  return a.slice(-4) === b.slice(-4) ? `${a.slice(0, -5)}–${b}` : `${a}–${b}`;
}

export function hotbedWindowsSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const windows = (inputs.hotbedWindows ?? []).filter((w) => !Number.isNaN(w.mediaShare) && w.travelled > 0);
  if (!windows.some((w) => !w.sparse)) return undefined;
  const hotbeds = unique(windows.map((w) => w.place));
  const values = windows.map((w, i) => ({ ...w, order: i, window: windowLabel(w), shape: w.sparse ? 'few recruits' : 'enough' }));
  const colour = {
    field: 'place',
    type: 'nominal',
    title: 'Hotbed',
    scale: { domain: hotbeds, range: HOTBED_COLOURS },
    legend: { orient: 'bottom', direction: 'horizontal', columns: 5, symbolType: 'circle', title: null },
  } as const;
  // Room for one y-axis title: the right panel shares the left's.
  const panelWidth = Math.floor((PLOT_WIDTH - 130) / 2);

  const panel = (field: 'mediaShare' | 'preparedShare', title: string, yTitle: string | null): View => {
    const x = { field: 'travelled', type: 'quantitative', title: 'Travellers by the quarter\'s end (log)', scale: { type: 'log', nice: false }, axis: { format: ',d', tickCount: 5, grid: true } } as const;
    const y = { field, type: 'quantitative', title: yTitle, scale: { domain: [0, 1] as number[] }, axis: { format: '.0%', tickCount: 5 } } as const;
    const view: View = {
      title: { text: title, anchor: 'start', fontSize: 13, fontWeight: 'bold', color: INK, offset: 6 },
      width: panelWidth,
      height: 240,
      data: { values },
      layer: [
        {
          transform: [{ filter: 'datum.sparse === false' }],
          mark: { type: 'line', strokeWidth: 1.8, opacity: 0.85 },
          encoding: { x, y, color: colour, order: { field: 'order', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', strokeWidth: 1.5 },
          encoding: {
            x,
            y,
            color: colour,
            // Noisy quarters recede: smaller and fainter than the ones the lines join.
            size: { condition: { test: 'datum.sparse', value: 22 }, value: 44 },
            fill: { field: 'place', type: 'nominal', scale: { domain: hotbeds, range: HOTBED_COLOURS }, legend: null, condition: { test: 'datum.sparse', value: 'white' } },
            opacity: { condition: { test: 'datum.sparse', value: 0.5 }, value: 1 },
            tooltip: [{ field: 'place', title: 'Hotbed' }, { field: 'window', title: 'Quarter' }, { field: 'recruits', title: 'Recruits', format: ',d' }, { field, title: 'Share', format: '.0%' }],
          },
        },
      ],
    };
    return view;
  };

  return {
    ...frame(hotbedWindowsTitle, [
      'Each named hotbed quarter by quarter, left to right as its travellers grow.',
      `Medians of ${bandLabel(inputs.meta.replicates)}. Hollow points: fewer than five recruits (agents), not joined.`,
    ]),
    hconcat: [
      panel('mediaShare', 'Mobilized by media alone', 'Share of the quarter\'s recruits'),
      panel('preparedShare', 'Prepared by media (any channel)', null),
    ],
    spacing: 18,
  };
}
