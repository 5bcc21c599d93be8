import type { Executor } from '../../platform/db/database.ts';
import { unitsByCodes } from '../org/index.ts';
import type { ReservedGroup } from './enrollment.tables.ts';
import { Problems } from './enrollment.problems.ts';
import type { ProgramInput } from './enrollment.schema.ts';

/** Org-unit group a receiving school must carry for each track. */
const TRACK_GROUP = { general: 'general-high', vocational: 'secondary-vocational' } as const;

/**
 * Checks a new program against its season: the batch exists and its window has not opened, the
 * code is free, the school is a school of the right kind (普高 for general, 中职 for vocational),
 * reserved seats (指标到校) fit the quota, their codes are unique, and each feeder school is a
 * junior high named in one group only. Every problem is reported with its field in zh and en.
 */
export async function validateProgram(
  db: Executor,
  input: ProgramInput,
  ctx: {
    batches: Array<{ id: string; opensAt: Date }>;
    existing: Array<{ code: string }>;
    now: Date;
  },
): Promise<{ schoolId: string; reserved: ReservedGroup[] }> {
  const p = new Problems();
  const batch = ctx.batches.find((b) => b.id === input.batchId);
  if (!batch)
    p.add('batchId', 'BATCH_UNKNOWN', '录取批次不属于本招生季', 'The batch does not belong to this season');
  else if (batch.opensAt <= ctx.now)
    p.add(
      'batchId',
      'BATCH_WINDOW_STARTED',
      '该批次志愿填报已开始，不能再增加招生计划',
      'The batch’s window has opened; programs can no longer be added',
    );
  if (ctx.existing.some((e) => e.code === input.code))
    p.add(
      'code',
      'DUPLICATE',
      `招生计划代码 ${input.code} 已存在`,
      `Program code ${input.code} already exists`,
    );
  const reserved = input.reserved ?? [];
  const codes = [input.schoolCode, ...reserved.flatMap((r) => r.schoolCodes)];
  const units = await unitsByCodes(db, [...new Set(codes)]);
  const school = units.get(input.schoolCode);
  if (!school || school.type !== 'school')
    p.add(
      'schoolCode',
      'SCHOOL_UNKNOWN',
      `学校代码 ${input.schoolCode} 不存在`,
      `No school with code ${input.schoolCode}`,
    );
  else if (!school.groups.includes(TRACK_GROUP[input.track]))
    p.add(
      'schoolCode',
      'SCHOOL_TRACK_MISMATCH',
      input.track === 'general' ? `${school.name}不是普通高中` : `${school.name}不是中等职业学校`,
      input.track === 'general'
        ? `${school.name} is not a general high school`
        : `${school.name} is not a secondary vocational school`,
    );
  let reservedTotal = 0;
  const seenGroups = new Set<string>();
  const seenSchools = new Set<string>();
  reserved.forEach((r, i) => {
    reservedTotal += r.capacity;
    if (seenGroups.has(r.code))
      p.add(
        `reserved.${i}.code`,
        'DUPLICATE',
        `指标到校分组 ${r.code} 重复`,
        `Reserved group ${r.code} is listed twice`,
      );
    seenGroups.add(r.code);
    r.schoolCodes.forEach((code, j) => {
      const unit = units.get(code);
      if (!unit || !unit.groups.includes('junior-high'))
        p.add(
          `reserved.${i}.schoolCodes.${j}`,
          'SCHOOL_UNKNOWN',
          `${code} 不是初中学校`,
          `${code} is not a junior high school`,
        );
      else if (seenSchools.has(code))
        p.add(
          `reserved.${i}.schoolCodes.${j}`,
          'DUPLICATE',
          `初中学校 ${code} 出现在两个指标到校分组中`,
          `Junior high ${code} is in two reserved groups`,
        );
      seenSchools.add(code);
    });
  });
  if (reservedTotal > input.quota)
    p.add(
      'reserved',
      'RESERVED_OVER_QUOTA',
      `指标到校名额（${reservedTotal}）超过招生计划数（${input.quota}）`,
      `Reserved seats (${reservedTotal}) exceed the quota (${input.quota})`,
    );
  p.throwIfAny();
  return {
    schoolId: school!.id,
    reserved: reserved.map((r) => ({
      code: r.code,
      capacity: r.capacity,
      schoolIds: r.schoolCodes.map((c) => units.get(c)!.id),
    })),
  };
}
