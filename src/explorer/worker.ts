/**
 * The explorer's Web Worker: runs the engine off the page's thread, so the page stays
 * responsive while a run is made. One message in, one out; nothing is fetched.
 */
import { isUserError } from '../messages/errors.js';
import { compareWithDefaults, describeSettings, exploreRun, type ExplorerRequest } from './session.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, kind, request } = event.data;
  void answer(id, kind, request).then(
    (reply) => scope.postMessage(reply),
    (error: unknown) => scope.postMessage({ id, kind: 'error', message: isUserError(error) ? error.message : `Hotbed failed: ${String((error as Error)?.stack ?? error)}` }),
  );
};

async function answer(id: number, kind: WorkerRequest['kind'], request: ExplorerRequest): Promise<WorkerReply> {
  if (kind === 'describe') return { id, kind: 'described', description: describeSettings(request) };
  if (kind === 'compare') return { id, kind: 'compared', inputs: await compareWithDefaults(request) };
  return { id, kind: 'ran', run: exploreRun(request) };
}
