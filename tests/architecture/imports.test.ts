/**
 * The import graph of src/, folder by folder. Runtime imports (those that load a module)
 * point down the layers below, so there is no cycle and the model core never loads the
 * layers above it; imports of types only are erased at run time and may point at the file
 * formats (the Scenario type), but never into the layers above the core. Calibration and
 * sweeps share the many-runs layer and never import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** Lowest first; a runtime import may only go to a lower layer (or within its own folder). */
const LAYERS: readonly (readonly string[])[] = [
  ['random', 'numeric', 'messages'],
  ['files'],
  ['network'],
  ['model'],
  ['statistics'],
  ['scenario'],
  ['world'],
  ['engine'],
  ['results', 'batch', 'charts'],
  ['experiments'],
  ['calibration', 'sweep', 'explorer'],
  ['cli'],
  ['index'],
];
const CORE = ['random', 'numeric', 'messages', 'files', 'network', 'model', 'statistics', 'scenario', 'world', 'engine'];

interface Edge { from: string; to: string; file: string; typeOnly: boolean }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|js)$/.test(f) ? [p] : [];
  });
}

const folderOf = (file: string) => relative(SRC, file).split('/')[0]!.replace(/\.(ts|js)$/, '');

/** Every relative import and re-export of a file, and whether it brings types only. */
export function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^']+)'/gm)) {
    const names = /^\{([^}]*)\}$/.exec(m[3]!.trim())?.[1];
    const allTypes = names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
    out.push({ spec: m[4]!, typeOnly: m[2] !== undefined || allTypes });
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push({ spec: m[1]!, typeOnly: false });
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out.filter((i) => i.spec.startsWith('.'));
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) => importsOf(readFileSync(file, 'utf8')).map((i) => ({
    from: folderOf(file),
    to: folderOf(resolve(dirname(file), i.spec)),
    file: relative(SRC, file),
    typeOnly: i.typeOnly,
  }))).filter((e) => e.from !== e.to);
}

const layerOf = (folder: string) => LAYERS.findIndex((l) => l.includes(folder));

describe('the import graph of src/', () => {
  const all = edges();

  it('reads imports, re-exports and type-only imports', () => {
    expect(importsOf("import { a, type B } from './x.js';\nimport type { C } from '../y.js';\nimport {\n  type D,\n} from '../z.js';\nexport { e } from './w.js';"))
      .toEqual([{ spec: './x.js', typeOnly: false }, { spec: '../y.js', typeOnly: true }, { spec: '../z.js', typeOnly: true }, { spec: './w.js', typeOnly: false }]);
  });

  it('places every folder in a layer', () => {
    const folders = new Set(sourceFiles(SRC).map(folderOf));
    expect([...folders].filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('has runtime imports that only point down the layers (so no folder cycle)', () => {
    const up = all.filter((e) => !e.typeOnly && layerOf(e.to) >= layerOf(e.from)).map((e) => `${e.file} -> ${e.to}/`);
    expect(up).toEqual([]);
  });

  it('keeps the model core free of the layers above it, types included', () => {
    const out = all.filter((e) => CORE.includes(e.from) && !CORE.includes(e.to)).map((e) => `${e.file} -> ${e.to}/`);
    expect(out).toEqual([]);
  });

  it('has no import at all between calibration/ and sweep/', () => {
    const between = all.filter((e) => (e.from === 'calibration' && e.to === 'sweep') || (e.from === 'sweep' && e.to === 'calibration'));
    expect(between.map((e) => e.file)).toEqual([]);
  });

  it('has charts/ import nothing from the data side: they meet at charts/inputs', () => {
    expect(all.filter((e) => e.from === 'charts' && !['numeric', 'random'].includes(e.to)).map((e) => `${e.file} -> ${e.to}/`)).toEqual([]);
  });
});
