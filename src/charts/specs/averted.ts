/**
 * Chart 2: travellers averted versus the reference at the end date, per scenario, or,
 * where the scenarios do not add counter-measures to the reference (inputs.differences),
 * the change versus the reference (scenario − reference):
 * point = median, thick bar = middle 50 %, thin bar = middle 90 %, and a zero rule.
 * The world comes first on its own axis, then the regions (a smaller scale).
 */
import type { ReportInputs } from '../inputs.js';
import {
  type Layer,
  type TopLevelSpec,
  type View,
  INK,
  PLOT_WIDTH,
  bandLabel,
  frame,
  monthYear,
  peopleAxis,
  scenarioScale,
  scenarioColourEncoding,
  unique,
} from './common.js';

export const avertedTitle = 'Travellers averted';
export const changeTitle = 'Change in travellers versus the reference';

const speaksOfChange = (inputs: ReportInputs) => inputs.differences === 'change';
export const versusReferenceTitle = (inputs: ReportInputs): string => (speaksOfChange(inputs) ? changeTitle : avertedTitle);

type Row = ReportInputs['averted'][number];

/** Height of one place's row: room for one dodged interval per scenario. */
const rowStep = (scenarios: number) => Math.max(22, 12 * scenarios + 8);

export function avertedSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const rows = inputs.averted.filter((r) => r.scenario !== inputs.meta.reference);
  if (rows.length === 0) return undefined;
  const scenarios = unique(rows.map((r) => r.scenario));
  const colour = scenarioScale(inputs, scenarios);
  const dodge = scenarios.length > 1;
  const reference = inputs.meta.reference;
  const change = speaksOfChange(inputs);

  const panel = (level: Row['level'], title: string): View | undefined => {
    const data = rows.filter((r) => r.level === level);
    if (data.length === 0) return undefined;
    const places = unique(data.map((r) => r.place));
    const y = { field: 'place', type: 'nominal', title: null, sort: places, axis: { labelLimit: 220, labelFontSize: 12 } } as const;
    const yOffset = dodge ? { yOffset: { field: 'scenario', type: 'nominal', sort: colour.domain, scale: { paddingInner: 0.2 } } as const } : {};
    const color = scenarioColourEncoding(colour, { orient: 'bottom', direction: 'horizontal', symbolType: 'circle', symbolOpacity: 1, title: 'Scenario' } as const);
    const layers: Layer[] = [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: INK, strokeWidth: 1, aria: false }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, ...yOffset, x: { field: 'p5', type: 'quantitative' }, x2: { field: 'p95' }, color } },
      { mark: { type: 'rule', strokeWidth: 7, strokeCap: 'butt', opacity: 0.55 }, encoding: { y, ...yOffset, x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' }, color } },
      {
        mark: { type: 'point', filled: true, size: 64, opacity: 1, stroke: 'white', strokeWidth: 1 },
        encoding: {
          y,
          ...yOffset,
          x: { field: 'median', type: 'quantitative', title: `${title}: ${change ? 'change' : 'averted'} vs ${reference} (people)`, axis: { ...peopleAxis, tickCount: 6 } },
          color,
        },
      },
    ];
    return {
      width: PLOT_WIDTH - 60,
      height: { step: rowStep(dodge ? scenarios.length : 1), for: 'position' },
      data: { values: data.map((r) => ({ scenario: r.scenario, place: r.place, median: r.median, p5: r.p5, p25: r.p25, p75: r.p75, p95: r.p95 })) },
      layer: layers,
    };
  };

  const panels = [panel('world', 'World'), panel('region', 'Regions')].filter((p): p is View => p !== undefined);

  return {
    ...frame(versusReferenceTitle(inputs), change
      ? [
        `Travellers by ${monthYear(inputs.endDate)}, scenario minus ${reference}, paired over ${bandLabel(inputs.meta.replicates)}.`,
        'Point: median; thick bar: middle 50%; thin bar: middle 90%. Above zero: more travellers than in the reference.',
      ]
      : [
        `Travellers averted versus ${reference} by ${monthYear(inputs.endDate)}, paired over ${bandLabel(inputs.meta.replicates)}.`,
        'Point: median; thick bar: middle 50%; thin bar: middle 90%. Below zero: more travellers than in the reference.',
      ]),
    vconcat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    spacing: 28,
  };
}
