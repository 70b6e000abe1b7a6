/**
 * Property tests draw their cases from a seed. In CI the seed is fixed, so a run of a
 * given commit is reproducible and a red CI is never a roll of the dice; outside CI each
 * run draws a new seed and explores further (fast-check prints the seed and the path of
 * a failing case, to be replayed with FC_SEED). tests/scenario/fuzz.test.ts keeps its
 * own seed (FUZZ_SEED) and budget.
 */
import fc from 'fast-check';

const pinned = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (pinned !== undefined) fc.configureGlobal({ seed: Number(pinned) });
