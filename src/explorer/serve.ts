/**
 * The explorer served on 127.0.0.1: Node's own http, the site's files from memory, GET and
 * HEAD only. Nothing is computed here; the page runs the engine itself.
 */
import { createServer, type Server } from 'node:http';

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

export interface ServedSite {
  server: Server;
  url: string;
  /** The files to serve from now on (until then, 503): the port is taken before the site is built, so a taken port fails at once. */
  publish(files: Readonly<Record<string, string | Uint8Array>>): void;
}

export function serveSite(port: number, initial?: Readonly<Record<string, string | Uint8Array>>): Promise<ServedSite> {
  let files = initial;
  const server = createServer((request, response) => {
    if (files === undefined) {
      response.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '') || 'index.html';
    const body = Object.hasOwn(files, path) ? files[path] : undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (body === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[path.slice(path.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}/`, publish: (f) => void (files = f) });
    });
  });
}
