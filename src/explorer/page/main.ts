/**
 * The explorer page: settings on the left, generated from the scenario's schema; the
 * town's network and the report's charts on the right, replayed day by day from a run the
 * worker made with Hotbed's own engine; exports of the settings (a scenario file) and of
 * the results (the command's summary.json and series.csv).
 *
 *   settings ─► worker (describe: controls, file) ─► Setup ─► worker (run) ─► timeline
 *                                                                    │
 *                                   Go / Step / Reset ─► network view, charts, figures
 */
import type { ReportInputs } from '../../charts/inputs.js';
import { addDays } from '../../model/dates.js';
import { channelNames, stateNames } from '../../model/states.js';
import type { Control, CounterMeasure } from '../controls.js';
import type { ExplorerRun, ExplorerScenario, SettingsDescription } from '../session.js';
import { DEFAULTS } from '../session.js';
import { Timeline } from '../timeline.js';
import { ChartsView } from './charts-view.js';
import { NetworkView, stateColour } from './network-view.js';
import { WorkerClient } from './worker-client.js';

declare global {
  // Set by data.js, which the command writes with the scenarios it offers.
  var HOTBED_EXPLORER: { version: string; scenarios: ExplorerScenario[]; chosen: number } | undefined;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`explorer: the page has no #${id}`);
  return element as T;
};

const numberFormat = new Intl.NumberFormat('en-GB');

interface Page {
  scenario: ExplorerScenario;
  /** `path=value` by path, in the order first changed. */
  changes: Map<string, string>;
  description?: SettingsDescription;
  run?: ExplorerRun;
  compared?: ReportInputs;
  timeline?: Timeline;
  network?: NetworkView;
  playing: boolean;
  /** The person whose details are shown. */
  inspected?: number;
  /** Days per second while playing. */
  speed: number;
  frames: number;
  /** Time sigma spent drawing those frames. */
  renderMs: number;
}

const data = globalThis.HOTBED_EXPLORER;
if (!data || data.scenarios.length === 0) throw new Error('explorer: data.js did not load');
const worker = new WorkerClient();
const charts = new ChartsView($('charts'));
const page: Page = { scenario: data.scenarios[data.chosen]!, changes: new Map(), playing: false, speed: 30, frames: 0, renderMs: 0 };

const status = (text: string) => {
  $('status').textContent = text;
};

const request = () => ({ scenario: page.scenario, changes: [...page.changes.values()], drawn: Number(($('drawn') as HTMLInputElement).value) || DEFAULTS.drawn });

// ── Scenario choice ────────────────────────────────────────────────────────────
const scenarioSelect = $<HTMLSelectElement>('scenario');
for (const [i, s] of data.scenarios.entries()) scenarioSelect.add(new Option(`${s.title} (${s.file})`, String(i), i === data.chosen, i === data.chosen));
scenarioSelect.addEventListener('change', () => {
  page.scenario = data.scenarios[Number(scenarioSelect.value)]!;
  page.changes.clear();
  added.clear();
  void describe().then(setup);
});

// ── Settings ──────────────────────────────────────────────────────────────────
async function describe(): Promise<boolean> {
  const reply = await worker.ask('describe', request());
  if (reply.kind === 'error') {
    showError(reply.message);
    return false;
  }
  if (reply.kind !== 'described') return false;
  showError(undefined);
  page.description = reply.description;
  renderControls(reply.description.controls);
  renderCounterMeasures(reply.description);
  $('settings-yaml').textContent = reply.description.settingsYaml;
  $('title').textContent = reply.description.title;
  return true;
}

function showError(message: string | undefined): void {
  const box = $('error');
  box.hidden = message === undefined;
  box.textContent = message ?? '';
}

function setChange(path: string, value: string, shipped: string | undefined): void {
  if (value === shipped) page.changes.delete(path);
  else page.changes.set(path, `${path}=${value}`);
}

function renderControls(controls: readonly Control[]): void {
  const form = $('controls');
  form.replaceChildren();
  const groups = new Map<string, HTMLFieldSetElement>();
  const ruleOf = new Map(controls.filter((c) => c.kind === 'choice').map((c) => [c.path, String(c.value)]));
  for (const control of controls) {
    if (control.when && ruleOf.get(control.when.path) !== control.when.equals) continue;
    let fieldset = groups.get(control.group);
    if (!fieldset) {
      fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = control.group;
      fieldset.append(legend);
      groups.set(control.group, fieldset);
      form.append(fieldset);
    }
    fieldset.append(controlElement(control));
  }
}

function controlElement(control: Control): HTMLElement {
  // Set back to the shipped value, a setting is no longer a change.
  const original = control.shipped === undefined ? undefined : String(control.shipped);
  const row = document.createElement('div');
  row.className = 'control';
  const id = `control-${control.path.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = control.label;
  label.title = control.description;
  row.title = `${control.path}: ${control.description}`;
  row.append(label);
  const changed = () => void describe().then((ok) => (ok ? setup() : undefined));
  if (control.kind === 'choice') {
    const select = document.createElement('select');
    select.id = id;
    for (const choice of control.choices ?? []) select.add(new Option(choice, choice, false, choice === control.value));
    select.addEventListener('change', () => {
      if (control.path.endsWith('.kind') && control.path.includes('network')) changeRecipe(control, select.value, page.description?.shippedNetworkKind);
      else setChange(control.path, select.value, original);
      changed();
    });
    row.append(select);
    return row;
  }
  if (control.kind === 'boolean') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = control.value === true;
    box.addEventListener('change', () => {
      setChange(control.path, String(box.checked), original);
      changed();
    });
    row.append(box);
    return row;
  }
  const slider = document.createElement('input');
  slider.type = 'range';
  slider.setAttribute('aria-label', `${control.label} (slider)`);
  const exact = document.createElement('input');
  exact.type = 'number';
  exact.id = id;
  exact.step = 'any';
  exact.value = String(control.value);
  const log = control.scale === 'log';
  const min = control.min ?? 0;
  const max = control.max ?? 1;
  const steps = 200;
  const toSlider = (v: number) => (log ? (Math.log(v / min) / Math.log(max / min)) * steps : ((v - min) / (max - min || 1)) * steps);
  const fromSlider = (s: number) => {
    const v = log ? min * (max / min) ** (s / steps) : min + ((max - min) * s) / steps;
    return control.kind === 'integer' ? Math.round(v) : Number(v.toPrecision(3));
  };
  slider.min = '0';
  slider.max = String(steps);
  slider.value = String(Math.round(toSlider(Number(control.value))));
  slider.addEventListener('input', () => {
    exact.value = String(fromSlider(Number(slider.value)));
  });
  slider.addEventListener('change', () => {
    setChange(control.path, exact.value, original);
    changed();
  });
  exact.addEventListener('change', () => {
    setChange(control.path, exact.value.trim(), original);
    changed();
  });
  row.append(slider, exact);
  return row;
}

/**
 * A new kind of network: a recipe of its own under a new name (`networks.explorer`, every
 * parameter at the schema's default and written out), so that a file's merge keeps no parameter of
 * the old kind; back to the shipped kind, the shipped recipe.
 */
function changeRecipe(control: Control, kind: string, shippedKind: string | undefined): void {
  const recipePath = control.path.slice(0, -'.kind'.length);
  for (const path of [...page.changes.keys()]) {
    if (path === recipePath || path.startsWith(`${recipePath}.`) || path === 'networks.explorer' || path.startsWith('networks.explorer.')) page.changes.delete(path);
  }
  const community = communityNetworkPath();
  if (community) page.changes.delete(community);
  if (kind === shippedKind || !community) return;
  page.changes.set('networks.explorer', `networks.explorer=${JSON.stringify(page.description?.recipes[kind] ?? { kind })}`);
  page.changes.set(community, `${community}=explorer`);
}

function communityNetworkPath(): string | undefined {
  const population = page.description?.controls.find((c) => c.group === 'Town')?.path;
  return population ? `${population.slice(0, -'.population'.length)}.network` : undefined;
}

/** The counter-measures the student added, by kind: start date and strength. */
const added = new Map<string, { start: string; strength: number }>();

function renderCounterMeasures(description: SettingsDescription): void {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Counter-measures';
  fieldset.append(legend);
  for (const measure of description.counterMeasures) fieldset.append(counterMeasureElement(measure, description));
  $('controls').append(fieldset);
}

function counterMeasureElement(measure: CounterMeasure, description: SettingsDescription): HTMLElement {
  const row = document.createElement('div');
  row.className = 'control counter-measure';
  row.title = `${measure.description} ${measure.strengthDescription}`;
  const id = `measure-${measure.kind}`;
  const on = document.createElement('input');
  on.type = 'checkbox';
  on.id = id;
  const chosen = added.get(measure.kind);
  on.checked = chosen !== undefined;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.append(on, ` ${measure.label.replace(' (explorer)', '')}`);
  const start = document.createElement('input');
  start.type = 'date';
  start.min = description.dates.start;
  start.max = description.dates.end;
  start.value = chosen?.start ?? measure.start;
  start.setAttribute('aria-label', `${measure.label}: first day`);
  const strength = document.createElement('input');
  strength.type = 'number';
  strength.min = String(measure.min);
  strength.max = String(measure.max);
  strength.step = '0.05';
  strength.value = String(chosen?.strength ?? measure.value);
  strength.setAttribute('aria-label', `${measure.label}: ${measure.strength}`);
  strength.title = measure.strengthDescription;
  const update = () => {
    if (on.checked) added.set(measure.kind, { start: start.value, strength: Number(strength.value) });
    else added.delete(measure.kind);
    setInterventions(description);
    void describe().then((ok) => (ok ? setup() : undefined));
  };
  for (const input of [on, start, strength]) input.addEventListener('change', update);
  row.append(label, start, strength);
  return row;
}

/** One change for the list: the scenario's own interventions, then the explorer's (a file adds them by their new labels). */
function setInterventions(description: SettingsDescription): void {
  const mine = description.counterMeasures.filter((m) => added.has(m.kind)).map((m) => ({
    kind: m.kind,
    label: m.label,
    start: added.get(m.kind)!.start,
    target: m.target,
    [m.strength]: added.get(m.kind)!.strength,
  }));
  if (mine.length === 0) page.changes.delete('interventions');
  else page.changes.set('interventions', `interventions=${JSON.stringify([...description.interventions, ...mine])}`);
}

// ── Runs and replay ──────────────────────────────────────────────────────────
async function setup(): Promise<void> {
  pause();
  status('Running…');
  const started = performance.now();
  const reply = await worker.ask('run', request());
  if (reply.kind === 'error') {
    showError(reply.message);
    status('');
    return;
  }
  if (reply.kind !== 'ran') return;
  const run = reply.run;
  page.run = run;
  page.compared = undefined;
  page.network?.kill();
  page.timeline = new Timeline(run.network, run.days);
  page.network = new NetworkView($('network'), run.network, inspect);
  page.network.onRender((ms) => {
    page.frames++;
    page.renderMs += ms;
  });
  page.network.showAll(page.timeline);
  $('travelled').textContent = numberFormat.format(run.travelled);
  $('travelled-date').textContent = run.end;
  $('drawn-note').textContent = `${numberFormat.format(run.network.agents.length)} of the ${numberFormat.format(run.network.communityAgents)} agents of ${run.network.community}: the recruitment chains and their neighbours.`;
  $('command').textContent = commandLine();
  $('run-time').textContent = `Run in ${(performance.now() - started).toFixed(0)} ms: simulation ${run.simulateMs.toFixed(0)} ms, network picture ${run.pictureMs.toFixed(0)} ms.`;
  Object.assign($('run-time').dataset, { simulateMs: run.simulateMs.toFixed(1), pictureMs: run.pictureMs.toFixed(1), totalMs: (performance.now() - started).toFixed(1) });
  populatePeople(run);
  inspect(undefined);
  status('Ready: press Go, or Step one day.');
  if (($('compare') as HTMLInputElement).checked) await compare();
  showDay();
}

async function compare(): Promise<void> {
  status('Running the scenario as shipped, with the same random numbers…');
  const reply = await worker.ask('compare', request());
  if (reply.kind === 'error') showError(reply.message);
  else if (reply.kind === 'compared') page.compared = reply.inputs;
  status('Ready.');
  showDay(true);
}

function showDay(now = false): void {
  const { run, timeline } = page;
  if (!run || !timeline) return;
  const date = addDays(run.start, timeline.day);
  $('day').textContent = `Day ${timeline.day} of ${run.days}: ${date}`;
  charts.draw(page.compared ?? run.inputs, date, now || !page.playing);
  const counts = new Map<number, number>();
  for (const s of timeline.state) counts.set(s, (counts.get(s) ?? 0) + 1);
  $('legend').replaceChildren(...stateNames.map((name, s) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = stateColour(s);
    item.append(swatch, `${name} ${counts.get(s) ?? 0}`);
    return item;
  }));
  if (page.inspected !== undefined) inspect(page.inspected);
}

let lastFrame = 0;
let dayFraction = 0;
function frame(now: number): void {
  if (!page.playing || !page.timeline || !page.network) return;
  const elapsed = lastFrame ? (now - lastFrame) / 1000 : 0;
  lastFrame = now;
  dayFraction += elapsed * page.speed;
  const days = Math.floor(dayFraction);
  if (days > 0) {
    dayFraction -= days;
    page.network.show(page.timeline, page.timeline.advanceTo(page.timeline.day + days));
    showDay();
  }
  if (page.timeline.finished) {
    pause();
    showDay(true);
    return;
  }
  requestAnimationFrame(frame);
}

function play(): void {
  if (!page.timeline || page.timeline.finished) return;
  page.playing = true;
  lastFrame = 0;
  $('go').textContent = 'Pause';
  $('go').setAttribute('aria-pressed', 'true');
  requestAnimationFrame(frame);
}

function pause(): void {
  page.playing = false;
  $('go').textContent = 'Go';
  $('go').setAttribute('aria-pressed', 'false');
}

$('setup').addEventListener('click', () => void setup());
$('go').addEventListener('click', () => (page.playing ? pause() : play()));
$('step').addEventListener('click', () => {
  if (!page.timeline || !page.network) return;
  pause();
  page.network.show(page.timeline, page.timeline.advanceTo(page.timeline.day + 1));
  showDay(true);
});
$('reset').addEventListener('click', () => {
  if (!page.timeline || !page.network) return;
  pause();
  page.timeline.reset();
  page.network.showAll(page.timeline);
  showDay(true);
});
$('to-end').addEventListener('click', () => {
  if (!page.timeline || !page.network) return;
  pause();
  page.network.show(page.timeline, page.timeline.advanceTo(page.timeline.lastDay));
  showDay(true);
});
const speed = $<HTMLInputElement>('speed');
speed.addEventListener('input', () => {
  page.speed = Number(speed.value);
});
$('compare').addEventListener('change', () => {
  if (($('compare') as HTMLInputElement).checked) void compare();
  else {
    page.compared = undefined;
    showDay(true);
  }
});
$('drawn').addEventListener('change', () => void setup());

// ── Inspecting a person ───────────────────────────────────────────────────────
function populatePeople(run: ExplorerRun): void {
  const select = $<HTMLSelectElement>('person');
  select.replaceChildren(new Option('Choose a person…', ''));
  const order = run.network.agents.map((_, i) => i).filter((i) => run.network.mobilizedOn[i]! >= 0)
    .sort((a, b) => run.network.mobilizedOn[a]! - run.network.mobilizedOn[b]! || a - b);
  for (const i of order) {
    select.add(new Option(`Person ${run.network.agents[i]}: mobilized on ${addDays(run.start, run.network.mobilizedOn[i]!)} (${channelNames[run.network.channel[i]!]})`, String(i)));
  }
}

$<HTMLSelectElement>('person').addEventListener('change', (event) => {
  const value = (event.target as HTMLSelectElement).value;
  inspect(value === '' ? undefined : Number(value));
});

function inspect(person: number | undefined): void {
  page.inspected = person;
  page.network?.select(person);
  const box = $('inspector');
  const { run, timeline } = page;
  if (person === undefined || !run || !timeline) {
    box.replaceChildren(paragraph('Click a person in the network, or choose one above, to see who brought them in.'));
    return;
  }
  const n = run.network;
  const mobilized = n.mobilizedOn[person]!;
  const recruiterAgent = n.recruiterAgent[person]!;
  const recruiter = n.recruiter[person]!;
  const rows: [string, string][] = [
    ['Person', String(n.agents[person])],
    ['State on this day', stateNames[timeline.state[person]!] ?? '?'],
    ['State at the end', stateNames[n.endState[person]!] ?? '?'],
    ['Mobilized', mobilized >= 0 ? `${addDays(run.start, mobilized)} (day ${mobilized})` : 'never'],
    ['Channel', mobilized >= 0 ? channelNames[n.channel[person]!] ?? '?' : '–'],
    ['Recruited by', recruiterAgent >= 0 ? `Person ${recruiterAgent}${recruiter < 0 ? ' (not drawn)' : ''}` : '–'],
    ['Ties', `${n.degree[person]} (${n.ties.filter(([a, b]) => a === person || b === person).length} drawn)`],
  ];
  const list = document.createElement('dl');
  list.id = 'inspected';
  for (const [term, detail] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = detail;
    if (term === 'Recruited by') dd.id = 'inspected-recruiter';
    list.append(dt, dd);
  }
  const actions: HTMLElement[] = [];
  if (recruiter >= 0) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Show the recruiter';
    button.addEventListener('click', () => inspect(recruiter));
    actions.push(button);
  }
  box.replaceChildren(list, ...actions);
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

// ── Exports ───────────────────────────────────────────────────────────────────
function commandLine(): string {
  return 'hotbed run explorer-settings.yaml';
}

function download(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

$('export-settings').addEventListener('click', () => {
  if (page.description) download('explorer-settings.yaml', page.description.settingsYaml, 'text/yaml');
});
$('export-summary').addEventListener('click', () => {
  if (page.run) download('summary.json', page.run.summaryJson, 'application/json');
});
$('export-series').addEventListener('click', () => {
  if (page.run) download('series.csv', page.run.seriesCsv, 'text/csv');
});

// Frames drawn per second while playing, for the curious and for the page's tests.
setInterval(() => {
  $('fps').textContent = page.playing ? `${page.frames} frames/s` : '';
  $('fps').dataset.fps = String(page.frames);
  $('fps').dataset.renderMs = page.frames ? (page.renderMs / page.frames).toFixed(1) : '';
  page.frames = 0;
  page.renderMs = 0;
}, 1000);

// For tests in a real browser: where a person is drawn, to click them as a student would.
(globalThis as { hotbedExplorer?: unknown }).hotbedExplorer = { positionOf: (person: number) => page.network?.positionOf(person) };

void describe().then((ok) => (ok ? setup() : undefined));
