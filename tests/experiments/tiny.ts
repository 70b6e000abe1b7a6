/** Tiny scenarios for comparisons: small enough to run many replicates in a moment, busy enough to differ. */
import { loadScenario, type LoadedScenario } from '../../src/scenario/load.js';
import { tempDir, writeFixture, yaml } from '../scenario/fixtures.js';

export const TINY = yaml(
  'title: Tiny',
  'seed: 1',
  'scale: 2',
  'dates: { start: "2014-06-01", end: "2014-10-01", checkpoints: ["2014-08-01"] }',
  'channels:',
  '  media: { exposure: 0.002, mobilization: 0.0002 }',
  '  peer: { cascade: { probability: 0.01 } }',
  'places:',
  '  regions:',
  '    - name: Maghreb',
  '      countries:',
  '        - name: Tunisia',
  '          population: 3000',
  '          stock: { abroad: 60, returned: 6 }',
  '          communities:',
  '            - name: Bizerte',
  '              population: 1600',
  '              hotbed: true',
  '        - name: Morocco',
  '          population: 2000',
  '          stock: { abroad: 20 }',
  '    - name: Western Europe',
  '      countries:',
  '        - name: Belgium',
  '          stock: { abroad: 10 }',
  '          communities:',
  '            - name: Molenbeek',
  '              population: 1000',
  '              hotbed: true',
);

/** TINY with every border closed from the first day. */
export const CLOSED = TINY.replace('title: Tiny', 'title: Tiny, borders closed') + yaml(
  'interventions:',
  '  - kind: border-control',
  '    label: Borders closed',
  '    start: "2014-06-01"',
  '    interception: 1',
);

/** Writes each text to a file in a fresh folder and loads it. */
export function loadTexts(texts: Record<string, string>, set: string[] = []): LoadedScenario[] {
  const dir = tempDir('hotbed-compare-');
  return Object.entries(texts).map(([name, text]) => loadScenario(writeFixture(dir, name, text), { set }));
}
