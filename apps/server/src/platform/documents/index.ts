/**
 * The document platform: modules build an `OfficialDocument` with a pure function and hand it to
 * a `DocumentRenderer` for DOCX (GB/T 9704 公文 layout) or PDF (the same layout printed by
 * headless Chromium). Create one renderer per process and close it on shutdown.
 */
import type { DocumentRenderer, OfficialDocument } from './document-model.ts';
import { pageNumberAffixes } from './document-layout.ts';
import { renderDocx } from './docx-renderer.ts';
import { renderDocumentHtml } from './html-renderer.ts';
import { footerTemplate } from './html-styles.ts';
import { createPdfPrinter, type PdfPrinterOptions } from './pdf-printer.ts';

export type { DocumentBlock, DocumentRenderer, OfficialDocument } from './document-model.ts';
export { formatDocumentDate } from './document-layout.ts';
export { escapeHtml, renderDocumentHtml } from './html-renderer.ts';
export { renderDocx } from './docx-renderer.ts';

/** A renderer that owns a headless browser; `close()` frees it. */
export interface ClosableDocumentRenderer extends DocumentRenderer {
  close(): Promise<void>;
}

/**
 * Creates the renderer. DOCX needs nothing; PDF starts Chromium (opts.chromiumPath, else
 * ZHIJIAO_CHROMIUM, else /usr/bin/chromium) on first use and fails with DOCUMENT_RENDER_FAILED
 * when it is missing or a print takes longer than 30 s.
 *
 * @example
 * const renderer = createDocumentRenderer();
 * const pdf = await renderer.pdf(buildSupervisionReport(inspection));
 * const docx = await renderer.docx(buildSupervisionReport(inspection));
 * await renderer.close();
 */
export function createDocumentRenderer(
  opts: { chromiumPath?: string } & Pick<PdfPrinterOptions, 'timeoutMs' | 'maxConcurrentPages'> = {},
): ClosableDocumentRenderer {
  const printer = createPdfPrinter(opts);
  return {
    docx: (doc: OfficialDocument) => renderDocx(doc),
    async pdf(doc: OfficialDocument) {
      const [before, after] = pageNumberAffixes(doc.lang);
      return printer.print({ html: renderDocumentHtml(doc), footerTemplate: footerTemplate(before, after) });
    },
    close: () => printer.close(),
  };
}
