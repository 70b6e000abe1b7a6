/**
 * Per-agent values drawn from a distribution: the thresholds of the threshold and fractional
 * peer rules, and a receptivity factor, one per agent (Granovetter 1978 varies thresholds
 * across a crowd; Watts 2002 draws them from a distribution). `fixed` is everyone alike, as
 * when the key is absent.
 */
import { z } from 'zod';

const value = z.number().min(0).max(1e6);

export const distributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed') })
    .describe('Everyone alike: the rule\'s own threshold (ties or share), a receptivity factor of 1.'),
  z.strictObject({
    kind: z.literal('uniform'),
    min: value.describe('Smallest value.'),
    max: value.describe('Largest value (not below min).'),
  }).describe('Uniform between min and max.'),
  z.strictObject({
    kind: z.literal('normal'),
    mean: z.number().min(-1e6).max(1e6),
    sd: value.describe('Standard deviation (0: everyone at the mean).'),
  }).describe('Normal, with draws below 0 set to 0 (censored, not redrawn: an agent at 0 acts with no active tie, as Granovetter\'s instigators do, and the mean above 0 stays the one given).'),
  z.strictObject({
    kind: z.literal('values'),
    values: z.array(value).min(1).max(10_000_000).describe('One value per agent, in agent order (communities in file order, each country\'s named communities before its unnamed rest).'),
  }).describe('A value for each agent, listed: as many as the world has agents at the scenario\'s scale.'),
]);

export type Distribution = z.infer<typeof distributionSchema>;

export const perAgentSchema = z.strictObject({
  threshold: distributionSchema.optional()
    .describe('Each agent\'s threshold, in place of the rule\'s: ties for the threshold rule, share of ties for the fractional rule (only those two rules have one).'),
  receptivity: distributionSchema.optional()
    .describe('Each agent\'s receptivity factor: multiplies its state\'s receptivity (peer influence and joining a party); 0 makes an agent deaf to its ties.'),
}).describe('Per-agent values drawn at world building from their own random streams (the networks and the stock do not move). Absent: everyone alike.');
