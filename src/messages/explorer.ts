/** Messages of `hotbed explore`: one builder each, so the command holds no wording. */
import { UserError } from './errors.js';
import { messages } from './scenario.js';

export const explorerMessages = {
  /** Run from a source tree whose build is missing: the page and its worker are made by the build. */
  notBuilt: () =>
    new UserError({ problem: 'the explorer has not been built', expected: 'the page and worker bundles of `npm run build`', found: 'none', hint: 'run npm run build (npm ci and npm install run it)' }),
  port: (found: unknown) => messages.badOption('--port', 'a whole number from 0 to 65535 (0: any free port)', found),
  portTaken: (port: number) => messages.badOption('--port', 'a free port on 127.0.0.1', `${port}, in use`),
  /** After `--build DIR`. */
  built: (dir: string, files: number, bytes: string, scenarios: number) =>
    `Wrote ${dir}/ (${files} files, ${bytes}: the explorer with ${scenarios} scenarios). Open ${dir}/index.html in a browser, or put the folder on any static web host.`,
  /** Once serving. */
  serving: (url: string, scenario: string) =>
    `The Hotbed explorer (${scenario}) is at ${url}\nOpen it in a browser; the simulation runs in the page. Ctrl-C stops the server.`,
  stopped: (signal: string) => `stopped the explorer's server (${signal})`,
};
