/** The explorer's server: the site's files on 127.0.0.1, GET and HEAD only, nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type ServedSite } from '../../src/explorer/serve.js';

let served: ServedSite;
beforeAll(async () => {
  served = await serveSite(0, { 'index.html': '<!doctype html><title>x</title>', 'explorer.js': new TextEncoder().encode('void 0;') });
});
afterAll(() => served.server.close());

describe('explorer/serve', () => {
  it('listens on 127.0.0.1 only, on the port the system chose', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const address = served.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('serves the files with their types, index.html at the root', async () => {
    const root = await fetch(served.url);
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await root.text()).toContain('<title>x</title>');
    const script = await fetch(`${served.url}explorer.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    const head = await fetch(`${served.url}explorer.js`, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('answers 503 until the site is published', async () => {
    const early = await serveSite(0);
    try {
      expect((await fetch(early.url)).status).toBe(503);
      early.publish({ 'index.html': 'ok' });
      expect(await (await fetch(early.url)).text()).toBe('ok');
    } finally {
      early.server.close();
    }
  });

  it('answers 404 for anything else, paths that climb out included, and 405 for other methods', async () => {
    for (const path of ['missing.js', '../package.json', '%2e%2e/package.json', 'toString', '__proto__']) {
      expect((await fetch(`${served.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(served.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});
