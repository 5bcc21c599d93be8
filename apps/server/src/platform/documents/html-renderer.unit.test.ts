import { describe, expect, it } from 'vitest';
import type { OfficialDocument } from './document-model.ts';
import { escapeHtml, renderDocumentHtml } from './html-renderer.ts';

const hostile: OfficialDocument = {
  title: '<script>alert(1)</script> 督导 & 整改',
  issuer: '上党区<img src=x onerror=alert(1)>教育局',
  documentNumber: '上党教〔2026〕"3"号',
  subtitle: "各学校'：",
  date: '2026-11-29',
  signature: '上党区教育局</p><script>',
  lang: 'zh',
  blocks: [
    { kind: 'heading', level: 1, text: '一、<b>总体</b>' },
    { kind: 'paragraph', text: 'A & B < C' },
    { kind: 'table', columns: ['单位', '状态<'], rows: [['<td>振东集团', '已销号&']] },
    { kind: 'list', items: ['1. <li>'] },
  ],
};

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderDocumentHtml', () => {
  const html = renderDocumentHtml(hostile);

  it('escapes every piece of document text, so no tag from the data survives', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 督导 &amp; 整改');
    expect(html).toContain('上党区&lt;img src=x onerror=alert(1)&gt;教育局');
    expect(html).toContain('上党教〔2026〕&quot;3&quot;号');
    expect(html).toContain('&lt;td&gt;振东集团');
    expect(html).toContain('A &amp; B &lt; C');
    expect(html).not.toMatch(/<script|<img|<b>|onerror=alert\(1\)>/i);
  });

  it('carries no scripts and a policy that forbids them and any fetch', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html.match(/<script/gi)).toBeNull();
  });

  it('sets A4 with the 公文 margins and the official font stacks', () => {
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain(
      '"FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC", serif',
    );
    expect(html).toContain('"SimHei", "黑体", "Noto Sans CJK SC", sans-serif');
  });

  it('prints the date in Arabic numerals and the 主送机关 without indent', () => {
    expect(html).toContain('>2026年11月29日</p>');
    expect(html).toContain('<p class="addressee">各学校&#39;：</p>');
  });

  it('renders the table with a header row and one row per record', () => {
    expect(html).toContain('<thead><tr><th>单位</th><th>状态&lt;</th></tr></thead>');
    expect(html.match(/<tr>/g)).toHaveLength(2);
  });

  it('uses the English language tag for English documents', () => {
    expect(renderDocumentHtml({ ...hostile, lang: 'en' })).toContain('<html lang="en">');
  });
});
