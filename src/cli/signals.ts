/**
 * Interruptions, handled in one place for every command: Ctrl-C (SIGINT), SIGTERM (a batch
 * system's stop) and SIGHUP (the terminal closed). The command stops its progress bar (which
 * gives the terminal its cursor back), removes its temporaries and its still-empty folder,
 * says in one line what was kept and, where the work can go on, the command that resumes it,
 * and exits 128 + the signal's number (130, 143, 129), as a shell reports a process the signal
 * ended, so that a script never reads an interrupted command as finished.
 */
import { removeLiveTemporaries } from '../batch/temporaries.js';
import { outputMessages } from '../messages/output.js';
import { printErr } from './output.js';

const EXIT_CODES: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** What an interruption leaves: what is kept (undefined: nothing) and the command that goes on from it. */
export interface Interruption {
  kept?: string;
  resume?: string;
}

let describe: () => Interruption = () => ({});

/** What gives the terminal back its state (a progress bar's hidden cursor), run first on an interruption. */
const restorers = new Set<() => void>();

/** Runs `restore` on an interruption, until the returned function is called. */
export function onInterruptRestore(restore: () => void): () => void {
  restorers.add(restore);
  return () => void restorers.delete(restore);
}

/**
 * Says what an interruption from now on keeps, and how to resume; asked after the temporaries
 * are removed, so it can look at what is left on disk.
 */
export function onInterrupt(what: () => Interruption): void {
  describe = what;
}

let installed = false;

/**
 * Installs the handlers once per process. A handler runs only when the main thread is free, so
 * only commands that leave it free install them: sweep and calibrate (their work runs in worker
 * threads), run, compare and check (they give the event loop a turn between replicates, so
 * Ctrl-C stops them after the replicate in progress). network, which simulates on the main
 * thread in one go, keeps the system's default: it ends at once, exit 130 or 143 in a
 * shell, and the temporaries it leaves are removed by the next start.
 */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of Object.entries(EXIT_CODES)) process.on(signal, () => interrupted(signal, code));
}

function interrupted(signal: string, code: number): never {
  for (const restore of restorers) {
    try {
      restore();
    } catch {
      // The process is ending: go on with the rest.
    }
  }
  removeLiveTemporaries();
  let note: Interruption = {};
  try {
    note = describe();
  } catch {
    // The process is ending: a note that cannot be made is left out, not thrown.
  }
  printErr(`hotbed: ${outputMessages.interrupted(signal, note.kept, note.resume)}\n`);
  process.exit(code);
}
