import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, terminalSafe } from '../../src/messages/terminal.js';
import { UserError } from '../../src/messages/errors.js';

/** What a terminal would act on: any C0 or C1 control, DEL, or a Unicode line separator. */
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

describe('terminal-safe text', () => {
  const hostile = 'R\u001b]0;PWNED\u0007\u001b[2J\u001b[31mred\r\u009b31m\u2028end';

  it('writes every control sequence of a hostile name as visible escapes', () => {
    expect(terminalSafe(hostile)).toBe('R\\e]0;PWNED\\u0007\\e[2J\\e[31mred\\r\\u009b31m\\u2028end');
    expect(oneLine(`a\nb\t${hostile}`)).toBe(`a\\nb\\t${terminalSafe(hostile)}`);
  });

  it('keeps the line breaks and tabs of Hotbed\'s own layout, and everything printable', () => {
    expect(terminalSafe('world\t28,990\nMaghreb\t8,000 — Tunisie, Türkiye, 日本\n')).toBe('world\t28,990\nMaghreb\t8,000 — Tunisie, Türkiye, 日本\n');
  });

  it('leaves nothing a terminal acts on, whatever the text (fuzzed)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(ACTIVE.test(terminalSafe(s))).toBe(false);
      expect(/[\n\t]/.test(oneLine(s)) || ACTIVE.test(oneLine(s))).toBe(false);
    }));
  });

  it('user errors are one inert line', () => {
    const e = new UserError({ file: 'x.yaml', path: `places.regions.${hostile}`, problem: 'unknown region' });
    expect(ACTIVE.test(e.message)).toBe(false);
    expect(e.message).not.toContain('\n');
  });
});
