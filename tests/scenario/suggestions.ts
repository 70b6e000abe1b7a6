/**
 * The `--set` and `--variant` suggestions the shipped text makes, read from the text itself
 * (not a copy kept by hand), so that a suggestion that stops working fails a test:
 *
 * - the comment lines of every scenario file in scenarios/: each line's `--set X` and
 *   `--variant X` together are one suggestion, for the scenario a `hotbed run|compare FILE`
 *   on the line names, else for the file itself;
 * - README.md: every `hotbed run FILE …` or `hotbed compare FILE … ` (in a code block, with
 *   its `\` continuations, or in an inline code span) that names an existing file and has a
 *   `--set` or `--variant`.
 *
 * An argument with an ellipsis (`--set channels.peer.rule=…`) is a placeholder, not a suggestion.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Suggestion {
  /** Where it is written: file:line. */
  where: string;
  /** The scenario file it applies to (the reference, for variants), from the repository's root. */
  scenario: string;
  /** Further scenario files of a compare command. */
  others: string[];
  set: string[];
  variants: string[];
}

const PLACEHOLDER = /…|\.\.\./;

/** Shell words: whitespace separates, quotes group (and are removed); backticks count as whitespace (Markdown and comments quote commands with them). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s|`/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** The `--set`/`--variant` arguments among the words, and the files after `run`/`compare`. */
function readWords(words: string[]): { files: string[]; set: string[]; variants: string[] } {
  const set: string[] = [];
  const variants: string[] = [];
  const files: string[] = [];
  const command = words.findIndex((w, i) => w === 'hotbed' && (words[i + 1] === 'run' || words[i + 1] === 'compare'));
  if (command >= 0) {
    for (let i = command + 2; i < words.length && !words[i]!.startsWith('-'); i++) files.push(words[i]!);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const [option, inline] = w.includes('=') && w.startsWith('--') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    if (option !== '--set' && option !== '--variant') continue;
    const value = inline ?? words[++i];
    if (value === undefined || PLACEHOLDER.test(value)) continue;
    (option === '--set' ? set : variants).push(value);
  }
  return { files, set, variants };
}

export function scenarioFileSuggestions(root: string): Suggestion[] {
  const out: Suggestion[] = [];
  const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();
  for (const f of files) {
    const path = `scenarios/${f}`;
    readFileSync(join(root, path), 'utf8').split('\n').forEach((line, i) => {
      if (!line.startsWith('#')) return;
      const { files: named, set, variants } = readWords(shellWords(line.slice(1)));
      if (set.length + variants.length === 0) return;
      out.push({ where: `${path}:${i + 1}`, scenario: named[0] ?? path, others: named.slice(1), set, variants });
    });
  }
  return out;
}

export function readmeSuggestions(root: string, readme = 'README.md'): Suggestion[] {
  const lines = readFileSync(join(root, readme), 'utf8').split('\n');
  const out: Suggestion[] = [];
  let inCode = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    const texts: string[] = [];
    if (inCode) {
      let text = line;
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i]}`;
      // a comment after the command is not part of it
      texts.push(text.replace(/\s#\s.*$/, ''));
    } else {
      for (const m of line.matchAll(/`([^`]*hotbed (?:run|compare) [^`]*)`/g)) texts.push(m[1]!);
    }
    for (const text of texts) {
      const { files, set, variants } = readWords(shellWords(text));
      if (set.length + variants.length === 0 || files.length === 0 || !existsSync(join(root, files[0]!))) continue;
      out.push({ where: `${readme}:${i + 1}`, scenario: files[0]!, others: files.slice(1), set, variants });
    }
  }
  return out;
}
