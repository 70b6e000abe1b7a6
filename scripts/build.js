// `npm run build` (and `prepare`, so `npm ci` and `npm pack` run it): src/ → dist/, the
// JavaScript the installed `hotbed` runs. See src/design-choices.md, "Running and output".
//
// 1. dist/ is emptied, so that no module removed from src/ survives in the package.
// 2. tsc compiles every module of src/ to the same path under dist/ (tsconfig.build.json):
//    paths computed from import.meta.url (package.json, scenarios/, ./worker.js) resolve
//    alike from both trees.
// 3. esbuild rewrites dist/cli/hotbed.js, the command's entry, as one file with main.js,
//    the commands' options (*-command.js) and yargs with its dependencies. Node.js pays for
//    every module file it loads (about 40 for yargs), and these are loaded by every
//    command, `--help` included. Every other module of Hotbed stays where tsc put it and is
//    imported by its path (messages/, common-options.js, the handlers, …): the bundled
//    modules are loaded by nothing else, so no module of Hotbed is loaded twice (a
//    UserError a handler throws is the class main.ts checks for).
// 4. esbuild rewrites dist/charts/vega.js, the charts' one door to Vega and Vega-Lite, as
//    one file with both libraries (about 270 module files, loaded by every report).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const cli = join(dist, 'cli');
const entry = join(cli, 'hotbed.js');
const vegaDoor = join(dist, 'charts', 'vega.js');

rmSync(dist, { recursive: true, force: true });

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });

/** Of Hotbed's own modules, only main.js and the *-command.js modules are bundled; other imports stay as written (every bundled importer is in dist/cli/, beside the output, so the paths still hold). */
const bundled = (file) => dirname(file) === cli && /^(main|[a-z]+-command)\.js$/.test(basename(file));
const ownModulesStayModules = {
  name: 'own-modules-stay-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      // Relative imports inside packages (yargs's own files) are bundled as usual.
      if (!args.importer.startsWith(dist)) return undefined;
      return bundled(resolve(args.resolveDir, args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

await build({
  entryPoints: [entry],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [ownModulesStayModules],
  logLevel: 'warning',
});

// Vega and Vega-Lite import nothing of Hotbed: everything the door imports is a package.
await build({
  entryPoints: [vegaDoor],
  outfile: vegaDoor,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

// 5. The browser explorer (`hotbed explore`): the engine for a Web Worker and the page, each
//    one classic script (a page opened from file:// may load scripts, not modules), from the
//    same src/. In the page, chart text is measured by the browser's canvas, not from font
//    files (charts/text-metrics.ts reads them with node:fs).
const explorerAssets = join(dist, 'explorer', 'assets');
const pageTextWidth = {
  name: 'page-text-width',
  setup(b) {
    b.onResolve({ filter: /\/text-metrics\.js$/ }, () => ({ path: join(root, 'src', 'explorer', 'page', 'text-width.ts') }));
  },
};
const browser = { bundle: true, platform: 'browser', format: 'iife', target: 'chrome120', minify: true, legalComments: 'none', logLevel: 'warning' };
await build({ ...browser, entryPoints: [join(root, 'src', 'explorer', 'worker.ts')], outfile: join(explorerAssets, 'worker.js') });
await build({ ...browser, entryPoints: [join(root, 'src', 'explorer', 'page', 'main.ts')], outfile: join(explorerAssets, 'explorer.js'), plugins: [pageTextWidth] });
for (const file of ['index.html', 'explorer.css']) copyFileSync(join(root, 'src', 'explorer', 'page', file), join(explorerAssets, file));

// Executable, as bin: `npx hotbed` in this folder runs the file itself (an installed package gets the mode from npm).
chmodSync(entry, 0o755);
