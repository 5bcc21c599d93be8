import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesAbout } from '../../platform/notifications/notifications.test-helpers.ts';
import type { Client } from '../../test/test-context.ts';
import { createProgramsWorld, refusalOf, type ProgramsWorld } from './programs.test-helpers.ts';

describe('the district’s decisions on a project notify its school', () => {
  let w: ProgramsWorld;
  const apply = async (client: Client, body: Record<string, unknown>) => {
    const res = await client.post('/api/program-projects', { submit: true, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { project: { id: string } }).project.id;
  };

  beforeAll(async () => {
    w = await createProgramsWorld({ now: '2021-03-01T02:00:00Z' });
  });
  afterAll(() => w?.ctx.close());

  it('approval (立项): one notice to the school naming the level; scoring and refused steps tell no one', async () => {
    const id = await apply(w.vhs, {
      kind: 'master_teacher',
      title: '区级教学名师：王建军',
      teacherName: '王建军',
    });
    const early = await w.coordinator.post(`/api/program-projects/${id}/approval`, { level: 'city' });
    expect(refusalOf(early)).toEqual([409, 'PROGRAM_INVALID_TRANSITION']);
    await w.coordinator.put(`/api/program-projects/${id}/score`, { score: 90, opinion: '特色鲜明' });
    expect(await noticesAbout(w.ctx, id)).toEqual([]);
    const approved = await w.coordinator.post(`/api/program-projects/${id}/approval`, { level: 'city' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await noticesAbout(w.ctx, id)).toEqual([
      expect.objectContaining({
        recipientUnitId: w.units.vhs,
        kind: 'program_project.approve',
        titleZh: '“双师型”教学名师项目“区级教学名师：王建军”已立项（市级）',
        link: `/programs/projects?open=${id}`,
      }),
    ]);
    expect((await w.vhs.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await w.vec.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('rejection (不予立项): one notice with the reason; a rejection without reason tells no one', async () => {
    const id = await apply(w.vec, { kind: 'ideology_micro_course', title: '思政微课：工匠精神' });
    const blank = await w.coordinator.post(`/api/program-projects/${id}/rejection`, { reason: '   ' });
    expect(refusalOf(blank)).toEqual([400, 'PROGRAM_REASON_REQUIRED']);
    expect(await noticesAbout(w.ctx, id)).toEqual([]);
    const rejected = await w.coordinator.post(`/api/program-projects/${id}/rejection`, {
      reason: '课时量不足',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(await noticesAbout(w.ctx, id)).toEqual([
      expect.objectContaining({
        recipientUnitId: w.units.vec,
        kind: 'program_project.reject',
        bodyZh: '意见：课时量不足',
      }),
    ]);
  });
});
