/** The one escaping module: what each format gets for the same hostile name. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, displayText, escapeHtml, escapeXmlAttribute, escapeXmlText, xmlChars } from '../../src/numeric/escape.js';
import { readCsv } from '../setup/csv-reader.js';
import { hostileName } from '../setup/hostile-names.js';


/** XML 1.0's Char production: what may appear in a document at all. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('xmlChars and the XML escapes', () => {
  it('write what XML 1.0 cannot hold as visible escapes, and keep everything else', () => {
    expect(xmlChars('Bad\u0000\u0001\u001f\u000b\u000c\uFFFE\uFFFF\uD800x\uDC00 ok\t\n\r\u0085\u2028😀')).toBe(
      'Bad\\u0000\\u0001\\u001f\\u000b\\u000c\\ufffe\\uffff\\ud800x\\udc00 ok\t\n\r\u0085\u2028😀',
    );
  });

  it('escape markup in text, and quotes and white space in attribute values', () => {
    expect(escapeXmlText('<a> & "b" \'c\'\t\n\r\u0085\u2028\u2029')).toBe('&lt;a&gt; &amp; "b" \'c\'\t\n&#13;&#133;&#8232;&#8233;');
    expect(escapeXmlAttribute('<a> & "b" \'c\'\t\n\r')).toBe('&lt;a&gt; &amp; &quot;b&quot; \'c\'&#9;&#10;&#13;');
    expect(escapeXmlText('&amp;')).toBe('&amp;amp;');
  });

  it('never write a character XML forbids, nor an unescaped markup character (property)', () => {
    fc.assert(fc.property(hostileName, (name) => {
      for (const out of [escapeXmlText(name), escapeXmlAttribute(name)]) {
        expect(out).not.toMatch(NOT_XML);
        expect(out).not.toMatch(/[<>\r\u0085\u2028\u2029]|&(?!(amp|lt|gt|quot|#9|#10|#13|#133|#8232|#8233);)/);
      }
      expect(escapeXmlAttribute(name)).not.toMatch(/["\t\n\r]/);
    }));
  });
});

describe('displayText', () => {
  it('makes controls, DEL, C1, the line separators and what XML forbids visible; keeps tab, newline, carriage return and the rest', () => {
    expect(displayText('a\u0000b\u007f\u0085\u009f\u2028\u2029\uFFFE\uD83D')).toBe('a\\u0000b\\u007f\\u0085\\u009f\\u2028\\u2029\\ufffe\\ud83d');
    expect(displayText('Molenbeek\t\n\r «Saint-Jean» 😀')).toBe('Molenbeek\t\n\r «Saint-Jean» 😀');
  });

  it('returns the very same string when there is nothing to escape', () => {
    const plain = 'Ben Gardane <b> & url(x)';
    expect(displayText(plain)).toBe(plain);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-special characters, and shows controls as escapes', () => {
    expect(escapeHtml('<script>alert(1)</script> & "Molenbeek"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Molenbeek&quot;');
    expect(escapeHtml("l'Ariana")).toBe('l&#39;Ariana');
    expect(escapeHtml(12)).toBe('12');
    expect(escapeHtml('Biz\u0000erte\u2028')).toBe('Biz\\u0000erte\\u2028');
  });

  it('leaves no markup character, no control but white space, no line separator (property)', () => {
    fc.assert(fc.property(hostileName, (name) => {
      const out = escapeHtml(name);
      expect(out).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|#39);)/);
      expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/);
      expect(out).not.toMatch(NOT_XML);
    }));
  });
});

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

  it('writes a cell a spreadsheet would take for a formula as it is: the cell is the name', () => {
    for (const name of ['=1+1', '+32', '-2', '@SUM(A1)']) expect(csvField(name)).toBe(name);
    expect(csvField('=HYPERLINK("x","y")')).toBe('"=HYPERLINK(""x"",""y"")"');
  });

  it('reads back to the same fields, however hostile (property)', () => {
    fc.assert(fc.property(fc.array(hostileName, { minLength: 1, maxLength: 5 }), (fields) => {
      expect(readCsv(`${fields.map(csvField).join(',')}\n`)).toEqual([fields]);
    }));
  });
});
