/**
 * Field types every file kind shares (scenarios, targets, experiments,
 * calibrations), written once so that a date or a name means the same thing in
 * all of them and is refused with the same message.
 */
import { z } from 'zod';

/** A real calendar date: 2015-02-30 is refused, not read as 2 March. */
export const isoDate = z.string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'a real calendar date')
  .describe('A date, YYYY-MM-DD.');

export const finite = z.number().refine(Number.isFinite, 'a finite number');

/** Names become keys of plain objects (recipes by name, places in summary.json), where `__proto__` would vanish. */
export const placeName = z.string().min(1).max(200).refine((s) => s !== '__proto__', 'a name other than "__proto__"');

/** A column of a result table. */
export const columnName = z.string().min(1).max(100).regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'a name of letters, digits, _ . or - starting with a letter');

export const seed = z.number().int().min(0).max(4294967295);
