/**
 * The charts' public entry. The data side (results/, sweep/, calibration/) imports
 * this and the input types of inputs.ts, nothing else of charts/.
 *
 * Charts and the HTML report, drawn from `ReportInputs` (see inputs.ts):
 *
 *   ReportInputs ──► specs/*.ts ──► Vega-Lite spec (data inlined)  ──► charts/<name>.vl.json
 *                                        │ render.ts: vega-lite compile, vega headless
 *                                        ▼
 *                                       SVG ──► resvg + DejaVu fonts ──► charts/<name>.png
 *                                        │
 *                                        ▼
 *                     html.ts: one offline page (inline SVG and CSS) ──► report.html
 */
export type * from './inputs.js';
export { buildReport } from './report.js';
export { charts, chartNames, type Chart } from './catalog.js';
export { compileSpec, renderSvg, renderPng } from './render.js';
export { escapeHtml } from '../numeric/escape.js';
export { calibrationCharts, calibrationChartList, type CalibrationChart } from './calibration.js';
export { sweepCharts, sweepChartsByDesign, type SweepChart } from './sweep.js';
