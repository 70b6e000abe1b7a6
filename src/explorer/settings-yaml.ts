/**
 * The explorer's settings as a scenario file: `extends:` the scenario explored, and only
 * what changed, written so that loading it (merge by key, lists of places by name,
 * interventions by label) gives the same scenario as the explorer's `--set`-style changes.
 * `hotbed run` on it then prints the explorer's numbers.
 */
import { stringify } from 'yaml';
import { isPlainObject } from '../scenario/merge.js';
import { applyOverrides, parseOverride } from '../scenario/overrides.js';
import { valueAt } from './controls.js';
import type { ExplorerScenario } from './session.js';

export function settingsYaml(scenario: ExplorerScenario, changes: readonly string[], title?: string): string {
  const changed = applyOverrides(scenario.value, changes.map((c) => parseOverride(c))).value;
  const file: Record<string, unknown> = { extends: scenario.file };
  if (title !== undefined) file.title = title;
  for (const change of changes) {
    const path = change.slice(0, change.indexOf('=')).trim().split('.').map((s) => s.trim());
    const value = valueAt(changed, path.join('.'));
    if (path.length === 1 && path[0] === 'interventions' && Array.isArray(value)) {
      const shipped = new Set(listOf(scenario.value.interventions).map((i) => i.label));
      const added = value.filter((i) => !(isPlainObject(i) && shipped.has(i.label)));
      if (added.length) file.interventions = added;
      continue;
    }
    writeAt(file, scenario.value, path, value);
  }
  const header = [
    `# Settings made in the Hotbed explorer from ${scenario.file}.`,
    `# Keep this file beside ${scenario.file} (\`hotbed init\` copies the shipped scenarios) and run:`,
    '#   hotbed run THIS-FILE',
  ];
  return `${header.join('\n')}\n${stringify(file, { lineWidth: 0 })}`;
}

/** Writes `value` at `path` in `file`, making a list item `{ name }` wherever the scenario has a list of named items. */
function writeAt(file: Record<string, unknown>, shipped: unknown, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = file;
  let original: unknown = shipped;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (Array.isArray(original)) {
      // `node` stands for the list: kept under the key as an array of { name, … }.
      throw new Error(`explorer/settings-yaml: path ${path.join('.')} reaches a list where a key was expected`);
    }
    const next = isPlainObject(original) ? original[segment] : undefined;
    if (last) {
      node[segment] = value;
      return;
    }
    if (Array.isArray(next)) {
      const list = (Array.isArray(node[segment]) ? node[segment] : (node[segment] = [])) as Record<string, unknown>[];
      const itemName = path[i + 1]!;
      const key = next.some((e) => isPlainObject(e) && e.name === itemName) ? 'name' : 'label';
      let item = list.find((e) => e[key] === itemName);
      if (!item) list.push(item = { [key]: itemName });
      const shippedItem = next.find((e) => isPlainObject(e) && e[key] === itemName);
      if (i + 2 === path.length) return; // the whole item is not a setting the explorer changes
      writeAt(item, shippedItem, path.slice(i + 2), value);
      return;
    }
    if (!isPlainObject(node[segment])) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
    original = next;
  }
}

function listOf(x: unknown): Record<string, unknown>[] {
  return Array.isArray(x) ? x.filter(isPlainObject) : [];
}
