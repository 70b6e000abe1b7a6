/**
 * Chart 4: new recruits per month by channel (media, peer, group), one row per
 * scenario: counts on the left, shares on the right, so that a reader sees both how
 * many and whether direct contact (peer, group) gains on media.
 */
import type { Field, PositionFieldDef } from 'vega-lite/types_unstable/channeldef.js';
import type { ReportInputs } from '../inputs.js';
import {
  type TopLevelSpec,
  type View,
  CHANNEL_COLOURS,
  CHANNEL_ORDER,
  INK,
  PLOT_WIDTH,
  bandLabel,
  fitAxisTitle,
  frame,
  isoDay,
  monthSpan,
  scenarioOrder,
  timeX,
  unique,
} from './common.js';

export const channelsTitle = 'Recruitment by channel';

const PANEL_HEIGHT = 150;

export function channelsSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const rows = inputs.byChannel;
  if (rows.length === 0 || rows.every((r) => r.recruits === 0)) return undefined;
  const present = unique(rows.map((r) => r.scenario));
  const scenarios = scenarioOrder(inputs, present).filter((s) => present.includes(s));
  // bars span their months: the axis covers whole months even when the period starts or ends mid-month
  const x: PositionFieldDef<Field> = { ...timeX(inputs, 'month', { maxTicks: 4, ...monthSpan(rows.map((r) => r.month)) }), timeUnit: 'utcyearmonth' };
  const color = {
    field: 'channel',
    type: 'nominal',
    title: 'Channel',
    scale: { domain: [...CHANNEL_ORDER], range: CHANNEL_ORDER.map((c) => CHANNEL_COLOURS[c]) },
    sort: [...CHANNEL_ORDER],
    legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square', title: 'Channel' },
  } as const;
  const order = { field: 'order', type: 'quantitative', sort: 'ascending' } as const;
  const panelWidth = Math.floor((PLOT_WIDTH - 90) / 2);
  // "Recruits (people per month)" on one line is longer than the panel: it ran past it into
  // the time axis's labels and the scenario's name above
  const peopleTitle = fitAxisTitle('Recruits (people per month)', PANEL_HEIGHT);
  const shareTitle = fitAxisTitle('Share of recruits (%)', PANEL_HEIGHT);

  const row = (scenario: string, last: boolean): View => {
    const values = rows
      .filter((r) => r.scenario === scenario)
      .map((r) => ({ month: isoDay(r.month), channel: r.channel, recruits: r.recruits, order: CHANNEL_ORDER.indexOf(r.channel) }));
    const xAxis = { ...x, title: last ? 'Month' : null };
    return {
      title: scenarios.length > 1 ? { text: scenario, anchor: 'start', fontSize: 13, fontWeight: 'bold', color: INK, offset: 6 } : undefined,
      data: { values },
      hconcat: [
        {
          width: panelWidth,
          height: PANEL_HEIGHT,
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: xAxis,
            y: { field: 'recruits', type: 'quantitative', stack: 'zero', title: peopleTitle, axis: { format: ',d', tickCount: 4 } },
            color,
            order,
          },
        },
        {
          width: panelWidth,
          height: PANEL_HEIGHT,
          mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: xAxis,
            y: { field: 'recruits', type: 'quantitative', stack: 'normalize', title: shareTitle, axis: { format: '.0%', tickCount: 4 } },
            color,
            order,
          },
        },
      ],
      spacing: 36,
    };
  };

  return {
    ...frame(channelsTitle, [
      'New recruits per month by how they were mobilized: media, peer (through a tie) or group (leaving with friends).',
      `Left: people per month; right: share of the month's recruits. Medians of ${bandLabel(inputs.meta.replicates)}.`,
    ]),
    vconcat: scenarios.map((s, i) => row(s, i === scenarios.length - 1)),
    spacing: 22,
  };
}
