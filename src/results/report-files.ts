/**
 * The report's files (charts/*.vl.json, *.svg, *.png, report.html) from its
 * inputs, through the charts module. Everything is built in memory, so a chart
 * that cannot be rendered rejects before the commands write anything.
 */
import type { ReportInputs } from '../charts/inputs.js';
import { buildReport } from '../charts/report.js';

export function reportFiles(inputs: ReportInputs): Promise<Record<string, string | Uint8Array>> {
  return buildReport(inputs);
}
