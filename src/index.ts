/**
 * Hotbed's public face. Data flows one way:
 *
 *   scenario file ──► scenario/      load, extends, --set, schema, semantic checks ──► Scenario
 *                         │
 *                         ▼
 *                     world/plan     places, agents per community, memory estimate ──► WorldPlan
 *                         │
 *                         ▼
 *                     world/build    network/ generators ──► TieSink ──► CSR ties;   ──► World
 *                                    initial stock placed per country                  (typed arrays)
 *                         │
 *                         ▼
 *                     engine/        daily loop: media pools, event calendar,      ──► Tally, Observer
 *                                    model/ peer rules and interventions
 *                         │
 *                         ▼
 *                     experiments/   replicates of (build, simulate); comparisons   ──► RunResult, Comparison
 *                         │          with common random numbers
 *                         ▼
 *                     results/       tidy series, bands, paired differences,       ──► tables, ReportInputs
 *                         │          checkpoint summary, vs targets
 *                         ▼
 *                     charts/        Vega-Lite specs ─► vega SVG ─► resvg PNG,     ──► result folder
 *                                    HTML report                                       (written atomically)
 *
 * Many runs go through experiments/ the same way, in worker threads (piscina):
 *
 *   calibration/   ABC-SMC: priors ─► proposals ─► runs ─► statistics ─► distance;     ──► posterior,
 *                  the calibrated point; check: targets in the median over seeds          calibrated.yaml
 *   sweep/         design (grid, Latin hypercube, Morris, Saltelli) ─► runs keyed     ──► runs table,
 *                  by (seed, point, replicate) ─► journal ─► analysis                     indices, charts
 *                  (Morris μ*, σ; Sobol S1, ST; Latin hypercube PRCC)
 *
 * The engine knows nothing of files or terminals; cli/ holds no model logic.
 */
export { loadScenario, type LoadedScenario, type LoadOptions } from './scenario/load.js';
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { loadTargets, type Targets } from './scenario/targets.js';
export { UserError, isUserError } from './messages/errors.js';
export { messages } from './messages/scenario.js';
export { planWorld, type WorldPlan } from './world/plan.js';
export { buildWorld, communityGraph, communityTies, type World } from './world/build.js';
export { simulate, type Observer, type SimulationOutcome, type Tally } from './engine/simulation.js';
export { runScenario as run, type RunOptions, type RunResult } from './experiments/run.js';
export { compareScenarios, type Comparison } from './experiments/compare.js';
export { seriesCsv, summarize, type Summary } from './results/tables.js';
export { bandsCsv, differencesCsv } from './results/bands.js';
export { reportInputs } from './results/report-inputs.js';
export { buildReport } from './charts/index.js';
export { loadCalibration } from './calibration/load.js';
export { calibrate } from './calibration/calibrate.js';
export { checkAgainstTargets, type CheckResult } from './calibration/check.js';
export { abcSmc } from './calibration/abc-smc.js';
export { loadExperiment, type Experiment } from './sweep/file.js';
export { sweep } from './sweep/sweep.js';
export { mergeShards } from './sweep/merge.js';
export { parseShard } from './sweep/shard.js';
export { slurmScripts } from './sweep/slurm.js';
export { morrisDesign, morrisIndices } from './sweep/design/morris.js';
export { saltelliDesign, sobolIndices } from './sweep/design/saltelli.js';
export { latinHypercube } from './sweep/design/latin-hypercube.js';
export { versusTargets } from './results/versus-targets.js';
export { networkStats, type NetworkStats } from './network/stats.js';
export { generateNetwork } from './network/generate.js';
export { toGexf, toGraphologyJson } from './network/export.js';
export { State, Channel, stateNames, channelNames } from './model/states.js';
