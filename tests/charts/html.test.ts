import { describe, expect, it } from 'vitest';
import { assertInertSvg, namespaceSvgIds } from '../../src/charts/html.js';

describe('html helpers', () => {
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
      '<svg><g aria-label="x" onload="alert(1)"></g></svg>',
      '<svg><image href="http://example.org/x.png"/></svg>',
      '<svg><use href="http://example.org/x.svg#a"/></svg>',
      '<svg><use xlink:href="javascript:alert(1)"/></svg>',
      '<svg><rect style="fill: url(http://example.org/x)"/></svg>',
      '<svg><rect fill="u&#114;l(http://example.org/x)"/></svg>',
      '<svg><rect style="fill: url (x)"/></svg>',
      '<svg><rect class="java&#x9;script:x"/></svg>',
      '<svg><foreignObject></foreignObject></svg>',
      '<svg><g aria-label="unclosed></g></svg>',
      "<svg><g fill='url(x)'></g></svg>",
      '<p>not an svg</p>',
    ]) {
      expect(() => assertInertSvg(bad, 'x'), bad).toThrow(/^chart "x": /);
    }
    expect(() => assertInertSvg('<svg><text>&lt;script&gt; onset=1 javascript: url(x)</text><g clip-path="url(#c1)"/><use href="#c1"/></svg>', 'x')).not.toThrow();
  });

  it('lets names say anything in the attributes that only hold text for a reader', () => {
    const named = '<svg><g role="graphics-symbol" aria-roledescription="javascript: url(x)" aria-label="Events: 1 Takedown of url(s) and accounts; 2 javascript:void(0) &lt;b&gt; &quot;q&quot;"><path d="M0,0L1,1" fill="url(#g1)"/></g></svg>';
    expect(() => assertInertSvg(named, 'x')).not.toThrow();
  });
});
