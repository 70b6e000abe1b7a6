/**
 * A sweep plan read back from disk (a shard's shard.json, a journal's header.json) is
 * checked before anything is sized from it: its shape (types and bounds, as the
 * experiment schema allows), its counts (points from the design, runs from points and
 * replicates, within the table limit), then its hash, recomputed from what fixes the
 * runs. An edited plan (a forged factor, a huge run count) is refused here, before a
 * list of its runs is made: sizes first, so that hashing never meets an unbounded plan.
 */
import { z } from 'zod';
import { finite } from '../scenario/fields.js';
import { levels } from '../scenario/levels.js';
import { statisticNames } from '../statistics/registry.js';
import { readBackMessages } from '../messages/read-back.js';
import { designSchema, planHashes, type SweepPlan } from './file.js';
import { designSize } from './points.js';
import { checkTableSize } from './size.js';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 in hex');
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);

const factor = z.looseObject({
  name: z.string().min(1).max(1000),
  path: z.string().min(1).max(1000),
  low: finite,
  high: finite,
  scale: z.enum(['linear', 'log']),
  values: z.array(finite).min(1).max(10000).optional(),
  note: z.string().optional(),
});

const output = z.looseObject({
  name: z.string().min(1).max(1000),
  measure: z.enum(statisticNames as [string, ...string[]]),
  level: z.enum(levels),
  place: z.string(),
  date: z.string(),
});

const reference = z.strictObject({
  factor: z.string().min(1).max(1000),
  from: finite,
  to: finite,
  label: z.string().min(1).max(200),
});

/** The limits are the experiment schema's (file.ts), so a plan hotbed sweep wrote always passes. */
const planSchema = z.looseObject({
  format: z.literal(1),
  title: z.string(),
  description: z.string().optional(),
  experimentFile: z.string(),
  scenarioFile: z.string(),
  scenarioPath: z.string(),
  scenarioTitle: z.string(),
  scenarioHash: sha256Hex,
  set: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  scale: z.number().positive().refine(Number.isFinite, 'a finite number'),
  seed: z.number().int(),
  replicates: wholeNumber(1, 100000),
  commonRandomNumbers: z.boolean(),
  factors: z.array(factor).min(1).max(100),
  design: designSchema,
  outputs: z.array(output).min(1).max(200),
  points: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  runs: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  toolVersion: z.string(),
  references: z.array(reference).max(100).optional(),
  chartTitles: z.literal(false).optional(),
  hash: sha256Hex,
  experimentHash: sha256Hex,
});

/** The plan `raw` (found at `path` of `file`), checked; throws the message for its first problem. */
export function checkPlan(raw: unknown, file: string, path = 'plan'): SweepPlan {
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = [path, ...issue.path.map(String)].join('.');
    throw readBackMessages.planWrongShape(file, at, expectedText(issue.message), valueAt(raw, issue.path));
  }
  // The parsed copy has the design's defaults filled in; the hash is of the plan as written.
  const plan = raw as SweepPlan;
  for (const f of plan.factors) {
    if (plan.design.kind === 'grid' && f.values === undefined) throw readBackMessages.planWrongShape(file, `${path}.factors`, 'the values of every factor of a grid', undefined);
  }
  const points = designSize(plan.design, plan.factors);
  checkTableSize({ file }, points, plan.replicates, plan.factors.length, plan.outputs.length);
  if (plan.points !== points) throw readBackMessages.planCountMismatch(file, `${path}.points`, points, plan.points);
  if (plan.runs !== points * plan.replicates) throw readBackMessages.planCountMismatch(file, `${path}.runs`, points * plan.replicates, plan.runs);
  const { hash, experimentHash } = planHashes(plan);
  if (plan.hash !== hash) throw readBackMessages.planHashMismatch(file, plan.hash, hash);
  if (plan.experimentHash !== experimentHash) throw readBackMessages.planHashMismatch(file, plan.experimentHash, experimentHash);
  return plan;
}

const TYPE_WORDS: Record<string, string> = { object: 'a mapping', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false' };

/** zod's wording of what it wanted, in the words of the other file messages. */
function expectedText(message: string): string {
  const wanted = message.replace(/^Invalid input: /, '').replace(/^expected /, '').replace(/, received .*$/, '');
  return TYPE_WORDS[wanted] ?? wanted;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * The most bytes a file holding a plan (shard.json, a journal's header.json) may hold. The
 * largest plans are grids: 100 factors of up to 10,000 values would be 24 MB of numbers, but
 * the table limit keeps a grid's values far fewer (a product of a few million points);
 * 16 MiB of JSON parses in about a tenth of a second.
 */
export const MAX_PLAN_FILE_BYTES = 16 * 2 ** 20;
