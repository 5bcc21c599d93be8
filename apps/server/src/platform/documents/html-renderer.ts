/**
 * Renders an `OfficialDocument` as a self-contained HTML page for printing to PDF. Every piece
 * of document text is escaped; the page has no scripts and a Content-Security-Policy that forbids
 * them and any fetch, so a hostile title can neither run nor call out.
 */
import { formatDocumentDate, isAddressee, issuerFontSizePt, signatureIndents } from './document-layout.ts';
import type { DocumentBlock, OfficialDocument } from './document-model.ts';
import { DOCUMENT_CSS } from './html-styles.ts';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @example escapeHtml('<script>&') // '&lt;script&gt;&amp;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Escaped text with each `\n` as a line break. */
const lines = (text: string): string => text.split('\n').map(escapeHtml).join('<br>');

function block(item: DocumentBlock): string {
  switch (item.kind) {
    case 'heading':
      return `<h${item.level + 1}>${lines(item.text)}</h${item.level + 1}>`;
    case 'paragraph': {
      const align =
        item.align && item.align !== 'left' ? item.align : item.indent === false ? 'no-indent' : '';
      return item.text
        .split('\n')
        .map((text) => `<p${align ? ` class="${align}"` : ''}>${escapeHtml(text)}</p>`)
        .join('');
    }
    case 'table': {
      if (item.columns.length === 0) return '';
      const total = item.columns.reduce((sum, _, i) => sum + Math.max(0.0001, item.widths?.[i] ?? 1), 0);
      const cols = item.columns
        .map(
          (_, i) =>
            `<col style="width:${((Math.max(0.0001, item.widths?.[i] ?? 1) / total) * 100).toFixed(3)}%">`,
        )
        .join('');
      const head = item.columns.map((text) => `<th>${lines(text)}</th>`).join('');
      const body = item.rows
        .map((row) => `<tr>${item.columns.map((_, i) => `<td>${lines(row[i] ?? '')}</td>`).join('')}</tr>`)
        .join('');
      return `<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
    }
    case 'list':
      return `<ul>${item.items.map((text) => `<li>${lines(text)}</li>`).join('')}</ul>`;
    case 'pageBreak':
      return '<div class="page-break"></div>';
  }
}

function masthead(doc: OfficialDocument): string {
  if (!doc.issuer && !doc.documentNumber) return '';
  const issuer = doc.issuer
    ? `<div class="issuer" style="font-size:${issuerFontSizePt(doc.issuer)}pt;line-height:1.3">${escapeHtml(doc.issuer)}</div>`
    : '';
  const number = `<div class="doc-number">${doc.documentNumber ? escapeHtml(doc.documentNumber) : '&nbsp;'}</div>`;
  return `<header class="masthead">${issuer}${number}</header>`;
}

function closing(doc: OfficialDocument): string {
  const dateText = formatDocumentDate(doc.date, doc.lang);
  const indents = signatureIndents(doc.signature ?? '', dateText);
  const signature = doc.signature
    ? `<p class="signature" style="padding-right:${indents.signature}em">${escapeHtml(doc.signature)}</p>`
    : '';
  return `<div class="closing">${signature}<p class="date" style="padding-right:${indents.date}em">${escapeHtml(dateText)}</p></div>`;
}

/**
 * The whole document as an HTML string (A4 print stylesheet included, page numbers left to the
 * printer's footer). Throws DOCUMENT_RENDER_FAILED for an invalid date.
 *
 * @example await page.setContent(renderDocumentHtml(report)); await page.pdf({ preferCSSPageSize: true })
 */
export function renderDocumentHtml(doc: OfficialDocument): string {
  const subtitle = doc.subtitle
    ? `<p class="${isAddressee(doc.subtitle) ? 'addressee' : 'subtitle'}">${escapeHtml(doc.subtitle)}</p>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${doc.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(doc.title.replace(/\n/g, ''))}</title>`,
    `<style>${DOCUMENT_CSS}</style></head><body>`,
    masthead(doc),
    `<h1 class="title">${lines(doc.title)}</h1>`,
    subtitle,
    `<main class="body">${doc.blocks.map(block).join('')}</main>`,
    closing(doc),
    '</body></html>',
  ].join('');
}
