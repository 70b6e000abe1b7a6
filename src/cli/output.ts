/**
 * Every line the command line prints goes through here, made inert for the terminal
 * (messages/terminal.ts): scenario files name places, interventions and paths, and a name
 * holding an escape sequence must not retitle the window, clear the screen or colour the
 * rest of the output. Progress bars are drawn by their library and print no user text.
 */
import { terminalSafe } from '../messages/terminal.js';

export function printOut(text: string): void {
  process.stdout.write(terminalSafe(text));
}

export function printErr(text: string): void {
  process.stderr.write(terminalSafe(text));
}
