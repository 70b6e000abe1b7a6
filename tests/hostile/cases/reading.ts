/** Files Hotbed is given to read that are not what they claim: pipes, devices, folders, oversized files. */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { messages } from '../../../src/messages/scenario.js';
import type { HostileCase } from '../case.js';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);

export const readingCases: HostileCase[] = [
  {
    name: 'a scenario that extends a named pipe (which would block a read forever)',
    setup: (cwd) => {
      mkfifo(join(cwd, 'pipe.yaml'));
      writeFileSync(join(cwd, 'child.yaml'), 'extends: pipe.yaml\ntitle: Child\n');
    },
    args: ['run', 'child.yaml', '--out', 'results/new'],
    exit: 2,
    message: messages.fileUnreadable('pipe.yaml', 'it is a named pipe (FIFO), not a regular file').message,
  },
  {
    name: 'a scenario that extends a link to /dev/zero (which never ends)',
    setup: (cwd) => {
      symlinkSync('/dev/zero', join(cwd, 'zero.yaml'));
      writeFileSync(join(cwd, 'child.yaml'), 'extends: zero.yaml\n');
    },
    args: ['validate', 'child.yaml'],
    exit: 2,
    message: messages.fileUnreadable('zero.yaml', 'it is a device, not a regular file').message,
  },
  {
    name: 'a named pipe given as the scenario',
    setup: (cwd) => mkfifo(join(cwd, 'pipe.yaml')),
    args: ['run', 'pipe.yaml', '--out', 'results/new'],
    exit: 2,
    message: messages.fileUnreadable('pipe.yaml', 'it is a named pipe (FIFO), not a regular file').message,
  },
  {
    name: 'a scenario of several MiB, refused by its size before it is parsed',
    setup: (cwd) => writeFileSync(join(cwd, 'big.yaml'), `title: Big\ndescription: "${'x'.repeat(3 * 2 ** 20)}"\n`),
    args: ['validate', 'big.yaml'],
    exit: 2,
    message: /^hotbed: big\.yaml: cannot read the file \(it holds 3 MiB, more than the 1 MiB a file of this kind may hold\)\n$/,
  },
  {
    name: 'binary garbage as a scenario',
    setup: (cwd) => writeFileSync(join(cwd, 'garbage.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))),
    args: ['validate', 'garbage.yaml'],
    exit: 2,
    message: /^hotbed: garbage\.yaml/,
  },
];
