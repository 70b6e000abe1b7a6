/**
 * Messages about statistics named in files (scenario `outputs`, experiment
 * `outputs`): one builder each, so that the wording lives here once.
 */
import { UserError } from './errors.js';
import type { Where } from './scenario.js';

export const statisticMessages = {
  dateOutsideRun: (where: Where, path: string, date: string, start: string, end: string) =>
    new UserError({ ...where, path, problem: 'date outside the scenario\'s run', expected: `a date from ${start} to ${end}`, found: date }),

  wrongLevel: (where: Where, path: string, measure: string, level: string, levels: readonly string[]) =>
    new UserError({
      ...where,
      path,
      problem: measure === 'countries_represented' ? `countries_represented counts countries, and a ${level} is inside one` : `${measure} is not defined for a ${level}`,
      expected: `place: ${levels.map((l) => (l === 'world' ? 'world' : `{${l}: NAME}`)).join(' or ')}`,
      found: level,
    }),

  needsFrom: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} is a rate over a period`, expected: 'from: the first day of the period (YYYY-MM-DD)', found: 'nothing' }),

  periodReversed: (where: Where, path: string, from: string, date: string, start: string) =>
    new UserError({ ...where, path, problem: 'the period is empty or starts before the run', expected: `a date from ${start} to before ${date}`, found: from }),

  notAPeriod: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} is read on one day and takes no period`, expected: 'no `from`', found: 'from' }),

  needsBase: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} compares the flow of the period with that of a base period`, expected: 'baseFrom and baseDate: the first and last day of the base period (YYYY-MM-DD)', found: 'nothing' }),

  takesNoBase: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} takes no base period`, expected: 'no `baseFrom` or `baseDate`', found: path.split('.').at(-1)! }),

  needsCommunities: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} needs the communities it counts`, expected: 'communities: [NAME, ...]', found: 'nothing' }),

  takesNoCommunities: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} takes no communities`, expected: 'no `communities`', found: 'communities' }),

  communityOutsidePlace: (where: Where, path: string, community: string, place: string, hint?: string) =>
    new UserError({ ...where, path, problem: `"${community}" is not a community of ${place}`, hint }),

  twoLevels: (where: Where, path: string) =>
    new UserError({ ...where, path, problem: 'an indicator takes one level', expected: 'either `above` (strictly above) or `atLeast` (at or above)', found: 'both' }),

  levelOutsideShare: (where: Where, path: string, measure: string, level: number) =>
    new UserError({ ...where, path, problem: `${measure} is a share, so a level for it lies in 0..1`, expected: 'a number from 0 to 1', found: String(level) }),

  needsShare: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} counts the days to reach a share of the place's agents`, expected: 'share: a number from 0 to 1', found: 'nothing' }),

  takesNoShare: (where: Where, path: string, measure: string) =>
    new UserError({ ...where, path, problem: `${measure} takes no share to reach (only days_to_share does)`, expected: 'no `share`', found: 'share' }),

  unknownCondition: (where: Where, path: string, name: string, hint?: string) =>
    new UserError({ ...where, path, problem: `no other output of this list is named "${name}"`, expected: 'the name of another output, an indicator (with `above` or `atLeast`)', found: name, hint }),

  conditionNotIndicator: (where: Where, path: string, name: string) =>
    new UserError({ ...where, path, problem: `the output "${name}" is not an indicator, so it cannot be a condition`, expected: 'an output with `above` or `atLeast`', found: `${name} without a level` }),

  conditionConditional: (where: Where, path: string, name: string, its: string) =>
    new UserError({ ...where, path, problem: `the output "${name}" is itself conditional (given: ${its}); a condition has no condition of its own`, expected: 'an indicator without `given`', found: `${name} (given: ${its})` }),

  conditionOutsideList: (where: Where, path: string) =>
    new UserError({ ...where, path, problem: 'a condition names another output of a list of outputs, and there is none here', expected: 'no `given`', found: 'given' }),
};
