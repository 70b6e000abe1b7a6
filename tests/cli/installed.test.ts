/**
 * Hotbed as a user gets it from npm: packed (`npm pack`, which compiles it to dist/ first),
 * installed into a folder of its own, then `init`, `run`, `check` and `sweep` from there,
 * with nothing of the repository on the path. Paths in the copied files resolve from the
 * files, not the working folder. The installed command is the compiled JavaScript: neither
 * tsx nor esbuild is installed with it, so every command here, and the sweep's worker
 * threads, ran without them.
 *
 * It packs a copy of the repository (node_modules linked): `npm pack` builds dist/ anew, and
 * doing that in the repository itself would pull dist/ from under the other test files that
 * run the built command at the same time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { REPO } from '../golden/outputs.js';

afterAll(cleanup);

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' } });

describe('the installed package', { timeout: 300_000 }, () => {
  it('packs, installs elsewhere, and runs init, run, check and sweep there', () => {
    const packDir = tempDir('hotbed-pack-');
    const source = tempDir('hotbed-source-');
    const skipped = new Set(['node_modules', 'dist', '.git', '.tmp']);
    cpSync(REPO, source, {
      recursive: true,
      filter: (from) => {
        const parts = from.slice(REPO.length).split('/').filter(Boolean);
        // Of results/, only its README is in the package; run folders there may be large.
        return !skipped.has(parts[0] ?? '') && !(parts[0] === 'results' && parts.length > 1 && parts[1] !== 'README.md');
      },
    });
    symlinkSync(join(REPO, 'node_modules'), join(source, 'node_modules'));
    const tarball = npm(['pack', '--silent', '--pack-destination', packDir], source).trim().split('\n').at(-1)!;
    // The build (prepare) left an executable entry: `npx hotbed` in the repository runs the file itself.
    expect(statSync(join(source, 'dist', 'cli', 'hotbed.js')).mode & 0o111).toBe(0o111);
    const app = tempDir('hotbed-installed-');
    writeFileSync(join(app, 'package.json'), '{ "name": "hotbed-user", "private": true }\n');
    npm(['install', '--prefer-offline', '--no-save', join(packDir, tarball)], app);
    const hotbed = (...args: string[]) => execFileSync(join(app, 'node_modules', '.bin', 'hotbed'), args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

    const installed = join(app, 'node_modules', 'hotbed');
    for (const f of ['LICENSE', 'README.md', 'results/README.md']) expect(existsSync(join(installed, f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.bin).toEqual({ hotbed: 'dist/cli/hotbed.js' });
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    expect(Object.keys(manifest.dependencies)).not.toContain('esbuild');
    for (const compiler of ['tsx', 'esbuild']) expect(existsSync(join(app, 'node_modules', compiler)), compiler).toBe(false);
    expect(existsSync(join(installed, 'src', 'cli', 'hotbed.js'))).toBe(false);
    expect(hotbed('--version').trim()).toBe(manifest.version);
    expect(hotbed('--help')).toContain('hotbed run <scenario>');
    // A mistake found in a command's handler (a module of its own) is a user error to the entry (one bundled file): one line, exit 2.
    const missing = spawnSync(join(app, 'node_modules', '.bin', 'hotbed'), ['run', 'mine/none.yaml'], { cwd: app, encoding: 'utf8' });
    expect(missing.status, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/^hotbed: mine\/none\.yaml: [^\n]+\n$/);

    // The library through package.json `exports`, with its type declarations beside it.
    const library = execFileSync(process.execPath, ['--input-type=module', '-e', "const h = await import('hotbed'); console.log(typeof h.run, typeof h.compileInterventions, typeof h.buildWorld)"], { cwd: app, encoding: 'utf8' });
    expect(library.trim()).toBe('function function function');
    expect(existsSync(join(installed, 'dist', 'index.d.ts'))).toBe(true);

    expect(hotbed('init', 'mine')).toContain('Wrote mine/');
    expect(readdirSync(join(app, 'mine'))).toEqual(expect.arrayContaining(['baseline.yaml', 'scenario.schema.json', 'experiments', 'targets']));

    expect(hotbed('run', 'mine/single-town.yaml', '--out', 'r1', '--quiet')).toContain('Wrote r1/');
    // The explorer's page and worker come built in the package (its build bundles them from src/).
    expect(hotbed('explore', '--build', 'site')).toContain('Wrote site/');
    expect(readdirSync(join(app, 'site')).sort()).toEqual(['data.js', 'explorer.css', 'explorer.js', 'index.html', 'worker-source.js']);
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
    // Two worker threads: each loads the compiled worker (dist/batch/worker.js), and gives the same rows.
    expect(hotbed('sweep', 'mine/experiments/tiny.yaml', '--out', 's2', '--quiet', '--workers', '2')).toContain('Wrote s2/');
    expect(readFileSync(join(app, 's2', 'runs.csv'), 'utf8')).toBe(readFileSync(join(app, 's1', 'runs.csv'), 'utf8'));
  });
});
