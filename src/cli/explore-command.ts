/**
 * `hotbed explore`: its options. The work is in explore-handler.ts, loaded when the command
 * runs, so that `hotbed --help` loads none of it.
 */
import type { CommandModule } from 'yargs';

export interface ExploreArgs {
  scenario: string;
  port: number;
  build?: string;
}

export function exploreCommand(setExit: (code: number) => void): CommandModule<object, ExploreArgs> {
  return {
    command: 'explore [scenario]',
    describe: 'Explore a scenario in the browser: sliders, the town\'s network day by day, live charts (the engine runs in the page)',
    builder: (y) => y
      .positional('scenario', { type: 'string', description: 'Scenario file (default: the shipped single-town.yaml)' })
      .option('port', { type: 'number', default: 0, description: 'Port on 127.0.0.1 (0: a free one)' })
      .option('build', { type: 'string', description: 'Write the explorer as a static folder (for any web host or file://) instead of serving it; must not exist' }) as never,
    handler: async (argv) => setExit(await (await import('./explore-handler.js')).handleExplore(argv)),
  };
}
