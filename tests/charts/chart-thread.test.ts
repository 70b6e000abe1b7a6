import type { TopLevelSpec } from 'vega-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { charts } from '../../src/charts/catalog.js';
import { startChartThread } from '../../src/charts/chart-thread.js';
import { layoutNetwork } from '../../src/charts/layout.js';
import { renderPng, renderSvg } from '../../src/charts/render.js';
import { fixtureInputs } from './fixture.js';

const inputs = fixtureInputs();
const thread = startChartThread();
afterAll(() => thread.close());

describe('the chart thread', () => {
  it('lays the network out exactly as layoutNetwork does here', async () => {
    const network = inputs.network!;
    for (const seed of [1, 2]) {
      const there = await thread.layout(network, seed);
      expect([...there]).toEqual([...layoutNetwork(network, seed)]);
    }
  });

  it('draws the PNG renderPng draws', async () => {
    const svg = await renderSvg(charts[0]!.spec(inputs) as TopLevelSpec);
    expect(Buffer.from(await thread.png(svg)).equals(Buffer.from(renderPng(svg)))).toBe(true);
  });

  it("rejects with resvg's message what resvg cannot draw, and draws on after it", async () => {
    await expect(thread.png('<svg')).rejects.toThrow(/./);
    const svg = await renderSvg(charts[0]!.spec(inputs) as TopLevelSpec);
    expect((await thread.png(svg)).byteLength).toBeGreaterThan(1000);
  });

  it('rejects what is still pending when it is closed, and every job after', async () => {
    const other = startChartThread();
    const pending = other.layout(inputs.network!, 3);
    await other.close();
    await expect(pending).rejects.toThrow(/chart thread stopped/);
    await expect(other.png('<svg/>')).rejects.toThrow(/chart thread stopped/);
  });
});
