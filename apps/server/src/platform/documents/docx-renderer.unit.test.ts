import { beforeAll, describe, expect, it } from 'vitest';
import { inspectZip, sniffFileType } from '../files/file-guard.ts';
import type { OfficialDocument } from './document-model.ts';
import { renderDocx } from './docx-renderer.ts';
import { sampleSupervisionReport } from './sample-document.ts';
import { assertWellFormedXml, unzip } from './test-unzip.ts';

const doc: OfficialDocument = {
  ...sampleSupervisionReport(),
  title: '关于<script>督导&整改</script>的报告',
  blocks: [
    { kind: 'heading', level: 1, text: '一、总体情况' },
    { kind: 'heading', level: 2, text: '（一）职普比例' },
    { kind: 'heading', level: 3, text: '1. 企业实践' },
    { kind: 'paragraph', text: '全区中职学校专任教师312人。' },
    {
      kind: 'table',
      columns: ['单位名称', '整改状态'],
      rows: [
        ['振东集团', '已销号'],
        ['易通集团', '按期整改'],
      ],
    },
    { kind: 'pageBreak' },
    { kind: 'list', items: ['1. 实习岗位供给不足。'] },
  ],
};

/** The `<w:r>` run that holds `text`. */
function runOf(xml: string, text: string): string {
  const end = xml.indexOf(`>${text}</w:t>`);
  expect(end, text).toBeGreaterThan(0);
  return xml.slice(xml.lastIndexOf('<w:r>', end), end);
}

describe('renderDocx', () => {
  let bytes: Buffer;
  let parts: Map<string, Buffer>;
  let body: string;
  beforeAll(async () => {
    bytes = await renderDocx(doc);
    parts = unzip(bytes);
    body = parts.get('word/document.xml')!.toString('utf8');
  });

  it('is a .docx our own upload guard accepts, with well-formed XML parts', () => {
    expect(sniffFileType(bytes)).toBe('docx');
    expect(inspectZip(bytes)).toMatchObject({ ok: true });
    for (const [name, content] of parts) {
      if (name.endsWith('.xml') || name.endsWith('.rels'))
        expect(() => assertWellFormedXml(content.toString('utf8')), name).not.toThrow();
    }
  });

  it('drops control characters pasted into the text, which would make Word refuse the file', async () => {
    const pasted = { ...doc, blocks: [{ kind: 'paragraph' as const, text: '意见\u000b建议\u0001内容' }] };
    const xml = unzip(await renderDocx(pasted))
      .get('word/document.xml')!
      .toString('utf8');
    expect(() => assertWellFormedXml(xml)).not.toThrow();
    expect(xml).toContain('>意见建议内容</w:t>');
  });

  it('carries the title, escaped, in 方正小标宋 二号', () => {
    expect(body).toContain('关于&lt;script&gt;督导&amp;整改&lt;/script&gt;的报告');
    const title = runOf(body, '关于&lt;script&gt;督导&amp;整改&lt;/script&gt;的报告');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
  });

  it('sets 仿宋_GB2312 三号 on body runs, on a fixed 28 pt line with a two-character indent', () => {
    const run = runOf(body, '全区中职学校专任教师312人。');
    expect(run).toContain('w:eastAsia="仿宋_GB2312"');
    expect(run).toContain('w:ascii="Times New Roman"');
    expect(run).toContain('<w:sz w:val="32"/>');
    const paragraph = body.slice(
      body.lastIndexOf('<w:p>', body.indexOf('全区中职学校')),
      body.indexOf('全区中职学校'),
    );
    expect(paragraph).toContain('w:line="560" w:lineRule="exact"');
    expect(paragraph).toContain('w:firstLine="640"');
  });

  it('sets 黑体, 楷体 and bold 仿宋 on the three heading levels', () => {
    expect(runOf(body, '一、总体情况')).toContain('w:eastAsia="黑体"');
    expect(runOf(body, '（一）职普比例')).toContain('w:eastAsia="楷体_GB2312"');
    const level3 = runOf(body, '1. 企业实践');
    expect(level3).toContain('w:eastAsia="仿宋_GB2312"');
    expect(level3).toContain('<w:b/>');
  });

  it('renders the issuer in red and the 发文字号 over a red rule', () => {
    expect(runOf(body, '长治市上党区人民政府教育督导室')).toContain('<w:color w:val="E60012"/>');
    expect(body).toMatch(/<w:bottom w:val="single" w:color="E60012"[^>]*\/>/);
    expect(body).toContain('>上党督〔2026〕3号</w:t>');
  });

  it('renders the table: a repeating bold header row, one row per record, 仿宋 小四', () => {
    expect(body.match(/<w:tr>/g)).toHaveLength(3);
    expect(body).toContain('<w:tblHeader/>');
    expect(runOf(body, '单位名称')).toContain('<w:b/>');
    const cell = runOf(body, '易通集团');
    expect(cell).toContain('w:eastAsia="仿宋_GB2312"');
    expect(cell).toContain('<w:sz w:val="24"/>');
  });

  it('puts 落款 and the date (Arabic numerals) at the right', () => {
    const date = body.slice(
      body.lastIndexOf('<w:p>', body.indexOf('2026年11月29日')),
      body.indexOf('2026年11月29日'),
    );
    expect(date).toContain('<w:jc w:val="right"/>');
  });

  it('sets A4 and the GB/T 9704 margins', () => {
    expect(body).toContain('<w:pgSz w:w="11905" w:h="16837"');
    expect(body).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('numbers pages — PAGE — in 4号 宋体, odd at the right and even at the left', () => {
    expect(parts.get('word/settings.xml')!.toString('utf8')).toContain('<w:evenAndOddHeaders/>');
    expect(body).toContain('<w:footerReference w:type="default"');
    expect(body).toContain('<w:footerReference w:type="even"');
    const footers = [...parts]
      .filter(([name]) => /^word\/footer\d+\.xml$/.test(name))
      .map(([, xml]) => xml.toString('utf8'));
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain('>— </w:t>');
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort()).toEqual(['left', 'right']);
  });

  it('stores title, subject and creator in the core properties', () => {
    const core = parts.get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:title>关于&lt;script&gt;督导&amp;整改&lt;/script&gt;的报告</dc:title>');
    expect(core).toContain('<dc:subject>专项督导报告</dc:subject>');
    expect(core).toContain('<dc:creator>上党区教育督导室</dc:creator>');
  });
});
