/**
 * Messages about result folders: which tables a command writes (the --levels option) and
 * what it wrote. One builder each, so the commands hold no wording.
 */
import { messages } from './scenario.js';

export const resultMessages = {
  /** `--levels` names a level that does not exist, or none. */
  levels: (found: unknown, known: readonly string[]) =>
    messages.badOption('--levels', `place levels separated by commas, from ${known.join(', ')} (e.g. ${known.slice(0, 2).join(',')})`, found),
};
