/**
 * Calibration targets: published figures for a date, by world, region and
 * country, each with a band. Read from a targets file; checked against the
 * places of the scenario that uses it.
 */
import { z } from 'zod';
import { isoDate } from './fields.js';
import { messages } from '../messages/scenario.js';
import { locate, readSource } from './source.js';
import { schemaError } from './zod-issues.js';
import { closest } from './suggest.js';
import type { JsonSchema } from './json-schema.js';
import { statisticInputSchema, type StatisticInput } from './statistic-schema.js';

const targetSchema = z.strictObject({
  value: z.number().min(0).describe('Central published estimate (people).'),
  low: z.number().min(0).optional().describe('Lower end of the band; value × (1 − tolerance) if absent.'),
  high: z.number().min(0).optional().describe('Upper end of the band; value × (1 + tolerance) if absent.'),
  tolerance: z.number().min(0).max(1).optional().describe('Relative half-width of the band when low/high are absent.'),
  note: z.string().optional(),
  source: z.string().optional(),
});

/** A target on its own date (or over its own period): any statistic of the registry, with its band and source. */
const datedTargetSchema = statisticInputSchema.extend({
  name: z.string().min(1).max(100).describe('Name of the target in tables and charts.'),
  date: isoDate.describe('Day of the figure (the end of the period for a flow).'),
  value: z.number().min(0).describe('Central published estimate.'),
  low: z.number().min(0).optional().describe('Lower end of the band; value × (1 − tolerance) if absent.'),
  high: z.number().min(0).optional().describe('Upper end of the band; value × (1 + tolerance) if absent.'),
  tolerance: z.number().min(0).max(1).optional().describe('Relative half-width of the band when low/high are absent.'),
  weight: z.number().min(0).max(1e6).default(1).describe('Weight in the calibration distance.'),
  source: z.string().min(1).describe('Who published the figure, where and when.'),
  note: z.string().optional().describe('How the band reads the source (and how it differs from others).'),
}).describe('A published figure on its own date: a statistic (measure, place, date; from for a flow) with its band and source.');

export const targetsSchema = z.strictObject({
  $schema: z.string().optional().describe('Path to the JSON Schema, for editors.'),
  title: z.string().default(''),
  date: isoDate,
  source: z.string().optional(),
  defaultTolerance: z.number().min(0).max(1).default(0.15),
  world: targetSchema.optional(),
  regions: z.record(z.string(), targetSchema).default({}),
  countries: z.record(z.string(), targetSchema).default({}),
  communities: z.record(z.string(), targetSchema).default({}),
  dated: z.array(datedTargetSchema).default([]).describe('Figures on their own dates or over their own periods (a point on the path, a flow), each with its source.'),
});

export const targetsJsonSchema = (): JsonSchema => z.toJSONSchema(targetsSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export interface Band {
  value: number;
  low: number;
  high: number;
  note?: string;
}

export interface DatedTarget {
  /** The statistic as the file writes it (resolved against a scenario's places by the calibration). */
  statistic: StatisticInput & { date: string };
  band: Band;
  weight: number;
  source: string;
  /** Position in the file's `dated` list, for messages. */
  index: number;
}

export interface Targets {
  /** The file it was read from. */
  file: string;
  title: string;
  date: string;
  source?: string;
  world?: Band;
  regions: Map<string, Band>;
  countries: Map<string, Band>;
  communities: Map<string, Band>;
  dated: DatedTarget[];
}

export interface KnownPlaces {
  regions: readonly string[];
  countries: readonly string[];
  communities: readonly string[];
}

export function loadTargets(file: string, places?: KnownPlaces): Targets {
  const source = readSource(file);
  const parsed = targetsSchema.safeParse(source.value, { reportInput: true });
  const at = (path: readonly (string | number)[], atKey = false) => locate(source, path, atKey);
  if (!parsed.success) throw schemaError(parsed.error.issues, source.value, at, targetsJsonSchema());
  const t = parsed.data;
  const band = (x: z.infer<typeof targetSchema>): Band => {
    const tol = x.tolerance ?? t.defaultTolerance;
    return { value: x.value, low: x.low ?? x.value * (1 - tol), high: x.high ?? x.value * (1 + tol), note: x.note };
  };
  const section = (key: 'regions' | 'countries' | 'communities', level: string, known?: readonly string[]) => {
    const out = new Map<string, Band>();
    for (const [name, x] of Object.entries(t[key])) {
      if (known && !known.includes(name)) {
        const c = closest(name, known);
        throw messages.unknownPlace(at([key, name], true), `${key}.${name}`, level, name, c ? `did you mean "${c}"?` : undefined);
      }
      out.set(name, band(x));
    }
    return out;
  };
  const dated = t.dated.map((d, index): DatedTarget => {
    const { value, low, high, tolerance, weight, source: origin, note, ...statistic } = d;
    const b = band({ value, low, high, tolerance, note });
    if (!(b.low <= b.value && b.value <= b.high)) {
      throw messages.wrongValue(at(['dated', index]), `dated.${index}`, 'low ≤ value ≤ high', `low ${b.low}, value ${b.value}, high ${b.high}`);
    }
    return { statistic, band: b, weight, source: origin, index };
  });
  return {
    file,
    title: t.title,
    date: t.date,
    source: t.source,
    world: t.world ? band(t.world) : undefined,
    regions: section('regions', 'region', places?.regions),
    countries: section('countries', 'country', places?.countries),
    communities: section('communities', 'community', places?.communities),
    dated,
  };
}
