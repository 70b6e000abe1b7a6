/**
 * PNGs drawn on a thread of their own, while the main thread lays out the next chart.
 * resvg's `renderAsync` rasterizes on libuv's pool, but `asPng` (the PNG encoding, 15–40 ms
 * a chart at twice the SVG's size) runs on the calling thread: in a single-town report that
 * was about 200 ms of the main thread's work. The thread makes the same resvg calls with
 * the same options (`pngOptions`): the same bytes as `renderPng`.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { pngOptions } from './render.js';

export interface PngThread {
  /** The SVG's PNG (as `renderPng`); rejects with resvg's message if it cannot be drawn. */
  render(svg: string): Promise<Uint8Array>;
  /** Stops the thread; what is still being drawn is rejected. */
  close(): Promise<void>;
}

// The thread needs nothing of Hotbed, only resvg: plain CommonJS that runs from either tree
// (the sources through tsx, or dist/), given resvg's resolved path.
const THREAD_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    const bytes = new Uint8Array(png); // a copy of exactly the PNG's bytes, handed over without another
    parentPort.postMessage({ id, png: bytes }, [bytes.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
`;

type Reply = { id: number; png: Uint8Array } | { id: number; error: string };

export function startPngThread(): PngThread {
  const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
  const worker = new Worker(THREAD_CODE, { eval: true, workerData: { resvg } });
  const pending = new Map<number, { resolve: (png: Uint8Array) => void; reject: (err: Error) => void }>();
  let next = 0;
  let failed: Error | undefined;
  const failAll = (err: Error) => {
    failed ??= err;
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.reject(new Error(reply.error));
    else p.resolve(reply.png);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`charts/png-thread: the PNG thread stopped (exit code ${code})`)));
  return {
    render(svg) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, svg, options: pngOptions(svg) });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
