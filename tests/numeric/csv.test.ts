import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/numeric/csv.js';

describe('csvField', () => {
  it('leaves plain text alone and quotes (RFC 4180 §2.6–2.7) what would break a row', () => {
    expect(csvField('Tunisia')).toBe('Tunisia');
    expect(csvField('')).toBe('');
    expect(csvField("Côte d'Ivoire")).toBe("Côte d'Ivoire");
    expect(csvField('Bosnia, Herzegovina')).toBe('"Bosnia, Herzegovina"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
});
