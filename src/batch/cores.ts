/** How many worker threads the many-runs layer starts unless told: its own module, so that option help can say it without loading the pool. */
import { availableParallelism } from 'node:os';

/** All the cores this process may use. */
export const defaultWorkers = () => Math.max(1, availableParallelism());
