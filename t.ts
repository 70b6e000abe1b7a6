import { loadScenario } from './src/scenario/load.ts';
for (const [f, set] of [['/tmp/sc/a.yaml', []], ['/tmp/sc/a.yaml', ['places.regions.R.countries.C.population=abc']], ['/tmp/sc/a.yaml', ['channels.peer.rul=3']]] as const) {
try { const r = loadScenario(f, {set: [...set]}); console.log(r.hash); } catch (e) { console.log((e as Error).message); }
}
