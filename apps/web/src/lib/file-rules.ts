/**
 * Evidence file types the server accepts (it checks again by magic bytes): PDF, images, Word and
 * Excel old and new, WPS Office (.wps, .et) and OFD (GB/T 33190).
 */
export const ALLOWED_EXTENSIONS = [
  'pdf',
  'ofd',
  'png',
  'jpg',
  'jpeg',
  'doc',
  'docx',
  'wps',
  'xls',
  'xlsx',
  'et',
  'ppt',
] as const;
/** Largest evidence file: 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The `accept` attribute of the file picker. */
export const ACCEPT = ALLOWED_EXTENSIONS.map((ext) => `.${ext}`).join(',');

/**
 * The browser-side check before an upload starts: a known extension and at most 20 MB.
 *
 * @example checkFile({ name: 'report.PDF', size: 1024 }) // null (fine)
 * @example checkFile({ name: 'run.exe', size: 10 }) // 'type'
 */
export function checkFile(file: { name: string; size: number }): 'type' | 'size' | null {
  const dot = file.name.lastIndexOf('.');
  const ext = dot >= 0 ? file.name.slice(dot + 1).toLowerCase() : '';
  if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(ext)) return 'type';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}
