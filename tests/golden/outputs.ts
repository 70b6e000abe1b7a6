/**
 * The golden outputs: the files a run, a comparison, a sweep and a calibration write, reduced
 * to a sha256 each, so that a refactoring can show it changed no byte of what users get.
 *
 *   node --import tsx tests/golden/outputs.ts          # print the digests of a fresh set
 *   node --import tsx tests/golden/outputs.ts --write  # replace digests.json (a change in results:
 *                                                      # its own commit, with the reason)
 *
 * PNGs are left out (see SKIPPED). A gzipped table (`.gz`) is compared by its text, decompressed:
 * the compressed bytes follow the zlib that Node.js bundles, not Hotbed, so its digest is the
 * digest the same table had when it was written plain. Manifests and the calibration summary are compared without what legitimately differs between two runs of the same thing
 * (wall time, the Node.js version, worker count, the command line, absolute folders); so are
 * run-info.json and the resume state, which hold the same kind of thing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { hotbed } from '../cli/cli.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const DIGESTS = fileURLToPath(new URL('./digests.json', import.meta.url));

/** The commands, run from the repository's root; `OUT` stands for the output folder. */
export const GOLDEN_COMMANDS: Record<string, string[]> = {
  run: ['run', 'scenarios/baseline.yaml', '--seed', '3', '--replicates', '3'],
  compare: ['compare', 'scenarios/baseline.yaml', 'scenarios/border-controls.yaml', '--seed', '3', '--replicates', '2', '--set', 'output.levels=[world,region,country]'],
  sweep: ['sweep', 'tests/golden/fixtures/sweep-town.yaml', '--workers', '2'],
  calibration: ['calibrate', 'tests/golden/fixtures/town-calibration.yaml', '--workers', '2'],
};

/**
 * Files that hold nothing but the circumstances of the run; and the PNGs, which resvg rasterizes
 * from the SVGs checked here: their bytes may follow the machine's floating point, not Hotbed
 * (tests/charts/render.test.ts checks that they are deterministic on one machine).
 */
const SKIPPED = [/^sweep\/run-info\.json$/, /^sweep\/\.journal\//, /^calibration\/state\//, /\.png$/];

const VOLATILE_KEYS = new Set(['timing', 'createdWith', 'workers', 'node', 'wallMs', 'seconds', 'pointSeconds', 'perSecond']);
/** JSON files that record times besides results: compared without them. */
const WITH_TIMES = new Set(['run/manifest.json', 'compare/manifest.json', 'sweep/manifest.json', 'calibration/manifest.json', 'calibration/summary.json']);

function withoutCircumstances(text: string, out: string): string {
  const strip = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(strip);
    if (x !== null && typeof x === 'object') {
      return Object.fromEntries(Object.entries(x).filter(([k]) => !VOLATILE_KEYS.has(k)).map(([k, v]) => [k, strip(v)]));
    }
    return typeof x === 'string' ? x.split(out).join('<out>').split(REPO).join('<repo>') : x;
  };
  return JSON.stringify(strip(JSON.parse(text)), null, 2);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

/** Runs every golden command into a fresh folder; returns { "run/series.csv.gz": sha256 of its text, … }. */
export async function goldenDigests(): Promise<Record<string, string>> {
  // Inside the repository (.tmp/ is ignored): calibrated.yaml names its scenario relative to its folder.
  mkdirSync(join(REPO, '.tmp'), { recursive: true });
  const root = mkdtempSync(join(REPO, '.tmp', 'golden-'));
  try {
    const digests: Record<string, string> = {};
    for (const [name, args] of Object.entries(GOLDEN_COMMANDS)) {
      const out = join(root, name);
      const ran = await hotbed([...args, '--out', out, '--quiet'], REPO);
      if (ran.status !== 0) throw new Error(`golden ${name}: exit ${ran.status}\n${ran.stderr}`);
      for (const file of filesUnder(out)) {
        const key = `${name}/${file}`;
        if (SKIPPED.some((re) => re.test(key))) continue;
        let bytes: Buffer | string = readFileSync(join(out, file));
        if (key.endsWith('.gz')) bytes = gunzipSync(bytes);
        if (WITH_TIMES.has(key)) bytes = withoutCircumstances(bytes.toString('utf8'), out);
        digests[key] = createHash('sha256').update(bytes).digest('hex');
      }
    }
    return digests;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const digests = await goldenDigests();
  const text = `${JSON.stringify(digests, null, 2)}\n`;
  if (process.argv.includes('--write')) writeFileSync(DIGESTS, text);
  else process.stdout.write(text);
}
