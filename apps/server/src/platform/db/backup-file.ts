import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { ERROR_MESSAGES, type ErrorCode } from '@zhijiao/contracts';
import { AppError } from '../errors/app-error.ts';

/**
 * A backup file: gzip of JSON lines. The first line is the header; then, table by table in
 * dependency order, one line per row (`{"t":"org_unit","r":{…}}`, the row as PostgreSQL's
 * `to_jsonb` wrote it) and after each table's rows a line with its row count and the SHA-256 of
 * its row lines (`{"end":"org_unit","rows":23,"sha256":"…"}`). The checksums come after the rows so
 * the file can be written as the rows are read, in constant memory.
 */
export const BACKUP_FORMAT = 'zhijiao-backup/2';
/** The format before streaming: every table's count and checksum in the header. Still restored. */
const BACKUP_FORMAT_1 = 'zhijiao-backup/1';

export interface BackupTable {
  name: string;
  rows: number;
  sha256: string;
}

/** What `backupDatabase` wrote or `restoreDatabase` read. */
export interface BackupSummary {
  format: string;
  createdAt: string;
  /** The migrations applied to the database backed up: a restore needs a target at this level. */
  migrations: string[];
  tables: BackupTable[];
}

/** The first line of a backup file, as read. */
export interface BackupHeader {
  format: string;
  createdAt: string;
  migrations: string[];
  /** The tables in the order their rows follow. */
  tables: string[];
  /** Each owned sequence's next value (`table.column` → n) when the backup began; none in format 1. */
  sequences: Record<string, number>;
  /** Format 1 only: each table's count and checksum, known from the header. */
  expected: Map<string, BackupTable> | null;
}

/** The header line a backup starts with. */
export function headerLine(header: Omit<BackupHeader, 'expected' | 'format'>): string {
  const { createdAt, migrations, tables, sequences } = header;
  return JSON.stringify({ format: BACKUP_FORMAT, createdAt, migrations, tables, sequences });
}

/** One row's line; `row` is JSON text as the database wrote it (numbers keep their digits). */
export const rowLine = (table: string, row: string): string => `{"t":${JSON.stringify(table)},"r":${row}}`;

/** The line after a table's rows: their count and checksum. */
export const endLine = (t: BackupTable): string =>
  JSON.stringify({ end: t.name, rows: t.rows, sha256: t.sha256 });

/** An error of a backup or restore, its message in Chinese and English. */
export function backupError(code: ErrorCode, zh: string, en: string, details?: unknown): AppError {
  return new AppError(code, code === 'BACKUP_TARGET_NOT_EMPTY' ? 409 : 400, details, `${zh} / ${en}`);
}

/** The file is damaged or cut short: nothing of it was kept. */
export function damaged(zh: string, en: string): AppError {
  return backupError(
    'BACKUP_FILE_DAMAGED',
    `${ERROR_MESSAGES.BACKUP_FILE_DAMAGED.zh}（${zh}）`,
    `${ERROR_MESSAGES.BACKUP_FILE_DAMAGED.en} (${en})`,
  );
}

/** Reads a header line, or refuses a file that is not a Zhijiao backup of a known format. */
export function parseHeader(line: string | undefined): BackupHeader {
  let raw: Record<string, unknown> | null = null;
  try {
    raw = line ? (JSON.parse(line) as Record<string, unknown>) : null;
  } catch {
    raw = null;
  }
  const format = typeof raw?.format === 'string' ? raw.format : null;
  if (
    !raw ||
    (format !== BACKUP_FORMAT && format !== BACKUP_FORMAT_1) ||
    !Array.isArray(raw.migrations) ||
    !Array.isArray(raw.tables)
  )
    throw backupError(
      'BACKUP_FILE_UNSUPPORTED',
      `${ERROR_MESSAGES.BACKUP_FILE_UNSUPPORTED.zh}（文件头为 ${format ?? '无'}，本版本可读 ${BACKUP_FORMAT} 与 ${BACKUP_FORMAT_1}）`,
      `${ERROR_MESSAGES.BACKUP_FILE_UNSUPPORTED.en} (its header says ${format ?? 'nothing'}; this version reads ${BACKUP_FORMAT} and ${BACKUP_FORMAT_1})`,
    );
  const header = {
    format,
    createdAt: String(raw.createdAt),
    migrations: raw.migrations as string[],
  };
  if (format === BACKUP_FORMAT)
    return {
      ...header,
      tables: raw.tables as string[],
      sequences: (raw.sequences ?? {}) as Record<string, number>,
      expected: null,
    };
  const tables = raw.tables as BackupTable[];
  return {
    ...header,
    tables: tables.map((t) => t.name),
    sequences: {},
    expected: new Map(tables.map((t) => [t.name, t])),
  };
}

const ROW_PREFIX = /^\{"t":"([a-z_][a-z0-9_]*)","r":/;

export type BackupLine =
  { kind: 'row'; table: string; row: string } | { kind: 'end'; table: BackupTable } | { kind: 'other' };

/**
 * One line after the header. A row's JSON is passed on as text, unparsed: the database reads it,
 * so numeric digits and 64-bit integers come back exactly.
 */
export function parseLine(line: string): BackupLine {
  const row = ROW_PREFIX.exec(line);
  if (row && line.endsWith('}')) return { kind: 'row', table: row[1]!, row: line.slice(row[0].length, -1) };
  try {
    const end = JSON.parse(line) as { end?: unknown; rows?: unknown; sha256?: unknown };
    if (typeof end.end === 'string' && typeof end.rows === 'number' && typeof end.sha256 === 'string')
      return { kind: 'end', table: { name: end.end, rows: end.rows, sha256: end.sha256 } };
  } catch {
    // Not JSON: reported below like any other line that is neither a row nor a table's end.
  }
  return { kind: 'other' };
}

/** Refuses a file that is not gzip at all before reading it as a backup. */
export function checkGzipMagic(file: string): void {
  const fd = fs.openSync(file, 'r');
  const magic = Buffer.alloc(2);
  try {
    fs.readSync(fd, magic, 0, 2, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (magic[0] !== 0x1f || magic[1] !== 0x8b)
    throw backupError(
      'BACKUP_FILE_UNSUPPORTED',
      `${ERROR_MESSAGES.BACKUP_FILE_UNSUPPORTED.zh}（不是 gzip 文件）`,
      `${ERROR_MESSAGES.BACKUP_FILE_UNSUPPORTED.en} (not a gzip file)`,
    );
}

/**
 * The lines of a gzip file, read as a stream: memory holds one chunk and one line, whatever the
 * file's size. A gzip error (a damaged or cut file) is thrown as BACKUP_FILE_DAMAGED.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw damaged('gzip 数据无法解压', `its gzip data cannot be read: ${(error as Error).message}`);
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  rest += decoder.end();
  if (rest) yield rest;
}
