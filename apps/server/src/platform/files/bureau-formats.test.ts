import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { buildZip } from './test-zip.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string } }).error;

/** An OLE2 compound file as Word 97, Excel 97 and WPS Office write it: signature D0 CF 11 E0 A1 B1 1A E1. */
const OLE2 = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(16),
  Buffer.from([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00]),
  Buffer.alloc(480),
]);
/** An OFD document (GB/T 33190): a zip with OFD.xml at its root and the document in Doc_0/. */
const OFD = buildZip([
  { name: 'OFD.xml', data: '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD Version="1.0" DocType="OFD"/>' },
  { name: 'Doc_0/Document.xml', data: '<ofd:Document/>' },
]);

/** The formats bureaus send evidence in, on a real database: each accepted by its signature. */
describe('evidence in the formats bureaus use: .doc .xls .wps .et .ofd', () => {
  let ctx: TestContext;
  let clerk: Client;
  const upload = (name: string, content: Buffer) =>
    clerk.request({ method: 'POST', url: '/api/files', ...multipartFile(name, content) });

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
  });
  afterAll(() => ctx?.close());

  it('accepts OLE2 files named .doc, .xls, .wps and .et, and an OFD file, storing each', async () => {
    const expected = {
      '工作总结.doc': 'application/msword',
      '经费台账.xls': 'application/vnd.ms-excel',
      '情况汇报.wps': 'application/kswps',
      '统计表.et': 'application/kset',
    };
    for (const [name, mime] of Object.entries(expected)) {
      const res = await upload(name, OLE2);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(201);
      expect(res.json()).toMatchObject({ name, mime });
    }
    const ofd = await upload('红头文件.ofd', OFD);
    expect(ofd.statusCode, ofd.body).toBe(201);
    expect(ofd.json()).toMatchObject({ mime: 'application/ofd' });
    const kinds = await ctx.db.selectFrom('storedFile').select('kind').execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['ofd', 'ole', 'ole', 'ole', 'ole']);
  });

  it('checks the signature, not the name: a PDF named .wps, a zip without OFD.xml named .ofd', async () => {
    const fakeWps = await upload('情况汇报.wps', Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect([fakeWps.statusCode, errorOf(fakeWps).code]).toEqual([400, 'FILE_TYPE_MISMATCH']);
    const notOfd = buildZip([{ name: 'Doc_0/OFD.xml', data: '<ofd:OFD/>' }]);
    const fakeOfd = await upload('红头文件.ofd', notOfd);
    expect(fakeOfd.statusCode).toBe(400);
    expect(errorOf(fakeOfd).code).not.toBe('FILE_EMPTY');
    const oleAsOfd = await upload('红头文件.ofd', OLE2);
    expect([oleAsOfd.statusCode, errorOf(oleAsOfd).code]).toEqual([400, 'FILE_TYPE_MISMATCH']);
  });
});
