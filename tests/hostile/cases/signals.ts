/**
 * Commands interrupted by Ctrl-C (SIGINT) or a batch system's SIGTERM: each says in one line
 * what it kept and how to resume, leaves no temporary, and exits 130 or 143 (never 0).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { outputMessages, shellCommand } from '../../../src/messages/output.js';
import { townExperiment } from '../../sweep/helpers.js';
import type { HostileCase } from '../case.js';
import type { Ran } from '../../cli/cli.js';

const CALIBRATION = fileURLToPath(new URL('../../../scenarios/calibration-ci.yaml', import.meta.url));
/** A sweep long enough to interrupt: 2 × 40 runs of the test town. */
const experiment = (cwd: string) => writeFileSync(join(cwd, 'sweep.yaml'), townExperiment({
  design: '{ kind: grid }', replicates: 40, factors: ['  - { name: group, path: channels.group.probability, values: [0, 0.05] }'],
}));
/** The last line of stderr is the interruption's, whatever progress came before. */
const lastLine = (text: string) => (ran: Ran) => expect(ran.stderr.trimEnd().split('\n').at(-1)).toBe(`hotbed: ${text}`);
const progressLine = /hotbed: \d+% /;

export const signalCases: HostileCase[] = [
  // run and compare simulate on the main thread and give the event loop a turn between
  // replicates: they stop after the replicate in progress and say that nothing was written.
  {
    name: 'Ctrl-C during a run: exit 130, one line saying nothing was written',
    args: ['run', 'minimal.yaml', '--replicates', '5000', '--no-report', '--out', 'results/new'],
    signal: { name: 'SIGINT', after: progressLine },
    exit: 130,
    check: lastLine(outputMessages.interrupted('SIGINT', undefined, undefined)),
  },
  {
    name: 'SIGTERM during a comparison: exit 143, one line saying nothing was written',
    args: ['compare', 'minimal.yaml', 'minimal.yaml', '--replicates', '3000', '--no-report', '--out', 'results/new'],
    signal: { name: 'SIGTERM', after: progressLine },
    exit: 143,
    check: lastLine(outputMessages.interrupted('SIGTERM', undefined, undefined)),
  },
  {
    name: 'Ctrl-C during a check over 100 seeds: exit 130, one line',
    args: ['check', CALIBRATION.replace('calibration-ci.yaml', 'calibration.yaml')],
    signal: { name: 'SIGINT', after: progressLine },
    exit: 130,
    check: lastLine(outputMessages.interrupted('SIGINT', undefined, undefined)),
  },
  {
    name: 'Ctrl-C during a sweep: the journal is kept, with the command that resumes it (exit 130, not 0)',
    setup: experiment,
    args: ['sweep', 'sweep.yaml', '--workers', '1', '--progress', 'json', '--out', 'results/sweep'],
    signal: { name: 'SIGINT', after: /"runs":[1-9]/ },
    exit: 130,
    writes: true,
    check: lastLine(outputMessages.interrupted('SIGINT', outputMessages.keptRuns('results/sweep/.journal'), shellCommand(['hotbed', 'sweep', 'sweep.yaml', '--workers', '1', '--resume', 'results/sweep']))),
  },
  {
    name: 'SIGTERM during a sweep: exit 143, journal kept',
    setup: experiment,
    args: ['sweep', 'sweep.yaml', '--workers', '1', '--progress', 'json', '--out', 'results/sweep'],
    signal: { name: 'SIGTERM', after: /"runs":[1-9]/ },
    exit: 143,
    writes: true,
    check: lastLine(outputMessages.interrupted('SIGTERM', outputMessages.keptRuns('results/sweep/.journal'), shellCommand(['hotbed', 'sweep', 'sweep.yaml', '--workers', '1', '--resume', 'results/sweep']))),
  },
  {
    name: 'Ctrl-C during a calibration: its state is kept, with the command that resumes it',
    args: ['calibrate', CALIBRATION, '--workers', '1', '--out', 'results/cal'],
    signal: { name: 'SIGINT', after: /hotbed: calibrating/ },
    exit: 130,
    writes: true,
    check: lastLine(outputMessages.interrupted('SIGINT', outputMessages.keptGenerations('results/cal/state'), shellCommand(['hotbed', 'calibrate', CALIBRATION, '--resume', 'results/cal', '--workers', '1']))),
  },
];
