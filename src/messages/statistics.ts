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
};
