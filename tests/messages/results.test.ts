import { describe, expect, it } from 'vitest';
import { sizeText } from '../../src/messages/results.js';

describe('messages/results', () => {
  it('writes sizes in decimal units, one decimal below 100 of a unit', () => {
    expect(sizeText(0)).toBe('0 B');
    expect(sizeText(999)).toBe('999 B');
    expect(sizeText(1000)).toBe('1.0 kB');
    expect(sizeText(86_400)).toBe('86.4 kB');
    expect(sizeText(412_499)).toBe('412 kB');
    expect(sizeText(999_960)).toBe('1.0 MB');
    expect(sizeText(12_437_000)).toBe('12.4 MB');
    expect(sizeText(214_581_754)).toBe('215 MB');
    expect(sizeText(1.75e9)).toBe('1.8 GB');
  });
});
