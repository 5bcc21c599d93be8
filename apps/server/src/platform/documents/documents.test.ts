import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFontConfig } from './font-config.ts';
import { createDocumentRenderer } from './index.ts';
import { sampleSupervisionReport } from './sample-document.ts';

const run = promisify(execFile);
const hasTool = (tool: string): boolean => {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Text of a PDF by poppler's pdftotext (CI installs poppler-utils). */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zhijiao-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
    const { stdout: info } = await run('pdfinfo', [file]);
    return { text, pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0) };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

// Chromium starting and printing on a loaded machine (load 15 seen) passed the 30 s default, which
// is also the printer's own budget for a print: the test's budget catches only a hang.
describe('PDF rendering in headless Chromium', { timeout: 120_000 }, () => {
  const renderer = createDocumentRenderer();
  afterAll(() => renderer.close());

  it('prints a three-page 督导报告 with its Chinese title and table', async () => {
    const pdf = await renderer.pdf(sampleSupervisionReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pageObjects = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pageObjects.length).toBeGreaterThanOrEqual(2);
    if (!hasTool('pdftotext')) return;
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('关于上党区推进职业教育改革发展行动计划');
    expect(text).toContain('2026年第三季度专项督导情况的报告');
    expect(text).toContain('高素质农民培育');
    expect(text).toContain('整改状态');
    expect(text).toContain('2026年11月29日');
    expect(text).toMatch(/—\s*2\s*—/);
  });

  it('prints hostile text as text: nothing in the document runs', async () => {
    const doc = {
      ...sampleSupervisionReport(),
      title: '<script>document.title="x"</script>督导 & 整改',
      blocks: [{ kind: 'paragraph' as const, text: '<img src=x onerror="throw 1">结束' }],
    };
    const pdf = await renderer.pdf(doc);
    if (!hasTool('pdftotext')) return;
    const { text } = await pdfText(pdf);
    expect(text).toContain('<script>document.title="x"</script>');
    expect(text).toContain('<img src=x onerror="throw 1">结束');
  });

  it('serves prints that arrive together from one browser, one page at a time', async () => {
    const pdfs = await Promise.all([1, 2, 3].map(() => renderer.pdf(sampleSupervisionReport())));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('starts a new browser for a print after close()', async () => {
    await renderer.close();
    const pdf = await renderer.pdf(sampleSupervisionReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('fails with DOCUMENT_RENDER_FAILED when Chromium is missing, while DOCX still works', async () => {
    const missing = createDocumentRenderer({ chromiumPath: '/nonexistent/chromium' });
    await expect(missing.pdf(sampleSupervisionReport())).rejects.toMatchObject({
      code: 'DOCUMENT_RENDER_FAILED',
      status: 503,
      details: { reason: 'CHROMIUM_MISSING' },
    });
    const docx = await missing.docx(sampleSupervisionReport());
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    await missing.close();
  });

  it('fails with DOCUMENT_RENDER_FAILED when a print takes too long', async () => {
    const slow = createDocumentRenderer({ timeoutMs: 50 });
    await expect(slow.pdf(sampleSupervisionReport())).rejects.toMatchObject({
      code: 'DOCUMENT_RENDER_FAILED',
      details: { reason: 'TIMEOUT' },
    });
    await slow.close();
  });
});

describe('fontconfig for the official font names', () => {
  it.runIf(hasTool('fc-match'))(
    'maps 仿宋_GB2312 and 方正小标宋简体 to Noto Serif CJK SC, 楷体 to AR PL KaitiM GB where installed, 黑体 to Noto Sans CJK SC',
    async () => {
      const config = await writeFontConfig();
      try {
        const env = { ...process.env, FONTCONFIG_FILE: config.file };
        const family = async (name: string) =>
          (await run('fc-match', ['-f', '%{family[0]}', name], { env })).stdout;
        expect(await family('仿宋_GB2312')).toBe('Noto Serif CJK SC');
        // CI installs fonts-arphic-gkai00mp (a Kai face covering GB2312); without it 楷体 falls to Noto Serif.
        const kai = (await run('fc-list', [':family=AR PL KaitiM GB', 'family'])).stdout.trim() !== '';
        expect(await family('楷体_GB2312')).toBe(kai ? 'AR PL KaitiM GB' : 'Noto Serif CJK SC');
        expect(await family('方正小标宋简体')).toBe('Noto Serif CJK SC');
        expect(await family('黑体')).toBe('Noto Sans CJK SC');
        expect(await family('SimSun')).toBe('Noto Serif CJK SC');
      } finally {
        await config.dispose();
      }
    },
  );
});
