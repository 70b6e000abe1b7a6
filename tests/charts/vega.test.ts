/**
 * Vega and Vega-Lite are loaded through charts/vega.ts alone: the build bundles that module
 * with both libraries into one file, so a run-time import of either anywhere else would load
 * a second copy of Vega beside the bundle's (its own text metrics, its own views).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const DOOR = 'charts/vega.ts';

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** Packages a module loads at run time: static imports and re-exports that are not `import type`, and `import()`. */
function runTimePackages(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^'.][^']*)'/gm)) {
    const names = /^\{([^}]*)\}$/.exec(m[2]!.trim())?.[1];
    const onlyTypes = m[1] !== undefined || (names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type ')));
    if (!onlyTypes) found.push(m[3]!);
  }
  for (const m of text.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)/g)) found.push(m[1]!);
  return found;
}

describe('the door to Vega', () => {
  it('tells run-time imports from type imports', () => {
    expect(runTimePackages("import type * as vega from 'vega';\nimport { type TopLevelSpec } from 'vega-lite';\nimport { compile } from 'vega-lite';\nexport { View } from 'vega';\nconst v = await import('vega');"))
      .toEqual(['vega-lite', 'vega', 'vega']);
  });

  it('is the only module of src/ that loads vega or vega-lite', () => {
    const importers = walk(SRC)
      .filter((file) => runTimePackages(readFileSync(file, 'utf8')).some((p) => p === 'vega' || p === 'vega-lite' || p.startsWith('vega/') || p.startsWith('vega-lite/')))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual([DOOR]);
  });
});
