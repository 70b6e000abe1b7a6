/** A hand-made calibration for the calibration chart tests: three parameters (one of each prior kind), five generations, a world-like trace and fit. */
import type { CalibrationChartInputs, CalibrationParameter } from '../../src/charts/inputs.js';

/** A deterministic stream in [0, 1) (no Math.random in fixtures). */
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A prior curve as the calibrator hands it over: the density per unit at 81 points from low to high (evenly in log10 on a log scale). */
function priorCurve(scale: 'linear' | 'log', [low, high]: [number, number], density: (x: number) => number): CalibrationParameter['priorCurve'] {
  const t = (x: number) => (scale === 'log' ? Math.log10(x) : x);
  const inv = (u: number) => (scale === 'log' ? 10 ** u : u);
  return Array.from({ length: 81 }, (_, k) => {
    const x = inv(t(low) + ((t(high) - t(low)) * k) / 80);
    return { x, density: density(x) };
  });
}

/** A panel's range as the calibrator draws it: the prior's range widened to the particles. */
function widened(low: number, high: number, samples: readonly { value: number }[]): [number, number] {
  return [Math.min(low, ...samples.map((s) => s.value)), Math.max(high, ...samples.map((s) => s.value))];
}

export function calibrationFixture(): CalibrationChartInputs {
  const u = stream(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  const n = 60;
  const samples = (f: () => number) => Array.from({ length: n }, () => ({ value: f(), weight: 0.5 + u() }));
  const months: string[] = [];
  for (let k = 0; k <= 19; k++) months.push(new Date(Date.UTC(2014, 5 + k, 1)).toISOString().slice(0, 10));
  const trace = months.map((date, k) => {
    const median = 12_880 + 380 * k + 25 * k * k;
    const spread = 60 * k + 20;
    return { date, median, p5: median - 2.2 * spread, p25: median - spread, p75: median + spread, p95: median + 2.2 * spread };
  });
  const band = (value: number) => ({ target: value, low: Math.round(value * 0.85), high: Math.round(value * 1.15) });
  const sim = (value: number, f: number) => ({ median: value * f, p5: value * f * 0.8, p95: value * f * 1.2 });
  // One parameter of each prior kind: log-uniform on 0.001–0.01, uniform on 0–0.1, normal (mean 1, sd 0.3) over its central 99.8 %.
  const peerSamples = samples(() => 0.0031 * Math.exp(0.25 * normal()));
  const peerRange = widened(0.001, 0.01, peerSamples);
  const peer: CalibrationParameter = {
    name: 'peer', path: 'channels.peer.cascade.probability', scale: 'log', range: peerRange,
    priorCurve: priorCurve('log', peerRange, (x) => (x >= 0.001 && x <= 0.01 ? 1 / (x * Math.log(10)) : 0)),
    median: 0.0031, p5: 0.0021, p95: 0.0046, samples: peerSamples,
  };
  const groupSamples = samples(() => 0.04 + 0.009 * normal());
  const groupRange = widened(0, 0.1, groupSamples);
  const group: CalibrationParameter = {
    name: 'group', path: 'channels.group.probability', scale: 'linear', range: groupRange,
    priorCurve: priorCurve('linear', groupRange, (x) => (x >= 0 && x <= 0.1 ? 10 : 0)),
    median: 0.04, p5: 0.025, p95: 0.055, samples: groupSamples,
  };
  const susceptibilitySamples = samples(() => 1.2 + 0.09 * normal());
  const susceptibilityRange = widened(1 - 3.09 * 0.3, 1 + 3.09 * 0.3, susceptibilitySamples);
  const susceptibility: CalibrationParameter = {
    name: 'susceptibility', path: 'regions.Maghreb.susceptibility', scale: 'linear', range: susceptibilityRange,
    priorCurve: priorCurve('linear', susceptibilityRange, (x) => Math.exp(-0.5 * ((x - 1) / 0.3) ** 2) / (Math.sqrt(2 * Math.PI) * 0.3)),
    median: 1.2, p5: 1.05, p95: 1.35, samples: susceptibilitySamples,
  };
  return {
    title: 'Fixture calibration',
    startDate: '2014-06-01',
    endDate: '2016-01-01',
    targetDate: '2015-12-01',
    population: n,
    parameters: [peer, group, susceptibility],
    generations: [
      { generation: 0, tolerance: null, acceptanceRate: 1, ess: 60 },
      { generation: 1, tolerance: 3.2, acceptanceRate: 0.42, ess: 51.3 },
      { generation: 2, tolerance: 1.6, acceptanceRate: 0.25, ess: 47.9 },
      { generation: 3, tolerance: 0.9, acceptanceRate: 0.12, ess: 44.2 },
      { generation: 4, tolerance: 0.55, acceptanceRate: 0.06, ess: 40.8 },
    ],
    trace,
    worldTarget: { date: '2015-12-01', low: 27_000, high: 31_000, value: 29_000 },
    fit: [
      { statistic: 'world', level: 'world', place: 'World', target: 29_000, low: 27_000, high: 31_000, ...sim(29_000, 0.98) },
      ...([['Middle East', 8240, 1.05], ['Maghreb', 8000, 0.9], ['Western Europe', 5000, 1.1], ['Former Soviet states', 4700, 0.95], ['Southeast Asia', 900, 1.3], ['Balkans', 875, 0.8], ['North America', 289, 1.0]] as const)
        .map(([place, v, f]) => ({ statistic: `region:${place}`, level: 'region' as const, place, ...band(v), ...sim(v, f) })),
      ...([['Tunisia', 6000, 0.92], ['Saudi Arabia', 2500, 1.1], ['Russia', 2400, 1.0], ['Turkey', 2100, 0.85], ['Jordan', 2000, 1.05], ['France', 1700, 1.2], ['Morocco', 1200, 0.9], ['Germany', 760, 1.0], ['United Kingdom', 760, 0.95], ['Belgium', 470, 1.1]] as const)
        .map(([place, v, f]) => ({ statistic: `country:${place}`, level: 'country' as const, place, ...band(v), ...sim(v, f) })),
      { statistic: 'returnedShare', level: 'other', place: 'returnedShare', target: 0.25, low: 0.2, high: 0.3, median: 0.24, p5: 0.2, p95: 0.29 },
    ],
  };
}
