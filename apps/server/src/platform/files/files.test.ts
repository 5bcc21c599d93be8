import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
  multipartFile,
  multipartFileInPieces,
} from '../../test/test-context.ts';
import { buildZip } from './test-zip.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) =>
  (res.json() as { error: { code: string; details?: Array<{ field: string; code: string }> } }).error;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452000000010000000108060000001f15c489', 'hex'),
]);
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
  randomBytes(256),
]);

describe('evidence uploads and downloads', () => {
  let ctx: TestContext;
  let clerk: Client;
  const upload = (name: string, content: Buffer, type?: string) =>
    clerk.request({ method: 'POST', url: '/api/files', ...multipartFile(name, content, type) });
  const storedCount = async () => (await ctx.db.selectFrom('storedFile').select('id').execute()).length;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
  });
  afterAll(() => ctx?.close());

  it('refuses a PNG named .pdf with FILE_TYPE_MISMATCH', async () => {
    const res = await upload('培训照片.pdf', PNG, 'application/pdf');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('FILE_TYPE_MISMATCH');
    expect(errorOf(res).details).toEqual([
      expect.objectContaining({ field: 'file', code: 'FILE_TYPE_MISMATCH' }),
    ]);
  });

  it('refuses executables and kinds that are not evidence, whatever their name', async () => {
    for (const [name, content] of [
      ['setup.exe', EXE],
      ['setup.pdf', EXE],
      ['notes.txt', Buffer.from('纯文本说明')],
      ['anim.gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ] as const) {
      const res = await upload(name, content);
      expect(res.statusCode, name).toBe(400);
      expect(errorOf(res).code, name).toBe('FILE_TYPE_NOT_ALLOWED');
    }
  });

  it('refuses an empty file and a request without a file', async () => {
    const empty = await upload('empty.pdf', Buffer.alloc(0));
    expect([empty.statusCode, errorOf(empty).code]).toEqual([400, 'FILE_EMPTY']);
    const none = await clerk.request({
      method: 'POST',
      url: '/api/files',
      payload: '--b\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).details?.[0]?.field).toBe('file');
  });

  it('refuses an .xlsx zip bomb (10 GB declared) and a zip with a traversal path, from the directory alone', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: Buffer.alloc(4096), declaredUncompressedSize: 10 * 1024 ** 3 },
    ]);
    const res = await upload('名单.xlsx', bomb);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('FILE_REJECTED');
    expect(errorOf(res).details?.[0]?.code).toBe('ZIP_TOO_LARGE');
    const sneaky = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: '../../web/index.html', data: '<script>alert(1)</script>' },
    ]);
    const traversal = await upload('名单.xlsx', sneaky);
    expect([traversal.statusCode, errorOf(traversal).details?.[0]?.code]).toEqual([400, 'ZIP_UNSAFE_PATH']);
    const good = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    expect((await upload('名单.xlsx', good)).statusCode).toBe(201);
  });

  it('answers 413 over the size limit and stores nothing, but takes a 2 MB PDF', async () => {
    const before = await storedCount();
    const big = Buffer.concat([PDF, Buffer.alloc(ctx.config.uploadMaxBytes + 1 - PDF.length, 0x20)]);
    const res = await upload('扫描件.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(errorOf(res).code).toBe('FILE_TOO_LARGE');
    expect(await storedCount()).toBe(before);
    const fine = await upload('扫描件.pdf', Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, 0x20)]));
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('stores a PDF outside the web root under a generated name and serves it back as an attachment', async () => {
    const res = await upload('../../web/培训 台账.pdf', PDF, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    const stored = res.json() as { id: string; name: string; mime: string; sizeBytes: number };
    expect(stored).toMatchObject({ name: '培训 台账.pdf', mime: 'application/pdf', sizeBytes: PDF.length });

    const row = await ctx.db
      .selectFrom('storedFile')
      .selectAll()
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(row.storageKey).toMatch(/^\d{4}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const onDisk = path.join(ctx.config.dataDir, 'uploads', row.storageKey);
    expect(fs.readFileSync(onDisk).equals(PDF)).toBe(true);
    expect(path.relative(ctx.webRoot, onDisk).startsWith('..')).toBe(true);
    expect(fs.readdirSync(ctx.webRoot).sort()).toEqual(['app.js', 'index.html']);
    expect(onDisk).not.toContain('台账');

    const down = await clerk.get(`/api/files/${stored.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('培训 台账.pdf')}`,
    );
    expect(down.rawPayload.equals(PDF)).toBe(true);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', stored.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['file.upload', 'file.download']);
  });
});

describe('uploads over the size limit', () => {
  let ctx: TestContext;
  let clerk: Client;
  const storedCount = async () => (await ctx.db.selectFrom('storedFile').select('id').execute()).length;
  const storedOnDisk = () =>
    fs.existsSync(path.join(ctx.config.dataDir, 'uploads'))
      ? fs.readdirSync(path.join(ctx.config.dataDir, 'uploads'), { recursive: true }).length
      : 0;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_UPLOAD_MAX_MB: '1' } });
    await seedShangdang(ctx);
    clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
  });
  afterAll(() => ctx?.close());

  it('answers 413 FILE_TOO_LARGE every time, however the body arrives, and stores nothing', async () => {
    const limit = ctx.config.uploadMaxBytes;
    expect(limit).toBe(1024 * 1024);
    const [rows, onDisk] = [await storedCount(), storedOnDisk()];
    const answers = new Set<string>();
    for (const over of [1, 100, 4096, 512 * 1024])
      for (let i = 0; i < 5; i++) {
        const content = Buffer.concat([PDF, Buffer.alloc(limit + over - PDF.length, 0x20)]);
        for (const body of [
          multipartFile('扫描件.pdf', content, 'application/pdf'),
          multipartFileInPieces('扫描件.pdf', content, limit, 'application/pdf'),
        ]) {
          const res = await clerk.request({ method: 'POST', url: '/api/files', ...body });
          const error = errorOf(res);
          answers.add(`${res.statusCode} ${error?.code} ${JSON.stringify(error?.details?.[0]?.field)}`);
        }
      }
    expect([...answers]).toEqual(['413 FILE_TOO_LARGE "file"']);
    expect([await storedCount(), storedOnDisk()]).toEqual([rows, onDisk]);
    const atLimit = Buffer.concat([PDF, Buffer.alloc(limit - PDF.length, 0x20)]);
    const fits = await clerk.request({
      method: 'POST',
      url: '/api/files',
      ...multipartFileInPieces('扫描件.pdf', atLimit, limit, 'application/pdf'),
    });
    expect([fits.statusCode, (fits.json() as { sizeBytes: number }).sizeBytes]).toEqual([201, limit]);
  });

  it('answers 400, never 500, to a cut-off or malformed multipart body and to a body that is not multipart', async () => {
    const rows = await storedCount();
    const bodies: Array<[string, string, string]> = [
      [
        '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 cut off',
        'multipart/form-data; boundary=b',
        'MULTIPART_INVALID',
      ],
      [
        '--b\r\nContent-Disposition: form-data; name="file"',
        'multipart/form-data; boundary=b',
        'MULTIPART_INVALID',
      ],
      ['%PDF-1.4', 'multipart/form-data', 'MULTIPART_INVALID'],
      ['{}', 'application/json', 'REQUIRED'],
    ];
    for (const [payload, type, code] of bodies) {
      const res = await clerk.request({
        method: 'POST',
        url: '/api/files',
        payload,
        headers: { 'content-type': type },
      });
      expect([res.statusCode, errorOf(res).code, errorOf(res).details?.[0]], payload).toEqual([
        400,
        'VALIDATION_FAILED',
        expect.objectContaining({ field: 'file', code }),
      ]);
    }
    expect(await storedCount()).toBe(rows);
  });
});
