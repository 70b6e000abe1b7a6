/**
 * The report's own charts (the same Vega-Lite specs as `hotbed run` writes), drawn once per
 * run by vega-embed and then grown day by day through their `shownUpTo` parameter
 * (growing-spec.ts), at most every REDRAW_MS while playing.
 */
import embed, { type Result } from 'vega-embed';
import type { ReportInputs } from '../../charts/inputs.js';
import { channelsSpec } from '../../charts/specs/channels.js';
import { cumulativeSpec } from '../../charts/specs/cumulative.js';
import { flowSpec } from '../../charts/specs/flow.js';
import { utcMs, type TopLevelSpec } from '../../charts/specs/common.js';
import { growingSpec, SHOWN_UP_TO } from '../growing-spec.js';

const REDRAW_MS = 500;

const CHARTS: readonly { id: string; spec: (inputs: ReportInputs) => TopLevelSpec | undefined }[] = [
  { id: 'cumulative', spec: cumulativeSpec },
  { id: 'flow', spec: flowSpec },
  { id: 'channels', spec: channelsSpec },
];

export class ChartsView {
  private views: Result[] = [];
  private shown: ReportInputs | undefined;
  private target = 0;
  private last = 0;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private drawing: Promise<void> = Promise.resolve();

  constructor(private readonly container: HTMLElement) {}

  /** Shows the charts of `inputs` up to the end of `date`; `now` skips the throttle (a pause, a step, the end). */
  draw(inputs: ReportInputs, date: string, now = false): void {
    this.target = utcMs(date);
    if (inputs !== this.shown) {
      this.shown = inputs;
      this.drawing = this.drawing.then(() => this.embedAll(inputs));
      return;
    }
    if (this.pending) return;
    const wait = now ? 0 : Math.max(0, this.last + REDRAW_MS - performance.now());
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.last = performance.now();
      this.drawing = this.drawing.then(() => this.move());
    }, wait);
  }

  private async move(): Promise<void> {
    await Promise.all(this.views.map((v) => v.view.signal(SHOWN_UP_TO, this.target).runAsync()));
  }

  private async embedAll(inputs: ReportInputs): Promise<void> {
    for (const v of this.views) v.finalize();
    this.views = [];
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
      const target = document.createElement('div');
      // Canvas: a grown chart is redrawn, not rebuilt as SVG elements, every few frames.
      const result = await embed(target, growingSpec(spec, this.target) as never, { actions: false, renderer: 'canvas', logLevel: 1 });
      this.views.push(result);
      figure.replaceChildren(target);
    }
    await this.move();
  }
}
