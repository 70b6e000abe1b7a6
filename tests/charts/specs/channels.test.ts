import { describe, expect, it } from 'vitest';
import { channelsSpec } from '../../../src/charts/specs/channels.js';
import { CHANNEL_COLOURS } from '../../../src/charts/specs/common.js';
import { fixtureInputs } from '../fixture.js';
import { expectPublishable } from '../helpers.js';
import { sceneItems, textCollisions } from '../scene.js';

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

  it('keeps each count and share axis title within its panel: clear of the time axis and the row titles', async () => {
    for (const inputs of [fixtureInputs(), (() => { const i = fixtureInputs(); i.byChannel = i.byChannel.filter((r) => r.scenario === 'baseline'); return i; })()]) {
      const items = await sceneItems(channelsSpec(inputs)!);
      expect(textCollisions(items)).toEqual([]);
      const titles = items.filter((i) => i.role === 'axis-title' && i.axis === 'left');
      const domains = items.filter((i) => i.role === 'axis-domain' && i.axis === 'left');
      expect(titles.length).toBe(domains.length);
      for (const t of titles) {
        // the panel whose y axis stands just right of this title
        const panel = domains.filter((d) => d.x1 > t.x2).sort((a, b) => Math.abs(a.y1 - t.y1) - Math.abs(b.y1 - t.y1))[0]!;
        expect(t.y1, t.text).toBeGreaterThanOrEqual(panel.y1 - 1);
        expect(t.y2, t.text).toBeLessThanOrEqual(panel.y2 + 1);
      }
    }
  });

  it('is skipped without recruits', () => {
    const inputs = fixtureInputs();
    inputs.byChannel = inputs.byChannel.map((r) => ({ ...r, recruits: 0 }));
    expect(channelsSpec(inputs)).toBeUndefined();
    inputs.byChannel = [];
    expect(channelsSpec(inputs)).toBeUndefined();
  });
});
