import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, type Client } from '../../test/test-context.ts';
import { createProgramsWorld, uploadPdf, type ProgramsWorld } from './programs.test-helpers.ts';

describe('a project’s documents: downloaded by those who may read the project', () => {
  let w: ProgramsWorld;
  let inspector: Client;
  let vhs2: Client;
  let fileId: string;
  let projectId: string;
  const download = async (client: Client) => (await client.get(`/api/files/${fileId}`)).statusCode;

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
    inspector = await login(w.ctx, (await createUser(w.ctx, 'inspector', 'SD-EDU')).username);
    vhs2 = await login(w.ctx, (await createUser(w.ctx, 'unit_clerk', 'SD-VHS')).username);
    fileId = await uploadPdf(w.vhs, '校园文化品牌申报书.pdf');
    const res = await w.vhs.post('/api/program-projects', {
      kind: 'culture_brand',
      title: '工匠精神校园文化品牌',
      fileIds: [fileId],
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    projectId = (res.json() as { project: { id: string } }).project.id;
  });
  afterAll(() => w?.ctx.close());

  it('serves them to the school and the district’s readers, 404 to the inspector (no program.read) and other units', async () => {
    expect(await download(w.vhs)).toBe(200);
    expect(await download(vhs2)).toBe(200);
    expect(await download(w.coordinator)).toBe(200);
    expect(await download(w.viewer)).toBe(200);
    expect(await download(inspector)).toBe(404);
    expect(await download(w.vec)).toBe(404);
    expect(await download(w.hrss)).toBe(404);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', fileId)
      .where('action', '=', 'file.download')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { uploader: true },
      ...Array.from({ length: 3 }, () => ({ recordType: 'program_project', recordId: projectId })),
    ]);
  });
});
