/** What a run's records take, estimated before the run (src/results/size.ts). */
import { describe, expect, it } from 'vitest';
import { estimateRecordingBytes, type RecordingSize } from '../../src/results/size.js';

const CENTURY: RecordingSize = { recordedDays: 6400, communities: 2, places: 3, measures: 12, replicates: 1 };

describe('estimateRecordingBytes', () => {
  it('grows in proportion to the recorded days', () => {
    expect(estimateRecordingBytes({ ...CENTURY, recordedDays: 12800 })).toBe(2 * estimateRecordingBytes(CENTURY));
    expect(estimateRecordingBytes({ ...CENTURY, recordedDays: 0 })).toBe(0);
  });

  it('grows with replicates, communities, places and measures', () => {
    const base = estimateRecordingBytes(CENTURY);
    for (const more of [{ replicates: 2 }, { communities: 300 }, { places: 100 }, { measures: 40 }]) {
      expect(estimateRecordingBytes({ ...CENTURY, ...more })).toBeGreaterThan(base);
    }
  });

  it('stays above what a single town over a century was measured to take (50 MB, 9.5 MB a further replicate, 74 MB for the report)', () => {
    expect(estimateRecordingBytes(CENTURY)).toBeGreaterThan(50e6 + 74e6);
    expect(estimateRecordingBytes({ ...CENTURY, replicates: 10 }) - estimateRecordingBytes(CENTURY)).toBeGreaterThan(9 * 9.5e6);
  });
});
