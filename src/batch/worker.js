// Entry of a worker thread (piscina) when Hotbed runs from the TypeScript sources (tests,
// development): registers tsx in the thread, then loads the worker itself. In the build,
// worker.ts compiles to dist/batch/worker.js, which takes this file's place.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
