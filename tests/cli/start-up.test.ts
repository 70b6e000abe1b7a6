/**
 * What `hotbed` loads before a command runs: main.ts and every command's options, so all of
 * it is paid by `hotbed --help`, `--version` and every run. It must hold none of the model:
 * each command module loads its handler (and with it the loaders, the engine, the charts, the
 * worker pool) only when the command runs. Checked on the static import graph of the entry,
 * not by timing; the benchmark times the start (tests/bench/, "start-up").
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ENTRY = join(SRC, 'cli', 'hotbed.ts');

/** Imports that load a module when this one loads: not `import type`, not `import()`. */
function staticImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*'([^']+)'/gm)) {
    if (m[1] !== undefined) continue;
    const names = /^\{([^}]*)\}$/.exec(m[2]!.trim())?.[1];
    const allTypes = names !== undefined && names.split(',').map((n) => n.trim()).filter(Boolean).every((n) => n.startsWith('type '));
    if (!allTypes) out.push(m[3]!);
  }
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
  return out;
}

/** The modules of src/ (relative paths) and the packages that loading `entry` loads. */
function loadedBy(entry: string): { modules: string[]; packages: string[] } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    const rel = relative(SRC, file);
    if (modules.has(rel)) return;
    modules.add(rel);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec).replace(/\.js$/, '.ts'));
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(entry);
  return { modules: [...modules].sort(), packages: [...packages].sort() };
}

const commandModules = readdirSync(join(SRC, 'cli')).filter((f) => f.endsWith('-command.ts')).sort();

describe('what hotbed loads before a command runs', () => {
  it('reads static imports, multi-line ones too, and leaves out types and import()', () => {
    expect(staticImports("import a from 'a';\nimport {\n  b,\n  type C,\n} from './b.js';\nimport type { D } from './d.js';\nimport { type E } from './e.js';\nexport { f } from './f.js';\nimport 'g';\nconst h = await import('./h.js');"))
      .toEqual(['a', './b.js', './f.js', 'g']);
  });

  const { modules, packages } = loadedBy(ENTRY);

  it('loads main and the options of every command', () => {
    expect(modules).toEqual(expect.arrayContaining(['cli/main.ts', ...commandModules.map((f) => `cli/${f}`)]));
    expect(commandModules.length).toBeGreaterThanOrEqual(10);
  });

  it('loads yargs and messages, and nothing of the model', () => {
    expect(packages).toEqual(['fastest-levenshtein', 'yargs']);
    const outside = modules.filter((m) => !m.startsWith('cli/') && !m.startsWith('messages/'));
    // batch/temporaries.ts: main removes a failed command's temporaries (node:fs and node:os only).
    expect(outside).toEqual(['batch/cores.ts', 'batch/temporaries.ts', 'scenario/levels.ts', 'scenario/suggest.ts']);
    expect(modules.filter((m) => m.endsWith('-handler.ts'))).toEqual([]);
  });

  it('loads main and the command modules from the entry only, as the build bundles them into it', () => {
    // scripts/build.js puts main and every *-command module into dist/cli/hotbed.js; a runtime
    // import of one from elsewhere would load a second copy of it beside the bundle's.
    const bundled = new Set(['cli/main.ts', ...commandModules.map((f) => `cli/${f}`)]);
    const importers: string[] = [];
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : []));
    for (const file of walk(SRC)) {
      const rel = relative(SRC, file);
      if (bundled.has(rel) || rel === 'cli/hotbed.ts') continue;
      const text = readFileSync(file, 'utf8');
      const dynamic = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
      for (const spec of [...staticImports(text), ...dynamic]) {
        if (spec.startsWith('.') && bundled.has(relative(SRC, resolve(dirname(file), spec).replace(/\.js$/, '.ts')))) importers.push(`${rel} → ${spec}`);
      }
    }
    expect(importers).toEqual([]);
  });

  it('has every command load its handler when it runs', () => {
    for (const f of commandModules) {
      const handler = f.replace(/-command\.ts$/, '-handler');
      expect(readFileSync(join(SRC, 'cli', f), 'utf8'), f).toContain(`await import('./${handler}.js')`);
      expect(existsSync(join(SRC, 'cli', `${handler}.ts`)), handler).toBe(true);
    }
  });
});
