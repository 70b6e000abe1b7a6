/**
 * The hostile-input table (tests/hostile/case.ts): every case through the real command, in
 * its own working folder. Add a class of faults as a file in cases/ and list it here.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { MINIMAL, cleanup, tempDir } from '../scenario/fixtures.js';
import { HOTBED, snapshot, type Ran } from '../cli/cli.js';
import { expectHostileOutcome, type HostileCase } from './case.js';
import { readingCases } from './cases/reading.js';
import { optionCases } from './cases/options.js';
import { nameCases } from './cases/names.js';
import { readBackCases } from './cases/read-back.js';
import { variantCases } from './cases/variants.js';
import { outputPathCases } from './cases/output-paths.js';
import { signalCases } from './cases/signals.js';
import { classicsStatisticsCases } from './cases/classics-statistics.js';
import { classicsMechanismsCases } from './cases/classics-mechanisms.js';
import { explorerCases } from './cases/explorer.js';

const TABLE: Record<string, HostileCase[]> = {
  'files it reads': readingCases,
  'options': optionCases,
  'names in the files it writes': nameCases,
  'files it wrote and reads back, and work too large': readBackCases,
  'compare --variant': variantCases,
  'output paths': outputPathCases,
  'signals': signalCases,
  'per-run statistics and reference ranges in experiment files': classicsStatisticsCases,
  'seeding and per-agent distributions': classicsMechanismsCases,
  'the explorer': explorerCases,
};

afterAll(cleanup);

function workspace(): string {
  const cwd = tempDir('hotbed-hostile-');
  writeFileSync(join(cwd, 'minimal.yaml'), MINIMAL);
  mkdirSync(join(cwd, 'results', 'existing'), { recursive: true });
  writeFileSync(join(cwd, 'results', 'existing', 'summary.json'), '{"keep": true}\n');
  return cwd;
}

/** Runs the command; sends the case's signal once the output matches. */
function run(c: HostileCase, cwd: string): Promise<Ran> {
  const args = typeof c.args === 'function' ? c.args(cwd) : c.args;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOTBED, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    const watch = () => {
      if (c.signal && !signalled && c.signal.after.test(stdout + stderr)) {
        signalled = true;
        child.kill(c.signal.name);
      }
    };
    child.stdout.setEncoding('utf8').on('data', (d: string) => ((stdout += d), watch()));
    child.stderr.setEncoding('utf8').on('data', (d: string) => ((stderr += d), watch()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      // A process the signal ended: 128 + its number, as a shell reports it.
      resolve({ status: status ?? (signal ? 128 + constants.signals[signal] : null), stdout, stderr, ms: performance.now() - started });
    });
  });
}

for (const [group, cases] of Object.entries(TABLE)) {
  describe.concurrent(`hostile input: ${group}`, { timeout: 60_000 }, () => {
    for (const c of cases) {
      const skip = c.skip?.();
      it.skipIf(Boolean(skip))(c.name, async () => {
        const cwd = workspace();
        try {
          c.setup?.(cwd);
          const before = snapshot(join(cwd, 'results'));
          const ran = await run(c, cwd);
          expectHostileOutcome(c, ran, cwd, before, snapshot(join(cwd, 'results')));
        } finally {
          c.teardown?.(cwd);
        }
      });
    }
  });
}
