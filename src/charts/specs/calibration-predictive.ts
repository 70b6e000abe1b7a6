/**
 * Calibration chart 3: posterior predictive of cumulative travellers (world) over
 * time: median and 50 % / 90 % bands over the last generation's accepted
 * simulations (weighted), the world target band at its date and the start.
 */
import type { CalibrationChartInputs } from '../inputs.js';
import { range } from '../format.js';
import { type Layer, type TopLevelSpec, INK, PLOT_WIDTH, TARGET_GREY, frame, isoDay, monthYear, peopleAxis, shortMonthYear, timeX, utcMs } from './common.js';
import { eventKeyLines, pathTargetLines } from '../path-labels.js';
import { eventLayer, eventMarkers, eventsWithin, halos } from './events.js';
import { besideWorldTarget, pathTargetLayer } from './path-targets.js';
import { startLayer } from './cumulative.js';

const HEIGHT = 340;
/** Subtitle lines may run a little past the plot, under the y axis's labels. */
const SUBTITLE_WIDTH = PLOT_WIDTH + 60;

export const predictiveTitle = 'Posterior predictive: cumulative travellers, world';

const COLOUR = '#0072B2';

export function predictiveSpec(inputs: CalibrationChartInputs): TopLevelSpec | undefined {
  if (inputs.trace.length === 0) return undefined;
  const trace = [...inputs.trace].sort((a, b) => utcMs(a.date) - utcMs(b.date));
  const values = trace.map((r) => ({ date: isoDay(r.date), median: r.median, p5: r.p5, p25: r.p25, p75: r.p75, p95: r.p95 }));
  const span = { startDate: inputs.startDate, endDate: inputs.endDate };
  const x = timeX(span, 'date', { start: trace[0]!.date, end: inputs.worldTarget?.date });
  const layers: Layer[] = [
    { mark: { type: 'area', color: COLOUR, opacity: 0.14 }, encoding: { x, y: { field: 'p5', type: 'quantitative' }, y2: { field: 'p95' } } },
    { mark: { type: 'area', color: COLOUR, opacity: 0.3 }, encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } } },
    {
      mark: { type: 'line', color: COLOUR, strokeWidth: 2.2 },
      encoding: { x, y: { field: 'median', type: 'quantitative', title: 'Travelled, cumulative (people)', axis: peopleAxis } },
    },
  ];
  const t = inputs.worldTarget;
  const first = trace[0]!.date < inputs.startDate ? trace[0]!.date : inputs.startDate;
  const domain = { start: first, end: t && t.date > inputs.endDate ? t.date : inputs.endDate };
  const events = eventsWithin(inputs.events, domain);
  if (t) {
    layers.push({
      data: { values: [{ date: isoDay(t.date), low: t.low, high: t.high, value: t.value, label: `Target ${range(t.low, t.high)} (${shortMonthYear(t.date)})` }] },
      layer: [
        { mark: { type: 'rule', strokeWidth: 12, strokeCap: 'butt', color: TARGET_GREY, opacity: 0.5 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } } },
        { mark: { type: 'tick', orient: 'horizontal', size: 16, thickness: 2, color: INK }, encoding: { x, y: { field: 'value', type: 'quantitative' } } },
        ...halos(events.length > 0).map((halo): Layer => ({ mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -8, dy: -6, fontSize: 12, color: INK, ...halo }, encoding: { x, y: { field: 'high', type: 'quantitative' }, text: { field: 'label' } } })),
      ],
    });
  }
  const published = besideWorldTarget(inputs.pathTargets, t);
  if (published.points.length > 0) layers.push(pathTargetLayer(published.points, x));
  if (events.length > 0) // Under the data: the rules are context, the series and targets read over them.
    layers.unshift(eventLayer(eventMarkers(events, domain, PLOT_WIDTH), x, HEIGHT));
  const start = trace[0]!;
  const top = Math.max(...values.map((v) => v.p95), t?.high ?? 0, ...published.points.map((p) => p.high));
  layers.push(startLayer({ date: start.date, value: start.median }, x, top, events.length > 0));
  return {
    ...frame(predictiveTitle, [
      `Simulated people who have travelled, ${monthYear(start.date)} to ${monthYear(trace.at(-1)!.date)}, over the last generation's ${inputs.population} accepted simulations (weighted).`,
      'Line: median; dark band: middle 50%; light band: middle 90%; grey bar: target band.',
      ...pathTargetLines(published.points, SUBTITLE_WIDTH, published.points.length > 0 ? published.bar : undefined),
      ...eventKeyLines(events, SUBTITLE_WIDTH),
    ]),
    width: PLOT_WIDTH,
    height: HEIGHT,
    data: { values },
    layer: layers,
  };
}
