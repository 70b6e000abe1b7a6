/**
 * Hotbed's public face. Data flows one way:
 *
 *   scenario file ──► scenario/      load, extends, --set, schema, semantic checks ──► Scenario
 *                         │          (statistics/ says what a file may measure)
 *                         ▼
 *                     world/plan     places (the one place index), agents per       ──► WorldPlan
 *                         │          community, memory estimate
 *                         ▼
 *                     world/build    network/ generators ──► TieSink ──► CSR ties;   ──► World
 *                         │          initial stock placed per country                  (typed arrays)
 *                         ▼
 *                     model/         tables of states and channels; compileChannels, ──► engine parameters,
 *                         │          compileInterventions (dated factors per hazard)     schedule
 *                         ▼
 *                     engine/        daily loop: media pools, event calendar,         ──► Tally, Observer
 *                         │          redraws when a hazard changes
 *                         ▼
 *                     experiments/   replicates of (build, simulate); comparisons     ──► RunResult, Comparison,
 *                         │          with common random numbers; the result folders       result folders
 *                         ▼
 *                     results/       tidy series, bands, paired differences, the      ──► tables, ReportInputs
 *                         │          statistics registry read from snapshots
 *                         ▼
 *                     charts/        Vega-Lite specs ─► vega SVG ─► resvg PNG,        ──► charts, report.html
 *                                    HTML report (inputs: charts/inputs)
 *
 * Many runs go through one layer, batch/ (file header, free parameters, worker pool,
 * persistence, result folders), used alike by:
 *
 *   calibration/   ABC-SMC: priors ─► proposals ─► runs ─► statistics ─► distance;     ──► posterior,
 *                  the calibrated point; check: targets in the median over seeds          calibrated.yaml
 *   sweep/         design (grid, Latin hypercube, Morris, Saltelli) ─► runs keyed     ──► runs table,
 *                  by (seed, point, replicate) ─► journal ─► analysis                     indices, charts
 *                  (Morris μ*, σ; Sobol S1, ST; Latin hypercube PRCC)
 *
 * Imports point down these layers only (tests/architecture); calibration/ and sweep/ never
 * import each other. The engine knows nothing of files, terminals or scenario types; cli/
 * holds no model logic and assembles no folders.
 */
export { loadScenario, type LoadedScenario, type LoadOptions } from './scenario/load.js';
export { scenarioSchema, type Scenario, type ScenarioInput } from './scenario/schema.js';
export { loadTargets, type Targets } from './scenario/targets.js';
export { UserError, isUserError } from './messages/errors.js';
export { messages } from './messages/scenario.js';
export { planWorld, type WorldPlan } from './world/plan.js';
export { buildWorld, communityGraph, communityTies, type World } from './world/build.js';
export { simulate, type EngineWorld, type Observer, type SimulationOptions, type SimulationOutcome, type Tally } from './engine/simulation.js';
export { runScenario as run, type RunOptions, type RunResult } from './experiments/run.js';
export { compareScenarios, type Comparison } from './experiments/compare.js';
export { communityNetwork, type CommunityNetwork } from './experiments/community-network.js';
export { seriesChunks, seriesCsv, summarize, type Summary } from './results/tables.js';
export { bandsChunks, bandsCsv, differencesChunks, differencesCsv } from './results/bands.js';
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
export { tieKinds, type TieKind } from './network/sink.js';
export { State, Channel, stateNames, channelNames } from './model/states.js';
export { compileChannels, type ChannelParams } from './model/channels.js';
export { compileInterventions, type InterventionSchedule } from './model/interventions.js';
export { STATISTICS, statisticNames, type Statistic } from './statistics/registry.js';
export { MEASURES, measureNames } from './statistics/measures.js';
export { StatisticReader } from './results/statistics.js';
export { placeIndex, PlaceIndex } from './world/places.js';
export { writeRunFolder } from './experiments/run-folder.js';
export { writeCompareFolder } from './experiments/compare-folder.js';
