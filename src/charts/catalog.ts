/**
 * The charts of a report, in report order: file name, title, spec builder, caption,
 * key-number table (charts 1–3) and why it may be left out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportInputs } from './inputs.js';
import { captions, skipReasons } from './captions.js';
import { avertedSpec, versusReferenceTitle } from './specs/averted.js';
import { byPlaceSpec, byPlaceTitle } from './specs/by-place.js';
import { channelsSpec, channelsTitle } from './specs/channels.js';
import { cumulativeSpec, cumulativeTitle } from './specs/cumulative.js';
import { flowSpec, flowTitle } from './specs/flow.js';
import { hotbedWindowsSpec, hotbedWindowsTitle } from './specs/hotbed-windows.js';
import { degreeSpec, degreeTitle, networkMapSpec, networkMapTitle } from './specs/network.js';
import { preparationSpec, preparationTitle } from './specs/preparation.js';
import { statisticsSpec, statisticsTitle } from './specs/statistics.js';
import { type Table, avertedTable, byPlaceTable, cumulativeTable } from './tables.js';

export interface Chart {
  /** File stem: charts/<name>.vl.json, .svg, .png. */
  name: string;
  /** A fixed title, or one that follows the inputs (chart 2: travellers averted or the change versus the reference). */
  title: string | ((inputs: ReportInputs) => string);
  /** The Vega-Lite spec with its data, or undefined when there is nothing to draw. */
  spec: (inputs: ReportInputs) => TopLevelSpec | undefined;
  caption: (inputs: ReportInputs) => string;
  table?: (inputs: ReportInputs) => Table | undefined;
  /** Why the chart is left out when `spec` returns undefined. */
  skipReason: (inputs: ReportInputs) => string;
  /** Drawn only when asked for (the scenario's outputs): left out silently rather than listed as not drawn. */
  optional?: boolean;
  /** Its spec lays out the network sample (`layoutNetwork`): the report has it laid out on the chart thread beforehand. */
  laysOutNetwork?: boolean;
}

export const charts: readonly Chart[] = [
  { name: 'cumulative', title: cumulativeTitle, spec: cumulativeSpec, caption: captions.cumulative, table: cumulativeTable, skipReason: skipReasons.cumulative },
  { name: 'averted', title: versusReferenceTitle, spec: avertedSpec, caption: captions.averted, table: avertedTable, skipReason: skipReasons.averted },
  { name: 'by-place', title: byPlaceTitle, spec: byPlaceSpec, caption: captions.byPlace, table: byPlaceTable, skipReason: skipReasons.byPlace },
  { name: 'channels', title: channelsTitle, spec: channelsSpec, caption: captions.channels, skipReason: skipReasons.channels },
  { name: 'preparation', title: preparationTitle, spec: preparationSpec, caption: captions.preparation, skipReason: skipReasons.preparation },
  { name: 'hotbed-windows', title: hotbedWindowsTitle, spec: hotbedWindowsSpec, caption: captions.hotbedWindows, skipReason: skipReasons.hotbedWindows },
  { name: 'flow', title: flowTitle, spec: flowSpec, caption: captions.flow, skipReason: skipReasons.flow },
  { name: 'network-degree', title: degreeTitle, spec: degreeSpec, caption: captions.networkDegree, skipReason: skipReasons.networkDegree },
  { name: 'network-map', title: networkMapTitle, spec: networkMapSpec, caption: captions.networkMap, skipReason: skipReasons.networkMap, laysOutNetwork: true },
  { name: 'statistics', title: statisticsTitle, spec: statisticsSpec, caption: captions.statistics, skipReason: skipReasons.statistics, optional: true },
];

export const chartNames: readonly string[] = charts.map((c) => c.name);

export const chartTitle = (chart: Chart, inputs: ReportInputs): string => (typeof chart.title === 'string' ? chart.title : chart.title(inputs));
