/** The place levels, in their own module (no schema library), so the command line can name them without loading the schema. */
export const levels = ['world', 'region', 'country', 'community'] as const;
export type Level = typeof levels[number];
