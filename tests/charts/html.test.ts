import { describe, expect, it } from 'vitest';
import { assertInertSvg, escapeHtml, namespaceSvgIds } from '../../src/charts/html.js';
import { NASTY } from './fixture.js';

describe('html helpers', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(NASTY)).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Molenbeek&quot;');
    expect(escapeHtml("l'Ariana")).toBe('l&#39;Ariana');
    expect(escapeHtml(12)).toBe('12');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('makes SVG ids unique per chart', () => {
    const svg = '<svg><defs><clipPath id="clip1"><rect/></clipPath></defs><g clip-path="url(#clip1)"><use href="#clip1"/><use xlink:href="#clip1"/></g></svg>';
    expect(namespaceSvgIds(svg, 'chart-a')).toBe(
      '<svg><defs><clipPath id="chart-a-clip1"><rect/></clipPath></defs><g clip-path="url(#chart-a-clip1)"><use href="#chart-a-clip1"/><use xlink:href="#chart-a-clip1"/></g></svg>',
    );
  });

  it('refuses SVGs that could run code or fetch something, not text that mentions it', () => {
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg><g onclick="alert(1)"></g></svg>',
      '<svg><image href="http://example.org/x.png"/></svg>',
      '<svg><rect style="fill: url(http://example.org/x)"/></svg>',
      '<svg><foreignObject></foreignObject></svg>',
      '<p>not an svg</p>',
    ]) {
      expect(() => assertInertSvg(bad, 'x')).toThrow();
    }
    expect(() => assertInertSvg('<svg><text>&lt;script&gt; onset=1 javascript: url(x)</text><g clip-path="url(#c1)"/></svg>', 'x')).not.toThrow();
  });
});
