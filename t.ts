import { loadScenario } from './src/scenario/load.ts';
import { runScenario } from './src/experiments/run.ts';
import { summarize } from './src/results/tables.ts';
const { scenario } = loadScenario('/tmp/sc/small.yaml');
const r = runScenario(scenario, { replicates: 2 });
const s = summarize(r);
for (const cp of s.checkpoints) console.log(cp.date, JSON.stringify(cp.places.world.World));
console.log(r.replicates.map(x => [x.buildMs.toFixed(0), x.runMs.toFixed(0), x.events, x.tieVisits]));
