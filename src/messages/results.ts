/**
 * Messages about result folders: which tables a command writes (the --levels option) and
 * how large a folder is (the closing lines of run and compare, in messages/cli.ts, print it).
 * One builder each, so the commands hold no wording.
 */
import { messages } from './scenario.js';

/** A size as people read it: decimal units (1 MB = 1,000,000 bytes), one decimal below 100 of a unit. */
export function sizeText(bytes: number): string {
  const units = ['kB', 'MB', 'GB', 'TB'];
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit = -1;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

const list = (names: readonly string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export const resultMessages = {
  /**
   * A comparison that speaks of the change versus the reference rather than of travellers averted,
   * and why: some scenario does not add counter-measures to the reference (`notAdding`).
   */
  changeVersusReference: (reference: string, notAdding: readonly string[], adding: readonly string[]) =>
    `differences are the change versus ${reference} (scenario − reference: above zero, more travellers), as ${list(notAdding)} ${notAdding.length === 1 ? 'is' : 'are'} not ${reference} with counter-measures added`
    + (adding.length > 0 ? `; ${list(adding)} ${adding.length === 1 ? 'adds' : 'add'} counter-measures: there a change below zero is travellers averted` : ''),

  /** `--levels` names a level that does not exist, or none. */
  levels: (found: unknown, known: readonly string[]) =>
    messages.badOption('--levels', `place levels separated by commas, from ${known.join(', ')} (e.g. ${known.slice(0, 2).join(',')})`, found),
};
