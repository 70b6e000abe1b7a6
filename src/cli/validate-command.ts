import type { CommandModule } from 'yargs';
import { isUserError } from '../scenario/errors.js';
import { loadScenario } from '../scenario/load.js';
import { loadTargets } from '../scenario/targets.js';
import { planWorld, placeNames } from '../world/plan.js';
import { agentScale, thousands } from './format.js';

export function validateCommand(setExit: (code: number) => void): CommandModule<object, { files: string[] }> {
  return {
    command: 'validate <files..>',
    describe: 'Check scenario files and say what world each describes',
    builder: (y) => y.positional('files', { type: 'string', array: true, demandOption: true, description: 'Scenario files (.yaml, .json)' }) as never,
    handler: ({ files }) => {
      let failed = 0;
      for (const file of files) {
        try {
          const loaded = loadScenario(file);
          const plan = planWorld(loaded.scenario);
          if (loaded.targetsFile) {
            loadTargets(loaded.targetsFile, placeNames(plan));
          }
          process.stdout.write(`ok  ${file}: ${count(plan.regions.length, 'region')}, ${count(plan.countries.length, 'country', 'countries')}, ${count(plan.communities.length, 'community', 'communities')}; `
            + `${thousands(plan.agentCount)} agents at ${agentScale(loaded.scenario.scale)}, about ${thousands(plan.expectedTies)} ties\n`);
        } catch (e) {
          if (!isUserError(e)) throw e;
          failed++;
          process.stderr.write(`hotbed: ${e.message}\n`);
        }
      }
      setExit(failed > 0 ? 2 : 0);
    },
  };
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
