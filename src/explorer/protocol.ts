/** What the page and the explorer's worker say to each other. */
import type { ReportInputs } from '../charts/inputs.js';
import type { ExplorerRequest, ExplorerRun, SettingsDescription } from './session.js';

export interface WorkerRequest {
  id: number;
  /**
   * describe: the controls at the settings' values and the settings as a file, without a run;
   * run: a run of the settings; compare: the shipped scenario and the settings, for charts of both.
   */
  kind: 'describe' | 'run' | 'compare';
  request: ExplorerRequest;
}

export type WorkerReply =
  | { id: number; kind: 'described'; description: SettingsDescription }
  | { id: number; kind: 'ran'; run: ExplorerRun }
  | { id: number; kind: 'compared'; inputs: ReportInputs }
  | { id: number; kind: 'error'; message: string };
