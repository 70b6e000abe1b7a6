/**
 * A minimal Language Server Protocol client over stdio, enough to ask a real
 * yaml-language-server what an editor would show for a file: initialize, open the
 * document, wait for its diagnostics. Requests from the server (configuration) are
 * answered with the settings given.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  message: string;
  severity?: number;
  range: { start: { line: number; character: number } };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly waiting: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];

  constructor(private readonly settings: Record<string, unknown>) {
    const require = createRequire(import.meta.url);
    const bin = join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
    this.child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  async initialize(root: string): Promise<void> {
    await this.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } } });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Opens a document and resolves with the first non-empty diagnostics, or the last ones after `quietMs`. */
  diagnose(file: string, text: string, quietMs = 3000): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.diagnostics.get(uri)?.at(-1) ?? []), quietMs);
      this.waiting.push({ uri, resolve: (d) => { clearTimeout(timer); resolve(d); } });
      this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    });
  }

  async close(): Promise<void> {
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    this.child.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('utf8'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[]; items?: unknown[] }; result?: unknown;
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(message);
    }
  }

  private handle(m: { id?: number; method?: string; params?: { uri?: string; diagnostics?: Diagnostic[]; items?: unknown[] }; result?: unknown }): void {
    if (m.method === undefined && m.id !== undefined) {
      this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
      return;
    }
    if (m.method === 'textDocument/publishDiagnostics' && m.params?.uri) {
      const list = m.params.diagnostics ?? [];
      this.diagnostics.set(m.params.uri, [...(this.diagnostics.get(m.params.uri) ?? []), list]);
      if (list.length > 0) {
        const i = this.waiting.findIndex((w) => w.uri === m.params!.uri);
        if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(list);
      }
      return;
    }
    if (m.id !== undefined) {
      // A request from the server: configuration gets the settings, anything else an empty answer.
      const result = m.method === 'workspace/configuration' ? (m.params?.items ?? []).map(() => this.settings.yaml) : null;
      this.send({ jsonrpc: '2.0', id: m.id, result });
    }
  }
}
