/**
 * Upload guards (SECURITY.md, "Input and files"): size limit, type by magic bytes rather than by
 * the name or Content-Type the client sent, and a zip-bomb guard for zip-based files that checks
 * the zip's directory (declared sizes) and then inflates each entry itself, capped at its declared
 * size, so an entry lying about its size is refused before any parser (ExcelJS/JSZip inflates
 * whole entries and only compares sizes afterwards) sees it.
 * Pure functions over a Buffer; storing the file under a generated name is the caller's job.
 */
import { inflateRawSync } from 'node:zlib';

/**
 * File kinds the platform recognises. `ole` is an OLE2 compound file (signature D0 CF 11 E0): the
 * legacy Office files (.doc, .xls, .ppt) and WPS Office's own (.wps, .et); `ofd` is a GB/T 33190
 * document, a zip with `OFD.xml` at its root.
 */
export type FileKind =
  'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'ole' | 'txt';

/** Workbooks imported in bulk (the teacher register, enrolment candidates): .xlsx only. */
export const IMPORT_KINDS: readonly FileKind[] = ['xlsx'];

/** Bounds on a zip's declared content; `maxRatio` is uncompressed ÷ compressed size per entry. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxRatio: number;
}

/** Defaults generous for real .xlsx/.docx files, far below what a zip bomb declares. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
};

/** Why `inspectZip` refused an archive. */
export type ZipErrorCode =
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_TOO_LARGE'
  | 'ZIP_RATIO'
  | 'ZIP_CORRUPT'
  | 'ZIP_UNSAFE_PATH'
  | 'ZIP_SIZE_MISMATCH';
/** Why `checkUpload` refused a file. */
export type UploadErrorCode =
  'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_TYPE_MISMATCH' | ZipErrorCode;

/** A refusal with its stable code and a message in each UI language. */
export type FileGuardError<Code extends string> = { ok: false; code: Code; zh: string; en: string };

/** `inspectZip`'s result: declared entry count and uncompressed bytes, or a refusal. */
export type ZipInspection =
  { ok: true; entries: number; uncompressed: number } | FileGuardError<ZipErrorCode>;
/** `checkUpload`'s result: what to store and serve the file as, or a refusal. */
export type UploadCheck =
  { ok: true; kind: FileKind; mime: string; extension: string } | FileGuardError<UploadErrorCode>;

const MESSAGES: Record<UploadErrorCode, [zh: string, en: string]> = {
  FILE_EMPTY: ['文件为空', 'The file is empty'],
  FILE_TOO_LARGE: ['文件超过大小限制', 'The file is larger than allowed'],
  FILE_TYPE_NOT_ALLOWED: ['不支持此类型的文件', 'This type of file is not accepted here'],
  FILE_TYPE_MISMATCH: ['文件内容与扩展名不符', 'The file content does not match its extension'],
  ZIP_TOO_MANY_ENTRIES: ['压缩包内文件过多', 'The archive contains too many files'],
  ZIP_TOO_LARGE: ['压缩包解压后过大', 'The archive would be too large once extracted'],
  ZIP_RATIO: ['压缩包压缩比异常，疑似压缩炸弹', 'Suspicious compression ratio (possible zip bomb)'],
  ZIP_CORRUPT: ['压缩包已损坏或格式不受支持', 'The archive is damaged or in an unsupported format'],
  ZIP_UNSAFE_PATH: ['压缩包内含有不安全的文件路径', 'The archive contains an unsafe file path'],
  ZIP_SIZE_MISMATCH: [
    '压缩包内文件的实际大小与声明不符，疑似压缩炸弹',
    'An archive entry is not the size it declares (possible zip bomb)',
  ],
};

function fail<Code extends UploadErrorCode>(code: Code): FileGuardError<Code> {
  const [zh, en] = MESSAGES[code];
  return { ok: false, code, zh, en };
}

/** Accepted extensions per kind, with the MIME type to serve each as. */
export const EXTENSIONS: Record<FileKind, Record<string, string>> = {
  pdf: { pdf: 'application/pdf' },
  png: { png: 'image/png' },
  jpeg: { jpg: 'image/jpeg', jpeg: 'image/jpeg' },
  gif: { gif: 'image/gif' },
  webp: { webp: 'image/webp' },
  zip: { zip: 'application/zip' },
  docx: { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  ofd: { ofd: 'application/ofd' },
  ole: {
    doc: 'application/msword',
    xls: 'application/vnd.ms-excel',
    ppt: 'application/vnd.ms-powerpoint',
    wps: 'application/kswps',
    et: 'application/kset',
  },
  txt: { txt: 'text/plain', csv: 'text/csv' },
};

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
/** Entries this small cannot hurt whatever their ratio, and tiny XML parts often exceed 100:1. */
const RATIO_GRACE_BYTES = 64 * 1024;

type CentralEntry = {
  name: string;
  flags: number;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
};
type Directory = { entries: CentralEntry[]; cdOffset: number } | { error: ZipErrorCode };

class Corrupt extends Error {}

function u64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Corrupt();
  return Number(value);
}

/** Reads the End Of Central Directory (and its ZIP64 form) to find the central directory. */
function readEnd(buf: Buffer): { declared: number; cdOffset: number; cdSize: number; eocd: number } {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff) && eocd < 0; i--) {
    // The record must end exactly at the end of the file, so trailing data cannot hide a second one.
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) eocd = i;
  }
  if (eocd < 0 || buf.readUInt16LE(eocd + 4) !== 0 || buf.readUInt16LE(eocd + 6) !== 0) throw new Corrupt();
  let declared = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (declared === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== SIG_ZIP64_LOCATOR) throw new Corrupt();
    const record = u64(buf, locator + 8);
    if (record + 56 > locator || buf.readUInt32LE(record) !== SIG_ZIP64_EOCD) throw new Corrupt();
    declared = u64(buf, record + 32);
    cdSize = u64(buf, record + 40);
    cdOffset = u64(buf, record + 48);
    eocd = record;
  }
  if (cdOffset + cdSize > eocd) throw new Corrupt();
  return { declared, cdOffset, cdSize, eocd };
}

/** Reads the ZIP64 extended-information extra field (id 1) over the 32-bit sizes it replaces. */
function applyZip64(buf: Buffer, start: number, end: number, entry: CentralEntry): void {
  for (let p = start; p + 4 <= end;) {
    const id = buf.readUInt16LE(p);
    const size = buf.readUInt16LE(p + 2);
    let q = p + 4;
    if (q + size > end) throw new Corrupt();
    if (id === 1) {
      for (const field of ['uncompressed', 'compressed', 'localOffset'] as const) {
        if (entry[field] !== 0xffffffff) continue;
        if (q + 8 > p + 4 + size) throw new Corrupt();
        entry[field] = u64(buf, q);
        q += 8;
      }
    }
    p += 4 + size;
  }
}

/** Walks the central directory headers, stopping early once more entries are declared than allowed. */
function readDirectory(buf: Buffer, maxEntries: number): Directory {
  try {
    const end = readEnd(buf);
    if (end.declared > maxEntries) return { error: 'ZIP_TOO_MANY_ENTRIES' };
    const entries: CentralEntry[] = [];
    const cdEnd = end.cdOffset + end.cdSize;
    for (let p = end.cdOffset; p < cdEnd;) {
      if (p + 46 > cdEnd || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new Corrupt();
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const next = p + 46 + nameLength + extraLength + buf.readUInt16LE(p + 32);
      if (next > cdEnd || buf.readUInt16LE(p + 34) !== 0) throw new Corrupt();
      const utf8 = (buf.readUInt16LE(p + 8) & 0x0800) !== 0;
      const entry: CentralEntry = {
        name: buf.toString(utf8 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
        flags: buf.readUInt16LE(p + 8),
        method: buf.readUInt16LE(p + 10),
        compressed: buf.readUInt32LE(p + 20),
        uncompressed: buf.readUInt32LE(p + 24),
        localOffset: buf.readUInt32LE(p + 42),
      };
      applyZip64(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength, entry);
      entries.push(entry);
      if (entries.length > end.declared) throw new Corrupt();
      p = next;
    }
    if (entries.length !== end.declared) throw new Corrupt();
    return { entries, cdOffset: end.cdOffset };
  } catch (error) {
    if (error instanceof Corrupt || error instanceof RangeError) return { error: 'ZIP_CORRUPT' };
    throw error;
  }
}

function isUnsafePath(name: string): boolean {
  return name.includes('..') || /^[/\\]/.test(name) || /^[A-Za-z]:/.test(name) || name.includes('\0');
}

/**
 * Checks that every entry's local header is where the directory says and that no two entries'
 * data overlap: overlapping entries are how "non-recursive" zip bombs reuse one compressed kernel.
 */
function checkLayout(buf: Buffer, entries: CentralEntry[], cdOffset: number): boolean {
  const spans = entries.map((entry) => {
    const p = entry.localOffset;
    if (p + 30 > cdOffset || buf.readUInt32LE(p) !== SIG_LOCAL) return null;
    const dataStart = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    return { start: p, end: dataStart + entry.compressed };
  });
  if (spans.some((span) => span === null || span.end > cdOffset)) return false;
  const sorted = (spans as Array<{ start: number; end: number }>).sort((a, b) => a.start - b.start);
  return sorted.every((span, i) => i === 0 || span.start >= sorted[i - 1]!.end);
}

/** Where an entry's compressed data starts (after its local header); `checkLayout` vouched for it. */
function dataStart(buf: Buffer, entry: CentralEntry): number {
  const p = entry.localOffset;
  return p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
}

/**
 * Inflates one deflated entry, stopping one byte past its declared size: its data when its real
 * size is the declared one, else null. Declared sizes were already bounded by
 * `maxUncompressedBytes`, so the whole archive never inflates to more than that (plus one byte per
 * entry).
 */
function inflateToDeclaredSize(buf: Buffer, entry: CentralEntry): Buffer | null {
  const start = dataStart(buf, entry);
  const data = buf.subarray(start, start + entry.compressed);
  if (entry.method === 0) return data;
  try {
    const out = inflateRawSync(data, { maxOutputLength: entry.uncompressed + 1 });
    return out.length === entry.uncompressed ? out : null;
  } catch {
    // Past the cap (ERR_BUFFER_TOO_LARGE) or not valid deflate data: either way not what it declares.
    return null;
  }
}

/**
 * `inspectZip`'s checks, keeping the inflated data of the entries `keep` picks (each entry is
 * inflated once, by the check itself).
 */
function checkZip(
  buf: Buffer,
  limits: ZipLimits,
  keep: (name: string) => boolean,
):
  | { ok: true; entries: number; uncompressed: number; kept: Map<string, Buffer> }
  | FileGuardError<ZipErrorCode> {
  const directory = readDirectory(buf, limits.maxEntries);
  if ('error' in directory) return fail(directory.error);
  const { entries, cdOffset } = directory;
  if (entries.some((entry) => isUnsafePath(entry.name))) return fail('ZIP_UNSAFE_PATH');
  const storedMismatch = entries.some(
    (entry) => entry.method === 0 && entry.compressed !== entry.uncompressed,
  );
  if (storedMismatch || !checkLayout(buf, entries, cdOffset)) return fail('ZIP_CORRUPT');
  const uncompressed = entries.reduce((sum, entry) => sum + entry.uncompressed, 0);
  if (uncompressed > limits.maxUncompressedBytes) return fail('ZIP_TOO_LARGE');
  const tooDense = entries.some(
    (entry) =>
      entry.uncompressed > RATIO_GRACE_BYTES && entry.uncompressed > entry.compressed * limits.maxRatio,
  );
  if (tooDense) return fail('ZIP_RATIO');
  const unsupported = entries.some(
    (entry) => (entry.method !== 0 && entry.method !== 8) || (entry.flags & 0x0001) !== 0,
  );
  if (unsupported) return fail('ZIP_CORRUPT');
  const kept = new Map<string, Buffer>();
  let twice = false;
  for (const entry of entries) {
    const data = inflateToDeclaredSize(buf, entry);
    if (data === null) return fail('ZIP_SIZE_MISMATCH');
    if (!keep(entry.name)) continue;
    // Two entries of one name: which one a reader sees would be a guess.
    if (kept.has(entry.name)) twice = true;
    kept.set(entry.name, data);
  }
  if (twice) return fail('ZIP_CORRUPT');
  return { ok: true, entries: entries.length, uncompressed, kept };
}

/**
 * Inspects a zip (also .xlsx, .docx, .pptx, .ofd) before anyone extracts it: from the directory, entry
 * count, total declared uncompressed size, per-entry compression ratio, path traversal (`..`,
 * absolute paths) and a consistent layout; then every entry is inflated here, capped at its
 * declared size, and refused (`ZIP_SIZE_MISMATCH`) unless it is exactly that size. Only stored
 * and deflated entries are accepted (what Office writes); encrypted ones are refused.
 *
 * @example inspectZip(buffer) // { ok: true, entries: 12, uncompressed: 48213 }
 */
export function inspectZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipInspection {
  const checked = checkZip(buf, limits, () => false);
  return checked.ok ? { ok: true, entries: checked.entries, uncompressed: checked.uncompressed } : checked;
}

/**
 * The entries of a zip that `inspectZip` accepts, inflated (capped at their declared sizes, which
 * it bounded), for the names `wanted` picks; or its refusal. For readers of an upload that the
 * guard has passed (the import's .xlsx): they read what the guard checked, by the central
 * directory, in memory, never extracting to disk; each entry is inflated once, by the check.
 *
 * @example extractZipEntries(buffer, (name) => name.startsWith('xl/')) // { ok: true, entries: Map {…} }
 */
export function extractZipEntries(
  buf: Buffer,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): { ok: true; entries: Map<string, Buffer> } | FileGuardError<ZipErrorCode> {
  const checked = checkZip(buf, limits, wanted);
  return checked.ok ? { ok: true, entries: checked.kept } : checked;
}

function startsWith(head: Buffer, bytes: number[], at = 0): boolean {
  return head.length >= at + bytes.length && bytes.every((byte, i) => head[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * Tells an Office Open XML file from a plain zip by its top-level part folder, and an OFD file
 * (GB/T 33190) by its `OFD.xml` entry at the root; a zip that is both is neither.
 */
function zipKind(buf: Buffer): FileKind {
  const directory = readDirectory(buf, Number.MAX_SAFE_INTEGER);
  if ('error' in directory) return 'zip';
  const families = (['docx', 'xlsx', 'pptx', 'ofd'] as const).filter((kind) => {
    if (kind === 'ofd') return directory.entries.some((entry) => entry.name === 'OFD.xml');
    const folder = { docx: 'word/', xlsx: 'xl/', pptx: 'ppt/' }[kind];
    return directory.entries.some((entry) => entry.name.startsWith(folder));
  });
  return families.length === 1 ? families[0]! : 'zip';
}

const TEXT_DECODE_BYTES = 64 * 1024;

/**
 * Text: no NUL or control bytes other than tab, line feed, form feed and carriage return, and
 * its first 64 KiB decodable as UTF-8 or as GB18030 (what Excel in China saves CSV as). Decoding
 * in stream mode lets a head cut in the middle of a character still pass.
 */
function isText(buf: Buffer): boolean {
  const isControl = (byte: number) =>
    (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f;
  if (buf.some(isControl)) return false;
  return ['utf-8', 'gb18030'].some((encoding) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(buf.subarray(0, TEXT_DECODE_BYTES), { stream: true });
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Identifies a file by its leading magic bytes, ignoring its name. Zip-based Office files are
 * told apart by the `word/`, `xl/` or `ppt/` entries of the central directory at the end of the
 * file, so pass the whole buffer for those; given only a head, they report as `zip`.
 * Returns null for anything else (executables, HTML with binary bytes, unknown formats).
 *
 * @example sniffFileType(Buffer.from('%PDF-1.4\n')) // 'pdf'
 */
export function sniffFileType(head: Buffer): FileKind | null {
  if (head.length === 0) return null;
  if (startsWith(head, ascii('%PDF-'))) return 'pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return zipKind(head);
  return isText(head) ? 'txt' : null;
}

/** The lowercase extension of a client-supplied name (any directory part ignored), or ''. */
function extensionOf(declaredName: string): string {
  const base = declaredName.trim().split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Decides whether an upload may be stored: not empty, within `maxBytes`, of a kind in `allowed`
 * by its magic bytes, with an extension that matches that kind (a PNG named `.pdf` is refused),
 * and, for zip-based kinds, passing `inspectZip`. On success returns the kind, the MIME type to
 * serve it with and the (lowercase) extension to store it under.
 *
 * @example
 * checkUpload({ buffer, declaredName: '名单.xlsx', allowed: ['xlsx', 'txt'], maxBytes: 10 << 20 })
 * // { ok: true, kind: 'xlsx', mime: 'application/vnd.openxmlformats-…sheet', extension: 'xlsx' }
 */
export function checkUpload(input: {
  buffer: Buffer;
  declaredName: string;
  allowed: readonly FileKind[];
  maxBytes: number;
  zipLimits?: ZipLimits;
}): UploadCheck {
  const { buffer, declaredName, allowed, maxBytes } = input;
  if (buffer.length === 0) return fail('FILE_EMPTY');
  if (buffer.length > maxBytes) return fail('FILE_TOO_LARGE');
  const kind = sniffFileType(buffer);
  if (kind === null) return fail('FILE_TYPE_NOT_ALLOWED');
  const extension = extensionOf(declaredName);
  const mimes = EXTENSIONS[kind];
  // Own properties only, so a name ending in `.constructor` cannot reach Object.prototype.
  const mime = Object.hasOwn(mimes, extension) ? mimes[extension] : undefined;
  if (mime === undefined) return fail('FILE_TYPE_MISMATCH');
  if (!allowed.includes(kind)) return fail('FILE_TYPE_NOT_ALLOWED');
  if (kind === 'zip' || kind === 'docx' || kind === 'xlsx' || kind === 'pptx' || kind === 'ofd') {
    const zip = inspectZip(buffer, input.zipLimits);
    if (!zip.ok) return zip;
  }
  return { ok: true, kind, mime, extension };
}
