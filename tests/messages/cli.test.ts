/** Closing lines of the commands: what was written, how large it is and how long the whole command took. */
import { describe, expect, it } from 'vitest';
import { cliMessages } from '../../src/messages/cli.js';

describe('closing lines', () => {
  it('hotbed run: the wall time since start-up, and the part manifest.json records, named', () => {
    expect(cliMessages.wroteRunFolder('results/x', 14_549_447, ['series.csv.gz', 'charts/'], 66.24, { replicates: 20, report: true, wallSeconds: 40.71 }))
      .toBe('Wrote results/x/ (14.5 MB: series.csv.gz, charts/) in 66.2 s (wall time since hotbed started; building the worlds, the 20 runs and the report took 40.7 s of it, manifest.json\'s timing.wallMs).');
    expect(cliMessages.wroteRunFolder('r', 86_400, ['series.csv.gz'], 4.4, { replicates: 1, report: false, wallSeconds: 0.07 }))
      .toBe('Wrote r/ (86.4 kB: series.csv.gz) in 4.4 s (wall time since hotbed started; building the world and the run took 0.1 s of it, manifest.json\'s timing.wallMs).');
    expect(cliMessages.wroteRunFolder('r', 1, ['series.csv.gz'], 4.4, { replicates: 1, report: true, wallSeconds: 2 })).toContain('building the world, the run and the report took 2.0 s');
    expect(cliMessages.wroteRunFolder('r', 1, ['bands.csv.gz'], 9, { replicates: 3, report: false, wallSeconds: 5 })).toContain('building the worlds and the 3 runs took 5.0 s');
  });

  it('hotbed compare: the wall time since start-up', () => {
    expect(cliMessages.wroteFolder('c', 8_601_000, ['bands.csv.gz'], 25.04)).toBe('Wrote c/ (8.6 MB: bands.csv.gz) in 25.0 s (wall time since hotbed started).');
  });

  it('hotbed network --run: the community\'s recruits by channel', () => {
    expect(cliMessages.networkRun(0, 'Ben Gardane', 8000, { media: 14, peer: 118, group: 65 }))
      .toBe('Simulated replicate 0: 197 of 8,000 agents of Ben Gardane mobilized (media 14, peer 118, group 65).');
  });
});
