/**
 * Chart 3: people who had travelled by the end date, by region and for the top
 * countries, scenarios side by side (bar = median, line = middle 90 %), with the
 * target band (grey) and target value (black tick) where there is one.
 */
import type { ReportInputs } from '../inputs.js';
import {
  type Layer,
  type TopLevelSpec,
  type View,
  INK,
  PLOT_WIDTH,
  TARGET_GREY,
  bandLabel,
  frame,
  monthYear,
  peopleAxis,
  scenarioScale,
  scenarioColourEncoding,
  unique,
} from './common.js';

export const byPlaceTitle = 'Travellers by place of origin';

type Row = ReportInputs['byPlace'][number];

const rowStep = (scenarios: number) => Math.max(20, 9 * scenarios + 9);

export function byPlaceSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const rows = inputs.byPlace;
  if (rows.length === 0) return undefined;
  const scenarios = unique(rows.map((r) => r.scenario));
  const colour = scenarioScale(inputs, scenarios);
  const dodge = scenarios.length > 1;
  const hasTargets = rows.some((r) => r.target);

  const panel = (level: Row['level'], title: string): View | undefined => {
    const data = rows.filter((r) => r.level === level);
    if (data.length === 0) return undefined;
    const places = unique(data.map((r) => r.place));
    const y = { field: 'place', type: 'nominal', title: null, sort: places, axis: { labelLimit: 220, labelFontSize: 12, ticks: false } } as const;
    const yOffset = dodge ? { yOffset: { field: 'scenario', type: 'nominal', sort: colour.domain } as const } : {};
    const color = scenarioColourEncoding(colour, { orient: 'bottom', direction: 'horizontal', symbolType: 'square', symbolOpacity: 1, title: 'Scenario' } as const);
    // one target per place (targets do not depend on the scenario)
    const targets = places
      .map((place) => data.find((r) => r.place === place && r.target))
      .filter((r): r is Row & { target: NonNullable<Row['target']> } => r !== undefined)
      .map((r) => ({ place: r.place, low: r.target.low, high: r.target.high, value: r.target.value }));
    const layers: Layer[] = [];
    if (targets.length > 0) {
      layers.push({
        data: { values: targets },
        layer: [
          { mark: { type: 'bar', color: TARGET_GREY, opacity: 0.3, aria: false }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
          { mark: { type: 'tick', color: INK, thickness: 2, aria: false }, encoding: { y, x: { field: 'value', type: 'quantitative' } } },
        ],
      });
    }
    layers.push(
      {
        mark: { type: 'bar', opacity: 0.85, height: { band: 0.8 } },
        encoding: {
          y,
          ...yOffset,
          x: { field: 'median', type: 'quantitative', title: `${title}: travelled by ${monthYear(inputs.endDate)} (people)`, axis: { ...peopleAxis, tickCount: 6 } },
          color,
        },
      },
      { mark: { type: 'rule', color: INK, strokeWidth: 1.2, opacity: 0.8 }, encoding: { y, ...yOffset, x: { field: 'p5', type: 'quantitative' }, x2: { field: 'p95' } } },
    );
    return {
      width: PLOT_WIDTH - 60,
      height: { step: rowStep(dodge ? scenarios.length : 1), for: 'position' },
      data: { values: data.map((r) => ({ scenario: r.scenario, place: r.place, median: r.median, p5: r.p5, p95: r.p95 })) },
      layer: layers,
    };
  };

  const panels = [panel('region', 'Regions'), panel('country', 'Top countries')].filter((p): p is View => p !== undefined);
  return {
    ...frame(byPlaceTitle, [
      `People who had travelled by ${monthYear(inputs.endDate)}. Bar: median of ${bandLabel(inputs.meta.replicates)}; black line: middle 90%.`,
      ...(hasTargets ? ['Grey band: target range; black tick: target value.'] : []),
    ]),
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spacing: 28,
  };
}
