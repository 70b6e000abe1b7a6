/**
 * The chart thread's code (started by chart-thread.ts): draws PNGs with resvg and lays out
 * the network map, each job as the main thread would (the same functions, the same
 * arguments), so the bytes are the same.
 */
import { Resvg } from '@resvg/resvg-js';
import { parentPort } from 'node:worker_threads';
import { layoutNetwork } from './layout.js';
import type { ChartThreadJob, ChartThreadReply } from './chart-thread.js';

const port = parentPort;
if (!port) throw new Error('charts/chart-thread-worker: started outside a worker thread');

port.on('message', (job: ChartThreadJob) => {
  try {
    if (job.kind === 'png') {
      const png = new Resvg(job.svg, job.options).render().asPng();
      const bytes = new Uint8Array(png); // a copy of exactly the PNG's bytes, handed over without another
      reply({ id: job.id, png: bytes }, [bytes.buffer]);
    } else {
      const positions = layoutNetwork(job.network, job.seed);
      reply({ id: job.id, positions: [...positions].map(([id, p]) => [id, p.x, p.y]) });
    }
  } catch (err) {
    reply({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});

function reply(message: ChartThreadReply, transfer: ArrayBuffer[] = []): void {
  port!.postMessage(message, transfer);
}
