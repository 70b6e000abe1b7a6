/** What `hotbed explore` does: serves the explorer on 127.0.0.1 until stopped, or writes it as a folder. */
import { join } from 'node:path';
import { writeFolderAtomic } from '../batch/persistence.js';
import { SHIPPED } from '../batch/shipped.js';
import { explorerSite } from '../explorer/site.js';
import { serveSite } from '../explorer/serve.js';
import { explorerMessages } from '../messages/explorer.js';
import { sizeText } from '../messages/results.js';
import type { ExploreArgs } from './explore-command.js';
import { printErr, printOut } from './output.js';
import { checkOutput } from './outputs.js';
import { toolVersion } from './version.js';

/** The shipped scenario explored when none is named (the command's help names it too). */
const DEFAULT_SCENARIO = 'single-town.yaml';

/** Returns the exit code (serving: when stopped). */
export async function handleExplore(args: ExploreArgs): Promise<number> {
  const port = args.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw explorerMessages.port(args.port);
  if (args.build !== undefined) checkOutput(args.build, 'new folder');
  const scenario = args.scenario ?? join(SHIPPED, DEFAULT_SCENARIO);
  if (args.build !== undefined) {
    const site = explorerSite(scenario, toolVersion());
    const bytes = writeFolderAtomic(args.build, site.files);
    printOut(`${explorerMessages.built(args.build, Object.keys(site.files).length, sizeText(bytes), site.scenarios.length)}\n`);
    return 0;
  }
  // The port first: a taken one is refused before the site is built.
  let served;
  try {
    served = await serveSite(port);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw explorerMessages.portTaken(port);
    throw e;
  }
  let site;
  try {
    site = explorerSite(scenario, toolVersion());
  } catch (e) {
    served.server.close();
    throw e;
  }
  served.publish(site.files);
  printOut(`${explorerMessages.serving(served.url, site.scenarios[0]!.file)}\n`);
  // Stopping the server is how it ends: Ctrl-C is its normal end, not an interruption of work.
  const signal = await new Promise<string>((resolve) => {
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => resolve(s));
  });
  served.server.closeAllConnections();
  served.server.close();
  printErr(`hotbed: ${explorerMessages.stopped(signal)}\n`);
  return 0;
}
