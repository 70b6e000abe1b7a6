/**
 * What the command line prints is inert for a terminal, whatever the scenario names: a
 * region called with an escape sequence (retitle the window, clear the screen, colour the
 * rest) is printed with its control characters as visible escapes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run-command.js';
import { runInProcess } from './in-process.js';
import { cleanup, tempDir, writeFixture } from '../scenario/fixtures.js';
import { TOWN } from '../calibration/helpers.js';

afterAll(cleanup);

describe('terminal-safe output', () => {
  it('prints a hostile region name with its control characters escaped', async () => {
    const dir = tempDir('hotbed-terminal-');
    // YAML's double-quoted escapes: \e is ESC, \a is BEL.
    const file = writeFixture(dir, 'hostile.yaml', readFileSync(TOWN, 'utf8').replace('- name: Region', '- name: "R\\e]0;PWNED\\a\\e[2J\\e[31mred"'));
    const r = await runInProcess(runCommand, ['run', file, '--replicates', '1', '--no-report', '--quiet', '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('R\\e]0;PWNED\\u0007\\e[2J\\e[31mred');
    expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});
