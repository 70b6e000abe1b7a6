/**
 * Calibration chart 4: simulated travellers by region and by country against their
 * targets: the target band, the posterior median and 90 % interval of the simulated
 * statistic (last generation, weighted), and the calibrated point's median: the
 * posterior shows what the targets allow, the point is what the baseline runs.
 *
 * Every row is drawn relative to its own target value (0 % is the target), so the
 * world's 29,000 and North America's 290 are equally readable on one axis; the
 * numbers in people stand at the end of each row. On one axis in people, every
 * place under a few per cent of the world was a dot at zero.
 */
import type { CalibrationChartInputs } from '../inputs.js';
import { people } from '../format.js';
import { wrapEntries } from '../path-labels.js';
import { textWidth } from '../text-metrics.js';
import { shortMonthYear, type TopLevelSpec, type View, INK, PLOT_WIDTH, TARGET_GREY, frame } from './common.js';

export const fitTitle = 'Simulated against target, by region and country';

const COLOUR = '#0072B2';
const POINT_COLOUR = '#D55E00';
/** The plot's width; the place names stand to its left and the numbers to its right. */
const WIDTH = 360;
/** The widest place name drawn whole, in pixels. */
const LABEL_LIMIT = 170;
/** Where the numbers start, in pixels right of the plot. */
const NUMBERS_AT = 14;

/** A value as a share above (+) or below (−) the target value. */
const relative = (value: number, target: number) => value / target - 1;

export function fitSpec(inputs: CalibrationChartInputs): TopLevelSpec | undefined {
  // a share of nothing cannot be drawn against a target of 0
  const drawable = inputs.fit.filter((f) => f.target > 0 && Number.isFinite(f.target));
  const groups = [
    { title: 'World and regions', rows: drawable.filter((f) => f.level === 'world' || f.level === 'region') },
    { title: 'Countries', rows: drawable.filter((f) => f.level === 'country') },
  ].filter((g) => g.rows.length > 0);
  if (groups.length === 0) return undefined;
  const others = inputs.fit.filter((f) => f.level === 'other' || !drawable.includes(f)).map((f) => f.statistic);
  const hasPoint = inputs.fit.some((f) => f.point !== undefined);
  const valuesOf = (rows: typeof drawable) => rows.map((r) => {
    const high = Number.isFinite(r.high) ? r.high : r.target;
    return {
      place: r.place,
      target: r.target, low: r.low, high, median: r.median, p5: r.p5, p95: r.p95, point: r.point ?? null,
      bandLow: relative(r.low, r.target), bandHigh: relative(high, r.target),
      relMedian: relative(r.median, r.target), relP5: relative(r.p5, r.target), relP95: relative(r.p95, r.target),
      relPoint: r.point === undefined ? null : relative(r.point, r.target),
      numbers: `${people(r.median)} / ${people(r.target)}`,
    };
  });
  // one axis for every panel, so that a row reads against any other
  const all = groups.flatMap((g) => valuesOf(g.rows));
  const reach = all.flatMap((v) => [v.bandLow, v.bandHigh, v.relMedian, v.relP5, v.relP95, ...(v.relPoint === null ? [] : [v.relPoint])]).filter(Number.isFinite);
  const lo = Math.min(0, ...reach);
  const hi = Math.max(0, ...reach);
  const pad = Math.max(hi - lo, 0.1) * 0.04;
  const xScale = { domain: [lo - pad, hi + pad], nice: true };
  // the same room for the names in every panel, so that the panels' titles line up
  const namesWidth = Math.min(LABEL_LIMIT, Math.max(...groups.flatMap((g) => g.rows.map((r) => textWidth(r.place, 12))))) + 8;
  const views: View[] = groups.map((g) => {
    const order = g.rows.map((r) => r.place);
    const y = { field: 'place', type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: LABEL_LIMIT, minExtent: namesWidth } };
    const x = (field: string, title?: string) => ({
      field, type: 'quantitative' as const, scale: xScale,
      ...(title !== undefined ? { title, axis: { format: '+.0%', labelSeparation: 6 } } : {}),
    });
    return {
      title: { text: g.title, fontSize: 13, anchor: 'start' as const, offset: 6 },
      width: WIDTH,
      height: { step: 24 },
      data: { values: valuesOf(g.rows) },
      layer: [
        { mark: { type: 'bar', color: TARGET_GREY, opacity: 0.45, height: 14 }, encoding: { y, x: x('bandLow'), x2: { field: 'bandHigh' } } },
        // the target value: 0 % on every row
        { data: { values: [{ at: 0 }] }, mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { x: x('at') } },
        { mark: { type: 'rule', color: COLOUR, strokeWidth: 2 }, encoding: { y, x: x('relP5'), x2: { field: 'relP95' } } },
        {
          mark: { type: 'point', filled: true, color: COLOUR, size: 60, opacity: 1 },
          encoding: {
            y, x: x('relMedian', 'Simulated against the target value (%)'),
            tooltip: [{ field: 'place' }, { field: 'median', format: ',.0f' }, { field: 'p5', format: ',.0f' }, { field: 'p95', format: ',.0f' }, { field: 'target', format: ',.0f' }, { field: 'low', format: ',.0f' }, { field: 'high', format: ',.0f' }],
          },
        },
        ...(hasPoint ? [{
          mark: { type: 'point', shape: 'diamond', filled: true, color: POINT_COLOUR, size: 70, opacity: 1 },
          transform: [{ filter: 'datum.relPoint != null' }],
          encoding: { y, x: x('relPoint') },
        }] : []),
        // the numbers in people, right of the plot
        { mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 12, color: INK }, encoding: { y, x: { value: WIDTH + NUMBERS_AT }, text: { field: 'numbers' } } },
      ],
    } as View;
  });
  return {
    ...frame(fitTitle, [
      `Travelled by ${shortMonthYear(inputs.targetDate)}, each place against its own target value (0%). Grey bar: target band.`,
      'Blue dot and line: simulated median and 90% interval (last generation, weighted).',
      ...(hasPoint ? ['Orange diamond: the calibrated point (calibrated.yaml), median over its own runs.'] : []),
      'Right: simulated median / target value, in people.',
      ...wrapEntries(others, PLOT_WIDTH, 'Other targets, in fit.csv: '),
    ]),
    vconcat: views,
  } as TopLevelSpec;
}
