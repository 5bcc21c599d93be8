import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingBaseEvidence } from './index.ts';
import {
  codeOf,
  createBasesWorld,
  detailsOf,
  highLevelBody,
  sessionBody,
  uploadPdf,
  type BasesWorld,
} from './training-bases.test-helpers.ts';

type Base = {
  id: string;
  status: string;
  equipmentValue: number;
  abilities: { edit: boolean; book: boolean };
  documents: Array<{ id: string }>;
  sessions: Array<{
    id: string;
    date: string;
    booker: { code: string };
    state: string;
    abilities: { cancel: boolean };
  }>;
  utilisation: Array<{
    year: number;
    bookedStationHours: number;
    availableStationHours: number;
    share: number;
  }>;
};
const baseOf = (res: { json(): unknown }) => (res.json() as { base: Base }).base;

describe('training bases', () => {
  let w: BasesWorld;
  let baseId: string;
  beforeAll(async () => {
    w = await createBasesWorld();
  });
  afterAll(() => w?.ctx.close());

  it('区发改科技局 registers an enterprise’s high-level base with its documents; a school or the enterprise may not', async () => {
    const doc = await uploadPdf(w.drc, '建设方案.pdf');
    const created = await w.drc.post('/api/training-bases', highLevelBody(w, { documentIds: [doc] }));
    expect(created.statusCode, created.body).toBe(201);
    const base = baseOf(created);
    baseId = base.id;
    expect(base).toMatchObject({ status: 'operating', equipmentValue: 600000, abilities: { edit: true } });
    expect(base.documents.map((d) => d.id)).toEqual([doc]);
    expect((await w.vhs.post('/api/training-bases', highLevelBody(w))).statusCode).toBe(403);
    const byEnterprise = await w.yitong.post('/api/training-bases', highLevelBody(w));
    expect([byEnterprise.statusCode, codeOf(byEnterprise)]).toEqual([403, 'TRAINING_BASE_NOT_KEEPER']);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', baseId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['trainingBases.base.created']);
    // The document downloads for the base's readers (the partner school), not for a bureau.
    expect((await w.vhs.get(`/api/files/${doc}`)).statusCode).toBe(200);
    expect((await w.hrss.get(`/api/files/${doc}`)).statusCode).toBe(404);
  });

  it('refuses a base whose owner does not fit its kind, or whose status lacks its date, naming each field', async () => {
    const res = await w.drc.post(
      '/api/training-bases',
      highLevelBody(w, {
        ownerId: w.units.vhs,
        status: 'building',
        constructionStartedOn: null,
        operatingSince: '2023-01-01',
      }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(detailsOf(res).map((d) => `${d.field}:${d.code}`)).toEqual([
      'ownerId:OWNER_NOT_ENTERPRISE',
      'constructionStartedOn:REQUIRED',
      'operatingSince:NOT_OPERATING',
    ]);
    const school = await w.vhs.post('/api/training-bases', {
      ...highLevelBody(w),
      kind: 'co_built',
      ownerId: w.units.vhs,
      partnerIds: [w.units.hs1],
      status: 'building',
      constructionStartedOn: null,
      operatingSince: '2030-01-01',
    });
    expect(school.statusCode, school.body).toBe(400);
    expect(detailsOf(school).map((d) => `${d.field}:${d.code}`)).toEqual([
      'partnerIds.0:PARTNER_INVALID',
      'partnerIds:ENTERPRISE_PARTNER_REQUIRED',
      'constructionStartedOn:REQUIRED',
      'operatingSince:NOT_OPERATING',
      'operatingSince:DATE_IN_FUTURE',
    ]);
    expect(detailsOf(school)[1]!.message).toContain('合作企业');
    expect(detailsOf(school)[1]!.messageEn).toContain('partner enterprise');
  });

  it('schools and enterprises book the bases in operation; a bureau sees none', async () => {
    const listed = (await w.vec.get('/api/training-bases')).json() as {
      items: Array<{ id: string; abilities: { book: boolean } }>;
    };
    expect(listed.items.map((b) => [b.id, b.abilities.book])).toEqual([[baseId, true]]);
    expect(((await w.hrss.get('/api/training-bases')).json() as { items: unknown[] }).items).toEqual([]);
    expect((await w.hrss.get(`/api/training-bases/${baseId}`)).statusCode).toBe(404);
    const booked = await w.vec.post(`/api/training-bases/${baseId}/sessions`, sessionBody());
    expect(booked.statusCode, booked.body).toBe(201);
    const other = await w.zhendong.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ groupSize: 10, startTime: '10:00' }),
    );
    expect(other.statusCode, other.body).toBe(201);
    // 区职教中心 sees its own booking only; the owner and the partner school see both.
    expect(baseOf(other).sessions.map((s) => s.booker.code)).toEqual(['SD-ZHENDONG']);
    const owner = baseOf(await w.yitong.get(`/api/training-bases/${baseId}`));
    expect(owner.sessions.map((s) => s.booker.code)).toEqual(['SD-VEC', 'SD-ZHENDONG']);
    expect(owner.utilisation.find((u) => u.year === 2024)).toMatchObject({ bookedStationHours: 40 });
  });

  it('refuses a booking that overlaps bookings leaving too few stations, over capacity, or outside the hours (409, field-named)', async () => {
    const full = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ startTime: '10:30', hours: 1, groupSize: 1 }),
    );
    expect([full.statusCode, codeOf(full)]).toEqual([409, 'TRAINING_SESSION_REFUSED']);
    expect(detailsOf(full).map((d) => `${d.field}:${d.code}`)).toEqual(['startTime:SLOT_TAKEN']);
    const big = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ groupSize: 21, date: '2024-03-13' }),
    );
    expect(detailsOf(big).map((d) => `${d.field}:${d.code}`)).toEqual(['groupSize:OVER_CAPACITY']);
    const sunday = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ date: '2024-03-10', startTime: '17:00' }),
    );
    expect(detailsOf(sunday).map((d) => `${d.field}:${d.code}`)).toEqual([
      'date:BASE_CLOSED_THAT_DAY',
      'startTime:OUTSIDE_OPENING_HOURS',
    ]);
    const past = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ date: '2024-03-01' }),
    );
    expect(detailsOf(past).map((d) => `${d.field}:${d.code}`)).toEqual(['date:DATE_PAST']);
    // 10:00 in China on Wednesday 2024-03-06: 09:00 today has gone by.
    const earlierToday = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ date: '2024-03-06', startTime: '09:00' }),
    );
    expect(earlierToday.statusCode, earlierToday.body).toBe(400);
    expect(detailsOf(earlierToday)).toEqual([
      {
        field: 'startTime',
        code: 'START_PAST',
        message: '2024-03-06 09:00 已过，不能预约（现在是 10:00）',
        messageEn: '09:00 on 2024-03-06 is past and cannot be booked (it is 10:00 now)',
      },
    ]);
    // After a cancellation the stations are free again.
    const mine = baseOf(await w.vec.get(`/api/training-bases/${baseId}`)).sessions[0]!;
    expect(mine.abilities.cancel).toBe(true);
    expect((await w.zhendong.post(`/api/training-sessions/${mine.id}/cancellation`)).statusCode).toBe(404);
    const cancelled = await w.vec.post(`/api/training-sessions/${mine.id}/cancellation`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const again = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ startTime: '10:30', hours: 1, groupSize: 10 }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const actions = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'trainingBases.session.%')
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'trainingBases.session.booked',
      'trainingBases.session.booked',
      'trainingBases.session.cancelled',
      'trainingBases.session.booked',
    ]);
  });

  it('cancels a booking once: a second cancellation at the same moment, or one after the start, is refused with the reason (409)', async () => {
    const booked = await w.vhs.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ date: '2024-03-14', groupSize: 5 }),
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const id = baseOf(booked).sessions.find((s) => s.date === '2024-03-14')!.id;
    // The booking school and the keeper cancel it at once: one cancels it, the other is told why not.
    const answers = await Promise.all([
      w.vhs.post(`/api/training-sessions/${id}/cancellation`),
      w.drc.post(`/api/training-sessions/${id}/cancellation`),
    ]);
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([
      200, 409,
    ]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(codeOf(refused)).toBe('TRAINING_SESSION_NOT_CANCELLABLE');
    expect(detailsOf(refused)).toEqual([
      {
        field: 'state',
        code: 'ALREADY_CANCELLED',
        message: '该预约已于 2024-03-06 取消',
        messageEn: 'The booking was cancelled on 2024-03-06',
      },
    ]);
    const cancellations = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .where('action', '=', 'trainingBases.session.cancelled')
      .execute();
    expect(cancellations).toHaveLength(1);
    // A booking of today at 10:15 may be cancelled at 10:00, no longer at 10:20, when it has started.
    const today = await w.vec.post(
      `/api/training-bases/${baseId}/sessions`,
      sessionBody({ date: '2024-03-06', startTime: '10:15', hours: 1, groupSize: 5 }),
    );
    expect(today.statusCode, today.body).toBe(201);
    const started = baseOf(today).sessions.find((s) => s.date === '2024-03-06')!;
    expect(started.abilities.cancel).toBe(true);
    w.ctx.clock.advance(20 * 60_000);
    try {
      const late = await w.vec.post(`/api/training-sessions/${started.id}/cancellation`);
      expect([late.statusCode, codeOf(late)]).toEqual([409, 'TRAINING_SESSION_NOT_CANCELLABLE']);
      expect(detailsOf(late)).toEqual([
        {
          field: 'date',
          code: 'SESSION_STARTED',
          message: '该预约 2024-03-06 10:15 已开始，不能取消',
          messageEn: 'The booking started at 10:15 on 2024-03-06 and can no longer be cancelled',
        },
      ]);
      const seen = baseOf(await w.vec.get(`/api/training-bases/${baseId}`)).sessions.find(
        (s) => s.id === started.id,
      )!;
      expect([seen.state, seen.abilities.cancel]).toEqual(['booked', false]);
    } finally {
      w.ctx.clock.advance(-20 * 60_000);
    }
  });

  it('a school keeps its own in-school base; the keeper may not, nor another school', async () => {
    const body = {
      ...highLevelBody(w),
      name: '区职业高中数控校内实训基地',
      kind: 'in_school',
      ownerId: w.units.vhs,
      partnerIds: [],
      status: 'planned',
      constructionStartedOn: null,
      operatingSince: null,
    };
    expect((await w.drc.post('/api/training-bases', body)).statusCode).toBe(403);
    expect((await w.vec.post('/api/training-bases', body)).statusCode).toBe(403);
    const created = await w.vhs.post('/api/training-bases', body);
    expect(created.statusCode, created.body).toBe(201);
    const id = baseOf(created).id;
    // Not in operation: other schools do not see it, and it cannot be booked.
    expect((await w.vec.get(`/api/training-bases/${id}`)).statusCode).toBe(404);
    const booking = await w.vhs.post(`/api/training-bases/${id}/sessions`, sessionBody());
    expect(detailsOf(booking).map((d) => `${d.field}:${d.code}`)).toEqual(['date:BASE_NOT_OPERATING']);
    const operating = await w.vhs.put(`/api/training-bases/${id}`, {
      ...body,
      status: 'operating',
      operatingSince: '2024-03-01',
    });
    expect(operating.statusCode, operating.body).toBe(200);
    expect((await w.vec.get(`/api/training-bases/${id}`)).statusCode).toBe(200);
  });

  it('trainingBaseEvidence counts the bases an enterprise owns or partners, in operation on the day', async () => {
    expect(await trainingBaseEvidence(w.ctx.db, w.units.yitong, '2024-01-01')).toEqual({ coBuiltBases: 1 });
    expect(await trainingBaseEvidence(w.ctx.db, w.units.yitong, '2023-08-31')).toEqual({ coBuiltBases: 0 });
    expect(await trainingBaseEvidence(w.ctx.db, w.units.zhendong, '2024-01-01')).toEqual({ coBuiltBases: 0 });
    const coBuilt = await w.vec.post('/api/training-bases', {
      ...highLevelBody(w),
      name: '区职教中心药剂校企共建实训基地',
      kind: 'co_built',
      ownerId: w.units.vec,
      partnerIds: [w.units.zhendong],
      operatingSince: '2023-03-01',
    });
    expect(coBuilt.statusCode, coBuilt.body).toBe(201);
    expect(await trainingBaseEvidence(w.ctx.db, w.units.zhendong, '2024-01-01')).toEqual({ coBuiltBases: 1 });
    expect(await trainingBaseEvidence(w.ctx.db, w.units.zhendong, '2023-02-28')).toEqual({ coBuiltBases: 0 });
  });
});

describe('vocational-education groups', () => {
  let w: BasesWorld;
  beforeAll(async () => {
    w = await createBasesWorld();
  });
  afterAll(() => w?.ctx.close());

  it('the coordinator registers a group; members read it; the lead unit adds programmes the rules allow', async () => {
    const body = {
      name: '上党区职业教育集团',
      leadUnitId: w.units.vhs,
      foundedOn: '2020-05-08',
      members: [
        { unitId: w.units.vhs, role: 'chair', joinedOn: '2020-05-08' },
        { unitId: w.units.jidian, role: 'vice_chair', joinedOn: '2020-05-08' },
        { unitId: w.units.yitong, role: 'council', joinedOn: '2020-05-08' },
      ],
    };
    expect((await w.vhs.post('/api/vet-groups', body)).statusCode).toBe(403);
    const refused = await w.coordinator.post('/api/vet-groups', {
      ...body,
      members: [...body.members, { unitId: w.units.hs1, role: 'member', joinedOn: '2020-05-08' }],
    });
    expect(detailsOf(refused).map((d) => `${d.field}:${d.code}`)).toEqual([
      'members.3.unitId:MEMBER_KIND_INVALID',
    ]);
    const created = await w.coordinator.post('/api/vet-groups', body);
    expect(created.statusCode, created.body).toBe(201);
    const group = (created.json() as { group: { id: string; members: Array<{ kind: string }> } }).group;
    expect(group.members.map((m) => m.kind)).toEqual([
      'vocational_school',
      'vocational_school',
      'enterprise',
    ]);
    expect((await w.yitong.get(`/api/vet-groups/${group.id}`)).statusCode).toBe(200);
    expect((await w.vec.get(`/api/vet-groups/${group.id}`)).statusCode).toBe(404);
    const programme = {
      kind: 'articulation',
      name: '数控“3+2”',
      year: 2021,
      unitIds: [w.units.vhs, w.units.yitong],
      places: 40,
      enrolled: 38,
    };
    const wrong = await w.vhs.post(`/api/vet-groups/${group.id}/programmes`, programme);
    expect(detailsOf(wrong).map((d) => `${d.field}:${d.code}`)).toEqual([
      'unitIds:ARTICULATION_NEEDS_BOTH_LEVELS',
    ]);
    const outsider = await w.vhs.post(`/api/vet-groups/${group.id}/programmes`, {
      ...programme,
      unitIds: [w.units.vhs, w.units.vec],
    });
    expect(detailsOf(outsider)[0]).toMatchObject({ field: 'unitIds.1', code: 'NOT_A_MEMBER' });
    expect((await w.yitong.post(`/api/vet-groups/${group.id}/programmes`, programme)).statusCode).toBe(403);
    const ok = await w.vhs.post(`/api/vet-groups/${group.id}/programmes`, {
      ...programme,
      unitIds: [w.units.vhs, w.units.jidian],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const metric = (name: string) =>
      w.ctx.services.metrics.compute(name, {
        db: w.ctx.db,
        orgUnitId: w.units.district,
        period: { startsOn: '2020-01-01', endsOn: '2022-12-31' },
        today: '2024-03-06',
      });
    expect((await metric('trainingBases.reformingGroups')).value).toBe(0);
    const apprenticeship = await w.vhs.post(`/api/vet-groups/${group.id}/programmes`, {
      kind: 'modern_apprenticeship',
      name: '新能源汽车现代学徒制班',
      year: 2022,
      unitIds: [w.units.vhs, w.units.yitong],
      places: 30,
      enrolled: 28,
    });
    expect(apprenticeship.statusCode, apprenticeship.body).toBe(201);
    expect((await metric('trainingBases.reformingGroups')).value).toBe(1);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', 'like', 'trainingBases.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'trainingBases.group.created',
      'trainingBases.programme.added',
      'trainingBases.programme.added',
    ]);
  });
});
