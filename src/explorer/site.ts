/**
 * The explorer as files: the page and its worker (built from src/ by the package's build),
 * and data.js with the scenarios it offers, each merged with what it extends. The same
 * files are served by `hotbed explore` and written by `hotbed explore --build DIR`; they
 * work from any static host and from file://.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED } from '../batch/shipped.js';
import { explorerMessages } from '../messages/explorer.js';
import { loadScenario, readMergedScenario } from '../scenario/load.js';
import { validateScenario } from '../scenario/validate.js';
import { isUserError } from '../messages/errors.js';
import type { ExplorerScenario } from './session.js';

/** Where the build puts the page and worker bundles: beside this module in dist/, or dist/ of the source tree when run from src/. */
const ASSET_FOLDERS = [fileURLToPath(new URL('./assets/', import.meta.url)), fileURLToPath(new URL('../../dist/explorer/assets/', import.meta.url))];

export const ASSET_FILES = ['index.html', 'explorer.css', 'explorer.js', 'worker.js'] as const;

export interface ExplorerSite {
  /** File name → content, every file of the site. */
  files: Record<string, string | Uint8Array>;
  scenarios: ExplorerScenario[];
}

/** The site for `chosen` (a scenario file) and the shipped scenarios after it. */
export function explorerSite(chosen: string, version: string): ExplorerSite {
  const assets = ASSET_FOLDERS.find((dir) => ASSET_FILES.every((f) => existsSync(join(dir, f))));
  if (!assets) throw explorerMessages.notBuilt();
  loadScenario(chosen); // a mistake in the file is the user's: refused here, with its line, as `hotbed run` would
  const first = offered(chosen, nameOf(chosen));
  const scenarios = [first, ...shippedScenarios().filter((s) => s.file !== first.file)];
  const data = { version, scenarios, chosen: 0 };
  const files: Record<string, string | Uint8Array> = {};
  for (const f of ['index.html', 'explorer.css', 'explorer.js'] as const) files[f] = readFileSync(join(assets, f));
  files['worker-source.js'] = `globalThis.HOTBED_WORKER_SOURCE = ${JSON.stringify(readFileSync(join(assets, 'worker.js'), 'utf8'))};\n`;
  files['data.js'] = `globalThis.HOTBED_EXPLORER = ${JSON.stringify(data)};\n`;
  return { files, scenarios };
}

/** The name `extends:` gives a scenario in a settings file saved beside it: a shipped file's path inside scenarios/, else its file name. */
function nameOf(file: string): string {
  const inside = relative(SHIPPED, resolve(file));
  return !inside.startsWith('..') && !inside.startsWith('/') ? inside.split('\\').join('/') : basename(file);
}

function offered(file: string, name: string): ExplorerScenario {
  const value = readMergedScenario(file);
  return { file: name, title: typeof value.title === 'string' ? value.title : name, value };
}

/** The shipped scenarios a student can run as they are (not calibrations, experiments or targets): those that load. */
function shippedScenarios(): ExplorerScenario[] {
  const out: ExplorerScenario[] = [];
  for (const dir of ['', 'classics']) {
    const folder = join(SHIPPED, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!name.endsWith('.yaml') || name.startsWith('calibration')) continue;
      const file = join(folder, name);
      const scenario = offered(file, dir ? `${dir}/${name}` : name);
      try {
        validateScenario(structuredClone(scenario.value), () => ({ file }));
      } catch (e) {
        if (isUserError(e)) continue; // an experiment, or a base that is not a scenario by itself
        throw e;
      }
      out.push(scenario);
    }
  }
  return out;
}
