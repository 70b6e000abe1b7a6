/**
 * Hotbed as a user gets it from npm: packed (`npm pack`), installed into a folder of its
 * own, then `init`, `run`, `check` and `sweep` from there, with nothing of the repository
 * on the path. Paths in the copied files resolve from the files, not the working folder.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { REPO } from '../golden/outputs.js';

afterAll(cleanup);

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

describe('the installed package', { timeout: 300_000 }, () => {
  it('packs, installs elsewhere, and runs init, run, check and sweep there', () => {
    const packDir = tempDir('hotbed-pack-');
    const tarball = npm(['pack', '--silent', '--pack-destination', packDir], REPO).trim().split('\n').at(-1)!;
    const app = tempDir('hotbed-installed-');
    writeFileSync(join(app, 'package.json'), '{ "name": "hotbed-user", "private": true }\n');
    npm(['install', '--prefer-offline', '--no-save', join(packDir, tarball)], app);
    const hotbed = (...args: string[]) => execFileSync(join(app, 'node_modules', '.bin', 'hotbed'), args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    for (const f of ['LICENSE', 'README.md', 'results/README.md']) expect(existsSync(join(app, 'node_modules', 'hotbed', f)), f).toBe(true);
    expect(hotbed('init', 'mine')).toContain('Wrote mine/');
    expect(readdirSync(join(app, 'mine'))).toEqual(expect.arrayContaining(['baseline.yaml', 'scenario.schema.json', 'experiments', 'targets']));

    expect(hotbed('run', 'mine/single-town.yaml', '--out', 'r1', '--quiet')).toContain('Wrote r1/');
    // Two runs are too few to meet every band: exit 1 is a verdict, not a failure; 2 would be an error.
    const check = spawnSync(join(app, 'node_modules', '.bin', 'hotbed'), ['check', 'mine/calibration-ci.yaml', '--replicates', '2', '--quiet'], { cwd: app, encoding: 'utf8' });
    expect([0, 1], check.stderr).toContain(check.status);
    expect(check.stdout).toMatch(/^mine\/baseline\.yaml against mine\/calibration-ci\.yaml/);

    writeFileSync(join(app, 'mine', 'experiments', 'tiny.yaml'), [
      '$schema: ../experiment.schema.json',
      'scenario: ../single-town.yaml',
      'factors: [{ name: group, path: channels.group.probability, values: [0, 0.1] }]',
      'design: { kind: grid }',
      'outputs: [{ measure: travelled }]',
      '',
    ].join('\n'));
    expect(hotbed('sweep', 'mine/experiments/tiny.yaml', '--out', 's1', '--quiet', '--workers', '1')).toContain('Wrote s1/');
    expect(existsSync(join(app, 's1', 'runs.csv'))).toBe(true);
  });
});
