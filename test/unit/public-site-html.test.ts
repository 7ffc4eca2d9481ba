import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { esc, fmt, layout, pageHeaders, table } from '../../shared/app/public-site/html.ts';

describe('public site HTML', () => {
  it('escapes text and attributes, so a unit name cannot inject markup', () => {
    expect(esc(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    const html = layout({ title: 'Xã <b>', description: '"quoted"', crumbs: [{ label: '<i>' }], body: '' });
    expect(html).toContain('<title>Xã &lt;b&gt; — Chỉ số CCHC</title>');
    expect(html).toContain('content="&quot;quoted&quot;"');
    expect(html).not.toContain('<i>');
  });

  it('is Vietnamese, script-free, and its CSP allows exactly its own stylesheet', () => {
    const html = layout({ title: 'T', description: 'D', crumbs: [], body: '<p>x</p>' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).not.toMatch(/<script/i);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(pageHeaders['content-security-policy']).toContain(`style-src 'sha256-${hash}'`);
    expect(pageHeaders['content-security-policy']).toMatch(/^default-src 'none'/);
  });

  it('writes decimal commas and right-aligns the numeric columns', () => {
    expect(fmt(62.5)).toBe('62,50');
    const t = table('c', ['A', 'B'], [['x', fmt(1234.5)]], new Set([1]));
    expect(t).toContain('<td class="num">1.234,50</td>');
    expect(t).toContain('<th scope="col" class="num">B</th>');
  });
});
