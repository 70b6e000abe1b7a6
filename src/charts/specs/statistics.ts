/**
 * Chart 7: the scenario's own outputs (statistics of the registry it asked for), one
 * panel each over time: the median over replicates and its 90 % band, on the reference
 * scenario. Shares on a percent axis, counts and rates on a number axis.
 */
import type { ReportInputs } from '../inputs.js';
import { type TopLevelSpec, type View, INK, PLOT_WIDTH, bandLabel, fitAxisTitle, frame, isoDay, monthYear, timeX } from './common.js';

export const statisticsTitle = 'Recorded statistics';

const HEIGHT = 150;

export function statisticsSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const series = (inputs.statistics ?? []).filter((s) => s.points.length > 0);
  if (series.length === 0) return undefined;
  const x = timeX(inputs, 'date');
  const panels: View[] = series.map((s) => {
    const share = s.unit === 'share';
    const axis = share ? { format: '.0%' } : { format: ',~r' };
    // the panel's title names the statistic; its long name on the axis ran far past the panel's height
    const y = { field: 'median', type: 'quantitative', title: fitAxisTitle(`Value (${s.unit})`, HEIGHT), axis, scale: { zero: share || s.unit !== 'people per month' ? true : false } } as const;
    return {
      title: { text: `${s.name}, ${s.place}`, subtitle: s.description, anchor: 'start', fontSize: 13 },
      width: PLOT_WIDTH,
      height: HEIGHT,
      data: { values: s.points.map((p) => ({ date: isoDay(p.date), median: p.median, p5: p.p5, p95: p.p95 })) },
      layer: [
        { mark: { type: 'area', opacity: 0.2, color: INK, aria: false }, encoding: { x, y: { field: 'p5', type: 'quantitative' }, y2: { field: 'p95' } } },
        { mark: { type: 'line', strokeWidth: 2, color: INK }, encoding: { x, y } },
      ],
    };
  });
  return {
    ...frame(statisticsTitle, [
      `The statistics the scenario asked for (outputs), ${monthYear(inputs.startDate)} to ${monthYear(inputs.endDate)}, scenario ${inputs.meta.reference}.`,
      `Line: median of ${bandLabel(inputs.meta.replicates)}; band: middle 90%.`,
    ]),
    vconcat: panels,
    spacing: 28,
  } as TopLevelSpec;
}
