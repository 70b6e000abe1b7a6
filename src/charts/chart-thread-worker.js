// Entry of the chart thread when Hotbed runs from the TypeScript sources (tests,
// development): registers tsx in the thread, then loads the thread's code. In the build,
// chart-thread-worker.ts compiles to dist/charts/chart-thread-worker.js, which takes this
// file's place.
import { register } from 'tsx/esm/api';

register();
await import('./chart-thread-worker.ts');
