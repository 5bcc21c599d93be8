import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, login, type TestContext } from '../../test/test-context.ts';
import { PII_VIEWS_PER_HOUR } from './teachers.config.ts';
import {
  auditActions,
  badChecksum,
  createTeacher,
  errorOf,
  teacherBody,
  teachersCast,
  validId,
} from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
type Teacher = {
  id: string;
  idMasked: string;
  phoneMasked: string | null;
  sex: string;
  age: number;
  specialised: boolean;
  employed: boolean;
  specialisedPeriods: unknown[];
  abilities: Record<string, boolean>;
};
const teacherOf = (res: { json(): unknown }) => (res.json() as { teacher: Teacher }).teacher;

describe('the teacher register', () => {
  let ctx: TestContext;
  let cast: Cast;
  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
  });
  afterAll(() => ctx?.close());

  it('keeps a teacher with the ID and phone encrypted and answers only masked forms, with sex and age from the ID', async () => {
    const id = validId('1986-07-15', 41, false);
    const res = await cast.clients.vhs.post(
      '/api/teachers',
      teacherBody(cast.vhsId, { idNumber: id.toLowerCase(), phone: '+86 139-0035-1234' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const t = teacherOf(res);
    expect(t).toMatchObject({
      idMasked: `${id.slice(0, 6)}********${id.slice(-4)}`,
      phoneMasked: '139****1234',
      sex: 'F',
      // The age in the current year (2021 − 1986), not completed years: only the birth year is in clear.
      age: 35,
      specialised: true,
      employed: true,
    });
    expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('13900351234');
    expect(res.body).not.toContain('1986-07-15');
    const row = await ctx.db
      .selectFrom('teacher')
      .selectAll()
      .where('id', '=', t.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('13900351234');
    expect(row).toMatchObject({ sex: 'F', birthYear: 1986, schoolId: cast.vhsId });
    // The birth date only encrypted: beside the masked ID it would be the digits the mask hides.
    for (const birth of ['1986-07-15', '19860715']) expect(JSON.stringify(row)).not.toContain(birth);
    expect(ctx.crypto.decrypt(row.birthDateCipher)).toBe('1986-07-15');
    expect(await auditActions(ctx, t.id)).toEqual(['teacher.created']);
  });

  it('names every bad field: checksum, sex against the ID, phone, leave before hire, overlapping 专业课 periods', async () => {
    const res = await cast.clients.vhs.post(
      '/api/teachers',
      teacherBody(cast.vhsId, {
        idNumber: badChecksum(validId('1980-01-01', 3)),
        phone: '12345',
        leaveDate: '2009-01-01',
        specialisedPeriods: [
          { startsOn: '2010-09-01', endsOn: '2015-08-31' },
          { startsOn: '2015-01-01', endsOn: null },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details!.map((d) => `${d.field}:${d.code}`)).toEqual([
      'idNumber:ID_CHECKSUM',
      'phone:PHONE_INVALID',
      'leaveDate:LEAVE_BEFORE_HIRE',
      'specialisedPeriods.0.startsOn:PERIOD_AFTER_LEAVE',
      'specialisedPeriods.1.startsOn:PERIOD_AFTER_LEAVE',
    ]);
    const sex = await cast.clients.vhs.post(
      '/api/teachers',
      teacherBody(cast.vhsId, { idNumber: validId('1980-01-01', 4, true), sex: 'F' }),
    );
    expect(errorOf(sex).details).toEqual([
      expect.objectContaining({ field: 'sex', code: 'SEX_ID_MISMATCH' }),
    ]);
    const overlap = await cast.clients.vhs.post(
      '/api/teachers',
      teacherBody(cast.vhsId, {
        specialisedPeriods: [
          { startsOn: '2010-09-01', endsOn: '2015-08-31' },
          { startsOn: '2015-01-01', endsOn: null },
        ],
      }),
    );
    expect(errorOf(overlap).details).toEqual([
      expect.objectContaining({ field: 'specialisedPeriods.1', code: 'PERIOD_OVERLAP' }),
    ]);
    const young = await cast.clients.vhs.post(
      '/api/teachers',
      teacherBody(cast.vhsId, {
        idNumber: validId('2000-01-01', 5),
        hireDate: '2015-09-01',
        specialisedPeriods: [],
      }),
    );
    expect(errorOf(young).details).toEqual([
      expect.objectContaining({ field: 'hireDate', code: 'HIRE_UNDER_16' }),
    ]);
  });

  it('refuses the same ID number twice in one school (409) but lets another school register the person', async () => {
    const body = teacherBody(cast.vhsId, { idNumber: validId('1979-11-30', 77) });
    await createTeacher(cast.clients.vhs, body);
    const again = await cast.clients.vhs.post('/api/teachers', { ...body, name: '另一人' });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'TEACHER_EXISTS']);
    await createTeacher(cast.clients.vec, { ...body, schoolId: cast.vecId });
  });

  it('refuses a register at a junior high: its liaison holds the permissions but keeps no vocational teachers', async () => {
    const jhs = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-JHS1')).username);
    const me = (await jhs.get('/api/auth/me')).json() as {
      user: { orgUnit: { id: string; type: string; groups: string[] } };
    };
    expect(me.user.orgUnit).toMatchObject({
      type: 'school',
      groups: expect.arrayContaining(['junior-high']),
    });
    const refused = await jhs.post('/api/teachers', teacherBody(me.user.orgUnit.id));
    expect([refused.statusCode, errorOf(refused).code]).toEqual([400, 'TEACHER_NOT_A_SCHOOL']);
  });

  it('shows a school only its own teachers: another school’s teacher is 404 to read, change or unmask', async () => {
    const vecTeacher = await createTeacher(cast.clients.vec, teacherBody(cast.vecId));
    for (const res of [
      await cast.clients.vhs.get(`/api/teachers/${vecTeacher}`),
      await cast.clients.vhs.put(`/api/teachers/${vecTeacher}`, {
        ...teacherBody(cast.vecId),
        schoolId: undefined,
        idNumber: undefined,
      }),
      await cast.clients.vhs.post(`/api/teachers/${vecTeacher}/unmask`),
    ])
      expect([res.statusCode, errorOf(res).code]).toEqual([404, 'NOT_FOUND']);
    const created = await cast.clients.vhs.post('/api/teachers', teacherBody(cast.vecId));
    expect(created.statusCode).toBe(404);
    const list = (await cast.clients.vhs.get('/api/teachers?status=all')).json() as {
      items: Array<{ school: { id: string } }>;
      total: number;
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((t) => t.school.id === cast.vhsId)).toBe(true);
    const bureau = (await cast.clients.hrss.get('/api/teachers')).json() as {
      items: unknown[];
      total: number;
    };
    expect(bureau).toEqual({ items: [], total: 0 });
    const district = (await cast.clients.coordinator.get('/api/teachers?limit=500')).json() as {
      items: Array<{ school: { id: string } }>;
    };
    expect(new Set(district.items.map((t) => t.school.id))).toEqual(new Set([cast.vhsId, cast.vecId]));
  });

  it('lets readers read but not change (403), and only register keepers unmask, each view audited', async () => {
    const id = await createTeacher(
      cast.clients.vhs,
      teacherBody(cast.vhsId, { idNumber: validId('1988-02-29', 9), phone: '13800138000' }),
    );
    const viewerRead = await cast.clients.viewer.get(`/api/teachers/${id}`);
    expect(teacherOf(viewerRead).abilities).toEqual({
      edit: false,
      unmask: false,
      apply: false,
      recordRecognition: false,
      grantException: false,
    });
    expect(teacherOf(await cast.clients.vhs.get(`/api/teachers/${id}`)).abilities).toMatchObject({
      edit: true,
      unmask: true,
      apply: true,
    });
    for (const client of [cast.clients.viewer, cast.clients.coordinator]) {
      const res = await client.post(`/api/teachers/${id}/unmask`);
      expect([res.statusCode, errorOf(res).code]).toEqual([403, 'FORBIDDEN']);
    }
    const put = await cast.clients.coordinator.put(`/api/teachers/${id}`, {
      ...teacherBody(cast.vhsId),
      schoolId: undefined,
    });
    expect(put.statusCode).toBe(403);
    for (let i = 0; i < 2; i++) {
      const res = await cast.clients.vhs.post(`/api/teachers/${id}/unmask`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        idNumber: validId('1988-02-29', 9),
        phone: '13800138000',
        birthDate: '1988-02-29',
      });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect((await auditActions(ctx, id)).filter((a) => a === 'teacher.pii_view')).toHaveLength(2);
  });

  it('stops a register keeper at 20 clear-text views an hour, alerts the audit administrator once, and allows views again an hour later', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VEC');
    const client = await login(ctx, clerk.username);
    const id = await createTeacher(client, teacherBody(cast.vecId, { idNumber: validId('1979-03-08', 12) }));
    const statuses: number[] = [];
    for (let i = 0; i < PII_VIEWS_PER_HOUR + 3; i++) {
      statuses.push((await client.post(`/api/teachers/${id}/unmask`)).statusCode);
    }
    expect(statuses).toEqual([...Array(PII_VIEWS_PER_HOUR).fill(200), 429, 429, 429]);
    const refused = await client.post(`/api/teachers/${id}/unmask`);
    expect(errorOf(refused).code).toBe('TEACHER_PII_VIEW_LIMIT');
    expect(refused.body).not.toContain(validId('1979-03-08', 12));
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result', 'details'])
      .where('actorId', '=', clerk.id)
      .where('action', 'in', ['teacher.pii_view', 'security.alert'])
      .execute();
    const count = (action: string, result: string) =>
      rows.filter((r) => r.action === action && r.result === result).length;
    expect(count('teacher.pii_view', 'success')).toBe(PII_VIEWS_PER_HOUR);
    expect(count('teacher.pii_view', 'denied')).toBe(4);
    expect(rows.filter((r) => r.action === 'security.alert')).toEqual([
      {
        action: 'security.alert',
        result: 'success',
        details: { kind: 'pii_view_limit', limit: PII_VIEWS_PER_HOUR, windowMinutes: 60 },
      },
    ]);
    // Another keeper is not held back by this one's views.
    expect((await cast.clients.vec.post(`/api/teachers/${id}/unmask`)).statusCode).toBe(200);
    const now = ctx.clock.now();
    ctx.clock.advance(61 * 60_000);
    try {
      // (Signed in afresh: the old session has timed out meanwhile.)
      const later = await login(ctx, clerk.username);
      expect((await later.post(`/api/teachers/${id}/unmask`)).statusCode).toBe(200);
    } finally {
      ctx.clock.set(now);
    }
  });

  it('changes a record as a whole: a teacher who stops teaching 专业课 is no longer listed as such', async () => {
    const id = await createTeacher(cast.clients.vhs, teacherBody(cast.vhsId));
    const { schoolId: _s, idNumber: _i, ...rest } = teacherBody(cast.vhsId);
    const res = await cast.clients.vhs.put(`/api/teachers/${id}`, {
      ...rest,
      name: '改名',
      phone: null,
      specialisedPeriods: [{ startsOn: '2010-09-01', endsOn: '2020-12-31' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(teacherOf(res)).toMatchObject({
      specialised: false,
      phoneMasked: null,
      specialisedPeriods: [{ startsOn: '2010-09-01', endsOn: '2020-12-31' }],
    });
    const before = (
      await cast.clients.vhs.get('/api/teachers?specialised=true&asOf=2020-12-31&limit=500')
    ).json() as { items: Array<{ id: string }> };
    const after = (
      await cast.clients.vhs.get('/api/teachers?specialised=true&asOf=2021-01-01&limit=500')
    ).json() as { items: Array<{ id: string }> };
    expect(before.items.map((t) => t.id)).toContain(id);
    expect(after.items.map((t) => t.id)).not.toContain(id);
    expect(await auditActions(ctx, id)).toEqual(['teacher.created', 'teacher.updated']);
    const bad = await cast.clients.vhs.get('/api/teachers?asOf=2021-02-30');
    expect([bad.statusCode, errorOf(bad).details![0]!.code]).toEqual([400, 'DATE_INVALID']);
  });

  it('checks hire at 16 or older to the day on a change without the ID number (the birth date decrypted)', async () => {
    const id = await createTeacher(
      cast.clients.vhs,
      teacherBody(cast.vhsId, { idNumber: validId('1985-06-15', 77) }),
    );
    const { schoolId: _s, idNumber: _i, ...rest } = teacherBody(cast.vhsId);
    const early = await cast.clients.vhs.put(`/api/teachers/${id}`, { ...rest, hireDate: '2001-06-14' });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).details).toEqual([
      expect.objectContaining({ field: 'hireDate', code: 'HIRE_UNDER_16' }),
    ]);
    const onTheDay = await cast.clients.vhs.put(`/api/teachers/${id}`, { ...rest, hireDate: '2001-06-15' });
    expect(onTheDay.statusCode, onTheDay.body).toBe(200);
  });

  it('lists teachers who left only when asked', async () => {
    const id = await createTeacher(cast.clients.vhs, teacherBody(cast.vhsId, { leaveDate: '2021-03-01' }));
    const employed = (await cast.clients.vhs.get('/api/teachers?limit=500')).json() as {
      items: Array<{ id: string }>;
    };
    const left = (await cast.clients.vhs.get('/api/teachers?status=left&limit=500')).json() as {
      items: Array<{ id: string; employed: boolean }>;
    };
    expect(employed.items.map((t) => t.id)).not.toContain(id);
    expect(left.items.find((t) => t.id === id)).toMatchObject({ employed: false });
    const earlier = (await cast.clients.vhs.get('/api/teachers?asOf=2021-02-28&limit=500')).json() as {
      items: Array<{ id: string }>;
    };
    expect(earlier.items.map((t) => t.id)).toContain(id);
  });
});
