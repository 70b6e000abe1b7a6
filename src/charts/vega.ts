/**
 * The charts' one door to Vega and Vega-Lite: every run-time use goes through here, and
 * the build bundles this module with both libraries into one file (scripts/build.js).
 * Node.js 20 pays for every ES module file it loads, and the two come as about 270
 * files: loading them was a fifth of a single-town run with its report. One door also
 * keeps one copy of Vega in the process, so the text metrics render.ts installs are the
 * ones its views lay text out with.
 */
import * as vegaModule from 'vega';

export { compile } from 'vega-lite';
export const { parse, View } = vegaModule;

/** Vega's process-wide text measurer (from vega-scenegraph; exported by vega but missing from its typings). */
export const textMetrics = (vegaModule as unknown as { textMetrics: { width: (item: object, text: unknown) => number } }).textMetrics;
