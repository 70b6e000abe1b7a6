/**
 * Loading the scenario that another file names (a calibration, an experiment):
 * relative to that file, with its fixed overrides and optional scale, and with a
 * missing scenario or a bad `set` entry reported at the naming file's own line.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { isUserError, UserError } from '../messages/errors.js';
import { loadScenario, type LoadedScenario } from './load.js';
import { messages, type Where } from '../messages/scenario.js';

/** A path relative to the working folder when it is inside it, else as given. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

export interface ReferencedScenario {
  /** The scenario's path as shown in messages. */
  scenarioFile: string;
  loaded: LoadedScenario;
  /** The overrides applied: the file's `set`, then its scale. */
  set: string[];
}

export function loadReferencedScenario(
  file: string,
  ref: { scenario: string; set: readonly string[]; scale?: number },
  at: (path: readonly (string | number)[]) => Where,
): ReferencedScenario {
  const scenarioFile = displayPath(isAbsolute(ref.scenario) ? ref.scenario : resolve(dirname(file), ref.scenario));
  const set = [...ref.set, ...(ref.scale !== undefined ? [`scale=${ref.scale}`] : [])];
  try {
    return { scenarioFile, loaded: loadScenario(scenarioFile, { set }), set };
  } catch (e) {
    if (!isUserError(e)) throw e;
    if (e.details.problem === 'file not found' && e.details.file === scenarioFile) {
      throw messages.wrongValue(at(['scenario']), 'scenario', 'the path of an existing scenario file', ref.scenario);
    }
    // A mistake in the file's `set` list: point at the list rather than at a command line.
    if (e.details.file === '--set') throw new UserError({ ...e.details, ...at(['set']), path: `set: ${e.details.path ?? ''}`.replace(/: $/, '') });
    throw e;
  }
}
