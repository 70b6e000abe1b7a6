import { describe, expect, it } from 'vitest';
import { channelsSpec } from '../../../src/charts/specs/channels.js';
import { CHANNEL_COLOURS } from '../../../src/charts/specs/common.js';
import { fixtureInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';

describe('channels chart', () => {
  it('is a publishable spec: one row per scenario, reference first, counts and shares', () => {
    const inputs = fixtureInputs();
    inputs.meta.scenarios.reverse();
    const spec = channelsSpec(inputs);
    expectPublishable(spec);
    const rows = (spec as { vconcat: { title: { text: string }; hconcat: unknown[] }[] }).vconcat;
    expect(rows.map((r) => r.title.text)).toEqual(['baseline', 'media-takedowns', 'border-controls']);
    expect(rows.every((r) => r.hconcat.length === 2)).toBe(true);
    const json = JSON.stringify(spec);
    expect(json).toContain('"stack":"normalize"');
    expect(json).toContain(`"range":["${CHANNEL_COLOURS.media}","${CHANNEL_COLOURS.peer}","${CHANNEL_COLOURS.group}"]`);
  });

  it('has no row titles for a single scenario', () => {
    const inputs = fixtureInputs();
    inputs.byChannel = inputs.byChannel.filter((r) => r.scenario === 'baseline');
    const spec = channelsSpec(inputs);
    expectPublishable(spec);
    expect((spec as { vconcat: { title?: unknown }[] }).vconcat[0]?.title).toBeUndefined();
  });

  it('covers whole months when the period starts or ends mid-month', () => {
    const inputs = fixtureInputs();
    inputs.startDate = '2014-06-15';
    inputs.endDate = '2015-11-20';
    const spec = channelsSpec(inputs);
    expectPublishable(spec);
    // months 2014-06 … 2015-11: from 1 June 2014 to 1 December 2015
    expect(JSON.stringify(spec)).toContain(`"domain":[${Date.UTC(2014, 5, 1)},${Date.UTC(2015, 11, 1)}]`);
  });

  it('is skipped without recruits', () => {
    const inputs = fixtureInputs();
    inputs.byChannel = inputs.byChannel.map((r) => ({ ...r, recruits: 0 }));
    expect(channelsSpec(inputs)).toBeUndefined();
    inputs.byChannel = [];
    expect(channelsSpec(inputs)).toBeUndefined();
  });
});
