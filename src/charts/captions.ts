/**
 * Every caption and message of the report, as a named builder returning plain text.
 * The HTML page escapes whatever these return (they carry user strings: scenario and
 * place names); tests compare against the builders, so wording lives here once.
 */
import type { ReportInputs } from './inputs.js';
import { people, range, scaleText } from './format.js';
import { bandLabel, longDate, monthYear } from './specs/common.js';
import { startValue } from './specs/cumulative.js';
import { pathCaptions } from './path-labels.js';
import { besideWorldTarget } from './specs/path-targets.js';
import { eventsWithin } from './specs/events.js';
import { flowEvents } from './specs/flow.js';

/** The events a time chart draws: within the report's period (the flow chart adds the interventions the events leave out). */
const chartEvents = (inputs: ReportInputs, withInterventions: boolean) =>
  eventsWithin(withInterventions ? flowEvents(inputs) : inputs.events, { start: inputs.startDate, end: inputs.endDate });

const others = (inputs: ReportInputs) => inputs.meta.scenarios.map((s) => s.name).filter((n) => n !== inputs.meta.reference);

export const captions = {
  cumulative: (inputs: ReportInputs): string => {
    const start = startValue(inputs);
    const t = inputs.worldTarget;
    return [
      `The number of people who have travelled (abroad, returned or dead) from every place of origin, from ${monthYear(inputs.startDate)} to ${monthYear(inputs.endDate)}, one colour per scenario.`,
      `The line is the median of ${bandLabel(inputs.meta.replicates)}; the darker band holds the middle 50% of replicates and the lighter band the middle 90%. Where bands overlap, the scenarios cannot be told apart at this number of replicates.`,
      t ? `The grey bar at ${monthYear(t.date)} is the target range, ${range(t.low, t.high)} people (tick: ${people(t.value)}).` : '',
      start ? `The dot marks the start, ${people(start.value)} people in ${monthYear(start.date)}.` : '',
      pathCaptions.bar(besideWorldTarget(inputs.pathTargets, t).bar),
      pathCaptions.points(besideWorldTarget(inputs.pathTargets, t).points),
      pathCaptions.events(chartEvents(inputs, false)),
    ].filter(Boolean).join(' ');
  },

  averted: (inputs: ReportInputs): string =>
    [
      inputs.differences === 'change'
        ? `How many more people (or, below zero, fewer) had travelled by ${monthYear(inputs.endDate)} in each scenario than in the reference, ${inputs.meta.reference}, for the world and for each region: the change versus the reference, as not every scenario adds counter-measures to it.`
        : `How many fewer people had travelled by ${monthYear(inputs.endDate)} in each scenario than in the reference, ${inputs.meta.reference}, for the world and for each region.`,
      `Differences are taken replicate by replicate (the same seed for both scenarios), then summarized: the point is the median, the thick bar holds the middle 50% of replicates and the thin bar the middle 90%.`,
      inputs.differences === 'change'
        ? 'A negative value means fewer travellers than in the reference; a bar that crosses zero means the difference there is not distinguishable from chance.'
        : 'A negative value means more travellers than in the reference; a bar that crosses zero means the effect there is not distinguishable from chance.',
      'The world and the regions have separate scales.',
    ].join(' '),

  byPlace: (inputs: ReportInputs): string =>
    [
      `People who had travelled by ${monthYear(inputs.endDate)}, by region and for the countries with the most travellers, one bar per scenario.`,
      `The bar is the median of ${bandLabel(inputs.meta.replicates)} and the black line the middle 90%.`,
      inputs.byPlace.some((r) => r.target) ? 'Where a published estimate exists, the grey band is the target range and the black tick the target value; a scenario meant to reproduce the past should land inside the band.' : '',
    ].filter(Boolean).join(' '),

  channels: (inputs: ReportInputs): string =>
    [
      'New recruits per month by the channel that mobilized them: media (exposure to recruitment material), peer (influence through a tie in their network) or group (leaving as part of a group of friends).',
      'The left panel counts people per month; the right panel shows the share of each channel, which tells whether direct contact (peer and group) gains on media over time.',
      `Values are medians of ${bandLabel(inputs.meta.replicates)}${others(inputs).length > 0 ? ', one row per scenario' : ''}.`,
    ].join(' '),

  preparation: (inputs: ReportInputs): string =>
    [
      `Recruits from ${monthYear(inputs.startDate)} to ${monthYear(inputs.endDate)} in ${inputs.meta.reference}, for the world and for each named hotbed: what prepared them and what made them decide.`,
      'Prepared by media: they were sympathizers, made so by media, when they mobilized, whatever moved them then; prepared by a tie or a party: they went straight from susceptible.',
      'Mobilized by media alone, by a tie (a friend or relative who had mobilized, travelled or returned) or by a party of friends leaving together.',
      'A large media share on the left beside a small one on the right means media prepared the ground and ties made the decision.',
      `Each bar shows the shares of the median counts over ${bandLabel(inputs.meta.replicates)}; the number after each place is its recruits (people).`,
    ].join(' '),

  hotbedWindows: (inputs: ReportInputs): string =>
    [
      `For each named hotbed of ${inputs.meta.reference}, the share of its new recruits in each quarter from ${monthYear(inputs.startDate)} that media mobilized alone (left) and that media had prepared (right), plotted against the people who had travelled from the hotbed by the quarter's end (logarithmic scale).`,
      'A line that falls from left to right means that media counted for less as the hotbed grew and its recruits came more through people they knew.',
      `Values are medians of ${bandLabel(inputs.meta.replicates)} (a replicate with no recruits in a quarter has no share and is left out); hollow points mark quarters with fewer than five recruits (agents) in the median replicate, where a share is mostly noise, and are not joined.`,
    ].join(' '),

  flow: (inputs: ReportInputs): string =>
    [
      'New travellers per month, all places of origin together (each value is drawn at the middle of its month).',
      `The line is the median of ${bandLabel(inputs.meta.replicates)} and the band holds the middle 90%.`,
      inputs.interventions.length > 0 && !flowEvents(inputs) ? 'Dashed vertical lines mark the dates at which interventions start or end, in the colour of their scenario.' : '',
      pathCaptions.flows(inputs.flowTargets ?? []),
      pathCaptions.events(chartEvents(inputs, true)),
    ].filter(Boolean).join(' '),

  networkDegree: (inputs: ReportInputs): string => {
    const n = inputs.network;
    const total = n ? n.degreeHistogram.reduce((s, h) => s + h.count, 0) : 0;
    const mean = total > 0 ? n!.degreeHistogram.reduce((s, h) => s + h.degree * h.count, 0) / total : NaN;
    return [
      `How many ties people have in ${n ? n.community : 'the community'}${n ? ` (scenario ${n.scenario})` : ''}: the bar at degree k counts the people with k ties.`,
      // said in the image's subtitle too; here for a report whose images carry no titles
      total > 0 ? `${people(total)} people, ${mean.toFixed(1)} ties on average.` : '',
      'When a few people have many more ties than most, the count axis is logarithmic so that the tail stays visible.',
    ].filter(Boolean).join(' ');
  },

  networkMap: (inputs: ReportInputs): string => {
    const n = inputs.network;
    const others = n?.otherScenarios ?? [];
    return [
      `A sample of ${n ? people(n.nodes.length) : 'the'} people from ${n ? n.community : 'one community'} and the ties between them (light lines).`,
      'Dark lines join a recruiter to the person they recruited. Colour shows where each person ended up; shape shows how they were mobilized (circle: not mobilized; square: media; triangle: peer; diamond: group).',
      others.length > 0 && n
        ? `One map per scenario, from each scenario's first replicate (the same networks, by common random numbers): the same people in the same places, so that the maps differ only where the scenarios do; a ring marks a person whose end state differs from that in ${n.scenario}.`
        : '',
      'Positions come from a force-directed layout: people with many ties in common sit close together; distances have no other meaning.',
    ].filter(Boolean).join(' ');
  },

  statistics: (inputs: ReportInputs): string =>
    [
      `The statistics the scenario lists under outputs, on each recorded day of ${inputs.meta.reference}: ${(inputs.statistics ?? []).map((s) => s.name).join(', ')}.`,
      `The line is the median of ${bandLabel(inputs.meta.replicates)} and the band holds the middle 90%; a rate is drawn from the day after its period starts, and a share only where there is something to share.`,
      'series.csv.gz holds every replicate\'s values under the same names.',
    ].join(' '),
} as const;

/** Captions of the key-number tables under charts 1–3. */
export const tableCaptions = {
  cumulative: (inputs: ReportInputs): string => {
    const t = inputs.worldTarget;
    const target = t ? ` Target for ${longDate(t.date)}: ${people(t.value)} (${range(t.low, t.high)}).` : '';
    return `Cumulative travellers, world, at key dates: median (middle 90%) of ${bandLabel(inputs.meta.replicates)}, in people.${target}`;
  },
  averted: (inputs: ReportInputs): string =>
    inputs.differences === 'change'
      ? `Change in travellers versus ${inputs.meta.reference} by ${monthYear(inputs.endDate)} (scenario minus reference): median (middle 90%), in people.`
      : `Travellers averted versus ${inputs.meta.reference} by ${monthYear(inputs.endDate)}: median (middle 90%), in people.`,
  byPlace: (inputs: ReportInputs): string =>
    `Travellers by ${monthYear(inputs.endDate)} by place of origin: median (middle 90%), in people, with the target where one is known.`,
} as const;

/** Why a chart is not in the report. */
export const skipReasons = {
  cumulative: () => 'no cumulative series',
  averted: (inputs: ReportInputs) => (inputs.meta.scenarios.length < 2 ? 'only one scenario was run, so there is nothing to compare' : 'no differences between scenarios were recorded'),
  byPlace: () => 'no results by place',
  channels: () => 'no recruitment by channel was recorded',
  preparation: () => 'no recruits were recorded',
  hotbedWindows: () => 'the scenario names no hotbed with recruits enough in any quarter',
  flow: () => 'no monthly series',
  networkDegree: () => 'no network sample was recorded',
  networkMap: () => 'no network sample was recorded',
  statistics: () => 'the scenario names no outputs',
} as const;

/** Messages of the report. */
export const reportMessages = {
  notDrawn: (title: string, reason: string): string => `${title}: not drawn (${reason}).`,
  chartFailed: (name: string, reason: string): string => `chart "${name}" could not be drawn: ${reason}`,
  synthetic: (inputs: ReportInputs): string =>
    `Every figure comes from a simulation of synthetic agents (${scaleText(inputs.meta.scale)}) and is an aggregate over ${bandLabel(inputs.meta.replicates)}; nothing here describes a real person.`,
  madeBy: (inputs: ReportInputs): string => `Made by ${inputs.meta.tool} ${inputs.meta.version}.`,
  period: (inputs: ReportInputs): string => `${longDate(inputs.startDate)} to ${longDate(inputs.endDate)}`,
} as const;
