/** The published path and the scenario's events on the time charts (report and calibration). */
import { describe, expect, it } from 'vitest';
import type { FlowTarget, HistoryEvent, PathTarget, ReportInputs } from '../../../src/charts/inputs.js';
import { cumulativeSpec } from '../../../src/charts/specs/cumulative.js';
import { flowEvents, flowSpec } from '../../../src/charts/specs/flow.js';
import { predictiveSpec } from '../../../src/charts/specs/calibration-predictive.js';
import { eventMarkers, eventsWithin } from '../../../src/charts/specs/events.js';
import { besideWorldTarget } from '../../../src/charts/specs/path-targets.js';
import { eventKeyEntry, eventKeyLines, flowTargetText, pathTargetLines, shortSource } from '../../../src/charts/path-labels.js';
import { captions } from '../../../src/charts/captions.js';
import { PLOT_WIDTH, SCENARIO_COLOURS } from '../../../src/charts/specs/common.js';
import { fixtureInputs } from '../fixture.js';
import { calibrationFixture } from '../calibration-fixture.js';
import { expectPublishable, titleOf } from '../helpers.js';

const points: PathTarget[] = [
  { date: '2014-10-31', value: 15_000, low: 13_000, high: 17_500, source: 'UN Security Council, Monitoring Team, October 2014', label: 'world_2014-10-31' },
  { date: '2015-01-26', value: 20_730, low: 18_000, high: 22_500, source: 'ICSR (P. R. Neumann), "Foreign fighter total", 26 January 2015', label: 'The path' },
  { date: '2015-12-01', value: 29_000, low: 27_000, high: 31_000, source: 'The Soufan Group, "Foreign Fighters", December 2015', label: 'Soufan' },
];
const flows: FlowTarget[] = [{ from: '2014-07-01', date: '2015-07-01', value: 1000, low: 800, high: 1700, source: 'US intelligence officials, October 2014', label: 'flow_2014-07_2015-06' }];
const events: HistoryEvent[] = [
  { label: 'Caliphate proclaimed', date: '2014-06-29', kind: 'pull' },
  { label: 'National laws after resolution 2178', date: '2014-11-13', kind: 'travel-ban' },
  { label: 'The group loses ground', date: '2015-01-26', kind: 'pull' },
  { label: "Turkey's no-entry list", date: '2015-02-04', kind: 'border-control' },
  { label: 'Transit border tightened', date: '2014-09-01', kind: 'border-control', scenarios: ['border-controls'] },
];

function withPath(): ReportInputs {
  const inputs = fixtureInputs();
  inputs.worldTarget = { date: '2015-12-01', low: 27_000, high: 31_000, value: 29_000 };
  inputs.pathTargets = points;
  inputs.flowTargets = flows;
  inputs.events = events;
  return inputs;
}

/** Every (nested) layer's data values in a spec. */
const dataOf = (spec: unknown): Record<string, unknown>[][] => {
  const out: Record<string, unknown>[][] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      const values = (o.data as { values?: unknown } | undefined)?.values;
      if (Array.isArray(values)) out.push(values as Record<string, unknown>[]);
      Object.values(o).forEach(walk);
    }
  };
  walk(spec);
  return out;
};

describe('labels of the path and the events', () => {
  it('shortens a source to who published it', () => {
    expect(shortSource(points[0]!.source, 'x')).toBe('UN Security Council');
    expect(shortSource(points[1]!.source, 'x')).toBe('ICSR');
    expect(shortSource('', 'world')).toBe('world');
  });

  it('keys the events by number, naming the scenarios of one that not all have, in lines that fit', () => {
    expect(eventKeyEntry(1, events[0]!)).toBe('1 Caliphate proclaimed (29 Jun 2014)');
    expect(eventKeyEntry(5, events[4]!)).toBe('5 Transit border tightened (1 Sep 2014; border-controls)');
    const lines = eventKeyLines(events, PLOT_WIDTH + 60);
    expect(lines[0]).toMatch(/^Events \(numbered lines\): 1 Caliphate proclaimed/);
    expect(lines.join(' ')).toContain('4 Turkey\'s no-entry list (4 Feb 2015)');
    for (const line of lines) expect(line.length * 12.5 * 0.56).toBeLessThanOrEqual(PLOT_WIDTH + 60 + 12.5 * 0.56);
    expect(eventKeyLines([], 600)).toEqual([]);
  });

  it('names the sources of the points, and of the grey bar when it is one of them', () => {
    const { points: others, bar } = besideWorldTarget(points, { date: '2015-12-01', low: 27_000, high: 31_000 });
    expect(others).toHaveLength(2);
    expect(bar?.label).toBe('Soufan');
    expect(pathTargetLines(others, 640, bar).join(' ')).toBe('Black points and bars: published estimates and their bands, UN Security Council (Oct 2014); ICSR (Jan 2015); grey bar: The Soufan Group (Dec 2015).');
    expect(flowTargetText(flows[0]!)).toBe('Published: 1,000 a month');
  });
});

describe('event markers', () => {
  it('number the events by date and set close numbers apart (other side or other row)', () => {
    const domain = { start: '2014-06-01', end: '2015-12-01' };
    const within = eventsWithin(events, domain);
    expect(within.map((e) => e.label)).toEqual(['Caliphate proclaimed', 'Transit border tightened', 'National laws after resolution 2178', 'The group loses ground', "Turkey's no-entry list"]);
    const markers = eventMarkers(within, domain, PLOT_WIDTH);
    expect(markers.map((m) => m.number)).toEqual(['1', '2', '3', '4', '5']);
    // 26 January and 4 February are 9 days (about 10 px) apart: not both to the right in one row
    const [kobani, turkey] = [markers[3]!, markers[4]!];
    expect(kobani.row !== turkey.row || kobani.align !== turkey.align).toBe(true);
    expect(kobani.row === turkey.row ? kobani.align === 'right' && turkey.align === 'left' : true).toBe(true);
  });
});

describe('one intervention at different dates in different scenarios', () => {
  // A comparison of the baseline with a scenario that moves Turkey's controls earlier: as historyEvents gives it
  const moved: HistoryEvent[] = [
    { label: 'Caliphate proclaimed', date: '2014-06-29', kind: 'pull' },
    { label: "Turkey's no-entry list and risk analysis", date: '2014-09-01', kind: 'border-control', scenarios: ['border-controls'] },
    { label: 'National laws after resolution 2178', date: '2014-11-13', kind: 'travel-ban' },
    { label: 'The group loses ground', date: '2015-01-26', kind: 'pull' },
    { label: "Turkey's no-entry list and risk analysis", date: '2015-02-04', kind: 'border-control', scenarios: ['baseline'] },
    { label: 'Loss of the Tal Abyad crossing', date: '2015-06-16', kind: 'hazard-multipliers' },
  ];
  const compared = (): ReportInputs => {
    const inputs = fixtureInputs();
    inputs.meta.scenarios = inputs.meta.scenarios.slice(0, 2);
    inputs.flow = inputs.flow.filter((r) => r.scenario !== 'media-takedowns');
    inputs.cumulative = inputs.cumulative.filter((r) => r.scenario !== 'media-takedowns');
    inputs.events = moved;
    inputs.interventions = moved.flatMap((e) => (e.scenarios ?? ['baseline', 'border-controls']).map((scenario) => ({ scenario, label: e.label, date: e.date })));
    return inputs;
  };

  it('is one number, drawn at each date in its scenario\'s colour and keyed once with both dates', () => {
    const domain = { start: '2014-06-01', end: '2015-12-01' };
    expect(eventMarkers(moved, domain, PLOT_WIDTH).map((m) => m.number)).toEqual(['1', '2', '3', '4', '2', '5']);
    const key = eventKeyLines(moved, PLOT_WIDTH + 60).join(' ');
    expect(key).toContain("2 Turkey's no-entry list and risk analysis (1 Sep 2014 in border-controls, 4 Feb 2015 in baseline)");
    expect(key).toContain('5 Loss of the Tal Abyad crossing (16 Jun 2015)');
  });

  it('the flow and cumulative charts and their captions list each intervention once', () => {
    const inputs = compared();
    for (const [spec, caption] of [[flowSpec(inputs), captions.flow(inputs)], [cumulativeSpec(inputs), captions.cumulative(inputs)]] as const) {
      expectPublishable(spec);
      const subtitle = titleOf(spec).subtitle.join(' ');
      for (const text of [subtitle, caption]) {
        expect(text.split("Turkey's no-entry list and risk analysis").length - 1, text).toBe(1);
        expect(text.split('Caliphate proclaimed').length - 1).toBe(1);
      }
      const numbers = dataOf(spec).find((v) => v.some((r) => 'number' in r))!.map((r) => r.number);
      expect(numbers).toEqual(['1', '2', '3', '4', '2', '5']);
    }
    // four lines of key at most under the flow chart's title (it was five, listing the controls twice)
    expect(titleOf(flowSpec(inputs)!).subtitle.filter((l) => /^(Events|\d )/.test(l)).length).toBeLessThanOrEqual(4);
  });
});

describe('the report\'s time charts with the path and events', () => {
  it('cumulative: a point with an error bar for each dated estimate besides the grey bar, numbered rules, sources and key in the subtitle', () => {
    const inputs = withPath();
    const spec = cumulativeSpec(inputs);
    expectPublishable(spec);
    const data = dataOf(spec);
    const published = data.find((d) => d.some((r) => r.source !== undefined))!;
    expect(published.map((r) => r.value)).toEqual([15_000, 20_730]);
    expect(published[0]).toMatchObject({ low: 13_000, high: 17_500, label: 'world_2014-10-31', band: '13,000–17,500', valueText: '15,000' });
    const rules = data.find((d) => d.some((r) => r.number !== undefined))!;
    expect(rules.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5']);
    // the scenario's own event in its colour
    expect(rules[1]).toMatchObject({ date: '2014-09-01', colour: SCENARIO_COLOURS[1] });
    const json = JSON.stringify(spec);
    expect(json).toContain('"tooltip"');
    const subtitle = titleOf(spec).subtitle.join(' ');
    expect(subtitle).toContain('UN Security Council (Oct 2014)');
    expect(subtitle).toContain('grey bar: The Soufan Group (Dec 2015)');
    expect(subtitle).toContain('1 Caliphate proclaimed (29 Jun 2014)');
  });

  it('flow: a box over each published flow\'s period, and the events numbered with the interventions they leave out', () => {
    const inputs = withPath();
    const spec = flowSpec(inputs);
    expectPublishable(spec);
    const data = dataOf(spec);
    const box = data.find((d) => d.some((r) => r.from !== undefined))!;
    expect(box).toEqual([expect.objectContaining({ from: '2014-07-01', date: '2015-07-01', value: 1000, low: 800, high: 1700, text: 'Published: 1,000 a month' })]);
    // the fixture's interventions have no events of theirs: they join the numbered events
    expect(flowEvents(inputs)!.length).toBe(events.length + inputs.interventions.length);
    expect(JSON.stringify(spec)).not.toContain('"strokeDash":[5,4]');
    const subtitle = titleOf(spec).subtitle.join(' ');
    expect(subtitle).toContain('Grey boxes: published monthly flows and their bands, US intelligence officials (Jul 2014 to Jul 2015)');
    expect(subtitle).toContain('Events (numbered lines): 1 Caliphate proclaimed (29 Jun 2014)');
  });

  it('captions name the sources in full and key the events', () => {
    const inputs = withPath();
    const cumulative = captions.cumulative(inputs);
    expect(cumulative).toContain('The target range comes from The Soufan Group, "Foreign Fighters", December 2015.');
    expect(cumulative).toContain('15,000 (13,000–17,500) on 31 Oct 2014, UN Security Council, Monitoring Team, October 2014');
    expect(cumulative).toContain('1 Caliphate proclaimed (29 Jun 2014)');
    const flow = captions.flow(inputs);
    expect(flow).toContain('1,000 a month (800–1,700) from 1 Jul 2014 to 1 Jul 2015, US intelligence officials, October 2014');
    expect(flow).not.toContain('Dashed vertical lines');
  });

  it('draws as before without dated targets or events (no empty layers)', () => {
    const before = fixtureInputs();
    const empty = { ...fixtureInputs(), pathTargets: [], flowTargets: [], events: [] };
    expect(cumulativeSpec(empty)).toEqual(cumulativeSpec(before));
    expect(flowSpec(empty)).toEqual(flowSpec(before));
    expect(captions.cumulative(empty)).toBe(captions.cumulative(before));
    expect(captions.flow(empty)).toBe(captions.flow(before));
    // only the grey bar's own figure: it is not drawn twice, and the chart is unchanged
    const barOnly = { ...fixtureInputs(), worldTarget: { date: '2015-12-01', low: 27_000, high: 31_000, value: 29_000 }, pathTargets: [points[2]!] };
    expect(cumulativeSpec(barOnly)).toEqual(cumulativeSpec({ ...barOnly, pathTargets: undefined }));
  });
});

describe('the calibration\'s posterior predictive with the path and events', () => {
  it('draws the dated estimates, the events and their key', () => {
    const inputs = { ...calibrationFixture(), pathTargets: points, events: events.slice(0, 4) };
    const spec = predictiveSpec(inputs);
    expectPublishable(spec);
    const data = dataOf(spec);
    expect(data.find((d) => d.some((r) => r.source !== undefined))!.map((r) => r.value)).toEqual([15_000, 20_730]);
    expect(data.find((d) => d.some((r) => r.number !== undefined))!.map((r) => r.number)).toEqual(['1', '2', '3', '4']);
    expect(titleOf(spec).subtitle.join(' ')).toContain('4 Turkey\'s no-entry list (4 Feb 2015)');
  });

  it('draws as before without them', () => {
    expect(predictiveSpec({ ...calibrationFixture(), pathTargets: [], events: [] })).toEqual(predictiveSpec(calibrationFixture()));
  });
});
