import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { chromiumEnvironment, createPdfPrinter } from './pdf-printer.ts';

const job = { html: '<p>x</p>', footerTemplate: '<span></span>' };
const reasonOf = (e: unknown) =>
  e instanceof AppError ? (e.details as { reason: string }).reason : String(e);

describe('PDF printer queue', () => {
  it('refuses (503 BUSY) a print beyond the default 8 waiting behind the one printing', async () => {
    // A missing Chromium makes the prints fail fast; what matters is how many may wait.
    const printer = createPdfPrinter({ chromiumPath: '/nonexistent/chromium' });
    const settled = await Promise.allSettled(Array.from({ length: 11 }, () => printer.print(job)));
    const reasons = settled.map((s) => (s.status === 'rejected' ? reasonOf(s.reason) : 'printed'));
    expect(reasons.slice(0, 9)).toEqual(Array(9).fill('CHROMIUM_MISSING'));
    expect(reasons.slice(9)).toEqual(['BUSY', 'BUSY']);
    const busy = (settled[9] as PromiseRejectedResult).reason as AppError;
    expect(busy).toMatchObject({ code: 'DOCUMENT_RENDER_FAILED', status: 503 });
    // The queue drains: a later print is accepted again.
    await expect(printer.print(job)).rejects.toMatchObject({ details: { reason: 'CHROMIUM_MISSING' } });
    await printer.close();
  });

  it('honours a configured queue length', async () => {
    const printer = createPdfPrinter({ chromiumPath: '/nonexistent/chromium', maxQueued: 1 });
    const settled = await Promise.allSettled([1, 2, 3].map(() => printer.print(job)));
    expect(settled.map((s) => (s.status === 'rejected' ? reasonOf(s.reason) : 'printed'))).toEqual([
      'CHROMIUM_MISSING',
      'CHROMIUM_MISSING',
      'BUSY',
    ]);
  });
});

describe('Chromium’s environment', () => {
  it('holds the few variables Chromium needs and the font configuration, never the server’s secrets', () => {
    const env = chromiumEnvironment(
      {
        PATH: '/usr/bin',
        HOME: '/root',
        LANG: 'C.UTF-8',
        ZHIJIAO_SECRET_KEY: 'a'.repeat(64),
        DATABASE_URL: 'postgresql://app:secret@db/zhijiao',
        FONTCONFIG_FILE: '/etc/fonts/fonts.conf',
      },
      '/tmp/zj-fonts/fonts.conf',
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/root',
      LANG: 'C.UTF-8',
      FONTCONFIG_FILE: '/tmp/zj-fonts/fonts.conf',
    });
  });
});
