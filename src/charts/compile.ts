/**
 * Vega-Lite → Vega, with Vega-Lite's warnings collected rather than printed. Kept apart
 * from render.ts, which draws the compiled spec.
 */
import type * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from './vega.js';

type VegaLiteLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;

/** A logger that keeps messages instead of printing them (plain closures: Vega calls the methods unbound). */
export function collectingLogger() {
  const warnings: string[] = [];
  const errors: string[] = [];
  let level = 0;
  const text = (args: readonly unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(text(args));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return { logger, warnings, errors };
}

export interface Compiled {
  vega: vega.Spec;
  /** Vega-Lite's warnings (e.g. an encoding it dropped); collected, not printed. */
  warnings: string[];
}

/** Compiles a Vega-Lite spec to Vega. Throws on an invalid spec; warnings are returned. */
export function compileSpec(spec: TopLevelSpec): Compiled {
  const { logger, warnings, errors } = collectingLogger();
  const { spec: vg } = compile(spec, { logger: logger as unknown as VegaLiteLogger });
  if (errors.length > 0) throw new Error(`Vega-Lite: ${errors.join('; ')}`);
  return { vega: vg, warnings };
}

