import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './render-markdown';

// Known XSS payloads (OWASP filter-evasion cheat sheet and friends), in Markdown and raw HTML.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;avascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '[click](  javascript:alert(1)  )',
  '![x](javascript:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<body onload=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<style>@import "https://evil.example/x.css";</style>',
  '<a href="//evil.example">protocol-relative</a>',
  '<p onclick="alert(1)">para</p>',
  '<img src="https://ok.example/a.png" onerror="alert(1)">',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<a href="vbscript:msgbox(1)">vb</a>',
];

describe('renderMarkdown', () => {
  it.each(PAYLOADS)('neutralises %s', (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`);
    expect(html).not.toMatch(
      /<script|<iframe|<object|<embed|<form|<meta|<base|<link|<style|<svg|<input/i,
    );
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/(javascript|vbscript|data):/i);
    expect(html).not.toMatch(/href="\/\//);
    // An unterminated raw-HTML block may swallow what follows; it must still be inert.
    if (!payload.startsWith('<math')) expect(html).toContain('After');
  });

  it('keeps headings, lists, tables, code, links and images', () => {
    const html = renderMarkdown(
      [
        '## Sequencing E11.9',
        '',
        '- first',
        '- second',
        '',
        '| Code | Meaning |',
        '|---|---|',
        '| E0114 | Crutches |',
        '',
        '```text',
        'I10',
        '```',
        '',
        '[CDC](https://www.cdc.gov/nchs/icd/) ![chart](https://example.org/chart.png)',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Sequencing E11.9</h2>');
    expect(html).toContain('<li>first</li>');
    expect(html).toMatch(/<table>[\s\S]*<td>E0114<\/td>/);
    expect(html).toContain('<code class="language-text">I10');
    expect(html).toContain(
      '<a href="https://www.cdc.gov/nchs/icd/" rel="noopener noreferrer nofollow">CDC</a>',
    );
    expect(html).toContain(
      '<img src="https://example.org/chart.png" alt="chart" loading="lazy" />',
    );
  });

  it('keeps images uploaded to our object store and https images, and drops every other image source', () => {
    const ours = `/media/lesson-images/${'a'.repeat(64)}.png`;
    const html = renderMarkdown(
      [
        `![Claim form, box 21](${ours})`,
        '![remote](https://example.org/x.png)',
        '![plain http](http://example.org/x.png)',
        '![relative](/sign-out)',
        `![another folder](/media/captions/${'b'.repeat(64)}.vtt)`,
        '![traversal](/media/lesson-images/../../admin.png)',
      ].join('\n\n'),
    );
    expect(html).toContain(`<img src="${ours}" alt="Claim form, box 21" loading="lazy" />`);
    expect(html).toContain('<img src="https://example.org/x.png"');
    expect(html).not.toContain('http://example.org');
    expect(html).not.toContain('/sign-out');
    expect(html).not.toContain('/media/captions');
    expect(html).not.toContain('admin.png');
  });
});
