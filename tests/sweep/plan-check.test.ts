/**
 * A sweep plan read back (src/sweep/plan-check.ts): the plan loadExperiment makes passes as
 * it is; an edited one is refused by its shape, its counts, its size or its hash, before
 * anything is sized from it; and, fuzzed, any edit gives the plan back or one UserError.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isUserError } from '../../src/messages/errors.js';
import { readBackMessages } from '../../src/messages/read-back.js';
import { sweepMessages } from '../../src/messages/sweep.js';
import { loadExperiment, planHashes, type SweepPlan } from '../../src/sweep/file.js';
import { checkPlan } from '../../src/sweep/plan-check.js';
import { estimateTableBytes, TABLE_LIMIT_BYTES } from '../../src/sweep/size.js';
import { cleanup, MINIMAL, tempDir, userError, writeFixture, yaml } from '../scenario/fixtures.js';

afterAll(cleanup);

const dir = tempDir('hotbed-plan-check-');
writeFixture(dir, 'minimal.yaml', MINIMAL);
const load = (design: string, factor: string) => loadExperiment(writeFixture(dir, 'exp.yaml', yaml(
  'title: Plan check',
  'scenario: minimal.yaml',
  'replicates: 3',
  'factors:',
  `  - { name: susceptibility, path: places.regions.Maghreb.susceptibility, ${factor}, note: why }`,
  `design: ${design}`,
  'outputs:',
  '  - { measure: travelled }',
)), { toolVersion: '9.9.9' }).plan;
const GRID = load('{ kind: grid }', 'values: [1, 1.5]');
const LHS = load('{ kind: latin-hypercube, samples: 5 }', 'low: 0.5, high: 2');
const FILE = 'shard.json';
/** The plan as it comes back from disk: through JSON. */
const copy = (p: SweepPlan) => JSON.parse(JSON.stringify(p)) as SweepPlan;

describe('checkPlan', () => {
  it('passes the plans hotbed sweep writes, of every kind of design', () => {
    for (const p of [GRID, LHS]) expect(checkPlan(copy(p), FILE)).toEqual(p);
  });

  it('refuses a plan of the wrong shape, naming where', () => {
    const p = copy(GRID) as unknown as Record<string, unknown>;
    p.replicates = '3';
    expect(userError(() => checkPlan(p, FILE)).message).toBe(readBackMessages.planWrongShape(FILE, 'plan.replicates', 'a number', '3').message);
    expect(userError(() => checkPlan(null, FILE)).message).toBe(readBackMessages.planWrongShape(FILE, 'plan', 'a mapping', null).message);
    const q = copy(GRID);
    delete q.factors[0]!.values;
    expect(userError(() => checkPlan(q, FILE)).message).toBe(readBackMessages.planWrongShape(FILE, 'plan.factors', 'the values of every factor of a grid', undefined).message);
  });

  it('refuses counts that do not follow from the design', () => {
    expect(userError(() => checkPlan({ ...copy(GRID), points: 3 }, FILE)).message).toBe(readBackMessages.planCountMismatch(FILE, 'plan.points', 2, 3).message);
    expect(userError(() => checkPlan({ ...copy(LHS), runs: 1e15 }, FILE)).message).toBe(readBackMessages.planCountMismatch(FILE, 'plan.runs', 15, 1e15).message);
  });

  it('refuses a plan too large to merge before hashing it', () => {
    const huge = { ...copy(LHS), design: { kind: 'latin-hypercube' as const, samples: 10_000_000, bootstrap: 1000 }, replicates: 100000 };
    expect(userError(() => checkPlan(huge, FILE)).message)
      .toBe(sweepMessages.tooLarge({ file: FILE }, 1e12, 1e7, 100000, estimateTableBytes(1e12, 1, 1), TABLE_LIMIT_BYTES).message);
  });

  it('refuses a plan edited without its hash, and not one whose notes or file names changed', () => {
    const forged = copy(GRID);
    forged.factors[0]!.values = [1, 9];
    expect(userError(() => checkPlan(forged, FILE)).message).toBe(readBackMessages.planHashMismatch(FILE, GRID.hash, planHashes(forged).hash).message);
    const seed = { ...copy(LHS), seed: 2 };
    expect(userError(() => checkPlan(seed, FILE)).message).toBe(readBackMessages.planHashMismatch(FILE, LHS.hash, planHashes(seed).hash).message);
    const renamed = copy(GRID);
    renamed.factors[0]!.note = 'another reason';
    renamed.experimentFile = 'elsewhere.yaml';
    expect(checkPlan(renamed, FILE)).toEqual(renamed);
  });
});

describe('fuzzed plans', () => {
  /** Sets the value at a path of the plan (made of the plan's own keys), as an editor would. */
  function edit(plan: SweepPlan, path: number[], value: unknown): unknown {
    const root = copy(plan) as unknown as Record<string, unknown>;
    let node: Record<string, unknown> = root;
    for (let i = 0; ; i++) {
      const keys = Object.keys(node);
      if (keys.length === 0) return root;
      const key = keys[path[i]! % keys.length]!;
      const next = node[key];
      if (i === path.length - 1 || next === null || typeof next !== 'object') {
        node[key] = value;
        return root;
      }
      node = next as Record<string, unknown>;
    }
  }

  it('any value put anywhere in a plan gives the plan back unchanged in what it runs, or one UserError', () => {
    fc.assert(fc.property(fc.constantFrom(GRID, LHS), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), (plan, path, value) => {
      const edited = edit(plan, path, value);
      try {
        const back = checkPlan(edited, FILE);
        expect(planHashes(back).hash).toBe(plan.hash);
      } catch (e) {
        if (!isUserError(e)) throw e;
        expect(e.message).not.toMatch(/\n/);
      }
    }), { numRuns: 1500 });
  });
});
