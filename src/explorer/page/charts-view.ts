/**
 * The report's own charts (the same Vega-Lite specs as `hotbed run` writes), drawn by
 * vega-embed from the run's inputs cut at the day shown, so that they grow as the days
 * pass. Redrawn at most every REDRAW_MS while playing.
 */
import embed from 'vega-embed';
import type { ReportInputs } from '../../charts/inputs.js';
import { channelsSpec } from '../../charts/specs/channels.js';
import { cumulativeSpec } from '../../charts/specs/cumulative.js';
import { flowSpec } from '../../charts/specs/flow.js';
import type { TopLevelSpec } from '../../charts/specs/common.js';

const REDRAW_MS = 400;

const CHARTS: readonly { id: string; spec: (inputs: ReportInputs) => TopLevelSpec | undefined }[] = [
  { id: 'cumulative', spec: cumulativeSpec },
  { id: 'flow', spec: flowSpec },
  { id: 'channels', spec: channelsSpec },
];

/** The inputs as they stood at the end of `date`: rows after it left out (months that have begun are kept). */
export function inputsUpTo(inputs: ReportInputs, date: string): ReportInputs {
  const month = date.slice(0, 7);
  return {
    ...inputs,
    cumulative: inputs.cumulative.filter((r) => r.date <= date),
    flow: inputs.flow.filter((r) => r.month <= month),
    byChannel: inputs.byChannel.filter((r) => r.month <= month),
  };
}

export class ChartsView {
  private last = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private drawing = Promise.resolve();

  constructor(private readonly container: HTMLElement) {}

  /** Draws the charts at `date`; `now` skips the throttle (a pause, a step, the end). */
  draw(inputs: ReportInputs, date: string, now = false): void {
    if (this.pending) clearTimeout(this.pending);
    const wait = now ? 0 : Math.max(0, this.last + REDRAW_MS - performance.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.last = performance.now();
      this.drawing = this.drawing.then(() => this.render(inputsUpTo(inputs, date)));
    }, wait);
  }

  private async render(inputs: ReportInputs): Promise<void> {
    for (const chart of CHARTS) {
      let figure = this.container.querySelector<HTMLElement>(`#chart-${chart.id}`);
      if (!figure) {
        figure = document.createElement('figure');
        figure.id = `chart-${chart.id}`;
        this.container.append(figure);
      }
      const spec = chart.spec(inputs);
      if (!spec) {
        figure.replaceChildren();
        continue;
      }
      // vega-embed renders into a fresh element, swapped in when done: no blank frame between two days.
      const target = document.createElement('div');
      await embed(target, spec as never, { actions: false, renderer: 'svg' });
      figure.replaceChildren(target);
    }
  }
}
