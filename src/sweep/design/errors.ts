/**
 * Errors of the design modules. The runner checks the user's experiment file
 * before calling them, so anything thrown here is a programmer error: the
 * message names the function, the parameter, what was expected and what was
 * found, so that the bug can be fixed from the message alone.
 */
export class DesignError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesignError';
  }
}

/** `fn: what must hold, found x`. */
export function fail(fn: string, what: string, found: unknown): never {
  throw new DesignError(`${fn}: ${what}, found ${show(found)}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return typeof value;
}

export function requireWhole(fn: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    fail(fn, `${name} must be a whole number ≥ ${min}`, value);
  }
  return value;
}

export function requireRandom(fn: string, random: unknown): () => number {
  if (typeof random !== 'function') fail(fn, 'random must be a function returning numbers in [0, 1)', random);
  return random as () => number;
}

/** One finite output per design row. */
export function requireOutputs(fn: string, outputs: readonly number[], rows: number): void {
  if (!Array.isArray(outputs) && !ArrayBuffer.isView(outputs)) fail(fn, 'outputs must be an array of numbers', outputs);
  if (outputs.length !== rows) fail(fn, `outputs must have one value per design point (${rows})`, outputs.length);
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(outputs[i])) fail(fn, `outputs[${i}] must be a finite number`, outputs[i]);
  }
}
