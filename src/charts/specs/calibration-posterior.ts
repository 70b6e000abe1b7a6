/**
 * Calibration chart 1: posterior marginals against priors. One small panel per
 * parameter: a weighted histogram of the last generation's particles, the prior
 * density over the same range, the posterior median and 90 % interval. Log-uniform
 * priors get a log x axis and densities per decade (the prior is then flat).
 */
import type { CalibrationChartInputs, CalibrationParameter } from '../inputs.js';
import { type TopLevelSpec, type View, INK, MUTED, TARGET_GREY, frame } from './common.js';

export const posteriorTitle = 'Posterior against prior, per parameter';

const BINS = 20;
const POSTERIOR = '#0072B2';
const PRIOR = '#D55E00';

/** Histogram bins (weights normalized to a density per unit, or per decade on a log axis) and the prior curve in the same unit, for one parameter. */
export function panelData(p: CalibrationParameter) {
  const log = p.scale === 'log';
  const t = (x: number) => (log ? Math.log10(x) : x);
  const inv = (u: number) => (log ? 10 ** u : u);
  const [low, high] = p.range;
  const a = t(low);
  const width = (t(high) - a) / BINS || 1;
  const total = p.samples.reduce((s, x) => s + x.weight, 0) || 1;
  const mass = new Array<number>(BINS).fill(0);
  for (const s of p.samples) {
    if (!Number.isFinite(s.value) || (log && s.value <= 0)) continue;
    const k = Math.min(BINS - 1, Math.max(0, Math.floor((t(s.value) - a) / width)));
    mass[k]! += s.weight / total;
  }
  const bins = mass.map((m, k) => ({ x0: inv(a + k * width), x1: inv(a + (k + 1) * width), density: m / width }));
  // per decade on a log axis: density × x × ln 10
  const curve = p.priorCurve.map(({ x, density }) => ({ x, density: log ? density * x * Math.LN10 : density }));
  return { log, low, high, bins, curve };
}

export function posteriorSpec(inputs: CalibrationChartInputs): TopLevelSpec | undefined {
  const params = inputs.parameters.filter((p) => p.samples.length > 0);
  if (params.length === 0) return undefined;
  const views: View[] = params.map((p) => {
    const { log, low, high, bins, curve } = panelData(p);
    const scale = log ? { type: 'log' as const, domain: [low, high], nice: false } : { type: 'linear' as const, domain: [low, high], nice: false, zero: false };
    const xTitle = log ? 'Value (log scale)' : 'Value (linear scale)';
    const yTitle = log ? 'Density (per decade)' : 'Density (per unit)';
    const x = { field: 'x', type: 'quantitative' as const, scale, title: xTitle, axis: { tickCount: 4, format: '.3~r', labelOverlap: 'greedy' as const, labelSeparation: 10, labelFlush: true } };
    return {
      title: { text: p.name, subtitle: p.path, fontSize: 13, subtitleFontSize: 10.5, subtitleColor: MUTED, anchor: 'start' as const, offset: 6 },
      width: 200,
      height: 150,
      layer: [
        {
          data: { values: [{ x: p.p5, x2: p.p95 }] },
          mark: { type: 'rect', color: TARGET_GREY, opacity: 0.22 },
          encoding: { x, x2: { field: 'x2' } },
        },
        {
          data: { values: bins.map((b) => ({ x: b.x0, x2: b.x1, density: b.density })) },
          mark: { type: 'rect', color: POSTERIOR, opacity: 0.75, stroke: 'white', strokeWidth: 0.5 },
          encoding: { x, x2: { field: 'x2' }, y: { field: 'density', type: 'quantitative', title: yTitle, axis: { tickCount: 3, format: '.3~r' } } },
        },
        {
          data: { values: curve },
          mark: { type: 'line', color: PRIOR, strokeWidth: 2, strokeDash: [5, 3] },
          encoding: { x, y: { field: 'density', type: 'quantitative' } },
        },
        {
          data: { values: [{ x: p.median }] },
          mark: { type: 'rule', color: INK, strokeWidth: 2 },
          encoding: { x },
        },
      ],
      resolve: { scale: { y: 'shared' } },
    } as View;
  });
  return {
    ...frame(posteriorTitle, [
      `Bars: weighted histogram of the last generation's ${inputs.population} particles (posterior); dashed orange line: prior density.`,
      'Black line: posterior median; grey band: posterior 90% interval. Log-scale axes for log-uniform priors.',
    ]),
    concat: views,
    columns: Math.min(3, views.length),
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}
