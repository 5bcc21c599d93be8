/**
 * Test helper: builds real zip archives byte by byte (local headers, deflated data, central
 * directory, End Of Central Directory, optional ZIP64 records), so the file guard's tests can
 * craft both valid files and hostile ones whose headers lie about their sizes.
 * Test-only; production code never writes zips.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** One archive member as the test wants it written. */
export interface TestZipEntry {
  name: string;
  data?: Buffer | string;
  /** 'deflate' (default) or 'store'. */
  method?: 'deflate' | 'store';
  /** Writes this uncompressed size into the headers instead of the real one (a bomb's lie). */
  declaredUncompressedSize?: number;
  /** Writes this compressed size into the central directory instead of the real one. */
  declaredCompressedSize?: number;
  /** Writes the central directory's local-header offset as this value instead of the real one. */
  declaredLocalOffset?: number;
}

export interface TestZipOptions {
  /** Archive comment after the End Of Central Directory record. */
  comment?: string;
  /** Always write ZIP64 end records (with 0xFFFF/0xFFFFFFFF markers in the classic record). */
  zip64End?: boolean;
}

const MAX32 = 0xffffffff;

function header(fields: Array<[bytes: 2 | 4 | 8, value: number]>): Buffer {
  const buf = Buffer.alloc(fields.reduce((sum, [bytes]) => sum + bytes, 0));
  let p = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) buf.writeUInt16LE(value, p);
    else if (bytes === 4) buf.writeUInt32LE(value, p);
    else buf.writeBigUInt64LE(BigInt(value), p);
    p += bytes;
  }
  return buf;
}

function zip64Extra(values: number[]): Buffer {
  if (values.length === 0) return Buffer.alloc(0);
  return header([[2, 1], [2, values.length * 8], ...values.map((v): [8, number] => [8, v])]);
}

/**
 * Builds a zip archive. Names are written as UTF-8 (flag bit 11). Sizes that do not fit in 32
 * bits are written ZIP64-style, so a 10 GB declared size is representable.
 *
 * @example buildZip([{ name: 'word/document.xml', data: '<w:document/>' }])
 */
export function buildZip(entries: TestZipEntry[], options: TestZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8');
    const method = entry.method === 'store' ? 0 : 8;
    const body = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const uncompressed = entry.declaredUncompressedSize ?? raw.length;
    const compressed = entry.declaredCompressedSize ?? body.length;
    const localOffset = entry.declaredLocalOffset ?? offset;
    const big = uncompressed >= MAX32 || compressed >= MAX32;
    const version = big ? 45 : 20;
    const common = (sizeU: number, sizeC: number): Array<[2 | 4, number]> => [
      [2, version],
      [2, 0x0800],
      [2, method],
      [2, 0],
      [2, 0x21],
      [4, crc32(raw)],
      [4, sizeC],
      [4, sizeU],
      [2, name.length],
    ];
    const localExtra = big ? zip64Extra([uncompressed, compressed]) : Buffer.alloc(0);
    const local = header([
      [4, 0x04034b50],
      ...common(big ? MAX32 : uncompressed, big ? MAX32 : compressed),
      [2, localExtra.length],
    ]);
    locals.push(local, name, localExtra, body);

    const wide = [uncompressed, compressed, localOffset].filter((value) => value >= MAX32);
    const centralExtra = zip64Extra(wide);
    const fit = (value: number) => (value >= MAX32 ? MAX32 : value);
    centrals.push(
      header([
        [4, 0x02014b50],
        [2, 0x0300 | version],
        ...common(fit(uncompressed), fit(compressed)),
        [2, centralExtra.length],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, 0],
        [4, fit(localOffset)],
      ]),
      name,
      centralExtra,
    );
    offset += local.length + name.length + localExtra.length + body.length;
  }

  const centralDirectory = Buffer.concat(centrals);
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const count = entries.length;
  const zip64 = options.zip64End === true || count >= 0xffff || offset >= MAX32;
  const ends: Buffer[] = [];
  if (zip64) {
    const recordOffset = offset + centralDirectory.length;
    ends.push(
      header([
        [4, 0x06064b50],
        [8, 44],
        [2, 45],
        [2, 45],
        [4, 0],
        [4, 0],
        [8, count],
        [8, count],
        [8, centralDirectory.length],
        [8, offset],
      ]),
      header([
        [4, 0x07064b50],
        [4, 0],
        [8, recordOffset],
        [4, 1],
      ]),
    );
  }
  ends.push(
    header([
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, zip64 ? 0xffff : count],
      [2, zip64 ? 0xffff : count],
      [4, zip64 ? MAX32 : centralDirectory.length],
      [4, zip64 ? MAX32 : offset],
      [2, comment.length],
    ]),
    comment,
  );
  return Buffer.concat([...locals, centralDirectory, ...ends]);
}
