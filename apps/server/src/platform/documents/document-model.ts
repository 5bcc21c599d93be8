/**
 * One model for every generated official document (督导报告, 会议纪要, 采纳情况说明 …). Modules
 * build an `OfficialDocument` from their records with a pure function; the renderers in this
 * folder turn it into DOCX (公文 layout per GB/T 9704) and PDF (HTML printed by headless Chromium).
 * Nothing here knows which module a document comes from.
 */
export type DocumentBlock =
  /** Level 1 = 一、 (黑体), level 2 = （一） (楷体), level 3 = 1. (仿宋 bold). Numbering is the caller's text. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Body text (仿宋, first-line indent of two characters unless `indent: false`). */
  | { kind: 'paragraph'; text: string; align?: 'left' | 'center' | 'right'; indent?: boolean }
  /** A table with a header row; `widths` are relative column widths. */
  | { kind: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  /** Items rendered one per line, each as given (the caller numbers them if it wants). */
  | { kind: 'list'; items: string[] }
  | { kind: 'pageBreak' };

export interface OfficialDocument {
  /** 标题, centred (小标宋 / 黑体 二号). */
  title: string;
  /** 发文机关 shown above the title, e.g. 长治市上党区人民政府教育督导室. */
  issuer?: string;
  /** 发文字号, e.g. 上党督〔2026〕3号. */
  documentNumber?: string;
  /** 主送机关 or a subtitle line under the title. */
  subtitle?: string;
  /** 成文日期 `YYYY-MM-DD`, printed as 2026年11月29日 under the signature. */
  date: string;
  /** 落款 (signing unit), right-aligned above the date. */
  signature?: string;
  blocks: DocumentBlock[];
  /** Language of fixed words the renderer adds (page numbers, date format). */
  lang: 'zh' | 'en';
  /** Document metadata: stored in DOCX core properties and the PDF title. */
  meta?: { subject?: string; author?: string };
}

/** What a module needs from the document platform. */
export interface DocumentRenderer {
  docx(doc: OfficialDocument): Promise<Buffer>;
  pdf(doc: OfficialDocument): Promise<Buffer>;
}
