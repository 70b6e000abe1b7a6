/**
 * The JSON Schemas editors use, checked with a standard validator (ajv, draft 2020-12):
 * every shipped file validates against the schema its `$schema` line names, the schemas
 * are the ones the zod schemas generate today, and they refuse what the loaders refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { calibrationJsonSchema } from '../../src/calibration/load.js';
import { renderFileSchema, renderJsonSchema } from '../../src/scenario/json-schema.js';
import { targetsJsonSchema } from '../../src/scenario/targets.js';
import { experimentJsonSchema } from '../../src/sweep/file.js';

const SCENARIOS = 'scenarios';
const shipped = [SCENARIOS, join(SCENARIOS, 'experiments'), join(SCENARIOS, 'targets')]
  .flatMap((dir) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(dir, f)));

// Zod writes formats ajv does not know without ajv-formats; they are hints, not constraints, here.
const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();
const validatorFor = (file: string) => {
  const schemaFile = resolve(file);
  let v = validators.get(schemaFile);
  if (!v) validators.set(schemaFile, (v = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)));
  return v;
};

describe('JSON Schemas of the file kinds', () => {
  it('are generated from the current zod schemas (run `npm run schema`)', () => {
    expect(readFileSync(join(SCENARIOS, 'scenario.schema.json'), 'utf8')).toBe(renderJsonSchema());
    expect(readFileSync(join(SCENARIOS, 'experiment.schema.json'), 'utf8')).toBe(renderFileSchema(experimentJsonSchema(), 'Hotbed experiment', 'experiment.schema.json'));
    expect(readFileSync(join(SCENARIOS, 'calibration.schema.json'), 'utf8')).toBe(renderFileSchema(calibrationJsonSchema(), 'Hotbed calibration', 'calibration.schema.json'));
    expect(readFileSync(join(SCENARIOS, 'targets.schema.json'), 'utf8')).toBe(renderFileSchema(targetsJsonSchema(), 'Hotbed calibration targets', 'targets.schema.json'));
  });

  it.each(shipped)('%s names its schema and validates against it', (file) => {
    const value = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(typeof value.$schema, 'a $schema line').toBe('string');
    const validate = validatorFor(resolve(dirname(file), value.$schema as string));
    const ok = validate(value);
    expect(ok ? [] : validate.errors!.map((e: ErrorObject) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });

  it('refuse a scenario without places unless it extends another, and a misspelled key', () => {
    const validate = validatorFor(join(SCENARIOS, 'scenario.schema.json'));
    expect(validate({ title: 'x' })).toBe(false);
    expect(validate({ extends: 'baseline.yaml', title: 'x' })).toBe(true);
    expect(validate({ extends: 'baseline.yaml', titel: 'x' })).toBe(false);
  });

  it('refuse an experiment and a calibration that lack what they need, and a targets file with an unknown key', () => {
    expect(validatorFor(join(SCENARIOS, 'experiment.schema.json'))({ scenario: 'a.yaml', factors: [] })).toBe(false);
    expect(validatorFor(join(SCENARIOS, 'calibration.schema.json'))({ scenario: 'a.yaml' })).toBe(false);
    expect(validatorFor(join(SCENARIOS, 'targets.schema.json'))({ date: '2015-12-01', dates: '2015-12-01' })).toBe(false);
    expect(validatorFor(join(SCENARIOS, 'targets.schema.json'))({ date: '2015-12-01', world: { value: 1 } })).toBe(true);
  });
});
