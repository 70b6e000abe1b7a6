/**
 * Where a command is told to write: devices, pipes, files where a folder goes, paths under a
 * file or a missing folder, folders it cannot write, a full disk, and temporaries that killed
 * commands left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { temporaryPath } from '../../../src/batch/temporaries.js';
import { cliMessages } from '../../../src/messages/cli.js';
import { outputMessages } from '../../../src/messages/output.js';
import { messages } from '../../../src/messages/scenario.js';
import { townExperiment } from '../../sweep/helpers.js';
import { runningAsRoot, type HostileCase } from '../case.js';

const RUN = ['run', 'minimal.yaml', '--no-report'];
const CALIBRATION = fileURLToPath(new URL('../../../scenarios/calibration-ci.yaml', import.meta.url));
const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
const experiment = (cwd: string) => writeFileSync(join(cwd, 'sweep.yaml'), townExperiment({ design: '{ kind: grid }', factors: ['  - { name: group, path: channels.group.probability, values: [0, 0.05] }'], replicates: 1 }));

/** A process id that was just running and is no longer. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

/** Root ignores permissions but not an immutable folder (chattr +i, on ext4 and most local file systems). */
function immutableSkip(): string | false {
  if (process.getuid?.() !== 0) return 'not root: the chmod case stages it';
  try {
    const probe = join(process.env.TMPDIR ?? '/tmp', `hotbed-chattr-${process.pid}`);
    mkdirSync(probe, { recursive: true });
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    execFileSync('rmdir', [probe]);
    return false;
  } catch {
    return 'chattr +i is not available here';
  }
}

/** A small tmpfs, for a real full disk: needs the right to mount (root outside most containers). */
function tmpfsSkip(): string | false {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const probe = join(process.env.TMPDIR ?? '/tmp', `hotbed-tmpfs-${process.pid}`);
  try {
    mkdirSync(probe, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return false;
  } catch {
    return 'cannot mount a tmpfs here';
  } finally {
    spawnSync('rmdir', [probe]);
  }
}

/** 2 MiB of tmpfs with just over the 1 MiB the check asks for: the run's folder (about 1.2 MB with its report) does not fit. */
function smallDisk(cwd: string): void {
  mkdirSync(join(cwd, 'small'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', join(cwd, 'small')]);
  writeFileSync(join(cwd, 'small', 'filler'), Buffer.alloc(1010 * 1024));
}

export const outputPathCases: HostileCase[] = [
  {
    name: 'run --out /dev/null (a device, which exists)',
    args: [...RUN, '--out', '/dev/null'],
    exit: 2,
    message: outputMessages.special('/dev/null', 'folder', 'a device').message,
  },
  {
    name: 'sweep --out /dev/null',
    setup: experiment,
    args: ['sweep', 'sweep.yaml', '--out', '/dev/null'],
    exit: 2,
    message: outputMessages.special('/dev/null', 'folder', 'a device').message,
  },
  {
    name: 'calibrate --install /dev/null (a device where the calibrated scenario would go)',
    args: (cwd) => ['calibrate', CALIBRATION, '--install', '/dev/null', '--out', join(cwd, 'results', 'new')],
    exit: 2,
    message: outputMessages.special('/dev/null', 'file', 'a device').message,
  },
  {
    name: 'network --gexf /dev/full (a device that takes no bytes)',
    args: ['network', 'minimal.yaml', '--community', 'Bizerte', '--gexf', '/dev/full'],
    exit: 2,
    message: outputMessages.special('/dev/full', 'file', 'a device').message,
  },
  {
    name: 'run --out a named pipe',
    setup: (cwd) => mkfifo(join(cwd, 'pipe')),
    args: [...RUN, '--out', 'pipe'],
    exit: 2,
    message: outputMessages.special('pipe', 'folder', 'a named pipe (FIFO)').message,
  },
  {
    name: 'run --out a regular file',
    setup: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'mine\n'),
    args: [...RUN, '--out', 'notes.txt'],
    exit: 2,
    message: outputMessages.notAFolder('notes.txt').message,
  },
  {
    name: 'run --out under a regular file (ENOTDIR)',
    setup: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'mine\n'),
    args: [...RUN, '--out', 'notes.txt/run'],
    exit: 2,
    message: outputMessages.parentMissing('notes.txt/run', 'notes.txt', 'folder', 'not a folder').message,
  },
  {
    name: 'run --out under a missing folder (made silently before)',
    args: [...RUN, '--out', 'nowhere/deeper/run'],
    exit: 2,
    message: outputMessages.parentMissing('nowhere/deeper/run', 'nowhere/deeper', 'folder', 'missing').message,
  },
  {
    name: 'compare --out under a missing folder',
    args: ['compare', 'minimal.yaml', 'minimal.yaml', '--no-report', '--out', 'nowhere/cmp'],
    exit: 2,
    message: outputMessages.parentMissing('nowhere/cmp', 'nowhere', 'folder', 'missing').message,
  },
  {
    name: 'merge --out under a regular file',
    setup: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'mine\n'),
    args: ['merge', 'results/existing', '--out', 'notes.txt/merged'],
    exit: 2,
    message: outputMessages.parentMissing('notes.txt/merged', 'notes.txt', 'folder', 'not a folder').message,
  },
  {
    name: 'slurm --out under a missing folder',
    setup: experiment,
    args: ['slurm', 'sweep.yaml', '--shards', '2', '--out', 'nowhere/recipe'],
    exit: 2,
    message: outputMessages.parentMissing('nowhere/recipe', 'nowhere', 'folder', 'missing').message,
  },
  {
    name: 'init into a path under a regular file',
    setup: (cwd) => writeFileSync(join(cwd, 'notes.txt'), 'mine\n'),
    args: ['init', 'notes.txt/mine'],
    exit: 2,
    message: outputMessages.parentMissing('notes.txt/mine', 'notes.txt', 'folder', 'not a folder').message,
  },
  {
    name: 'network --json into a missing folder',
    args: ['network', 'minimal.yaml', '--community', 'Bizerte', '--json', 'nowhere/town.json'],
    exit: 2,
    message: outputMessages.parentMissing('nowhere/town.json', 'nowhere', 'file', 'missing').message,
  },
  {
    name: 'run --out an existing folder',
    args: [...RUN, '--out', 'results/existing'],
    exit: 2,
    message: messages.outputExists('results/existing').message,
  },
  {
    name: 'network --gexf an existing file',
    setup: (cwd) => writeFileSync(join(cwd, 'town.gexf'), 'mine\n'),
    args: ['network', 'minimal.yaml', '--community', 'Bizerte', '--gexf', 'town.gexf'],
    exit: 2,
    message: cliMessages.outputFileExists('town.gexf').message,
  },
  {
    name: 'run --out into a read-only folder (EACCES)',
    skip: runningAsRoot,
    setup: (cwd) => {
      mkdirSync(join(cwd, 'locked'));
      chmodSync(join(cwd, 'locked'), 0o555);
    },
    args: [...RUN, '--out', 'locked/run'],
    exit: 2,
    message: outputMessages.notWritable('locked/run', 'locked', 'folder', 'EACCES').message,
  },
  {
    name: 'sweep --out into a read-only folder (EACCES)',
    skip: runningAsRoot,
    setup: (cwd) => {
      experiment(cwd);
      mkdirSync(join(cwd, 'locked'));
      chmodSync(join(cwd, 'locked'), 0o555);
    },
    args: ['sweep', 'sweep.yaml', '--out', 'locked/sweep'],
    exit: 2,
    message: outputMessages.notWritable('locked/sweep', 'locked', 'folder', 'EACCES').message,
  },
  {
    name: 'run --out into an immutable folder, as root (EPERM)',
    skip: immutableSkip,
    setup: (cwd) => {
      mkdirSync(join(cwd, 'locked'));
      execFileSync('chattr', ['+i', join(cwd, 'locked')]);
    },
    teardown: (cwd) => void spawnSync('chattr', ['-i', join(cwd, 'locked')]),
    args: [...RUN, '--out', 'locked/run'],
    exit: 2,
    message: outputMessages.notWritable('locked/run', 'locked', 'folder', 'EPERM').message,
  },
  {
    name: 'a disk that fills up while the run writes its folder (ENOSPC, for real on a small tmpfs)',
    skip: tmpfsSkip,
    setup: smallDisk,
    teardown: (cwd) => void spawnSync('umount', [join(cwd, 'small')]),
    args: ['run', 'minimal.yaml', '--out', 'small/run'],
    exit: 74,
    message: /^hotbed: small\/run: could not write: no space left on the device \(ENOSPC\); the unfinished folder was removed and nothing was written; [^\n]+\n$/,
    check: (_ran, cwd) => expect(readdirSync(join(cwd, 'small'))).toEqual(['filler']),
  },
  {
    name: 'temporaries a killed run left beside results are removed, and said so',
    setup: (cwd) => {
      const stale = temporaryPath(join(cwd, 'results', 'old-run'), deadPid());
      mkdirSync(stale);
      writeFileSync(join(stale, 'series.csv.gz'), 'half');
    },
    args: [...RUN, '--out', 'results/new'],
    exit: 0,
    writes: true,
    message: /^hotbed: removed an unfinished temporary left by an earlier command that was killed: results\/\.old-run\.partial-\d+@[^\n]+\n/,
  },
  {
    name: 'a default folder a killed run claimed (empty, beside its temporary) is removed on the next start',
    setup: (cwd) => {
      mkdirSync(join(cwd, 'results', 'minimal-20200101T000000Z'));
      mkdirSync(temporaryPath(join(cwd, 'results', 'minimal-20200101T000000Z'), deadPid()));
    },
    args: [...RUN, '--out', 'results/new'],
    exit: 0,
    writes: true,
    message: /^hotbed: removed 2 unfinished temporaries left by an earlier command that was killed: results\/\.minimal-20200101T000000Z\.partial-\d+@\S+, results\/minimal-20200101T000000Z\n/,
    check: (_ran, cwd) => expect(readdirSync(join(cwd, 'results')).sort()).toEqual(['existing', 'new']),
  },
];
