/** `npm run schema`: regenerates scenarios/scenario.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { renderJsonSchema } from './json-schema.js';

writeFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), renderJsonSchema());
console.log('wrote scenarios/scenario.schema.json');
