/**
 * The page's side of the worker: the worker's code comes as text from a classic script
 * (worker-source.js), so that the explorer also opens from file://, where a page may not
 * start a worker from a file; each request gets its reply by id.
 */
import type { ExplorerRequest } from '../session.js';
import type { WorkerReply, WorkerRequest } from '../protocol.js';

declare global {
  // Set by worker-source.js.
  var HOTBED_WORKER_SOURCE: string | undefined;
}

export class WorkerClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: WorkerReply) => void>();

  constructor() {
    const source = globalThis.HOTBED_WORKER_SOURCE;
    if (!source) throw new Error('explorer: worker-source.js did not load');
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    this.worker = new Worker(url);
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data);
    };
  }

  ask(kind: WorkerRequest['kind'], request: ExplorerRequest): Promise<WorkerReply> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ id, kind, request } satisfies WorkerRequest);
    });
  }
}
