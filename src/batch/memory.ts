/**
 * How much memory a run may plan for: 75 % of the machine's, shared by the
 * threads that each hold one world at a time. The rest is left to the system,
 * Node's own heap and the tables being written.
 */
import { totalmem } from 'node:os';

export const MEMORY_SHARE = 0.75;

export function memoryLimitBytes(threads = 1): number {
  return Math.floor((totalmem() * MEMORY_SHARE) / Math.max(1, threads));
}
