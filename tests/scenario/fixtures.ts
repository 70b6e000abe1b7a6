/** Scenario fixtures: YAML text written into temporary folders, and ways to check the errors they give. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUserError, type UserError } from '../../src/messages/errors.js';
import type { Where } from '../../src/messages/scenario.js';

/** A fresh temporary folder; `cleanup` removes every folder made so far. */
const made: string[] = [];
export function tempDir(prefix = 'hotbed-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `text` to `dir/name` and returns the file's path. */
export function writeFixture(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Lines joined with newlines, with a final newline: fixtures read like the files they stand for. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * Where `needle` starts in `text` (1-based line and column), moved `skip` characters
 * into it: `at(file, text, 'success: 1.5', 'success: '.length)` is where the value 1.5 is.
 * Fails when the needle is missing or ambiguous, so positions in tests cannot drift silently.
 */
export function at(file: string, text: string, needle: string, skip = 0): Where {
  const first = text.indexOf(needle);
  if (first < 0) throw new Error(`fixture does not contain ${JSON.stringify(needle)}`);
  if (text.indexOf(needle, first + 1) >= 0) throw new Error(`fixture contains ${JSON.stringify(needle)} more than once`);
  const offset = first + skip;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { file, line, column };
}

/** The UserError `fn` throws; anything else thrown (or nothing) fails the test. */
export function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (isUserError(e)) return e;
    throw e;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** The smallest scenario: one region, one country with a community, three months. */
export const MINIMAL = yaml(
  'title: Minimal',
  'dates: { start: "2014-06-01", end: "2014-09-01" }',
  'places:',
  '  regions:',
  '    - name: Maghreb',
  '      countries:',
  '        - name: Tunisia',
  '          population: 2000',
  '          communities:',
  '            - name: Bizerte',
  '              population: 500',
);

/**
 * A scenario that uses most of the schema: named recipes, two regions,
 * communities with their own recipes and stock, links, interventions, checkpoints.
 */
export const FULL = yaml(
  '$schema: ./scenario.schema.json',
  'title: Full',
  'description: Uses most of the schema.',
  'seed: 7',
  'scale: 2',
  'dates:',
  "  start: '2014-06-01'",
  "  end: '2014-12-01'",
  "  checkpoints: ['2014-09-01']",
  'output:',
  '  everyDays: 14',
  '  levels: [world, region, country]',
  'networks:',
  '  default: { kind: watts-strogatz, meanDegree: 6, rewiring: 0.1 }',
  '  town: { kind: town, householdSize: 3 }',
  'channels:',
  '  media: { exposure: 0.001 }',
  '  peer:',
  '    rule: threshold',
  '    threshold: { ties: 3 }',
  'places:',
  '  regions:',
  '    - name: Maghreb',
  '      susceptibility: 1.5',
  '      countries:',
  '        - name: Tunisia',
  '          population: 3000',
  '          route: { success: 0.8 }',
  '          stock: { abroad: 30, returned: 4 }',
  '          communities:',
  '            - name: Bizerte',
  '              population: 800',
  '              hotbed: true',
  '              network: town',
  '              stock: { abroad: 10 }',
  '            - name: Ben Gardane',
  '              population: 600',
  '              network: { kind: erdos-renyi, meanDegree: 5 }',
  '        - name: Morocco',
  '          population: 2500',
  '    - name: Western Europe',
  '      countries:',
  '        - name: Belgium',
  '          communities:',
  '            - name: Molenbeek',
  '              population: 900',
  'links:',
  '  - kind: diaspora',
  '    from: { community: Molenbeek }',
  '    to: { country: Morocco }',
  '    ties: 200',
  'interventions:',
  '  - kind: border-control',
  '    label: Tighter border',
  "    start: '2014-08-01'",
  '    interception: 0.3',
  '    target: { country: Tunisia }',
  '  - kind: media-takedown',
  "    start: '2014-10-01'",
  "    end: '2014-11-01'",
  '    reduction: 0.5',
);
