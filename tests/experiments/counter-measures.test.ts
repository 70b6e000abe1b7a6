/** Which compared scenarios add counter-measures to the reference (travellers averted) and which are another change. */
import { describe, expect, it } from 'vitest';
import { addsCounterMeasures } from '../../src/experiments/counter-measures.js';
import { loadScenario } from '../../src/scenario/load.js';
import { parseVariant } from '../../src/scenario/variants.js';

const baseline = loadScenario('scenarios/baseline.yaml').scenario;
const adds = (file: string) => addsCounterMeasures(baseline, loadScenario(file).scenario);

describe('addsCounterMeasures, on the shipped scenarios against the baseline', () => {
  it('measures added to the history are counter-measures', () => {
    for (const f of ['media-takedown', 'hotbed-prevention', 'returnee-policy', 'combined']) expect(adds(`scenarios/${f}.yaml`), f).toBe(true);
  });

  it('changes to the history are not: an event moved, weakened or taken away', () => {
    for (const f of ['border-controls', 'no-national-laws', 'no-caliphate-surge']) expect(adds(`scenarios/${f}.yaml`), f).toBe(false);
  });

  it('the same scenario, a mechanism or a parameter changed, another seed or title: not', () => {
    expect(addsCounterMeasures(baseline, baseline)).toBe(false);
    const variant = (text: string) => loadScenario('scenarios/baseline.yaml', { variant: parseVariant(text) }).scenario;
    expect(addsCounterMeasures(baseline, variant('t:channels.peer.rule=threshold'))).toBe(false);
    expect(addsCounterMeasures(baseline, variant('s:seed=9,title=Another'))).toBe(false);
  });

  it('a counter-measure added along with another change is not', () => {
    const takedown = loadScenario('scenarios/media-takedown.yaml', { set: ['channels.group.probability=0'] }).scenario;
    expect(addsCounterMeasures(baseline, takedown)).toBe(false);
    const seedAndTitle = loadScenario('scenarios/media-takedown.yaml', { set: ['seed=9', 'title=x', 'output.levels=[world]'] }).scenario;
    expect(addsCounterMeasures(baseline, seedAndTitle)).toBe(true);
  });

  it('an added intervention that is not a counter-measure (a pull) is not', () => {
    const pull = loadScenario('scenarios/media-takedown.yaml', { set: ['interventions.Media takedown={kind: pull, label: Media takedown, start: "2014-10-01", strength: 1.5}'] }).scenario;
    expect(pull.interventions.some((iv) => iv.kind === 'pull' && iv.label === 'Media takedown')).toBe(true);
    expect(addsCounterMeasures(baseline, pull)).toBe(false);
  });
});
