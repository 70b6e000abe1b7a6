/**
 * How a scenario that `extends` another overrides it: mappings merge key by key;
 * lists of named items (regions, countries, communities, …) merge by name, so a
 * child can change one country without repeating the world; interventions merge
 * by label (a child's intervention with a parent's label changes it, key by key;
 * the others are added after the parent's), so that a counterfactual adds its
 * measures to those its parent already has; any other list is replaced whole, and an empty
 * list clears what the parent had.
 */
type Plain = Record<string, unknown>;

export const isPlainObject = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isNamedList = (v: unknown): v is Plain[] =>
  Array.isArray(v) && v.length > 0 && v.every((e) => isPlainObject(e) && typeof e.name === 'string');

const isObjectList = (v: unknown): v is Plain[] => Array.isArray(v) && v.every(isPlainObject);

/** Sets a key without letting `__proto__` or `constructor` reach the prototype. */
export function setOwn(target: Plain, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function mergeScenario(base: unknown, override: unknown, key?: string): unknown {
  if (isPlainObject(base) && isPlainObject(override)) {
    const out: Plain = {};
    for (const [k, v] of Object.entries(base)) setOwn(out, k, v);
    for (const [k, v] of Object.entries(override)) setOwn(out, k, Object.hasOwn(out, k) ? mergeScenario(out[k], v, k) : v);
    return out;
  }
  if (key === 'interventions' && isObjectList(base) && isObjectList(override) && override.length > 0) {
    const out = base.slice();
    for (const item of override) {
      const at = typeof item.label === 'string' ? out.findIndex((b) => b.label === item.label) : -1;
      if (at >= 0) out[at] = mergeScenario(out[at], item) as Plain;
      else out.push(item);
    }
    return out;
  }
  if (isNamedList(base) && isNamedList(override)) {
    const out = base.slice();
    for (const item of override) {
      const at = out.findIndex((b) => b.name === item.name);
      if (at >= 0) out[at] = mergeScenario(out[at], item) as Plain;
      else out.push(item);
    }
    return out;
  }
  return override;
}

/** Path segments with list positions replaced by item names where items have names. */
export function namedPath(root: unknown, path: readonly PropertyKey[]): string[] {
  const out: string[] = [];
  let node: unknown = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      const item = node[segment];
      out.push(isPlainObject(item) && typeof item.name === 'string' ? item.name : String(segment));
      node = item;
    } else {
      out.push(String(segment));
      node = isPlainObject(node) ? node[String(segment)] : undefined;
    }
  }
  return out;
}

export const formatPath = (segments: readonly string[]): string => segments.join('.');

/**
 * The same place in another (source) value: list positions are found again by
 * item name. Undefined when that source does not hold the path.
 */
export function translatePath(merged: unknown, path: readonly PropertyKey[], source: unknown): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  let m: unknown = merged;
  let s: unknown = source;
  for (const segment of path) {
    if (Array.isArray(m) && typeof segment === 'number') {
      if (!Array.isArray(s)) return out.length ? out : undefined;
      const item = m[segment];
      const name = isPlainObject(item) ? item.name : undefined;
      // By name; the k-th item of a name in `merged` is the k-th of that name in the source (names may repeat by mistake).
      // Interventions are found again by label, as they merge.
      const label = isPlainObject(item) && typeof item.label === 'string' ? item.label : undefined;
      const at = typeof name === 'string'
        ? nthIndex(s, name, m.slice(0, segment).filter((e) => isPlainObject(e) && e.name === name).length)
        : label !== undefined ? s.findIndex((e) => isPlainObject(e) && e.label === label) : segment;
      if (at < 0 || at >= s.length) return undefined;
      out.push(at);
      m = item;
      s = s[at];
    } else {
      const key = String(segment);
      if (!isPlainObject(s) || !Object.hasOwn(s, key)) return undefined;
      out.push(key);
      m = isPlainObject(m) ? m[key] : undefined;
      s = s[key];
    }
  }
  return out;
}

function nthIndex(list: readonly unknown[], name: string, n: number): number {
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (isPlainObject(e) && e.name === name && n-- === 0) return i;
  }
  return -1;
}
