import { describe, it, expect } from 'vitest';
import { checkUpload, inspectZip, sniffFileType, type FileKind } from './file-guard.ts';
import { buildZip } from './test-zip.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('\0\0\0\rIHDR'),
]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const PDF = Buffer.from(
  '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n',
  'latin1',
);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const GBK_CSV = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd1, 0xa7, 0xba, 0xc5, 0x0d, 0x0a]); // 姓名,学号\r\n in GBK
const GB = 1024 * 1024 * 1024;

function officeZip(folder: string): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: `${folder}document.xml`, data: '<doc>'.padEnd(2000, 'x') },
  ]);
}

describe('sniffFileType', () => {
  it.each<[string, Buffer, FileKind]>([
    ['PNG', PNG, 'png'],
    ['JPEG', JPEG, 'jpeg'],
    ['GIF', GIF, 'gif'],
    ['WebP', WEBP, 'webp'],
    ['PDF', PDF, 'pdf'],
    ['OLE', OLE, 'ole'],
    ['a plain zip', buildZip([{ name: 'a.txt', data: 'hello' }]), 'zip'],
    ['an empty zip', buildZip([]), 'zip'],
    ['a docx', officeZip('word/'), 'docx'],
    ['an xlsx', officeZip('xl/'), 'xlsx'],
    ['a pptx', officeZip('ppt/'), 'pptx'],
    ['UTF-8 CSV with BOM', Buffer.from('\ufeff姓名,学号\r\n张三,001\r\n'), 'txt'],
    ['GBK CSV', GBK_CSV, 'txt'],
  ])('recognises %s', (_label, buf, kind) => {
    expect(sniffFileType(buf)).toBe(kind);
  });

  it('reports an Office file given only its head as a plain zip', () => {
    expect(sniffFileType(officeZip('xl/').subarray(0, 64))).toBe('zip');
  });

  it('does not call a zip naming two Office families an Office file', () => {
    expect(sniffFileType(buildZip([{ name: 'word/a.xml' }, { name: 'xl/b.xml' }]))).toBe('zip');
  });

  it.each([
    ['an empty buffer', Buffer.alloc(0)],
    ['a Windows executable', EXE],
    ['an ELF binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0])],
    ['text with a NUL byte', Buffer.from('name,id\n\0x')],
    ['text with an escape byte', Buffer.from('abc\x1b[31m')],
    ['bytes valid in neither UTF-8 nor GB18030', Buffer.from([0x41, 0xff, 0xfe, 0x41])],
    [
      'a RIFF that is not WebP',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVEfmt ')]),
    ],
  ])('returns null for %s', (_label, buf) => {
    expect(sniffFileType(buf)).toBeNull();
  });
});

describe('inspectZip', () => {
  it('counts entries and declared uncompressed bytes of a valid zip', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'hello' },
      { name: '目录/b.txt', data: 'x'.repeat(1000) },
      { name: 'c.bin', data: Buffer.from([1, 2, 3]), method: 'store' },
    ]);
    expect(inspectZip(zip)).toEqual({ ok: true, entries: 3, uncompressed: 1008 });
  });

  it('reads archives with a comment and with ZIP64 end records', () => {
    expect(
      inspectZip(buildZip([{ name: 'a.txt', data: 'hi' }], { comment: 'PK\x05\x06 fake' })),
    ).toMatchObject({ ok: true });
    expect(inspectZip(buildZip([{ name: 'a.txt', data: 'hi' }], { zip64End: true }))).toEqual({
      ok: true,
      entries: 1,
      uncompressed: 2,
    });
  });

  it('refuses an entry declaring 10 GB uncompressed, without inflating it', () => {
    const bomb = buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: '<x/>', declaredUncompressedSize: 10 * GB },
    ]);
    expect(bomb.length).toBeLessThan(1000);
    expect(inspectZip(bomb)).toMatchObject({ ok: false, code: 'ZIP_TOO_LARGE' });
  });

  it('refuses many entries whose declared sizes add up past the limit', () => {
    const entries = Array.from({ length: 30 }, (_, i) => ({
      name: `f${i}`,
      declaredUncompressedSize: 4 * 1024 * 1024,
    }));
    expect(inspectZip(buildZip(entries))).toMatchObject({ ok: false, code: 'ZIP_TOO_LARGE' });
  });

  it('refuses 5000 entries, and honours a custom entry limit', () => {
    const many = buildZip(
      Array.from({ length: 5000 }, (_, i) => ({ name: `f${i}.txt`, data: 'x', method: 'store' as const })),
    );
    expect(inspectZip(many)).toMatchObject({
      ok: false,
      code: 'ZIP_TOO_MANY_ENTRIES',
      zh: expect.any(String),
    });
    const small = buildZip([{ name: 'a' }, { name: 'b' }], { zip64End: true });
    const limits = { maxEntries: 1, maxUncompressedBytes: 1000, maxRatio: 100 };
    expect(inspectZip(small, limits)).toMatchObject({ ok: false, code: 'ZIP_TOO_MANY_ENTRIES' });
  });

  it('refuses a real high-ratio entry (1 MiB of zeros) but not a tiny one', () => {
    const dense = buildZip([{ name: 'zeros.bin', data: Buffer.alloc(1024 * 1024) }]);
    expect(dense.length).toBeLessThan(5000);
    expect(inspectZip(dense)).toMatchObject({ ok: false, code: 'ZIP_RATIO' });
    expect(inspectZip(buildZip([{ name: 'zeros.bin', data: Buffer.alloc(32 * 1024) }]))).toMatchObject({
      ok: true,
    });
    expect(
      inspectZip(dense, { maxEntries: 10, maxUncompressedBytes: 2 * 1024 * 1024, maxRatio: 2000 }),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    '../evil.sh',
    'xl/../../etc/cron.d/x',
    '/etc/passwd',
    '\\windows\\system32\\x.dll',
    'C:/x.txt',
    'a\0.txt',
    'a..b',
  ])('refuses the unsafe entry name %j', (name) => {
    expect(inspectZip(buildZip([{ name, data: 'x' }]))).toMatchObject({ ok: false, code: 'ZIP_UNSAFE_PATH' });
  });

  it.each([
    ['random bytes', Buffer.from('PK\x03\x04 this is not really a zip at all')],
    ['an empty buffer', Buffer.alloc(0)],
    ['a truncated archive', buildZip([{ name: 'a.txt', data: 'hello world' }]).subarray(0, 40)],
    [
      'data after the end record',
      Buffer.concat([buildZip([{ name: 'a.txt', data: 'x' }]), Buffer.from('junk')]),
    ],
    [
      'two entries overlapping one compressed kernel',
      buildZip([
        { name: 'a', data: 'x'.repeat(100) },
        { name: 'b', data: 'y', declaredLocalOffset: 0 },
      ]),
    ],
    ['a local-header offset pointing nowhere', buildZip([{ name: 'a', data: 'x', declaredLocalOffset: 5 }])],
    [
      'a compressed size running into the directory',
      buildZip([{ name: 'a', data: 'x', declaredCompressedSize: 5000 }]),
    ],
    [
      'a stored entry whose sizes disagree',
      buildZip([{ name: 'a', data: 'x', method: 'store', declaredUncompressedSize: 99 }]),
    ],
  ])('refuses %s as ZIP_CORRUPT', (_label, buf) => {
    expect(inspectZip(buf)).toMatchObject({ ok: false, code: 'ZIP_CORRUPT' });
  });

  it('refuses a central directory that holds fewer entries than the end record declares', () => {
    const zip = buildZip([
      { name: 'a', data: 'x' },
      { name: 'b', data: 'y' },
    ]);
    const eocd = zip.length - 22;
    zip.writeUInt16LE(3, eocd + 8);
    zip.writeUInt16LE(3, eocd + 10);
    expect(inspectZip(zip)).toMatchObject({ ok: false, code: 'ZIP_CORRUPT' });
  });
});

describe('checkUpload', () => {
  const images: FileKind[] = ['png', 'jpeg', 'gif', 'webp'];
  const maxBytes = 10 * 1024 * 1024;

  it('accepts a PDF, returning kind, MIME type and extension', () => {
    expect(checkUpload({ buffer: PDF, declaredName: '年度报告.PDF', allowed: ['pdf'], maxBytes })).toEqual({
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
      extension: 'pdf',
    });
  });

  it('accepts .jpg and .jpeg for a JPEG, and ignores a client-side path', () => {
    expect(
      checkUpload({ buffer: JPEG, declaredName: 'C:\\fakepath\\photo.jpeg', allowed: images, maxBytes }),
    ).toMatchObject({
      ok: true,
      kind: 'jpeg',
      mime: 'image/jpeg',
      extension: 'jpeg',
    });
    expect(checkUpload({ buffer: JPEG, declaredName: 'photo.jpg', allowed: images, maxBytes })).toMatchObject(
      { ok: true },
    );
  });

  it('accepts a valid xlsx and a GBK CSV for an import', () => {
    const allowed: FileKind[] = ['xlsx', 'txt'];
    expect(
      checkUpload({ buffer: officeZip('xl/'), declaredName: '名单.xlsx', allowed, maxBytes }),
    ).toMatchObject({
      ok: true,
      kind: 'xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(checkUpload({ buffer: GBK_CSV, declaredName: '名单.csv', allowed, maxBytes })).toMatchObject({
      ok: true,
      kind: 'txt',
      mime: 'text/csv',
      extension: 'csv',
    });
  });

  it('refuses an empty file and one over the size limit', () => {
    expect(
      checkUpload({ buffer: Buffer.alloc(0), declaredName: 'a.pdf', allowed: ['pdf'], maxBytes }),
    ).toMatchObject({
      ok: false,
      code: 'FILE_EMPTY',
    });
    expect(
      checkUpload({ buffer: PDF, declaredName: 'a.pdf', allowed: ['pdf'], maxBytes: PDF.length - 1 }),
    ).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
    expect(
      checkUpload({ buffer: PDF, declaredName: 'a.pdf', allowed: ['pdf'], maxBytes: PDF.length }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a PNG renamed to .pdf, and a docx renamed to .xlsx', () => {
    const png = checkUpload({ buffer: PNG, declaredName: 'scan.pdf', allowed: ['pdf', 'png'], maxBytes });
    expect(png).toMatchObject({ ok: false, code: 'FILE_TYPE_MISMATCH', zh: '文件内容与扩展名不符' });
    expect(checkUpload({ buffer: PNG, declaredName: 'scan.pdf', allowed: ['pdf'], maxBytes })).toMatchObject({
      code: 'FILE_TYPE_MISMATCH',
    });
    const docx = checkUpload({
      buffer: officeZip('word/'),
      declaredName: 'a.xlsx',
      allowed: ['xlsx', 'docx'],
      maxBytes,
    });
    expect(docx).toMatchObject({ ok: false, code: 'FILE_TYPE_MISMATCH' });
  });

  it('refuses names without a matching extension, including prototype property names', () => {
    for (const declaredName of ['scan', '.pdf', 'scan.constructor', 'scan.__proto__', 'scan.pdf.exe']) {
      expect(checkUpload({ buffer: PDF, declaredName, allowed: ['pdf'], maxBytes })).toMatchObject({
        ok: false,
        code: 'FILE_TYPE_MISMATCH',
      });
    }
  });

  it('refuses kinds that are not allowed, and unknown content', () => {
    expect(checkUpload({ buffer: PNG, declaredName: 'a.png', allowed: ['pdf'], maxBytes })).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
    });
    expect(checkUpload({ buffer: EXE, declaredName: 'a.pdf', allowed: ['pdf'], maxBytes })).toMatchObject({
      code: 'FILE_TYPE_NOT_ALLOWED',
    });
  });

  it('runs the zip-bomb guard on zip-based kinds', () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<x/>', declaredUncompressedSize: 10 * GB },
    ]);
    expect(checkUpload({ buffer: bomb, declaredName: 'a.xlsx', allowed: ['xlsx'], maxBytes })).toMatchObject({
      ok: false,
      code: 'ZIP_TOO_LARGE',
    });
    const traversal = buildZip([{ name: '../../app/server.js', data: 'evil' }]);
    expect(
      checkUpload({ buffer: traversal, declaredName: 'a.zip', allowed: ['zip'], maxBytes }),
    ).toMatchObject({
      code: 'ZIP_UNSAFE_PATH',
    });
    const limits = { maxEntries: 2, maxUncompressedBytes: 1e9, maxRatio: 100 };
    expect(
      checkUpload({
        buffer: officeZip('xl/'),
        declaredName: 'a.xlsx',
        allowed: ['xlsx'],
        maxBytes,
        zipLimits: limits,
      }),
    ).toMatchObject({
      code: 'ZIP_TOO_MANY_ENTRIES',
    });
  });
});

describe('inspectZip: entries that lie about their size', () => {
  const zeros = Buffer.alloc(3 * 1024 * 1024);
  const lyingXlsx = (declaredUncompressedSize: number) =>
    buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredUncompressedSize },
    ]);

  it('refuses a deflated entry that inflates past a tiny declared size', () => {
    const bomb = lyingXlsx(100);
    expect(bomb.length).toBeLessThan(10_000);
    expect(inspectZip(bomb)).toMatchObject({ ok: false, code: 'ZIP_SIZE_MISMATCH' });
    expect(
      checkUpload({ buffer: bomb, declaredName: 'a.xlsx', allowed: ['xlsx'], maxBytes: 1 << 20 }),
    ).toMatchObject({ ok: false, code: 'ZIP_SIZE_MISMATCH' });
  });

  it('refuses one declaring a plausible ratio (under the limit) but inflating to far more', () => {
    const bomb = lyingXlsx(60 * 1024);
    expect(inspectZip(bomb)).toMatchObject({ ok: false, code: 'ZIP_SIZE_MISMATCH' });
  });

  it('refuses an entry declaring more than it holds, and data that is not deflate', () => {
    expect(
      inspectZip(buildZip([{ name: 'a.txt', data: 'hello', declaredUncompressedSize: 6 }])),
    ).toMatchObject({ ok: false, code: 'ZIP_SIZE_MISMATCH' });
    const garbage = buildZip([{ name: 'a.txt', data: 'hello world, hello world' }]);
    const start = garbage.indexOf('a.txt') + 'a.txt'.length;
    garbage.fill(0xff, start, start + 4);
    expect(inspectZip(garbage)).toMatchObject({ ok: false, code: 'ZIP_SIZE_MISMATCH' });
  });

  it('passes a real .xlsx written by exceljs', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考生');
    ws.addRow(['考号', '姓名']);
    for (let i = 0; i < 500; i++) ws.addRow([`21${String(i).padStart(4, '0')}`, '张三']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(
      checkUpload({ buffer: xlsx, declaredName: '名单.xlsx', allowed: ['xlsx'], maxBytes: 1 << 20 }),
    ).toMatchObject({ ok: true, kind: 'xlsx' });
  });
});
