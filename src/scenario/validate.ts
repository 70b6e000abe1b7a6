/**
 * A scenario's value, once merged and changed, checked against the schema and the
 * cross-field rules: the part of loading that reads no file, so that the browser
 * explorer checks its settings exactly as `hotbed run` checks a file.
 */
import { scenarioSchema, type Scenario } from './schema.js';
import { checkScenario } from './semantics.js';
import { schemaError, type Locator } from './zod-issues.js';

export function validateScenario(value: unknown, locator: Locator): Scenario {
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw schemaError(parsed.error.issues, value, locator);
  checkScenario(parsed.data, locator);
  return parsed.data;
}
