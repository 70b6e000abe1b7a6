/**
 * Chart 6: one community's network. (a) the degree distribution (bars; the count
 * axis is logarithmic when the tail is long); (b) a map of a sampled part of it:
 * ties as lines, who recruited whom in colour, people as points coloured by their
 * end state and shaped by how they were mobilized.
 */
import { roundHalfUpToDecimals } from '../../numeric/number-format.js';
import type { ReportInputs } from '../inputs.js';
import { layoutNetwork } from '../layout.js';
import { people as formatPeople } from '../format.js';
import { type Layer, type TopLevelSpec, INK, PLOT_WIDTH, frame, monthYear } from './common.js';

export const degreeTitle = 'Ties per person';
export const networkMapTitle = 'Who recruited whom';

type Network = NonNullable<ReportInputs['network']>;

/** Long-tailed: the largest degree is over four times the mean, and counts span two orders of magnitude. */
export function isHeavyTailed(histogram: Network['degreeHistogram']): boolean {
  const rows = histogram.filter((h) => h.count > 0);
  if (rows.length < 3) return false;
  const people = rows.reduce((s, h) => s + h.count, 0);
  const mean = rows.reduce((s, h) => s + h.degree * h.count, 0) / people;
  const maxDegree = Math.max(...rows.map((h) => h.degree));
  const counts = rows.map((h) => h.count);
  return maxDegree > 4 * mean && Math.max(...counts) / Math.min(...counts) >= 100;
}

export function degreeSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const network = inputs.network;
  const rows = network?.degreeHistogram.filter((h) => h.count > 0) ?? [];
  if (!network || rows.length === 0) return undefined;
  const log = isHeavyTailed(rows);
  const people = rows.reduce((s, h) => s + h.count, 0);
  const mean = rows.reduce((s, h) => s + h.degree * h.count, 0) / people;
  const maxCount = Math.max(...rows.map((r) => r.count));
  const values = rows.map((h) => ({ degree: h.degree, from: h.degree - 0.4, to: h.degree + 0.4, count: h.count }));
  return {
    ...frame(degreeTitle, [
      `How many ties each person has in ${network.community} (scenario ${network.scenario}): ${formatPeople(people)} people, ${mean.toFixed(1)} ties on average.`,
      log ? 'The count axis is logarithmic: the distribution has a long tail of well-connected people.' : 'Bar height: number of people with that many ties.',
    ]),
    width: PLOT_WIDTH,
    height: 240,
    data: { values },
    mark: { type: 'bar', color: '#0072B2' },
    encoding: {
      x: { field: 'from', type: 'quantitative', title: 'Degree (ties per person)', scale: { nice: false, domain: [Math.min(0, ...rows.map((r) => r.degree)) - 0.5, Math.max(...rows.map((r) => r.degree)) + 0.5] }, axis: { tickMinStep: 1, format: 'd' } },
      x2: { field: 'to' },
      ...(log
        ? {
            y: { field: 'count', type: 'quantitative', title: 'Count (people, log scale)', scale: { type: 'log', domain: [0.7, maxCount * 1.6] }, axis: { format: ',d', values: logTicks(maxCount) } },
            // bars stand on the bottom of the plot (a log scale has no zero)
            y2: { value: 'height' },
          }
        : {
            // bars stand on zero: without y2 a bar with x and x2 is a range along x, drawn as a dash at its count
            y: { field: 'count', type: 'quantitative', title: 'Count (people)', scale: { domainMin: 0, nice: true }, axis: { format: ',d', tickMinStep: 1 } },
            y2: { datum: 0 },
          }),
    },
  };
}

/** 1, 10, 100, … up to max. */
function logTicks(max: number): number[] {
  const ticks = [1];
  for (let tick = 10; tick <= max; tick *= 10) ticks.push(tick);
  return ticks;
}

/** End states in their life-course order, with colours (Okabe–Ito; grey for people never mobilized). */
export const STATE_COLOURS: Record<string, string> = {
  susceptible: '#c9c9c9',
  sympathizer: '#E69F00',
  mobilized: '#CC79A7',
  intercepted: '#009E73',
  abroad: '#D55E00',
  returned: '#56B4E9',
  dead: '#000000',
};
const EXTRA_STATE_COLOURS = ['#0072B2', '#8c6d31', '#7f7f7f'];

export const CHANNEL_SHAPES: Record<string, string> = { none: 'circle', media: 'square', peer: 'triangle-up', group: 'diamond' };

const MAP_WIDTH = PLOT_WIDTH - 110;
const MAP_HEIGHT = 460;
/** A comparison's maps, two to a row: as wide together as one map. */
const PANEL_SIZE = 280;
const PANEL_COLUMNS = 2;
/** Stroke of the ring around a person whose end state differs from the reference's. */
const CHANGED_RING = '#444444';

type Panel = { scenario: string; nodes: Network['nodes']; recruitments: Network['recruitments'] };

export function networkMapSpec(inputs: ReportInputs): TopLevelSpec | undefined {
  const network = inputs.network;
  if (!network || network.nodes.length === 0) return undefined;
  const pos = layoutNetwork(network, inputs.meta.seed);
  const panels: Panel[] = [network, ...(network.otherScenarios ?? [])];
  const compared = panels.length > 1;
  const [width, height] = compared ? [PANEL_SIZE, PANEL_SIZE] : [MAP_WIDTH, MAP_HEIGHT];

  // fit the layout into the plot with equal scales on both axes
  const xs = [...pos.values()].map((p) => p.x);
  const ys = [...pos.values()].map((p) => p.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const unit = Math.max((x1 - x0) / width, (y1 - y0) / height, 1e-9) * 1.06;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const px = (x: number) => round(width / 2 + (x - cx) / unit);
  const py = (y: number) => round(height / 2 + (y - cy) / unit);
  const at = (id: number) => pos.get(id);

  // one colour and one shape per value across every panel
  const allNodes = panels.flatMap((p) => p.nodes);
  const states = [...new Set(allNodes.map((n) => n.state))];
  const stateDomain = [...Object.keys(STATE_COLOURS).filter((s) => states.includes(s)), ...states.filter((s) => !(s in STATE_COLOURS)).sort()];
  let extra = 0;
  const stateRange = stateDomain.map((s) => STATE_COLOURS[s] ?? EXTRA_STATE_COLOURS[extra++ % EXTRA_STATE_COLOURS.length]!);
  const shapes = Object.entries(CHANNEL_SHAPES).filter(([c]) => allNodes.some((n) => n.channel === c));
  const referenceState = new Map(network.nodes.map((n) => [n.id, n.state]));

  const layersOf = (panel: Panel, isReference: boolean): Layer[] => {
    const recruitKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
    const recruited = new Set(panel.recruitments.map((r) => recruitKey(r.recruiter, r.recruit)));
    const edges: { x: number; y: number; x2: number; y2: number; kind: string }[] = [];
    for (const t of network.ties) {
      const a = at(t.a);
      const b = at(t.b);
      if (!a || !b || recruited.has(recruitKey(t.a, t.b))) continue;
      edges.push({ x: px(a.x), y: py(a.y), x2: px(b.x), y2: py(b.y), kind: 'tie' });
    }
    for (const r of panel.recruitments) {
      const a = at(r.recruiter);
      const b = at(r.recruit);
      if (!a || !b) continue;
      edges.push({ x: px(a.x), y: py(a.y), x2: px(b.x), y2: py(b.y), kind: 'recruited' });
    }
    const nodes = panel.nodes
      .map((n) => ({ n, p: at(n.id) }))
      .filter((e): e is { n: Network['nodes'][number]; p: { x: number; y: number } } => e.p !== undefined)
      // the mobilized on top of the rest
      .sort((a, b) => Number(a.n.channel !== 'none') - Number(b.n.channel !== 'none') || a.n.id - b.n.id)
      .map(({ n, p }) => ({ id: n.id, state: n.state, channel: n.channel, x: px(p.x), y: py(p.y), size: n.channel === 'none' ? 36 : 90 }));

    const pixel = (field: string) => ({ field, type: 'quantitative', scale: null, axis: null }) as const;
    const changed = isReference ? [] : nodes.filter((n) => referenceState.get(n.id) !== n.state);
    return [
      {
        data: { values: edges },
        mark: { type: 'rule', aria: false },
        encoding: {
          x: pixel('x'),
          y: pixel('y'),
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          stroke: {
            field: 'kind',
            type: 'nominal',
            title: 'Lines',
            scale: { domain: ['tie', 'recruited'], range: ['#cfcfcf', '#3a3a3a'] },
            legend: { orient: 'right', symbolType: 'stroke', symbolStrokeWidth: 2.5, labelExpr: "datum.value === 'tie' ? 'tie' : 'recruitment'" },
          },
          strokeWidth: { field: 'kind', type: 'ordinal', scale: { domain: ['tie', 'recruited'], range: [0.7, 2.2] } },
          order: { field: 'kind', sort: 'descending' },
        },
      },
      // under the people: a ring round each person who ended otherwise than in the reference
      ...(changed.length > 0 ? [{
        data: { values: changed },
        mark: { type: 'point', shape: 'circle', filled: false, stroke: CHANGED_RING, strokeWidth: 1.2, size: 200, opacity: 1 },
        encoding: { x: pixel('x'), y: pixel('y') },
      } as Layer] : []),
      {
        data: { values: nodes },
        mark: { type: 'point', filled: true, stroke: 'white', strokeWidth: 0.8, opacity: 1 },
        encoding: {
          x: pixel('x'),
          y: pixel('y'),
          // the mobilized are drawn larger
          size: { field: 'size', type: 'quantitative', scale: null },
          fill: { field: 'state', type: 'nominal', title: 'End state', scale: { domain: stateDomain, range: stateRange }, legend: { orient: 'right', symbolType: 'circle' } },
          shape: {
            field: 'channel',
            type: 'nominal',
            title: 'Mobilized by',
            scale: { domain: shapes.map(([channel]) => channel), range: shapes.map(([, shape]) => shape) },
            legend: { orient: 'right', symbolFillColor: INK, labelExpr: "datum.value === 'none' ? 'not mobilized' : datum.value" },
          },
        },
      },
    ];
  };

  const sampleLine = `A sample of ${network.nodes.length} people from ${network.community}`;
  if (!compared) {
    return {
      ...frame(`${networkMapTitle} in ${network.community}`, [
        `${sampleLine} (scenario ${network.scenario}) and their ties, to ${monthYear(inputs.endDate)}.`,
        'Colour: end state; shape: how a person was mobilized; dark lines: who recruited whom.',
      ]),
      width: MAP_WIDTH,
      height: MAP_HEIGHT,
      layer: layersOf(network, true),
    };
  }
  return {
    ...frame(`${networkMapTitle} in ${network.community}, by scenario`, [
      `${sampleLine} and their ties, to ${monthYear(inputs.endDate)}:`,
      'the same people, placed alike, in each scenario (its first replicate).',
      'Colour: end state; shape: how a person was mobilized; dark lines: who recruited whom;',
      `ringed: an end state other than in ${network.scenario}.`,
    ]),
    columns: PANEL_COLUMNS,
    concat: panels.map((panel, i) => ({
      title: { text: i === 0 ? `${panel.scenario} (reference)` : `${panel.scenario}: ${changedText(panel, referenceState)}`, fontSize: 13, anchor: 'start', offset: 4 },
      width,
      height,
      layer: layersOf(panel, i === 0),
    })),
    spacing: 18,
    resolve: { scale: { stroke: 'shared', strokeWidth: 'shared', fill: 'shared', shape: 'shared' }, legend: { stroke: 'shared', fill: 'shared', shape: 'shared' } },
  } as TopLevelSpec;
}

/** "12 of 200 end otherwise". */
function changedText(panel: Panel, referenceState: ReadonlyMap<number, string>): string {
  const changed = panel.nodes.filter((n) => referenceState.get(n.id) !== n.state).length;
  return changed === 0 ? 'every one ends as in the reference' : `${formatPeople(changed)} of ${formatPeople(panel.nodes.length)} end otherwise`;
}

const round = (v: number) => roundHalfUpToDecimals(v, 1);
