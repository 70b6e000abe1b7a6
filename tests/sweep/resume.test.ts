/**
 * Interruption and resume, for real: a `hotbed sweep` child process is killed with
 * SIGKILL once some runs are in its journal, possibly in the middle of writing a
 * line; `hotbed sweep … --resume` runs only what is missing, and the result is
 * byte-identical to an uninterrupted sweep. The killed folder never holds a
 * half-written final file.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOTBED } from '../cli/cli.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { hotbedHere, identical, journalLines, writeExperiment } from './helpers.js';

afterAll(cleanup);

const dir = tempDir('hotbed-sweep-resume-');
// 120 runs of the town (tens of milliseconds each), one output: long enough to be killed half-way.
const exp = writeExperiment(dir, 'lhs.yaml', {
  design: '{ kind: latin-hypercube, samples: 60 }',
  outputs: ['  - { measure: travelled }'],
});

/** Starts `hotbed sweep`, kills it with SIGKILL once its journal holds `lines` runs; resolves with the lines there were. */
function killMidway(args: string[], out: string, lines: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOTBED, 'sweep', ...args], { cwd: dir, stdio: 'ignore' });
    let done = false;
    const timer = setInterval(() => {
      if (journalLines(out) >= lines && !done) {
        done = true;
        child.kill('SIGKILL');
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the sweep ended before it could be killed (${signal ?? 'exit'})`));
      else resolve(journalLines(out));
    });
  });
}

describe('resume after kill -9', () => {
  it('finishes only the missing runs and gives the same bytes as an uninterrupted sweep', async () => {
    const whole = join(dir, 'whole');
    const ran = await hotbedHere(['sweep', exp, '--workers', '1', '--out', whole, '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    const expected = identical(whole);
    expect(Object.keys(expected)).toContain('charts/scatter-travelled.png');

    const cut = join(dir, 'cut');
    const kept = await killMidway([exp, '--workers', '2', '--out', cut, '--progress', 'none'], cut, 10);
    expect(kept).toBeGreaterThanOrEqual(10);
    expect(kept).toBeLessThan(120);
    // Only the journal: no final file, whole or partial.
    expect(readdirSync(cut)).toEqual(['.journal']);
    // As if the kill had landed in the middle of a line.
    appendFileSync(join(cut, '.journal', 'runs.jsonl'), '{"run":119,"outputs":[12');

    const resumed = await hotbedHere(['sweep', exp, '--resume', cut, '--workers', '1', '--progress', 'none']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`: ${120 - kept} runs at [\\d.]+ runs/s\\.\\n$`));
    expect(identical(cut)).toEqual(expected);
    // The journal now holds each run once, on whole lines.
    const runs = readFileSync(join(cut, '.journal', 'runs.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l).run as number);
    expect(runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 120 }, (_, i) => i));
  });
});
