/**
 * `npm run schema`: writes the JSON Schema of every file kind from its zod schema, for
 * editors and validators: scenarios, experiments, calibrations and targets files; and the
 * measures' table of results/README.md from statistics/measures.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { calibrationJsonSchema } from '../calibration/load.js';
import { renderFileSchema, renderJsonSchema } from '../scenario/json-schema.js';
import { targetsJsonSchema } from '../scenario/targets.js';
import { experimentJsonSchema } from '../sweep/file.js';
import { withMeasures } from '../statistics/measure-docs.js';

const files: [string, string][] = [
  ['scenario.schema.json', renderJsonSchema()],
  ['experiment.schema.json', renderFileSchema(experimentJsonSchema(), 'Hotbed experiment', 'experiment.schema.json')],
  ['calibration.schema.json', renderFileSchema(calibrationJsonSchema(), 'Hotbed calibration', 'calibration.schema.json')],
  ['targets.schema.json', renderFileSchema(targetsJsonSchema(), 'Hotbed calibration targets', 'targets.schema.json')],
];
for (const [name, text] of files) {
  writeFileSync(new URL(`../../scenarios/${name}`, import.meta.url), text);
  console.log(`wrote scenarios/${name}`);
}
const resultsReadme = new URL('../../results/README.md', import.meta.url);
writeFileSync(resultsReadme, withMeasures(readFileSync(resultsReadme, 'utf8'), 'results/README.md'));
console.log('wrote the measures of results/README.md');
