// Entry of a worker thread (piscina). TypeScript runs through tsx, so this plain-JavaScript
// file registers tsx in the thread and then loads the worker itself.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');
export default worker.default;
