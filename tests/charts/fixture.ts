/**
 * A hand-made, realistic ReportInputs: three scenarios (baseline, border controls,
 * media takedowns) from June 2014 to December 2015, 20 replicates at scale 10, the
 * eight regions and the ten largest countries of origin, monthly channels and flows,
 * and a sampled community network of 150 people. The shapes follow the baseline
 * scenario's story (about 12,900 at the start, about 29,000 by December 2015); the
 * numbers are made up for the charts, not model output. Noise comes from a seeded
 * stream, so the fixture is the same on every call.
 */
import type { Band, ReportInputs } from '../../src/charts/inputs.js';
import { stream } from '../../src/random/streams.js';

const Z90 = 1.645;
const Z50 = 0.674;

/** A band around `median` with standard deviation `sd` (normal quantiles). */
function band(median: number, sd: number, floor = -Infinity): Band {
  const at = (z: number) => Math.max(floor, median + z * sd);
  return { median, p5: at(-Z90), p25: at(-Z50), p75: at(Z50), p95: at(Z90) };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2014, 5, 1);
const END = Date.UTC(2015, 11, 1);
const DAY = 86_400_000;

export const SCENARIOS = [
  { name: 'baseline', file: 'scenarios/baseline.yaml', title: 'Baseline, June 2014 to December 2015', hash: 'a3f1c9e0b7d24c6f8e1a5b3c9d7e2f4a6b8c0d1e3f5a7b9c2d4e6f8a0b1c3d5e' },
  { name: 'border-controls', file: 'scenarios/border-controls.yaml', title: 'Border controls on the Turkish route from January 2015', hash: '5b7d9f1e3c2a4b6d8f0e1c3a5b7d9f2e4c6a8b0d1f3e5c7a9b2d4f6e8a0c1b3d' },
  { name: 'media-takedowns', file: 'scenarios/media-takedowns.yaml', title: 'Takedowns of recruitment media, March to September 2015', hash: 'c0e2a4b6d8f1e3c5a7b9d0f2e4c6a8b1d3f5e7c9a0b2d4f6e8c1a3b5d7f9e2a4' },
];

const WORLD_START = 12_880;
const BASELINE_END = 28_900;
/** Final (December 2015) world totals per scenario, and how the growth is shaped. */
const WORLD_END: Record<string, number> = {
  baseline: BASELINE_END,
  'border-controls': WORLD_START + (BASELINE_END - WORLD_START) * progress('border-controls', 1),
  'media-takedowns': WORLD_START + (BASELINE_END - WORLD_START) * progress('media-takedowns', 1),
};

/** record[key], for a table that holds every scenario and region the fixture asks it about. */
function of<T>(record: Readonly<Record<string, T>>, key: string): T {
  const value = record[key];
  if (value === undefined) throw new Error(`fixture: nothing for ${JSON.stringify(key)}`);
  return value;
}

export const REGIONS: { name: string; start: number; end: number; target?: number }[] = [
  { name: 'Middle East', start: 5_700, end: 8_300, target: 8_240 },
  { name: 'Maghreb', start: 3_100, end: 7_900, target: 8_000 },
  { name: 'Western Europe', start: 2_120, end: 5_100, target: 5_000 },
  { name: 'Former Soviet Union', start: 1_300, end: 4_600, target: 4_700 },
  { name: 'Balkans', start: 300, end: 900, target: 875 },
  { name: 'Southeast Asia', start: 180, end: 880, target: 900 },
  { name: 'North America', start: 100, end: 300, target: 289 },
  { name: 'Rest of world', start: 80, end: 920 },
];

export const COUNTRIES: { name: string; end: number; target?: number; tolerance?: number }[] = [
  { name: 'Tunisia', end: 5_900, target: 6_000 },
  { name: 'Saudi Arabia', end: 2_550, target: 2_500 },
  { name: 'Russia', end: 2_350, target: 2_400 },
  { name: 'Turkey', end: 2_150, target: 2_100 },
  { name: 'Jordan', end: 1_950, target: 2_000 },
  { name: 'France', end: 1_750, target: 1_700 },
  { name: 'Morocco', end: 1_300, target: 1_200, tolerance: 0.3 },
  { name: 'Germany', end: 780, target: 760 },
  { name: 'United Kingdom', end: 740, target: 760 },
  { name: 'Belgium', end: 480, target: 470 },
];

/** How much of each region's growth a scenario keeps (border controls bite hardest on the Turkish route). */
const KEEP: Record<string, Record<string, number>> = {
  'border-controls': { 'Middle East': 0.55, Maghreb: 0.75, 'Western Europe': 0.65, 'Former Soviet Union': 0.7, Balkans: 0.6, 'Southeast Asia': 0.8, 'North America': 0.7, 'Rest of world': 0.8 },
  'media-takedowns': { 'Middle East': 0.88, Maghreb: 0.9, 'Western Europe': 0.8, 'Former Soviet Union': 0.9, Balkans: 0.85, 'Southeast Asia': 0.75, 'North America': 0.8, 'Rest of world': 0.9 },
};

/** Share of the baseline's whole-period growth reached by time fraction f (0–1), per scenario. */
function progress(scenario: string, f: number): number {
  const logistic = (x: number) => 1 / (1 + Math.exp(-7 * (x - 0.45)));
  const at = (x: number) => (logistic(x) - logistic(0)) / (logistic(1) - logistic(0));
  if (scenario === 'border-controls') {
    // controls from mid-January 2015 (f ≈ 0.41) slow the growth to 55 %
    const k = 0.41;
    return f <= k ? at(f) : at(k) + (at(f) - at(k)) * 0.55;
  }
  if (scenario === 'media-takedowns') {
    // takedowns from March to September 2015 (f = 0.5 to 0.83) slow it to 75 %
    const [k0, k1] = [0.5, 0.83];
    if (f <= k0) return at(f);
    if (f <= k1) return at(k0) + (at(f) - at(k0)) * 0.75;
    return at(k0) + (at(k1) - at(k0)) * 0.75 + (at(f) - at(k1));
  }
  return at(f);
}

function months(): string[] {
  const out: string[] = [];
  for (let m = 0; m < 18; m++) out.push(iso(Date.UTC(2014, 5 + m, 1)).slice(0, 7));
  return out;
}

export function fixtureInputs(): ReportInputs {
  const rng = stream({ seed: 7, replicate: 0, purpose: 'tests/charts/fixture' });
  const noise = (scale: number) => (rng() - 0.5) * 2 * scale;
  const names = SCENARIOS.map((s) => s.name);

  // 1. cumulative, weekly
  const cumulative: ReportInputs['cumulative'] = [];
  for (const scenario of names) {
    const growth = BASELINE_END - WORLD_START;
    for (let t = START; t <= END; t += 7 * DAY) {
      const f = (t - START) / (END - START);
      const p = Math.min(1, Math.max(0, progress(scenario, f)));
      const median = WORLD_START + growth * p + (f > 0 ? noise(40) : 0);
      cumulative.push({ scenario, date: iso(t), ...band(median, 30 + 900 * Math.sqrt(f)) });
    }
    // the last week may stop short of the end date: add the end date itself
    if (cumulative.at(-1)?.date !== iso(END)) {
      cumulative.push({ scenario, date: iso(END), ...band(of(WORLD_END, scenario), 930) });
    }
  }

  // 2. averted versus the baseline at the end date
  const averted: ReportInputs['averted'] = [];
  for (const scenario of names.slice(1)) {
    const world = BASELINE_END - of(WORLD_END, scenario);
    averted.push({ scenario, level: 'world', place: 'World', ...band(world, 700) });
    for (const r of REGIONS) {
      const saved = (r.end - r.start) * (1 - of(of(KEEP, scenario), r.name));
      averted.push({ scenario, level: 'region', place: r.name, ...band(Math.round(saved), 60 + Math.sqrt(r.end) * 6) });
    }
  }

  // 3. by place at the end date
  const byPlace: ReportInputs['byPlace'] = [];
  for (const scenario of names) {
    for (const r of REGIONS) {
      const keep = scenario === 'baseline' ? 1 : of(of(KEEP, scenario), r.name);
      const median = Math.round(r.start + (r.end - r.start) * keep);
      byPlace.push({
        scenario,
        level: 'region',
        place: r.name,
        ...band(median, 40 + Math.sqrt(median) * 5),
        ...(r.target ? { target: { value: r.target, low: r.target * 0.85, high: r.target * 1.15 } } : {}),
      });
    }
    for (const c of COUNTRIES) {
      const keep = scenario === 'baseline' ? 1 : scenario === 'border-controls' ? 0.84 : 0.93;
      const median = Math.round(c.end * keep);
      const tol = c.tolerance ?? 0.15;
      byPlace.push({
        scenario,
        level: 'country',
        place: c.name,
        ...band(median, 25 + Math.sqrt(median) * 5),
        ...(c.target ? { target: { value: c.target, low: c.target * (1 - tol), high: c.target * (1 + tol) } } : {}),
      });
    }
  }

  // 4. recruits per month by channel (media falls, direct contact rises)
  const byChannel: ReportInputs['byChannel'] = [];
  const ms = months();
  for (const scenario of names) {
    ms.forEach((month, i) => {
      const f = i / (ms.length - 1);
      let media = 520 - 260 * f;
      let peer = 260 + 330 * f;
      let group = 90 + 210 * f;
      if (scenario === 'media-takedowns' && i >= 9 && i <= 15) media *= 0.45;
      if (scenario === 'border-controls' && i >= 7) {
        peer *= 0.8;
        group *= 0.75;
        media *= 0.9;
      }
      byChannel.push({ scenario, month, channel: 'media', recruits: Math.round(media + noise(25)) });
      byChannel.push({ scenario, month, channel: 'peer', recruits: Math.round(peer + noise(25)) });
      byChannel.push({ scenario, month, channel: 'group', recruits: Math.round(group + noise(15)) });
    });
  }

  // 5. new travellers per month (differences of the cumulative medians, monthly)
  const flow: ReportInputs['flow'] = [];
  for (const scenario of names) {
    const growth = BASELINE_END - WORLD_START;
    ms.forEach((month, i) => {
      const f0 = i / 18;
      const f1 = (i + 1) / 18;
      const median = Math.max(0, growth * (progress(scenario, f1) - progress(scenario, f0)) + noise(30));
      flow.push({ scenario, month, ...band(Math.round(median), 60 + median * 0.12, 0) });
    });
  }

  const interventions: ReportInputs['interventions'] = [
    { scenario: 'border-controls', label: 'Border controls start', date: '2015-01-15' },
    { scenario: 'media-takedowns', label: 'Takedowns start', date: '2015-03-01' },
    { scenario: 'media-takedowns', label: 'Takedowns end', date: '2015-09-01' },
  ];

  return {
    title: 'Hotbed: baseline and two counter-measures, June 2014 to December 2015',
    meta: {
      tool: 'hotbed',
      version: '0.1.0',
      seed: 1,
      replicates: 20,
      scale: 10,
      agents: 221_512,
      createdWith: 'hotbed run scenarios/baseline.yaml scenarios/border-controls.yaml scenarios/media-takedowns.yaml --replicates 20',
      scenarios: SCENARIOS.map((s) => ({ ...s })),
      reference: 'baseline',
    },
    startDate: iso(START),
    endDate: iso(END),
    cumulative,
    worldTarget: { date: '2015-12-01', low: 27_000, high: 31_000, value: 29_000 },
    averted,
    byPlace,
    byChannel,
    flow,
    interventions,
    network: sampleNetwork(),
    statistics: sampleStatistics(),
    preparation: samplePreparation(),
    hotbedWindows: sampleHotbedWindows(),
  };
}

/** The world and three hotbeds: media prepares most recruits, ties mobilize most. */
function samplePreparation(): NonNullable<ReportInputs['preparation']> {
  const place = (name: string, level: 'world' | 'community', recruits: number, preparedShare: number, media: number, group: number) => ({
    place: name, level, recruits,
    prepared: { media: Math.round(recruits * preparedShare), tie: recruits - Math.round(recruits * preparedShare) },
    mobilized: { media: Math.round(recruits * media), peer: recruits - Math.round(recruits * media) - Math.round(recruits * group), group: Math.round(recruits * group) },
  });
  return [
    place('World', 'world', 25_000, 0.64, 0.06, 0.08),
    place('Bizerte', 'community', 560, 0.56, 0.1, 0.03),
    place('Molenbeek', 'community', 250, 0.6, 0.2, 0.08),
    place('Lunel', 'community', 30, 0.9, 0.05, 0.1),
  ];
}

/** Six quarters for two hotbeds with recruits enough and one with too few (sparse). */
function sampleHotbedWindows(): NonNullable<ReportInputs['hotbedWindows']> {
  const quarters = [0, 3, 6, 9, 12, 15].map((m) => [iso(Date.UTC(2014, 5 + m, 1)), iso(Date.UTC(2014, 5 + m + 3, 1))] as const);
  const hotbed = (place: string, base: number, recruits: number, media: (i: number) => number) => quarters.map(([from, to], i) => ({
    place, from, to, recruits, travelled: base * (i + 2), mediaShare: media(i), preparedShare: Math.min(1, 0.2 + 0.1 * i), sparse: recruits < 50,
  }));
  return [
    ...hotbed('Bizerte', 100, 120, (i) => 0.3 - 0.04 * i),
    ...hotbed('Dagestan', 300, 400, (i) => 0.1 - 0.01 * i),
    ...hotbed('Lunel', 10, 20, (i) => (i % 2 === 0 ? 0.5 : 0)),
  ];
}

/** Two outputs of a scenario: a share rising to a plateau, and a rate over a period from January 2015. */
function sampleStatistics(): NonNullable<ReportInputs['statistics']> {
  const months = (from: number) => Array.from({ length: 18 - from + 1 }, (_, i) => iso(Date.UTC(2014, 5 + from + i, 1)));
  return [
    {
      name: 'peer_share', description: 'Share of recruits since the start date mobilized by an influential tie.', unit: 'share', place: 'World',
      points: months(1).map((date, i) => ({ date, median: 0.5 + 0.3 * (1 - Math.exp(-i / 4)), p5: 0.4 + 0.3 * (1 - Math.exp(-i / 4)), p95: 0.6 + 0.3 * (1 - Math.exp(-i / 4)) })),
    },
    {
      name: 'attempts_per_month_Tunisia', description: 'Travel attempts per month from the start of the period (from) to the date.', unit: 'people per month', place: 'Tunisia (country)',
      points: months(8).map((date, i) => ({ date, median: 120 - 4 * i, p5: 90 - 4 * i, p95: 150 - 3 * i })),
    },
  ];
}

/**
 * A community of 150 in the shape the generators make: a ring of friends with
 * shortcuts (Watts–Strogatz-like) plus a few well-connected people, and a recruitment
 * tree growing from two early travellers along ties.
 */
function sampleNetwork(): NonNullable<ReportInputs['network']> {
  const rng = stream({ seed: 7, replicate: 0, purpose: 'tests/charts/network' });
  const n = 150;
  const seen = new Set<string>();
  const ties: { a: number; b: number }[] = [];
  const addTie = (a: number, b: number) => {
    if (a === b) return;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (seen.has(key)) return;
    seen.add(key);
    ties.push({ a: Math.min(a, b), b: Math.max(a, b) });
  };
  for (let i = 0; i < n; i++) {
    for (const k of [1, 2]) {
      const j = rng() < 0.1 ? Math.floor(rng() * n) : (i + k) % n;
      addTie(i, j);
    }
  }
  for (const hub of [3, 47, 101]) for (let k = 0; k < 14; k++) addTie(hub, Math.floor(rng() * n));

  const adjacency: number[][] = Array.from({ length: n }, () => []);
  // ties join people 0…n−1
  for (const { a, b } of ties) {
    adjacency[a]!.push(b);
    adjacency[b]!.push(a);
  }

  const state: string[] = Array.from({ length: n }, () => (rng() < 0.12 ? 'sympathizer' : 'susceptible'));
  const channel: ('none' | 'media' | 'peer' | 'group')[] = Array.from({ length: n }, () => 'none');
  const recruitments: { recruiter: number; recruit: number; day: number }[] = [];
  const travelled = ['abroad', 'abroad', 'abroad', 'returned', 'dead'];
  // two seeds mobilized by media, then recruitment along ties
  const frontier: { id: number; day: number }[] = [];
  for (const seed of [3, 88]) {
    state[seed] = 'abroad';
    channel[seed] = 'media';
    frontier.push({ id: seed, day: 20 + seed });
  }
  for (const extra of [60, 130]) {
    state[extra] = 'mobilized';
    channel[extra] = 'media';
  }
  while (frontier.length > 0 && recruitments.length < 26) {
    const { id, day } = frontier.shift()!;
    for (const friend of adjacency[id]!) {
      if (channel[friend] !== 'none' || rng() > 0.35) continue;
      const d = day + 10 + Math.floor(rng() * 60);
      channel[friend] = rng() < 0.3 ? 'group' : 'peer';
      state[friend] = rng() < 0.15 ? 'intercepted' : rng() < 0.2 ? 'mobilized' : travelled[Math.floor(rng() * travelled.length)]!; // rng() < 1
      recruitments.push({ recruiter: id, recruit: friend, day: d });
      frontier.push({ id: friend, day: d });
    }
  }

  const degreeCounts = new Map<number, number>();
  // degree distribution of the whole community (about 2,000 people), heavy-tailed
  for (let d = 1; d <= 60; d++) {
    const count = Math.round(1500 * Math.pow(d, -1.6) * (d < 3 ? d / 3 : 1));
    if (count > 0) degreeCounts.set(d, count);
  }
  return {
    scenario: 'baseline',
    community: 'Molenbeek',
    degreeHistogram: [...degreeCounts].map(([degree, count]) => ({ degree, count })),
    nodes: state.map((s, id) => ({ id, state: s, channel: channel[id]! })), // state and channel: one per person
    ties,
    recruitments: recruitments.sort((a, b) => a.day - b.day),
  };
}

/** The place name every escaping test uses. */
export const NASTY = '<script>alert(1)</script> & "Molenbeek"';

/** The fixture with NASTY as a region, a country, a community, a scenario title and a label. */
export function nastyInputs(): ReportInputs {
  const inputs = fixtureInputs();
  const rename = (place: string) => (place === 'Belgium' || place === 'Rest of world' ? NASTY : place);
  inputs.title = `Report on ${NASTY}`;
  inputs.meta.scenarios[1]!.title = NASTY; // the fixture has three scenarios
  inputs.meta.createdWith = `hotbed run --set 'name=${NASTY}'`;
  inputs.averted = inputs.averted.map((r) => ({ ...r, place: rename(r.place) }));
  inputs.byPlace = inputs.byPlace.map((r) => ({ ...r, place: rename(r.place) }));
  inputs.interventions = inputs.interventions.map((r, i) => (i === 0 ? { ...r, label: NASTY } : r));
  if (inputs.network) inputs.network.community = NASTY;
  return inputs;
}

/** One scenario, nothing to compare, no channels, no network and no outputs: only charts 1, 3 and 5 have data. */
export function singleScenarioInputs(): ReportInputs {
  const inputs = fixtureInputs();
  const keep = (r: { scenario: string }) => r.scenario === 'baseline';
  inputs.meta.scenarios = inputs.meta.scenarios.filter((s) => s.name === 'baseline');
  inputs.meta.createdWith = 'hotbed run scenarios/baseline.yaml --replicates 20';
  inputs.cumulative = inputs.cumulative.filter(keep);
  inputs.averted = [];
  inputs.byPlace = inputs.byPlace.filter(keep);
  inputs.byChannel = [];
  inputs.flow = inputs.flow.filter(keep);
  inputs.interventions = [];
  delete inputs.network;
  delete inputs.statistics;
  delete inputs.preparation;
  delete inputs.hotbedWindows;
  return inputs;
}
