/** Options given empty, missing or hostile values, and user strings that would drive the terminal. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { cliMessages } from '../../../src/messages/cli.js';
import { MINIMAL } from '../../scenario/fixtures.js';
import type { HostileCase } from '../case.js';

/** A region name that retitles the terminal, clears the screen and colours what follows. */
const HOSTILE_REGION = 'R\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred';

export const optionCases: HostileCase[] = [
  {
    name: 'an empty --seed (which yargs reads as seed 0)',
    args: ['run', 'minimal.yaml', '--seed', '', '--out', 'results/new'],
    exit: 2,
    message: cliMessages.emptyOption('--seed').message,
  },
  {
    name: 'an empty --out (which would mean the working folder)',
    args: ['run', 'minimal.yaml', '--out', ''],
    exit: 2,
    message: cliMessages.emptyOption('--out').message,
  },
  {
    name: '--seed given no value, followed by another option',
    args: ['run', 'minimal.yaml', '--seed', '--replicates', '2', '--out', 'results/new'],
    exit: 2,
    message: /^hotbed: .*--seed needs a value/,
  },
  {
    name: 'a region named with terminal escape sequences is printed inert',
    setup: (cwd) => writeFileSync(join(cwd, 'escapes.yaml'), MINIMAL.replace('- name: Maghreb', `- name: ${JSON.stringify(HOSTILE_REGION)}`)),
    args: ['run', 'escapes.yaml', '--out', 'results/new', '--no-report'],
    exit: 0,
    writes: true,
    check: (ran) => {
      expect(ran.stdout + ran.stderr).not.toMatch(/[\u001b\u0007]/);
      expect(ran.stdout).toContain('PWNED');
    },
  },
];
