/** sweepChartInputs: a plan's factors and outputs handed to the charts with only the fields the charts read. */
import { afterAll, describe, expect, it } from 'vitest';
import { sweepChartInputs } from '../../src/sweep/chart-inputs.js';
import { loadExperiment } from '../../src/sweep/file.js';
import { summarize } from '../../src/sweep/tables.js';
import { cleanup, tempDir } from '../scenario/fixtures.js';
import { writeExperiment } from './helpers.js';

afterAll(cleanup);

describe('sweep chart inputs', () => {
  it('carry the design, the factors\' ranges and scales, the outputs\' places and dates, and the summaries as they are', () => {
    const file = writeExperiment(tempDir('hotbed-sweep-chart-inputs-'), 'sweep.yaml', {
      design: '{ kind: grid }',
      factors: ['  - { name: peer, path: channels.peer.cascade.probability, values: [0.002, 0.006], scale: log, note: why }'],
    });
    const { plan } = loadExperiment(file, { toolVersion: 'test' });
    const summaries = plan.outputs.map(() => [summarize([1, 2]), summarize([3])]);
    const inputs = sweepChartInputs(plan, [[0.002], [0.006]], summaries, undefined);
    expect(inputs.title).toBe('Test town sweep');
    expect(inputs.design).toBe('grid');
    expect(inputs.designSize).toBeUndefined();
    expect(inputs.factors).toEqual([{ name: 'peer', low: 0.002, high: 0.006, scale: 'log', values: [0.002, 0.006] }]);
    expect(inputs.outputs.map((o) => Object.keys(o))).toEqual(plan.outputs.map(() => ['name', 'measure', 'level', 'place', 'date']));
    expect(inputs.outputs[2]).toEqual({ name: plan.outputs[2]!.name, measure: 'peer_share', level: 'world', place: 'World', date: '2014-12-01' });
    expect(inputs.summaries).toBe(summaries);
    expect('analysis' in inputs).toBe(false);
    expect('chartTitles' in inputs).toBe(false);
    expect('chartTitles' in plan).toBe(false);
  });

  it('carry the scenario\'s output.chartTitles: false (an experiment may set it), and it changes the plan\'s hash', () => {
    const dir = tempDir('hotbed-sweep-untitled-');
    const titled = loadExperiment(writeExperiment(dir, 'titled.yaml'), { toolVersion: 'test' }).plan;
    const { plan } = loadExperiment(writeExperiment(dir, 'untitled.yaml', { extra: ['set: ["output.chartTitles=false"]'] }), { toolVersion: 'test' });
    expect(plan.chartTitles).toBe(false);
    expect(plan.hash).not.toBe(titled.hash);
    expect(sweepChartInputs(plan, [], plan.outputs.map(() => []), undefined).chartTitles).toBe(false);
  });

  it('carry an indicator\'s level in words, a conditional output\'s condition, and the reference ranges', () => {
    const file = writeExperiment(tempDir('hotbed-sweep-chart-indicators-'), 'sweep.yaml', {
      design: '{ kind: grid }',
      factors: ['  - { name: peer, path: channels.peer.cascade.probability, values: [0.002, 0.006] }'],
      outputs: ['  - { measure: travelled, name: many, atLeast: 100 }', '  - { measure: travelled, name: how_many, given: many }', '  - { measure: abroad, above: 5 }'],
      extra: ['references:', '  - { factor: peer, from: 0.003, to: 0.004, label: Window }'],
    });
    const { plan } = loadExperiment(file, { toolVersion: 'test' });
    const inputs = sweepChartInputs(plan, [[0.002], [0.006]], plan.outputs.map(() => []), undefined);
    expect(inputs.outputs.map((o) => [o.indicator, o.given])).toEqual([['at least 100', undefined], [undefined, 'many'], ['above 5', undefined]]);
    expect(inputs.references).toEqual([{ factor: 'peer', from: 0.003, to: 0.004, label: 'Window' }]);
  });
});
