/**
 * Calibration chart 2: the ABC-SMC schedule: tolerance by generation, then the
 * acceptance rate and the effective sample size of each generation.
 */
import type { CalibrationChartInputs } from '../inputs.js';
import { type TopLevelSpec, type View, fitAxisTitle, frame } from './common.js';

export const toleranceTitle = 'Tolerance, acceptance rate and ESS by generation';

const COLOUR = '#0072B2';
const HEIGHT = 160;

export function toleranceSpec(inputs: CalibrationChartInputs): TopLevelSpec | undefined {
  const rows = inputs.generations.map((g) => ({
    generation: g.generation,
    tolerance: g.tolerance,
    acceptance: 100 * g.acceptanceRate,
    ess: g.ess,
  }));
  if (rows.length === 0) return undefined;
  const finite = rows.filter((r) => r.tolerance !== null && r.tolerance > 0);
  const x = { field: 'generation', type: 'ordinal' as const, title: 'Generation', axis: { labelAngle: 0 } };
  const panel = (values: object[], field: string, title: string, y: object): View => ({
    width: 190,
    height: HEIGHT,
    data: { values },
    layer: [
      { mark: { type: 'line', color: COLOUR, strokeWidth: 2 }, encoding: { x, y: { field, type: 'quantitative', title: fitAxisTitle(title, HEIGHT), ...y } } },
      { mark: { type: 'point', filled: true, color: COLOUR, size: 40, opacity: 1 }, encoding: { x, y: { field, type: 'quantitative' } } },
    ],
  } as View);
  const views: View[] = [];
  if (finite.length > 0) views.push(panel(finite, 'tolerance', 'Tolerance (distance)', { scale: { type: 'log' }, axis: { format: '~g', tickCount: 4 } }));
  views.push(panel(rows, 'acceptance', 'Acceptance rate (%)', { scale: { domain: [0, 100] }, axis: { format: 'd' } }));
  views.push(panel(rows, 'ess', 'Effective sample size (particles)', { scale: { domain: [0, inputs.population], nice: false }, axis: { format: ',d', tickCount: 5 } }));
  return {
    ...frame(toleranceTitle, [
      `ABC-SMC with ${inputs.population} particles per generation. Tolerance: the distance a simulation must stay under to be accepted`,
      '(log scale; generation 0 accepts every draw from the prior, with no tolerance). Acceptance rate: accepted over simulated.',
      'ESS: effective number of particles, given their weights.',
    ]),
    hconcat: views,
  } as TopLevelSpec;
}
