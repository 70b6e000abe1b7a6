/**
 * Calibration chart 4: simulated travellers by region and by country against their
 * targets: the target band and value, the posterior median and 90 % interval of the
 * simulated statistic (last generation, weighted), and the calibrated point's median: the
 * posterior shows what the targets allow, the point is what the baseline runs.
 */
import type { CalibrationChartInputs } from '../inputs.js';
import { shortMonthYear, type TopLevelSpec, type View, INK, TARGET_GREY, frame, peopleAxis } from './common.js';

export const fitTitle = 'Simulated against target, by region and country';

const COLOUR = '#0072B2';
const POINT_COLOUR = '#D55E00';

export function fitSpec(inputs: CalibrationChartInputs): TopLevelSpec | undefined {
  const groups = [
    { title: 'World and regions', rows: inputs.fit.filter((f) => f.level === 'world' || f.level === 'region') },
    { title: 'Countries', rows: inputs.fit.filter((f) => f.level === 'country') },
  ].filter((g) => g.rows.length > 0);
  if (groups.length === 0) return undefined;
  const others = inputs.fit.filter((f) => f.level === 'other').map((f) => f.statistic);
  const hasPoint = inputs.fit.some((f) => f.point !== undefined);
  const views: View[] = groups.map((g) => {
    const order = g.rows.map((r) => r.place);
    const values = g.rows.map((r) => ({ place: r.place, target: r.target, low: r.low, high: Number.isFinite(r.high) ? r.high : r.target, median: r.median, p5: r.p5, p95: r.p95, point: r.point ?? null }));
    const max = Math.max(...values.flatMap((v) => [v.high, v.p95, v.target, v.point ?? 0]));
    const y = { field: 'place', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: 160 } };
    const xScale = { domain: [0, max * 1.05], nice: true };
    return {
      title: { text: g.title, fontSize: 13, anchor: 'start' as const, offset: 6 },
      width: 480,
      height: { step: 24 },
      data: { values },
      layer: [
        { mark: { type: 'bar', color: TARGET_GREY, opacity: 0.45, height: 14 }, encoding: { y, x: { field: 'low', type: 'quantitative', scale: xScale }, x2: { field: 'high' } } },
        { mark: { type: 'tick', color: INK, thickness: 2, size: 18 }, encoding: { y, x: { field: 'target', type: 'quantitative' } } },
        { mark: { type: 'rule', color: COLOUR, strokeWidth: 2 }, encoding: { y, x: { field: 'p5', type: 'quantitative' }, x2: { field: 'p95' } } },
        {
          mark: { type: 'point', filled: true, color: COLOUR, size: 60, opacity: 1 },
          encoding: { y, x: { field: 'median', type: 'quantitative', title: 'Travelled, cumulative (people)', axis: peopleAxis } },
        },
        ...(hasPoint ? [{
          mark: { type: 'point', shape: 'diamond', filled: true, color: POINT_COLOUR, size: 70, opacity: 1 },
          transform: [{ filter: 'datum.point != null' }],
          encoding: { y, x: { field: 'point', type: 'quantitative' } },
        }] : []),
      ],
    } as View;
  });
  return {
    ...frame(fitTitle, [
      `Travelled by ${shortMonthYear(inputs.targetDate)}. Grey bar: target band; black tick: target value.`,
      'Blue dot and line: simulated median and 90% interval (last generation, weighted).',
      ...(hasPoint ? ['Orange diamond: the calibrated point (calibrated.yaml), median over its own runs.'] : []),
      ...(others.length > 0 ? [`Other targets (${others.join(', ')}): see fit.csv.`] : []),
    ]),
    vconcat: views,
  } as TopLevelSpec;
}
