/** Sweep test helpers: small experiments over the calibration tests' town (3,000 agents, one year: milliseconds a run), and the CLI in this process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { snapshot } from '../cli/cli.js';
import { writeFixture, yaml } from '../scenario/fixtures.js';

export const TOWN = fileURLToPath(new URL('../calibration/fixtures/town.yaml', import.meta.url));

export interface TownExperiment {
  design?: string;
  seed?: number;
  replicates?: number;
  factors?: string[];
  outputs?: string[];
  extra?: string[];
}

/** A Morris experiment over the town: 3 factors, 4 trajectories, 2 replicates = 32 runs. */
export function townExperiment(o: TownExperiment = {}): string {
  return yaml(
    'title: Test town sweep',
    `scenario: ${JSON.stringify(TOWN)}`,
    `seed: ${o.seed ?? 7}`,
    `replicates: ${o.replicates ?? 2}`,
    ...(o.extra ?? []),
    'factors:',
    ...(o.factors ?? [
      '  - { name: peer, path: channels.peer.cascade.probability, low: 0.002, high: 0.006, scale: log }',
      '  - { name: return, path: channels.abroad.returnRate, low: 0.0005, high: 0.002 }',
      '  - { name: group, path: channels.group.probability, low: 0, high: 0.08 }',
    ]),
    `design: ${o.design ?? '{ kind: morris, trajectories: 4, levels: 4, bootstrap: 200 }'}`,
    'outputs:',
    ...(o.outputs ?? [
      '  - { measure: travelled }',
      '  - { measure: returned_share, name: returned }',
      '  - { measure: peer_share, date: "2014-12-01" }',
    ]),
  );
}

export function writeExperiment(dir: string, name: string, o: TownExperiment = {}): string {
  return writeFixture(dir, name, townExperiment(o));
}

/** `hotbed ARGS` in this process (main() as the bin calls it), with stdout and stderr captured. */
export async function hotbedHere(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The files of a result folder that must be byte-identical however it was made: everything but run-info.json and the journal. */
export function identical(dir: string): Record<string, string> {
  const all = snapshot(dir);
  return Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith('.journal') && name !== 'run-info.json'));
}

export const journalLines = (dir: string) => {
  try {
    return readFileSync(join(dir, '.journal', 'runs.jsonl'), 'utf8').split('\n').filter((l) => l.endsWith('}')).length;
  } catch {
    return 0;
  }
};
