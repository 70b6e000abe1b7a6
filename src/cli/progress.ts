/**
 * Progress on long work: a bar on a terminal, plain periodic lines otherwise
 * (logs, CI). Writes to stderr so stdout stays for results.
 */
import cliProgress from 'cli-progress';
import { onInterruptRestore } from './signals.js';

export interface ProgressReporter {
  update(done: number, label: string): void;
  stop(): void;
}

export function progressReporter(total: number, options: { stream?: NodeJS.WriteStream; quiet?: boolean } = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { update() {}, stop() {} };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar({
      stream,
      format: '{bar} {percentage}% | {label} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { label: '' });
    // An interruption stops the bar too: it hides the cursor while it draws.
    const forget = onInterruptRestore(() => bar.stop());
    return { update: (done, label) => bar.update(done, { label }), stop: () => (forget(), bar.stop()) };
  }
  // Logs want a line every few seconds at most, and none for work that ends at once.
  const started = Date.now();
  let lastAt = started;
  return {
    update(done, label) {
      const now = Date.now();
      if (now - lastAt < 2000) return;
      lastAt = now;
      stream.write(`hotbed: ${Math.round((100 * done) / Math.max(1, total))}% ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    stop() {},
  };
}
