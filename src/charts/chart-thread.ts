/**
 * A thread beside the main one for the report's work that needs no Vega: the PNGs and the
 * network map's layout. The main thread meanwhile lays out the other charts with Vega.
 *
 * - PNGs: resvg's `renderAsync` rasterized on libuv's pool, but its `asPng` (the PNG
 *   encoding, 15–40 ms a chart at twice the SVG's size) ran on the calling thread.
 * - The layout: 400 ForceAtlas2 iterations over the map's 200 people, 300–400 ms.
 *
 * Both run the same functions with the same arguments as on the main thread (`renderPng`'s
 * resvg calls, `layoutNetwork`): the same bytes.
 */
import { Worker } from 'node:worker_threads';
import type { ReportInputs } from './inputs.js';
import type { Point } from './layout.js';
import { pngOptions } from './render.js';

type Network = Pick<NonNullable<ReportInputs['network']>, 'nodes' | 'ties' | 'recruitments'>;

export type ChartThreadJob =
  | { id: number; kind: 'png'; svg: string; options: ReturnType<typeof pngOptions> }
  | { id: number; kind: 'layout'; network: Network; seed: number };

export type ChartThreadReply =
  | { id: number; png: Uint8Array }
  | { id: number; positions: [id: number, x: number, y: number][] }
  | { id: number; error: string };

export interface ChartThread {
  /** The SVG's PNG (as `renderPng`); rejects with resvg's message if it cannot be drawn. */
  png(svg: string): Promise<Uint8Array>;
  /** The network's positions (as `layoutNetwork(network, seed)`). */
  layout(network: Network, seed: number): Promise<Map<number, Point>>;
  /** Stops the thread; what is still being drawn is rejected. */
  close(): Promise<void>;
}

export function startChartThread(): ChartThread {
  // ./chart-thread-worker.js: the compiled module in dist/, a tsx shim beside the sources
  const worker = new Worker(new URL('./chart-thread-worker.js', import.meta.url));
  const pending = new Map<number, { resolve: (reply: ChartThreadReply) => void; reject: (err: Error) => void }>();
  let next = 0;
  let failed: Error | undefined;
  const failAll = (err: Error) => {
    failed ??= err;
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  };
  worker.on('message', (reply: ChartThreadReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`charts/chart-thread: the chart thread stopped (exit code ${code})`)));
  const send = (job: ChartThreadJob): Promise<ChartThreadReply> => {
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      pending.set(job.id, { resolve, reject });
      worker.postMessage(job);
    });
  };
  return {
    async png(svg) {
      const reply = await send({ id: next++, kind: 'png', svg, options: pngOptions(svg) });
      if (!('png' in reply)) throw new Error('charts/chart-thread: a PNG job answered without a PNG');
      return reply.png;
    },
    async layout(network, seed) {
      const reply = await send({ id: next++, kind: 'layout', network: { nodes: network.nodes, ties: network.ties, recruitments: network.recruitments }, seed });
      if (!('positions' in reply)) throw new Error('charts/chart-thread: a layout job answered without positions');
      return new Map(reply.positions.map(([id, x, y]) => [id, { x, y }]));
    },
    async close() {
      await worker.terminate();
    },
  };
}
