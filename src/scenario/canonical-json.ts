/** JSON with keys sorted, so that a hash of it does not depend on key order in the file. */
import { isPlainObject } from './merge.js';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}
